"""Dates the merge compares: ISO dates, months, years, weeks and ranges as ordinal-day intervals."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from ..model import Mention

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


def _month_end(year: int, month: int) -> _dt.date:
    nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - _dt.timedelta(days=1)


def _bound(text: str, upper: bool) -> int | None:
    """Ordinal day of one ISO end point (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www); None if unknown."""
    text = text.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return _dt.date.fromisoformat(text).toordinal()
        if re.fullmatch(r"\d{4}-\d{2}", text):
            y, m = int(text[:4]), int(text[5:7])
            return (_month_end(y, m) if upper else _dt.date(y, m, 1)).toordinal()
        if re.fullmatch(r"\d{4}-W\d{2}", text):
            monday = _dt.date.fromisocalendar(int(text[:4]), int(text[6:8]), 1)
            return (monday + _dt.timedelta(days=6 if upper else 0)).toordinal()
        if re.fullmatch(r"\d{4}", text):
            y = int(text)
            return _dt.date(y, 12, 31).toordinal() if upper else _dt.date(y, 1, 1).toordinal()
    except ValueError:
        return None
    return None


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
    start, end = _bound(date, False), _bound(date, True)
    if start is None or end is None:
        return None
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
