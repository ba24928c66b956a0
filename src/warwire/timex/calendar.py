"""Calendar arithmetic and TIMEX3 value formatting, and TIMEX3 value → event date + precision.

Values follow TimeML TIMEX3: ``2018-10-01``, ``2018-10``, ``2018``, ``2018-W39``, ``2018-Q3``,
``2018-SU``, ``2018-H1``, ``199`` (a decade), ``2018-10-01TNI`` (a part of a day),
``2018-10-01T14:30``. Event dates follow CONTRACTS §3: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or an
interval ``START/END`` with precision ``day|week|month|year|range``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

#: Season → (first month, last month); winter runs into the next year.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2),
}


@dataclass
class EventDate:
    """An event date in CONTRACTS §3 form and its precision."""

    date: str
    precision: str  # day | week | month | year | range


def parse_dct(dct: str | None) -> dt.date | None:
    """The document creation date from an ISO string (time part ignored); None if unusable."""
    if not dct:
        return None
    m = re.match(r"(\d{4})-?(\d{2})-?(\d{2})", dct.strip())
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def day(d: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def month(year: int, mon: int) -> str:
    """``YYYY-MM`` after normalizing an out-of-range month (13 → January next year)."""
    year, mon = shift_month(year, mon, 0)
    return f"{year:04d}-{mon:02d}"


def shift_month(year: int, mon: int, delta: int) -> tuple[int, int]:
    """(year, month) ``delta`` months after (year, mon)."""
    index = year * 12 + (mon - 1) + delta
    return index // 12, index % 12 + 1


def week(d: dt.date) -> str:
    """ISO week of ``d``: ``YYYY-Www``."""
    iso = d.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def quarter_of(d: dt.date) -> int:
    """Quarter number (1–4) of ``d``."""
    return (d.month - 1) // 3 + 1


def safe_date(year: int, mon: int, dom: int) -> dt.date | None:
    """``date(year, mon, dom)`` or None when it does not exist (31 April)."""
    try:
        return dt.date(year, mon, dom)
    except ValueError:
        return None


def last_day_of_month(year: int, mon: int) -> dt.date:
    """The last day of a month."""
    y, m = shift_month(year, mon, 1)
    return dt.date(y, m, 1) - dt.timedelta(days=1)


def _week_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})", value)
    if not m:
        return None
    monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
    return monday, monday + dt.timedelta(days=6)


def event_date(value: str | None, dct: dt.date | None = None) -> EventDate | None:
    """The event date and precision a TIMEX3 DATE/TIME value stands for, or None.

    A week that contains the publication date ends on that date (an event reported "this week"
    cannot have happened after the article) and is then a ``range``; a whole past week is a
    ``week`` written as its Monday/Sunday interval. Quarters, halves, seasons and decades become
    ranges. ``PRESENT_REF``, ``PAST_REF``, ``FUTURE_REF`` and unresolved ``X`` values give None.
    """
    if not value or "X" in value or value.endswith("_REF"):
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})(T.*)?$", value)
    if m:
        return EventDate(m.group(1), "day")
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return EventDate(value, "month")
    if re.fullmatch(r"\d{4}", value):
        return EventDate(value, "year")
    bounds = _week_bounds(value)
    if bounds:
        start, end = bounds
        if dct is not None and start <= dct <= end:
            return EventDate(f"{day(start)}/{day(dct)}", "range")
        return EventDate(f"{day(start)}/{day(end)}", "week")
    m = re.fullmatch(r"(\d{4})-W(\d{1,2})-WE", value)
    if m:
        monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return EventDate(f"{day(monday + dt.timedelta(5))}/{day(monday + dt.timedelta(6))}",
                         "range")
    m = re.fullmatch(r"(\d{4})-Q([1-4])", value)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        return EventDate(f"{month(y, 3 * q - 2)}/{month(y, 3 * q)}", "range")
    m = re.fullmatch(r"(\d{4})-H([12])", value)
    if m:
        y, h = int(m.group(1)), int(m.group(2))
        return EventDate(f"{month(y, 6 * h - 5)}/{month(y, 6 * h)}", "range")
    m = re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value)
    if m:
        y = int(m.group(1))
        first, last = SEASON_MONTHS[m.group(2)]
        end_year = y + 1 if last < first else y
        return EventDate(f"{month(y, first)}/{month(end_year, last)}", "range")
    m = re.fullmatch(r"(\d{3})", value)
    if m:
        return EventDate(f"{m.group(1)}0/{m.group(1)}9", "range")
    m = re.fullmatch(r"(\d{4})/(\d{4})", value)
    if m:
        return EventDate(value, "range")
    return None


#: The fewest units "several"/"a few" stands for when it bounds a start ("the past several
#: months" began at least three months before the publication date).
VAGUE_LEAST = 3


def vague_past_range(unit: str, dct: dt.date) -> EventDate | None:
    """"over the past several months": began at least :data:`VAGUE_LEAST` units before the
    publication date, known only to the next coarser unit (months → the year, weeks → the
    month, days → the week's month), and runs to the publication date."""
    if unit == "M":
        y, _ = shift_month(dct.year, dct.month, -VAGUE_LEAST)
        return EventDate(f"{y:04d}/{day(dct)}", "range")
    days = {"W": 7, "D": 1}.get(unit)
    if days is None:
        return None
    start = dct - dt.timedelta(days=days * VAGUE_LEAST)
    return EventDate(f"{month(start.year, start.month)}/{day(dct)}", "range")


def past_range(amount: int, unit: str, dct: dt.date) -> EventDate | None:
    """The interval "over the past ``amount`` ``unit``" ending at the publication date.

    "The past year" starts in the same month a year before; "the past nine years" starts in the
    year nine years before: over several years, the writer counts whole years, not months. The
    interval runs up to the day of writing, like :func:`vague_past_range`."""
    if unit == "Y":
        start = str(dct.year - amount) if amount >= 2 else month(dct.year - amount, dct.month)
        return EventDate(f"{start}/{day(dct)}", "range")
    if unit == "M":
        y, m = shift_month(dct.year, dct.month, -amount)
        return EventDate(f"{month(y, m)}/{day(dct)}", "range")
    days = {"W": 7, "D": 1}.get(unit)
    if days is None:
        return None
    return EventDate(f"{day(dct - dt.timedelta(days=days * amount))}/{day(dct)}", "range")


def bounds(date: str | None) -> tuple[dt.date, dt.date] | None:
    """First and last day of an event date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY-Www``, ``YYYY``
    or ``A/B``); None for an open or unreadable one."""
    if not date:
        return None
    date = date.strip()
    if "/" in date:
        left, right = date.split("/", 1)
        a, b = bounds(left), bounds(right)
        return (a[0], b[1]) if a and b else None
    week = re.fullmatch(r"(\d{4})-W(\d{2})", date)
    if week:
        try:
            monday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 1)
        except ValueError:
            return None
        return monday, monday + dt.timedelta(days=6)
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date)
    if not m:
        return None
    y = int(m.group(1))
    if m.group(3):
        d = safe_date(y, int(m.group(2)), int(m.group(3)))
        return (d, d) if d else None
    if m.group(2):
        mon = int(m.group(2))
        if not 1 <= mon <= 12:
            return None
        return dt.date(y, mon, 1), last_day_of_month(y, mon)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)
