"""Toponym resolution: which gazetteer entry each place name in a document refers to.

Each candidate gets a score (higher wins):

    prior      log10(population) + a bonus per feature type (countries, admin1 regions, regions
               and the project's sites outrank villages of the same name); alternate-name and
               fuzzy matches pay a small penalty;
    focus      + FOCUS_COUNTRY × share of the document's other place names (and demonyms)
               that resolve to the candidate's country;
    hierarchy  + FOCUS_ADMIN1 × share of the other names in the candidate's admin1 region
               (the county or state named elsewhere in a US local story);
    qualifier  + QUALIFIER when the text writes "Paris, Texas" / "Paris, Tex." / "Erbil, Iraq";
    proximity  + up to PROXIMITY when the candidate lies near the other places of the document.

    support    + up to SUPPORT when other names have a candidate within ~50 km of this one.

Focus, hierarchy, support and proximity come from the current choices of the other names: a
prior-only round, then ROUNDS rounds updating one name at a time (least ambiguous first); a name
never votes for itself. The focus counts each other name (countries/admin1 ×2, repeats up to 3,
modifier uses ¼, fuzzy choices 0), demonyms and national wordings (``lexicon.COUNTRY_CUES``).
"""

from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..model import Place
from .build import haversine_km
from .gazetteer import SUFFIX_FEATURES, Candidate, Gazetteer
from .normalize import normalize
from .lexicon import (
    DEMONYM_ENDINGS,
    UNDOTTED_ABBREVIATIONS,
    US_STATE_ABBREVIATIONS,
    cue_countries,
)
from .recognize import Toponym, is_modifier, split_suffix

__all__ = ["resolve", "candidates_for", "precision_of", "to_place"]

#: Prior bonus per feature type, in log10-population units. Sites and regions carry no population;
#: 7 puts them level with a city of 10 million: they come from the project's curated tables, and
#: a town that shares the name of "the Middle East" or "Al-Tanf" is almost never meant.
FEATURE_BONUS = {"country": 2.5, "admin1": 0.5, "admin2": 0.5, "site": 7.0, "region": 7.0,
                 "city": 0.0}
ALTERNATE_PENALTY = 2.0  # the written form is only an alternate (often historic) name
CAPITAL_BONUS = 1.0  # a national capital is what an unqualified name usually means
NEIGHBOUR_SHARE = 0.5  # a neighbour of the focus country gets this share of its focus
SUPPORT = 2.0  # other names of the document have a candidate within ~50 km
#: A name with candidates in more cells than this ("Springfield" is everywhere) supports its
#: neighbours with a proportionally smaller weight.
SUPPORT_MAX_CELLS = 15
#: Grid cell for the support test, in degrees (~55 km of latitude).
SUPPORT_CELL = 0.5
FUZZY_PENALTY = 2.0  # found only by skeleton + rapidfuzz
FOCUS_COUNTRY = 4.5  # a full-country focus outweighs a 30,000× population gap
FOCUS_ADMIN1 = 2.5
QUALIFIER = 6.0  # an explicit "X, <state or country>" settles it
PROXIMITY = 1.5
#: Proximity bands (km): full bonus nearer than NEAR, none from FAR on (150 km in between).
PROXIMITY_NEAR_KM = 50
PROXIMITY_FAR_KM = 400
#: Latitude gap beyond which two points are surely more than PROXIMITY_FAR_KM apart (a degree of
#: latitude is 111.19 km on the 6371-km sphere of haversine_km; 1 km margin for rounding).
_KM_PER_DEGREE = 111.19
_FAR_DEGREES = (PROXIMITY_FAR_KM + 1) / _KM_PER_DEGREE
ROUNDS = 2
#: "Kirkuk", "Baghdad", "Kermanshah" name a city and its province; news means the city unless it
#: writes "province", so the province loses this much when its namesake city is a candidate.
SAME_NAME_ADMIN1_PENALTY = 3.0
#: Weight of one demonym ("Iraqi") in the country focus, relative to one place name.
DEMONYM_WEIGHT = 0.5

CUE_WEIGHT = 1.0  # one distinct national wording ("Sheriff's Office"), relative to a place name
#: A name that is itself a country or admin1 region ("England", "Texas") says more about the
#: focus than a town that may have namesakes abroad.
AREA_WEIGHT = 2.0
#: Repeats of one name count up to this many times in the focus (the story's main place is
#: named again and again; beyond three it says nothing new).
MAX_REPEATS = 3
MODIFIER_WEIGHT = 0.25  # a use as modifier ("US troops") in the focus, relative to a place use
#: Candidates with no country (the Middle East, the Persian Gulf) get this share of the focus
#: bonus, so that a namesake hamlet in the focus country does not beat the region.
NEUTRAL_FOCUS = 0.5


#: Features that have a point location (support and proximity apply to them).
LOCAL = frozenset({"city", "site", "admin2"})


def _cell(lat: float, lon: float) -> tuple[int, int]:
    return int(math.floor(lat / SUPPORT_CELL)), int(math.floor(lon / SUPPORT_CELL))


_QUALIFIER = re.compile(r",\s+([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)")


@dataclass
class _Name:
    """One distinct written name in the document and its candidates."""

    key: str
    candidates: list[Candidate]
    qualifiers: set[str] = field(default_factory=set)  # normalized "X, <qualifier>" words
    best: Candidate | None = None
    count: float = 0.0  # occurrences in the document (modifier uses weigh less)
    capitals: set[tuple[str | None, str | None]] = field(default_factory=set)  # (cc, admin1) of city candidates
    capital_ccs: set[str | None] = field(default_factory=set)  # countries whose capital is a candidate
    cells: set[tuple[int, int]] = field(default_factory=set)  # grid cells of local candidates
    #: Per candidate, the terms that do not depend on the other names' choices (prior +
    #: qualifier) and the support term (other names' candidates never change): computed once
    #: per document instead of once per round.
    static: list[float] | None = None
    support: list[float] | None = None


def _abbreviation(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """AP-style state abbreviations ("Tex.", "W. Va.", "D.C.") → the state."""
    key = normalize(text).replace(" ", "")
    if "." not in text and key not in UNDOTTED_ABBREVIATIONS:
        return []
    if key == "la" and text.strip() == "L.A.":
        key = "los angeles"
    if key == "dc":
        return [c for c in gazetteer.lookup("Washington") if c.cc == "US" and c.feature == "city"][:1]
    if key == "los angeles":
        return [c for c in gazetteer.lookup("Los Angeles") if c.cc == "US"][:1]
    state = US_STATE_ABBREVIATIONS.get(key)
    if not state:
        return []
    return [c for c in gazetteer.lookup(state) if c.cc == "US" and c.feature == "admin1"]


def _demonym(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """A demonym or adjective → its country ("Iraqi"), or the region it derives from."""
    iso2 = gazetteer.demonym(text)
    country = gazetteer.country(iso2) if iso2 else None
    if country:
        return [dataclasses.replace(country, kind="demonym")]
    for suffix, repl in DEMONYM_ENDINGS:
        if text.endswith(suffix) and len(text) > len(suffix) + 3:
            stem = text[: -len(suffix)] + repl
            found = [c for c in gazetteer.lookup(stem) if c.feature in ("country", "admin1", "region")]
            if found:
                return found
    return []


def candidates_for(text: str, gazetteer: Gazetteer) -> list[Candidate]:
    """Candidates of one written name, handling "the", "'s", "X province", demonyms, fuzz."""
    body = re.sub(r"^(the|The)\s+", "", text.strip())
    body = re.sub(r"['’]s$", "", body)
    special = _abbreviation(body, gazetteer) or _demonym(body, gazetteer)
    if special:
        return special
    found = gazetteer.lookup(body)
    if found:
        return found
    base, suffix = split_suffix(body)
    if suffix:
        found = gazetteer.lookup(base)
        wanted = SUFFIX_FEATURES[suffix]
        narrowed = [c for c in found if c.feature in wanted]
        found = narrowed or found
    if not found or all(c.feature not in ("city", "site") for c in found):
        more = [c for c in gazetteer.lookup(base, fuzzy=True) if c not in found]
        found = found + [c for c in more if c.fuzzy]
    return found


def _prior(c: Candidate, n: _Name) -> float:
    score = math.log10(max(c.population, 1)) + FEATURE_BONUS.get(c.feature, 0.0)
    if c.feature == "admin1" and ((c.cc, c.admin1) in n.capitals or c.cc in n.capital_ccs):
        score -= SAME_NAME_ADMIN1_PENALTY
    if c.feature == "city" and c.cc in n.capital_ccs and c.main:
        score += CAPITAL_BONUS
    if not c.main:
        score -= ALTERNATE_PENALTY
    if c.fuzzy:
        score -= FUZZY_PENALTY
    return score


def _qualifier_match(c: Candidate, qualifiers: set[str], gazetteer: Gazetteer) -> bool:
    if not qualifiers:
        return False
    names = set()
    if c.admin1:
        names.add(normalize(c.admin1))
    if c.cc:
        names.add(normalize(gazetteer.country_names.get(c.cc, "")))
        names.add(c.cc.lower())
    if c.cc == "US":
        names.update({"us", "usa"})
    return bool(names & qualifiers)


@dataclass
class _Context:
    countries: Counter = field(default_factory=Counter)
    admin1s: Counter = field(default_factory=Counter)
    anchors: list[tuple[str, float, float]] = field(default_factory=list)
    by_name: dict[str, tuple[str | None, tuple | None, float]] = field(default_factory=dict)
    cells: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    total: float = 0.0  # sum of the country votes
    total_admin: int = 0  # sum of the admin1 votes
    near: dict[str, float] = field(default_factory=dict)  # votes of each country's neighbours

    def neighbour_votes(self, cc: str, gazetteer: Gazetteer) -> float:
        """Country votes of ``cc``'s neighbours (computed once per context and country)."""
        if cc not in self.near:
            self.near[cc] = sum(self.countries[x] for x in gazetteer.neighbours.get(cc, ()))
        return self.near[cc]


def _vote_weight(n: _Name) -> float:
    """How much one name says about the document's country focus."""
    b = n.best
    if b is None:
        return 0.0
    if b.kind == "demonym":
        base = DEMONYM_WEIGHT
    else:
        base = AREA_WEIGHT if b.feature in ("country", "admin1") else 1.0
    return base * min(n.count, MAX_REPEATS)


def _context(names: list[_Name], demonyms: list[str], cues: list[str]) -> _Context:
    ctx = _Context(cells={n.key: n.cells for n in names if n.cells})
    for iso2 in demonyms:
        ctx.countries[iso2] += DEMONYM_WEIGHT
    for iso2 in cues:
        ctx.countries[iso2] += CUE_WEIGHT
    for n in names:
        b = n.best
        if b is None or b.fuzzy:  # a guessed spelling is no evidence of the focus
            continue
        weight = _vote_weight(n)
        if b.cc:
            ctx.countries[b.cc] += weight
        admin = (b.cc, b.admin1) if b.admin1 and b.feature != "country" else None
        if admin:
            ctx.admin1s[admin] += 1
        ctx.by_name[n.key] = (b.cc, admin, weight if b.cc else 0.0)
        if b.feature in ("city", "site", "admin2"):
            ctx.anchors.append((n.key, b.lat, b.lon))
    ctx.total = sum(ctx.countries.values())
    ctx.total_admin = sum(ctx.admin1s.values())
    return ctx


def _static(n: _Name, gazetteer: Gazetteer) -> list[float]:
    """Prior and qualifier of each candidate: the terms that ignore the other names."""
    out = []
    for c in n.candidates:
        score = _prior(c, n)
        if _qualifier_match(c, n.qualifiers, gazetteer):
            score += QUALIFIER
        out.append(score)
    return out


def _support(c: Candidate, n: _Name, ctx: _Context) -> float:
    """Support term: other names of the document with a candidate in a neighbouring cell."""
    cx, cy = _cell(c.lat, c.lon)
    around = {(cx + dx, cy + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)}
    supporting = sum(min(1.0, SUPPORT_MAX_CELLS / len(cells)) for k, cells in ctx.cells.items()
                     if k != n.key and not cells.isdisjoint(around))
    return SUPPORT * min(1.0, supporting / 2)


def _nearest_km(c: Candidate, key: str, anchors: list[tuple[str, float, float]]) -> float | None:
    """Distance to the nearest other name's choice (None without one), exact where it decides
    the proximity band: ``inf`` stands for "≥ PROXIMITY_FAR_KM", anchors whose latitude gap
    alone puts them farther than the nearest so far are skipped, and the search stops once one
    lies within PROXIMITY_NEAR_KM (the bonus is full there)."""
    near, limit = None, _FAR_DEGREES
    for k, lat, lon in anchors:
        if k == key:
            continue
        if near is None:
            near = math.inf
        # A degree of latitude is ≥ 111.19 km everywhere, so this anchor cannot be nearer.
        if abs(lat - c.lat) > limit:
            continue
        d = haversine_km(c.lat, c.lon, lat, lon)
        if d < near:
            near = d
            if near < PROXIMITY_NEAR_KM:
                break
            limit = min(_FAR_DEGREES, near / _KM_PER_DEGREE)
    return near


def _choose(n: _Name, ctx: _Context | None, gazetteer: Gazetteer) -> Candidate:
    """The best-scoring candidate of ``n`` in context ``ctx`` (the first of equal scores).

    Score = static (prior, qualifier) + country focus + admin1 focus + support + proximity
    (module docstring); each term is added in that order so that sums are reproducible.
    """
    if n.static is None:
        n.static = _static(n, gazetteer)
    if ctx is None:
        return n.candidates[max(range(len(n.candidates)), key=n.static.__getitem__)]
    if ctx.cells and n.support is None:
        n.support = [_support(c, n, ctx) if c.feature in LOCAL else 0.0 for c in n.candidates]
    own_cc, own_admin, own_weight = ctx.by_name.get(n.key, (None, None, 0.0))
    total = ctx.total - own_weight
    total_a = ctx.total_admin - (1 if own_admin else 0)
    best, best_score = n.candidates[0], -math.inf
    for i, c in enumerate(n.candidates):
        score = n.static[i]
        if total > 0 and not c.cc:
            score += FOCUS_COUNTRY * NEUTRAL_FOCUS
        if total > 0 and c.cc:
            votes = ctx.countries[c.cc] - (own_weight if own_cc == c.cc else 0)
            near = ctx.neighbour_votes(c.cc, gazetteer)
            score += FOCUS_COUNTRY * (votes + NEIGHBOUR_SHARE * near) / total
        if total_a > 0 and c.admin1 and c.feature != "country":
            key = (c.cc, c.admin1)
            votes = ctx.admin1s[key] - (1 if own_admin == key else 0)
            score += FOCUS_ADMIN1 * votes / total_a
        if c.feature in LOCAL and ctx.cells:
            score += n.support[i]  # type: ignore[index]
        if c.feature in LOCAL and ctx.anchors:
            km = _nearest_km(c, n.key, ctx.anchors)
            if km is not None:
                score += PROXIMITY * (1.0 if km < PROXIMITY_NEAR_KM else 0.66 if km < 150 else
                                      0.33 if km < PROXIMITY_FAR_KM else 0.0)
        if score > best_score:
            best, best_score = c, score
    return best


def precision_of(c: Candidate) -> str:
    """Event-location precision of a resolved entry: site | town | admin1 | country | region."""
    if c.feature == "site":
        return "site"
    if c.feature == "city":
        return "town"
    if c.feature in ("admin1", "admin2"):
        return "admin1"
    if c.feature == "country":
        return "country"
    return "region"


def to_place(top: Toponym, c: Candidate | None, gazetteer: Gazetteer) -> Place:
    """A :class:`Place` for a toponym and its chosen entry (unresolved when ``c`` is None)."""
    if c is None:
        return Place(text=top.text, start=top.start, end=top.end)
    return Place(
        text=top.text, start=top.start, end=top.end, name=c.name,
        country=gazetteer.iso3.get(c.cc) if c.cc else None, admin1=c.admin1,
        lat=round(c.lat, 5), lon=round(c.lon, 5), geonameid=c.geonameid, feature=c.feature,
        precision=precision_of(c),
    )


def _qualifiers(text: str, top: Toponym) -> set[str]:
    m = _QUALIFIER.match(text, top.end)
    if not m:
        return set()
    word = normalize(m.group(1))
    out = {word}
    if word.replace(" ", "") in US_STATE_ABBREVIATIONS:
        out.add(normalize(US_STATE_ABBREVIATIONS[word.replace(" ", "")]))
    return out


def resolve(text: str, toponyms: list[Toponym], gazetteer: Gazetteer,
            demonyms: list[str] | None = None) -> list[Place]:
    """Resolve every toponym of one document together; unresolvable ones keep null coordinates."""
    names: dict[str, _Name] = {}
    for top in toponyms:
        key = normalize(top.text)
        if key not in names:
            try:
                cands = candidates_for(top.text, gazetteer)
            except Exception:  # noqa: BLE001 - one bad name never empties the rest
                cands = []
            names[key] = _Name(key, cands, capitals={
                (c.cc, c.admin1) for c in cands if c.feature == "city"
                and (c.main or normalize(c.name) == normalize(c.admin1 or ""))},
                capital_ccs={c.cc for c in cands if c.feature == "city"
                             and (c.cc, normalize(c.name)) in gazetteer.capitals},
                cells={_cell(c.lat, c.lon) for c in cands if c.feature in LOCAL})
        names[key].qualifiers |= _qualifiers(text, top)
        # "US troops" says who acts, not where: such uses weigh a quarter in the focus.
        names[key].count += MODIFIER_WEIGHT if is_modifier(text, top.end) else 1.0
    cues = cue_countries(text)
    ctx: _Context | None = _context([], [], cues) if cues else None
    # Round 0 scores each name alone; later rounds update one name at a time, least ambiguous
    # first, rebuilding the context after each so that two ambiguous names ("Walker County",
    # "Huntsville") settle on the pair that fits instead of swapping back and forth.
    order = sorted((n for n in names.values() if n.candidates), key=lambda n: len(n.candidates))
    for n in order:
        n.best = _choose(n, ctx, gazetteer)
    all_names = list(names.values())
    ctx = _context(all_names, demonyms or [], cues)
    # _choose is a function of the name and the context alone: a name already chosen in the
    # current context would choose the same again, so it is skipped (a round where nothing
    # moved leaves nothing for the next one).
    version, chosen_in = 0, {}
    for _ in range(ROUNDS):
        for n in order:
            if chosen_in.get(n.key) == version:
                continue
            before = n.best
            n.best = _choose(n, ctx, gazetteer)
            chosen_in[n.key] = version
            if n.best is not before:  # the context is a function of the choices: same if none moved
                ctx = _context(all_names, demonyms or [], cues)
                version += 1
    focus = ctx.countries.most_common(1)[0][0] if ctx and ctx.countries else None
    cued = {normalize(t.text) for t in toponyms if t.cue or t.source == "given"}
    for n in order:
        if n.best is not None and n.best.fuzzy and (n.best.cc != focus or n.key not in cued):
            # A look-alike abroad, or a look-alike of a word no cue marks as a place (spaCy
            # calls "Soleimani" a GPE), is worse than an honest "unknown".
            n.best = None
    by_key = defaultdict(lambda: None, {k: n.best for k, n in names.items()})
    places = []
    for top in toponyms:
        place = to_place(top, by_key[normalize(top.text)], gazetteer)
        if place.lat is None and focus and (top.cue or top.source == "given") and not any(
                ch.isdigit() for ch in top.text):
            # A place by its context ("in Harwinton") but unknown to the gazetteer: most likely
            # in the document's focus country. A guess, so the coordinates stay null.
            place.country = gazetteer.iso3.get(focus)
        places.append(place)
    return places
