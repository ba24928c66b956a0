"""Dates the merge compares: ISO dates, months, years, weeks and ranges as ordinal-day intervals."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Mention
from ..timex.calendar import bounds

#: How far back from the publication date a mention with no date of its own may reach: news
#: reports the last few days' events.
FALLBACK_WINDOW_DAYS = 7


@dataclass(frozen=True)
class DateInterval:
    """An event date as a closed interval of proleptic ordinal days."""

    start: int
    end: int
    precision: str
    fallback: bool = False

    @property
    def exact(self) -> bool:
        return self.precision == "day" and not self.fallback


def _bound(text: str, upper: bool) -> int | None:
    """Ordinal day of one ISO end point (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www); None if unknown."""
    days = bounds(text)
    if days is None:
        return None
    return (days[1] if upper else days[0]).toordinal()


def parse_interval(date: str | None, precision: str | None = None, fallback: bool = False):
    """``DateInterval`` of an ISO date, month, year, week or ``START/END`` range; None if unknown.

    An open end (``../2020-03``) is treated as 30 years before the known end.
    """
    if not date:
        return None
    if "/" in date:
        left, right = date.split("/", 1)
        end = _bound(right, True) if right not in ("", "..") else None
        start = _bound(left, False) if left not in ("", "..") else None
        if start is None and end is None:
            return None
        if start is None:
            start = end - 365 * 30  # type: ignore[operator]
        if end is None:
            end = start + 365 * 30
        return DateInterval(start, max(start, end), precision or "range", fallback)
    days = bounds(date)  # (once for both ends)
    if days is None:
        return None
    start, end = days[0].toordinal(), days[1].toordinal()
    if precision is None:
        precision = {10: "day", 7: "month", 4: "year"}.get(len(date), "week")
    return DateInterval(start, end, precision, fallback)


def mention_interval(mention: Mention) -> DateInterval | None:
    """The mention's date as an interval; a mention dated only by its publication gets a window."""
    tv = mention.date
    if tv is not None and tv.date:
        iv = parse_interval(tv.date, tv.precision, tv.fallback)
        if iv is not None:
            if iv.fallback:
                return DateInterval(iv.start - FALLBACK_WINDOW_DAYS, iv.end, iv.precision, True)
            return iv
    if mention.published:
        iv = parse_interval(mention.published[:10], "day")
        if iv is not None:
            return DateInterval(iv.start - FALLBACK_WINDOW_DAYS, iv.end, "day", True)
    return None


# ---------------------------------------------------------------------------------------------
# Event dates of lasting acts (campaigns, movements, sanctions regimes): the union of the reports

#: ``TimeValue.basis`` values that say the act lasts: in progress at the time of writing
#: ("ongoing"), a state reached and still holding ("state") or a named war/campaign ("period").
LASTING_BASES = frozenset({"ongoing", "state", "period"})

#: Bases of ranges that bound the uncertain day of ONE act, not a duration: "follows" runs from
#: the act it followed to the publication date, "before" ends the day before a later act,
#: "statement"/"quoted"/"anaphor" are "at or before" the day something was said or told. Such a
#: range ending at the publication date is not an act still going on.
BOUNDING_BASES = frozenset({"follows", "before", "statement", "quoted", "anaphor"})


@dataclass(frozen=True)
class Bound:
    """One end point of a date as written (``2018-05``, ``2020-03-13``) and its ordinal day."""

    text: str
    day: int


@dataclass(frozen=True)
class SpanOfDays:
    """What one report says about the span of a lasting act: its known start (None when the
    start is open, ``../D``) and its end."""

    start: Bound | None
    end: Bound


def _split(date: str) -> tuple[str | None, str | None]:
    """Left and right end points of a date as written; ``..`` or empty is None."""
    if "/" in date:
        left, right = date.split("/", 1)
    else:
        left = right = date
    return (left if left not in ("", "..") else None), (right if right not in ("", "..") else None)


def lasting(mention: Mention, running: bool = False) -> bool:
    """True when the mention reports an act that lasts up to the time of writing (or a named
    period): its date has a lasting basis, or is an interval that ends at its own publication date
    ("since last October" → ``2019-10/2020-01-03``) and is not the bounded day of one act,
    or ``running`` says so (the merge's running-campaign reading: "already imposing sanctions").

    An open start (``../D``) alone does not make an act lasting: it is how a statement dates the
    single act it reports ("at or before the day it was said").
    """
    tv = mention.date
    if running:
        return True
    if tv is None or not tv.date or tv.fallback:
        return False
    if tv.basis in LASTING_BASES:
        return True
    if "/" not in tv.date or tv.basis in BOUNDING_BASES:
        return False
    right = tv.date.split("/", 1)[1]
    return bool(mention.published) and right == (mention.published or "")[:10]


def span_of(mention: Mention, running: bool = False, own_date: bool = True) -> SpanOfDays | None:
    """The start and end a report gives a lasting act; a running act (still going when written)
    ends no earlier than the report's publication date. With ``own_date`` False the mention's date
    is not used (a date borrowed from another sentence): only its publication date can end the
    span. None when the mention has no usable date."""
    tv = mention.date
    start = end = None
    if own_date and tv is not None and tv.date and not tv.fallback:
        left, right = _split(tv.date)
        if left is not None and (day := _bound(left, False)) is not None:
            start = Bound(left, day)
        if right is not None and (day := _bound(right, True)) is not None:
            end = Bound(right, day)
    published = (mention.published or "")[:10]
    if (running or (tv is not None and tv.basis in ("ongoing", "state"))) and published:
        day = _bound(published, True)
        if day is not None and (end is None or day > end.day):
            end = Bound(published, day)
    if end is None:
        return None
    if start is not None and start.day > end.day:
        start = None  # a start after the end is not a start this report can vouch for
    return SpanOfDays(start, end)


def union_date(spans: list[SpanOfDays]) -> tuple[str, str] | None:
    """``(date, "range")`` covering every report of a lasting act: the earliest known start and
    the latest end. A start that no report knows stays open (``../END``); an open start of one
    report does not erase the start another report gives ("since last October" wins over "had been
    going on"), because ``../D`` means an unknown start, not a start 30 years ago."""
    if not spans:
        return None
    end = max(spans, key=lambda s: (s.end.day, -len(s.end.text))).end  # ties: the coarser text
    starts = [s.start for s in spans if s.start is not None]
    if not starts:
        return f"../{end.text}", "range"
    start = min(starts, key=lambda b: (b.day, len(b.text)))
    if start.text == end.text:
        return start.text, {10: "day", 7: "month", 4: "year"}.get(len(start.text), "week")
    return f"{start.text}/{end.text}", "range"
