"""One cluster of mentions → one canonical :class:`Event`.

Each field is chosen by a documented vote (docs/stages/merge.md):

- type, mode, ACLED types: the most reported value (ties: alphabetical, so the choice is stable);
- date: the intersection of the mentions' own dates when it is one day, else the most precise
  date a mention gives (dates borrowed from a neighbouring sentence, then publication-date
  fallbacks, only when nothing else is there); a lasting act (a campaign, a movement: some report
  says it goes on, none dates it to a discrete day) gets the union of its reports' spans,
  ``START/END`` (:func:`.dates.union_date`);
- actors: the most reported (canonical name, country), preferring ones with a country;
- location: a place read in a mention's own sentence before one borrowed from its neighbours,
  then the most precise (site > town > admin1 > country), then the most reported;
- claims and low/best/high figures: :mod:`.claims`; sources: documents, republications folded;
- confidence: the chance that at least one independent source is right, from mention confidences.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from collections import Counter
from collections.abc import Mapping

from ..model import Actor, Event, Mention, Place
from .claims import claims_of, figures
from .dates import DateInterval, lasting, mention_interval, span_of, union_date
from .features import SANCTION, features

__all__ = ["build_event", "event_date", "event_id_for"]

_PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "range": 3, "year": 4}
_PLACE_ORDER = {"site": 0, "town": 1, "admin1": 2, "region": 3, "country": 4}

#: Ceiling of an event's confidence: merged reports are never certain.
MAX_CONFIDENCE = 0.99


def event_id_for(mentions: list[Mention]) -> str:
    """Content-derived id: a hash of the smallest mention id (stable under ingest order)."""
    first = min(m.mention_id for m in mentions)
    return "ev_" + hashlib.sha1(first.encode("utf-8")).hexdigest()[:16]


def _vote(values: list) -> object:
    values = [v for v in values if v is not None]
    if not values:
        return None
    counts = Counter(values)
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


def _weak(m: Mention) -> bool:
    """The mention's date was borrowed from another sentence (see features.weak_date)."""
    tv = m.date
    return tv is not None and tv.start is not None and not (m.sentence.start <= tv.start < m.sentence.end)


def _running(m: Mention) -> bool:
    """A running sanctions campaign ("already imposing sanctions", "the 'maximum pressure'
    campaign"): the merge's own reading (features.py), still in force when the report was written."""
    return m.type == SANCTION and features(m).ongoing


def _lasting_date(mentions: list[Mention], real: list[tuple[Mention, DateInterval]]
                  ) -> tuple[str, str] | None:
    """The union of the reports' spans when the event is a lasting act, else None.

    Lasting: some dated report says so (ongoing/state/period basis, a range up to its publication
    date, a running campaign) and no report dates it as a discrete day — one day said plainly
    outranks "since …" (a strike dated by a sentence about the months of protests around it).
    """
    running = {m.mention_id for m in mentions if _running(m)}
    kinds = [(m, iv, lasting(m, m.mention_id in running)) for m, iv in real]
    if not any(last for _, _, last in kinds):
        return None
    if any(iv.precision == "day" and not last for _, iv, last in kinds):
        return None
    in_real = {m.mention_id for m, _ in real}
    # the lasting reports, and the others dated to a month or finer (moments inside the span); a
    # bare year or a range that is not lasting is background ("crisis ... forged by the invasion
    # of 2003"), and would stretch the span by years
    spans = [s for m, iv, last in kinds
             if (last or iv.precision not in ("year", "range"))
             and (s := span_of(m, m.mention_id in running)) is not None]
    # a running report whose date is borrowed or only its publication date still says the
    # act went on until it was written
    spans += [s for m in mentions if m.mention_id in running and m.mention_id not in in_real
              and (s := span_of(m, True, own_date=False)) is not None]
    return union_date(spans)


def event_date(mentions: list[Mention]) -> tuple[str | None, str | None]:
    """(date, precision) of the event reported by ``mentions`` (module docstring: the date vote)."""
    dated = [(m, iv) for m in mentions if (iv := mention_interval(m)) is not None and not iv.fallback]
    # dates of the mentions' own sentences first; borrowed ones only when there is nothing else
    # (a bare year or a long range borrowed from another sentence is background, not the date)
    real = [(m, iv) for m, iv in dated if not _weak(m)] or [
        (m, iv) for m, iv in dated if iv.precision not in ("year", "range")]
    if real and (union := _lasting_date(mentions, real)) is not None:
        return union
    if real:
        lo = max(iv.start for _, iv in real)
        hi = min(iv.end for _, iv in real)
        if lo == hi:
            return _dt.date.fromordinal(lo).isoformat(), "day"
        best = min(
            real,
            key=lambda p: (_PRECISION_ORDER.get(p[1].precision, 5), p[1].end - p[1].start, p[0].mention_id),
        )[0]
        return best.date.date, best.date.precision  # type: ignore[union-attr]
    fallbacks = sorted((m.date.date, m.date.precision) for m in mentions
                       if m.date and m.date.date and m.date.fallback)
    if fallbacks:
        return fallbacks[0][0], fallbacks[0][1] or "day"
    pubs = sorted(m.published[:10] for m in mentions if m.published)
    return (pubs[0], "day") if pubs else (None, None)


def _actor(actors: list[Actor | None]) -> Actor | None:
    present = [a for a in actors if a is not None]
    if not present:
        return None
    key = _vote([((a.name or a.text).lower(), a.country or "") for a in present])
    with_country = [a for a in present if ((a.name or a.text).lower(), a.country or "") == key]
    return sorted(with_country, key=lambda a: (a.start or 0, a.text))[0]


def _own_sentence(m: Mention) -> bool:
    """True when the mention's location was read in its own sentence, not borrowed from a
    neighbouring one or from the article's focus country."""
    loc = m.location
    return bool(loc is not None and loc.start is not None
                and m.sentence.start <= loc.start < m.sentence.end)


def _location(mentions: list[Mention]) -> Place | None:
    located = [m for m in mentions if m.location is not None]
    if not located:
        return None
    own = {id(m.location) for m in located if _own_sentence(m)}
    places = [m.location for m in located]
    counts = Counter((p.name or p.text, p.country) for p in places)
    return sorted(
        places,
        key=lambda p: (
            p.lat is None,
            # A place read in the mention's own sentence outranks a more precise one borrowed
            # from the sentence before ("The bombings killed 25" after a sentence on the siege).
            id(p) not in own,
            _PLACE_ORDER.get(p.precision or "country", 5),
            -counts[(p.name or p.text, p.country)],
            p.name or p.text,
        ),
    )[0]


def _confidence(mentions: list[Mention], republications: Mapping[str, str]) -> float:
    per_source: dict[str, float] = {}
    for m in mentions:
        src = republications.get(m.doc_id, m.doc_id)
        per_source[src] = max(per_source.get(src, 0.0), float(m.confidence))
    miss = 1.0
    for c in per_source.values():
        miss *= 1.0 - min(c, MAX_CONFIDENCE)
    return round(min(MAX_CONFIDENCE, 1.0 - miss), 4)


def build_event(mentions: list[Mention], republications: Mapping[str, str] | None = None) -> Event:
    """The canonical event of one cluster of mentions of the same act."""
    republications = republications or {}
    mentions = sorted(mentions, key=lambda m: (m.doc_id, m.trigger.start, m.mention_id))
    etype = str(_vote([m.type for m in mentions]))
    typed = [m for m in mentions if m.type == etype]
    date, precision = event_date(mentions)
    claims = claims_of(mentions, republications)
    sources = sorted({republications.get(m.doc_id, m.doc_id) for m in mentions})
    return Event(
        event_id=event_id_for(mentions),
        type=etype,
        mode=_vote([m.mode for m in typed]),  # type: ignore[arg-type]
        acled_event_type=_vote([m.acled_event_type for m in mentions]),  # type: ignore[arg-type]
        acled_sub_event_type=_vote([m.acled_sub_event_type for m in mentions]),  # type: ignore[arg-type]
        date=date,
        date_precision=precision,
        actor1=_actor([m.actor1 for m in typed]),
        actor2=_actor([m.actor2 for m in typed]),
        location=_location(mentions),
        fatalities=figures(claims, "killed", republications),
        injured=figures(claims, "injured", republications),
        claims=claims,
        mentions=mentions,
        sources=sources,
        modality="asserted",
        confidence=_confidence(mentions, republications),
    )
