"""Event location: which of a mention's places is where the event happened.

"Missiles fired from Kermanshah hit targets in Deir Ezzor" happened in Deir Ezzor; Kermanshah is
the origin. The rules, in order:

1. a place the NLP stage marked ``role="target"`` / ``"origin"`` keeps that role;
2. a place right after "from" / "launched from" / "fired from" … is the origin;
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

from ..model import Article, Mention, Place, Span
from .gazetteer import Gazetteer
from .recognize import Toponym, recognize
from .resolve import resolve

__all__ = ["locate_mentions", "pick_location", "LocationChoice", "PRECISION_ORDER"]

#: Most to least precise.
PRECISION_ORDER = ("site", "town", "admin1", "region", "country")

_ORIGIN_BEFORE = re.compile(
    r"\b(?:from|launched\s+from|fired\s+from|took\s+off\s+from|flew\s+from)\s+(?:the\s+)?$", re.I
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
    r"warned|vowed|condemned|blamed|insisted|threatened|responded|retaliated)\b)",
    re.I,
)
#: How far before a place the origin/direction cues are looked for (characters).
CUE_WINDOW = 40


@dataclass
class LocationChoice:
    """Where an event happened and where it was launched from (either may be None)."""

    location: Place | None
    origin: Place | None


def _lower(precision: str | None) -> str | None:
    if precision in ("site", "town"):
        return PRECISION_ORDER[PRECISION_ORDER.index(precision) + 1]
    return precision


def pick_location(text: str, places: list[Place], trigger: Span | None = None) -> LocationChoice:
    """Choose the event location and origin among ``places`` (offsets into ``text``)."""
    origin = None
    pool = []
    for p in places:
        before = text[max(0, (p.start or 0) - CUE_WINDOW):p.start or 0] if p.start is not None else ""
        after = text[p.end:(p.end or 0) + CUE_WINDOW] if p.end is not None else ""
        if p.role == "origin" or (p.role is None and _ORIGIN_BEFORE.search(before)):
            origin = origin or dataclasses.replace(p, role="origin")
            continue
        if p.role != "target" and _METONYMY_AFTER.match(after):
            continue
        if p.lat is None:
            continue
        precision = _lower(p.precision) if _DIRECTION_BEFORE.search(before) else p.precision
        pool.append(dataclasses.replace(p, role="target", precision=precision))
    if not pool:
        return LocationChoice(None, origin)
    explicit = [p for p in pool if any(q.role == "target" and q.start == p.start for q in places)]
    pool = explicit or pool
    anchor = trigger.start if trigger is not None else 0

    def rank(p: Place) -> tuple[int, int]:
        order = PRECISION_ORDER.index(p.precision) if p.precision in PRECISION_ORDER else 3
        return order, abs((p.start or 0) - anchor)

    return LocationChoice(min(pool, key=rank), origin)


def _focus_country(places: list[Place], demonyms: list[str], gazetteer: Gazetteer) -> Place | None:
    votes: Counter[str] = Counter(p.country for p in places if p.country)
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
    focus = _focus_country(resolved, found.demonyms, gazetteer)
    for m in mentions:
        if m.places:
            m.places = [_resolved_copy(p, by_span, by_text) for p in m.places]
        else:
            s, e = m.sentence.start, m.sentence.end
            m.places = [dataclasses.replace(p) for p in resolved
                        if p.start is not None and s <= p.start and (p.end or 0) <= e]
        choice = pick_location(article.original, m.places, m.trigger)
        m.origin = choice.origin
        m.location = choice.location or (dataclasses.replace(focus) if focus else None)


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
