"""Event location: which of a mention's places is where the event happened.

"Missiles fired from Kermanshah hit targets in Deir Ezzor" happened in Deir Ezzor; Kermanshah is
the origin. The rules, in order:

1. a place the NLP stage marked ``role="target"`` / ``"origin"`` keeps that role;
2. a place right after "launched from" / "fired (by X) from" / "took off from" … is the origin
   (a bare "from" is not: "withdrew from Syria" happened in Syria);
3. a place used for its government ("Iraq's foreign ministry", "Tehran said") is not a location;
4. of the remaining resolved places, the most precise wins (site > town > admin1 > region >
   country), then the one nearest the trigger; "north of Baghdad" / "outside Kirkuk" keeps the
   place but one precision level lower;
5. with no place in the sentence, the article's focus country, with precision "country".
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from ..cues import CAUSE_FIRST, EFFECT_FIRST, find_cues
from ..model import Article, Mention, Place, Span
from .gazetteer import Gazetteer
from .recognize import Toponym, is_modifier, recognize
from .resolve import resolve

__all__ = ["locate_mentions", "pick_location", "LocationChoice", "PRECISION_ORDER"]

#: Most to least precise.
PRECISION_ORDER = ("site", "town", "admin1", "region", "country")

_ORIGIN_BEFORE = re.compile(  # launch verbs only: "withdrew from Syria" is not an origin
    r"\b(?:launched|fired|took\s+off|flew|shot|lobbed|originat(?:ed|ing)|sent|dispatched)"
    r"(?:\s+[\w'’-]+){0,4}?\s+from\s+(?:the\s+)?$",
    re.I,
)
_DIRECTION_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|"
    r"outside(?:\s+of)?|near|on\s+the\s+outskirts\s+of|miles\s+from|km\s+from|kilometers\s+from|"
    r"kilometres\s+from)\s+(?:the\s+)?$",
    re.I,
)
_METONYMY_AFTER = re.compile(
    r"^(?:['’]s\s+(?:foreign|defen[cs]e|interior|government|ministry|president|prime|military|"
    r"army|officials?|leaders?|leadership|state|supreme|parliament|regime|envoy|ambassador|"
    r"mission|delegation|representative)|\s+(?:said|says|announced|claimed|denied|accused|"
    r"warned|vowed|condemned|blamed|insisted|threatened|responded|retaliated|issued|ordered|"
    r"approved|authori[sz]ed|confirmed|stated|decided|imposed|demanded|called|urged|rejected|"
    r"insists|wants|has|have|had|will|would|launched|fired|attacked|shot|downed|"
    r"seized|deployed|sent|carried|accused|announced|sanctioned|backs|backed|supports|"
    r"supported|armed|funded|must|should|could|may|might|can|does|did)\b)",
    re.I,
)
#: Buildings whose name stands for a government; a location only after "at", "in", "outside" …
SEATS_OF_POWER = frozenset({"The Pentagon", "White House", "Kremlin", "Downing Street",
                            "Headquarters of the United Nations"})
_LOCATIVE_BEFORE = re.compile(r"\b(?:at|in|inside|outside|near|to|into|on)\s+(?:the\s+)?$", re.I)
_AUXILIARY_AFTER = re.compile(r"\s+(?:is|was|were|are|has been|have been|had been|will be)"
                              r"\s+(?:\w+ly\s+)?(\w+)", re.I)
#: Participles without -ed/-en, for "X was hit": the passive keeps X a place.
IRREGULAR_PARTICIPLES = frozenset("hit struck shot overrun rocked sent built set cut".split())
_POSSESSIVE = re.compile(r"^['’]s\s+([A-Za-z-]+)")
#: Words after "X's" that keep X a place: "Iraq's K-1 base", "Baghdad's international airport".
GEO_NOUNS = frozenset(
    """city town village capital province governorate district region border north south east
    west northern southern eastern western northeast northwest southeast southwest northeastern
    northwestern southeastern southwestern central international main largest second airport
    base bases airbase port coast desert outskirts suburbs countryside territory soil airspace
    waters oil k-1""".split()
)
#: "the embassy", "the base" … in a sentence without a place name: the last site of that kind
#: named earlier in the article.
ANAPHORS = {
    "embassy": ("embassy",), "base": ("base", "camp", "garrison", "airfield"),
    "airbase": ("air base", "airbase", "airfield"), "air base": ("air base", "airbase"),
    "airport": ("airport",), "camp": ("camp",), "garrison": ("garrison",),
}
_ANAPHOR = re.compile(r"\bthe (embassy|air ?base|base|airport|camp|garrison)\b", re.I)

_INSTITUTION = re.compile(
    r"\b([A-Z][a-z]+(?:['’]s)?) (?:parliament|[Pp]arliament|government|cabinet|presidency|"
    r"legislature|[Nn]ational [Aa]ssembly|[Cc]ouncil of [Rr]epresentatives|[Ss]upreme [Cc]ourt)\b"
)

#: How far before a place the origin/direction cues are looked for (characters).
CUE_WINDOW = 40
#: A sentence without a place inherits a site/town named at most this many sentences earlier
#: in the same paragraph: news paragraphs keep to one scene.
CONTEXT_SENTENCES = 2


@dataclass
class LocationChoice:
    """Where an event happened and where it was launched from (either may be None)."""

    location: Place | None
    origin: Place | None


def is_locative(text: str, p: Place) -> bool:
    """False when the place word names an actor, not a location: "Iraq's foreign ministry",
    "Tehran said", "US troops", "the Pentagon issued"."""
    if p.start is None or p.end is None:
        return True
    before = text[max(0, p.start - CUE_WINDOW):p.start]
    after = text[p.end:p.end + CUE_WINDOW]
    if _METONYMY_AFTER.match(after):
        return False
    aux = _AUXILIARY_AFTER.match(after)
    if aux and not aux.group(1).lower().endswith(("ed", "en")) and \
            aux.group(1).lower() not in IRREGULAR_PARTICIPLES:
        return False  # "Iran is determined" is about Iran; "Kirkuk was hit" is about Kirkuk
    possessive = _POSSESSIVE.match(after)
    if possessive and possessive.group(1).lower() not in GEO_NOUNS:
        return False  # "Washington's defiance", but "Iran's southwestern city of Ahvaz"
    if p.name in SEATS_OF_POWER and not _LOCATIVE_BEFORE.search(before):
        return False
    if p.feature == "country" and is_modifier(text, p.end) and not _LOCATIVE_BEFORE.search(before):
        return False
    return True


def _lower(precision: str | None) -> str | None:
    if precision in ("site", "town"):
        return PRECISION_ORDER[PRECISION_ORDER.index(precision) + 1]
    return precision


def _in_cause_phrase(text: str, p: Place, trigger: Span | None) -> bool:
    """True when an explicit cause cue stands between the trigger and ``p``: the place belongs to
    the other act of the link. After the trigger it is the cause's ("strikes on bases in Iraq *to
    avenge* the murder of a general *in Baghdad*"); before it, when the trigger sits in the cause
    phrase, the effect's ("the embassy *in Baghdad* came under siege by protesters *outraged
    over* the air strikes")."""
    if trigger is None or p.start is None or p.end is None:
        return False
    if p.start >= trigger.end:
        between = text[trigger.end:p.start]
    elif p.end <= trigger.start:
        between = text[p.end:trigger.start]
    else:
        return False
    return any(c.cue.explicit and c.cue.direction in (EFFECT_FIRST, CAUSE_FIRST)
               for c in find_cues(between))


def pick_location(text: str, places: list[Place], trigger: Span | None = None) -> LocationChoice:
    """Choose the event location and origin among ``places`` (offsets into ``text``).

    Places inside the phrase naming the cause of the event are the cause's, not this event's.
    """
    origin = None
    pool = []
    for p in places:
        if _in_cause_phrase(text, p, trigger):
            continue
        before = text[max(0, p.start - CUE_WINDOW):p.start] if p.start is not None else ""
        if p.role == "origin" or (p.role is None and _ORIGIN_BEFORE.search(before)):
            origin = origin or dataclasses.replace(p, role="origin")
            continue
        if p.role != "target" and not is_locative(text, p):
            continue
        if p.lat is None:
            continue
        precision = _lower(p.precision) if _DIRECTION_BEFORE.search(before) else p.precision
        pool.append(dataclasses.replace(p, role="target", precision=precision))
    if not pool:
        return LocationChoice(None, origin)
    explicit = [p for p in pool if any(q.role == "target" and q.start == p.start for q in places)]
    if explicit:
        # A coarse explicit target often only contains the precise one ("the airbase of Ain
        # al-Asad in western Iraq"): a finer place in the same country is the better answer.
        coarse = {p.country for p in explicit if p.precision in ("admin1", "country")}
        finer = [p for p in pool if p.precision in ("site", "town") and p.country in coarse]
        pool = finer if len(coarse) == len(explicit) and finer else explicit
    anchor = trigger.start if trigger is not None else 0

    def rank(p: Place) -> tuple[int, int]:
        order = PRECISION_ORDER.index(p.precision) if p.precision in PRECISION_ORDER else 3
        return order, abs((p.start or 0) - anchor)

    return LocationChoice(min(pool, key=rank), origin)


def _focus_country(text: str, places: list[Place], demonyms: list[str],
                   gazetteer: Gazetteer) -> Place | None:
    votes: Counter[str] = Counter(p.country for p in places if p.country and is_locative(text, p))
    if not votes:  # every place word names an actor: still the best guess of the country
        votes = Counter(p.country for p in places if p.country)
    for iso2 in demonyms:
        if iso2 in gazetteer.iso3:
            votes[gazetteer.iso3[iso2]] += 0.5
    if not votes:
        return None
    iso3 = votes.most_common(1)[0][0]
    iso2 = next((k for k, v in gazetteer.iso3.items() if v == iso3), None)
    c = gazetteer.country(iso2) if iso2 else None
    if c is None:
        return None
    return Place(text=c.name, name=c.name, country=iso3, lat=c.lat, lon=c.lon,
                 geonameid=c.geonameid, feature="country", precision="country", role="target")


def locate_mentions(article: Article, doc, mentions: list[Mention],  # type: ignore[no-untyped-def]
                    gazetteer: Gazetteer) -> None:
    """Resolve each mention's places and set ``location`` (target) and ``origin``, in place.

    ``doc`` is the spaCy parse of ``article.text`` (clean text); mention offsets are original-text
    offsets. Toponyms are found once per article, then resolved together with the places the NLP
    stage attached to mentions, so the whole article informs each name.
    """
    if doc is None:  # callers should pass their parse; this keeps the function total
        from .geoparse import load_geoparse_nlp

        doc = load_geoparse_nlp()(article.text)
    found = recognize(article.text, doc, gazetteer)
    toponyms: dict[tuple[int, int], Toponym] = {}
    for t in found.toponyms:
        s, e = article.to_original(t.start, t.end)
        toponyms[(s, e)] = Toponym(s, e, article.original[s:e], t.source, t.cue)
    loose = []  # given places without offsets: resolved by their text alone
    for m in mentions:
        for p in m.places:
            if p.start is not None and p.end is not None:
                if not any(s <= p.start and p.end <= e for s, e in toponyms):
                    toponyms[(p.start, p.end)] = Toponym(p.start, p.end, p.text, "given")
            else:
                loose.append(p.text)
    ordered = sorted(toponyms.values(), key=lambda t: t.start)
    resolved = resolve(article.original, ordered, gazetteer, found.demonyms)
    by_span = {(p.start, p.end): p for p in resolved}
    extra = resolve(" ; ".join(loose), _loose_toponyms(loose), gazetteer, found.demonyms)
    by_text = {p.text: p for p in extra}
    focus = _focus_country(article.original, resolved, found.demonyms, gazetteer)
    sentences: list[tuple[int, int]] | None = None  # computed when first needed
    for m in mentions:
        s, e = m.sentence.start, m.sentence.end
        in_sentence = [dataclasses.replace(p) for p in resolved
                       if p.start is not None and s <= p.start and (p.end or 0) <= e]
        if m.places:
            given = [_resolved_copy(p, by_span, by_text) for p in m.places]
            # Toponyms the gazetteer found in the sentence that the NLP stage did not attach
            # (sites it does not know as entities: "the airbase of Ain al-Asad") still count.
            m.places = given + [p for p in in_sentence if not any(
                g.start is not None and g.start < (p.end or 0) and p.start < (g.end or 0)
                for g in given)]
        else:
            m.places = in_sentence
        choice = pick_location(article.original, m.places, m.trigger)
        m.origin = choice.origin
        location = choice.location or _from_anaphor(article.original, m, resolved)
        if location is None:
            if sentences is None:
                sentences = _sentences(article, doc)
            location = _from_context(article.original, m, sentences, resolved)
        if location is None or location.precision == "country":
            location = _institution_seat(article.original, m, gazetteer, location) or location
        m.location = location or (dataclasses.replace(focus) if focus else None)


def _sentences(article: Article, doc) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Original-text spans of the parse's sentences."""
    try:
        return [article.to_original(s.start_char, s.end_char) for s in doc.sents]
    except ValueError:  # a parse without sentence boundaries
        return []


def _from_context(text: str, m: Mention, sentences: list[tuple[int, int]],
                  resolved: list[Place]) -> Place | None:
    """The location named just before a sentence that names none ("The protesters stormed the
    compound" after "…the US Embassy in Baghdad…"): up to CONTEXT_SENTENCES earlier sentences
    of the same paragraph, nearest first."""
    idx = next((i for i, (s, e) in enumerate(sentences) if s <= m.sentence.start < e), None)
    if idx is None:
        return None
    for j in range(idx - 1, max(-1, idx - 1 - CONTEXT_SENTENCES), -1):
        s, e = sentences[j]
        if "\n\n" in text[s:sentences[j + 1][0]]:
            break  # paragraph boundary
        inside = [p for p in resolved if p.start is not None and s <= p.start and (p.end or 0) <= e]
        choice = pick_location(text, inside)
        if choice.location is not None and choice.location.precision in ("site", "town"):
            return choice.location
        if "\n" in text[s:e]:
            break
    return None


def _from_anaphor(text: str, m: Mention, resolved: list[Place]) -> Place | None:
    """ "the embassy" → the last embassy named before this sentence (a site, resolved)."""
    hit = _ANAPHOR.search(text, m.sentence.start, m.sentence.end)
    if not hit:
        return None
    kinds = ANAPHORS[hit.group(1).lower()]
    before = [p for p in resolved if p.feature == "site" and p.start is not None
              and p.start < m.sentence.start and p.lat is not None
              and any(k in (p.name or "").lower() or k in p.text.lower() for k in kinds)]
    if not before:
        return None
    return dataclasses.replace(before[-1], role="target")


def _institution_seat(text: str, m: Mention, gazetteer: Gazetteer,
                      country: Place | None) -> Place | None:
    """ "the Iraqi parliament", "Iran's government" acting → the capital (precision town): a
    national institution sits in its capital. Only for the country already chosen, if any."""
    for hit in _INSTITUTION.finditer(text, m.sentence.start, m.sentence.end):
        word = re.sub(r"['’]s$", "", hit.group(1))
        iso2 = gazetteer.demonym(word) or next(
            (k for k, v in gazetteer.country_names.items() if v == word), None)
        if not iso2 or (country is not None and gazetteer.iso3.get(iso2) != country.country):
            continue
        capital = gazetteer.capital(iso2)
        if capital is not None:
            return Place(text=hit.group(0), start=hit.start(), end=hit.end(), name=capital.name,
                         country=gazetteer.iso3.get(iso2), admin1=capital.admin1,
                         lat=capital.lat, lon=capital.lon, geonameid=capital.geonameid,
                         feature="city", precision="town", role="target")
    return None


def _loose_toponyms(texts: list[str]) -> list[Toponym]:
    out, pos = [], 0
    for t in texts:
        out.append(Toponym(pos, pos + len(t), t, "given"))
        pos += len(t) + 3
    return out


def _resolved_copy(p: Place, by_span: dict, by_text: dict) -> Place:
    """The given place with the resolution of the toponym that covers it; role kept."""
    hit = by_span.get((p.start, p.end))
    if hit is None and p.start is not None:
        hit = next((q for (s, e), q in by_span.items()
                    if s is not None and s <= p.start and p.end <= e), None)
    if hit is None:
        hit = by_text.get(p.text)
    if hit is None:
        return p
    return dataclasses.replace(hit, text=p.text, start=p.start, end=p.end, role=p.role)
