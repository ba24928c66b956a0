"""Publication dates: the formats real sites print, and inference when none is printed.

Printed forms recognised (whole line, or inside a longer text for inference):

1. day month year — ``2 October 2018``, ``3rd of January 2020``, ``Tue 2 Oct. 2018``
2. month day, year (US) — ``January 3, 2020``, ``Jan. 3, 2020``
3. ISO — ``2020-01-03`` (with or without a time)
4. numeric with dots — ``14.03.2020`` (always day first: the dotted style is European)
5. numeric with slashes — ``03/01/2020``: when both numbers are ≤ 12 the order follows the
   document's own style (more US-style month-name dates → month first), else the caller's
   ``day_first``, else day first; the result is flagged ``ambiguous``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Month names must be capitalised: "may" in running text is a verb far more often than a month.
_MONTH = r"(?P<m>(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)(?:day)?\.?,?\s+)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dmy", re.compile(rf"\b{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("mdy", re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("iso", re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])")),
    ("dotted", re.compile(r"\b(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)\b")),
    ("slashed", re.compile(r"\b(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)\b")),
]
#: What every pattern of ``_PATTERNS`` contains (its ``_YEAR``): a text without it has no full
#: date, so one cheap scan replaces the five.
_YEAR_HINT = re.compile(r"(?:19|20)\d\d")
_PARTIAL = [
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?!,?\s+\d)")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d)")),
]

# What may surround a date on a date line: "Published: ", "Updated on", a time, a time zone.
_LINE_PREFIX = re.compile(
    r"^(?:(?:first\s+)?(?:published|updated|last\s+updated|posted|date|dated)\s*(?:on|at)?\s*[:\-–]?\s*)",
    re.I,
)
_LINE_REST = re.compile(
    r"^[\s,|·•–-]*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*"
    r"(?:[A-Z]{2,5}|UTC[+-]?\d*|GMT[+-]?\d*)?)?[\s,|·•–.-]*$",
    re.I,
)
_FUTURE_CUES = re.compile(
    r"\b(?:will|would|shall|next|scheduled|due to|plans? to|planned|deadline|expires?)\b", re.I
)


@dataclass
class DateMatch:
    """A date found in a text: ``date`` is None for a partial date (no year)."""

    start: int
    end: int
    text: str
    date: dt.date | None
    style: str
    ambiguous: bool = False
    month: int | None = None
    day: int | None = None


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _month_number(raw: str) -> int | None:
    return MONTHS.get(raw.rstrip(".").lower())


def find_dates(text: str, day_first: bool | None = None) -> list[DateMatch]:
    """Every full date in ``text`` (in the forms listed in the module docstring), in order."""
    found: list[DateMatch] = []
    if not _YEAR_HINT.search(text):
        return found  # every form ends in or starts with a year: the five scans cannot match
    taken: list[tuple[int, int]] = []
    style_votes = {"dmy": 0, "mdy": 0}
    raw: list[tuple[str, re.Match[str]]] = []
    for style, pat in _PATTERNS:
        for m in pat.finditer(text):
            raw.append((style, m))
            if style in style_votes:
                style_votes[style] += 1
    if day_first is None:
        day_first = style_votes["mdy"] <= style_votes["dmy"]
    for style, m in sorted(raw, key=lambda sm: sm[1].start()):
        if any(s < m.end() and m.start() < e for s, e in taken):
            continue
        ambiguous = False
        y = int(m.group("y"))
        if style == "slashed":
            a, b = int(m.group("a")), int(m.group("b"))
            if a > 12:
                d, mo = a, b
            elif b > 12:
                d, mo = b, a
            else:
                ambiguous = a != b
                d, mo = (a, b) if day_first else (b, a)
        else:
            d = int(m.group("d"))
            mo = _month_number(m.group("m")) if style in ("dmy", "mdy") else int(m.group("m"))
        date = _make(y, mo or 0, d) if mo else None
        if date is None:
            continue
        taken.append((m.start(), m.end()))
        found.append(DateMatch(m.start(), m.end(), m.group(0), date, style, ambiguous, mo, d))
    return found


def find_partial_dates(text: str) -> list[DateMatch]:
    """Day-and-month dates without a year ("Aug. 15", "3rd January"): ``date`` is None."""
    out = []
    for style, pat in _PARTIAL:
        for m in pat.finditer(text):
            mo = _month_number(m.group("m"))
            d = int(m.group("d"))
            if mo and 1 <= d <= 31:
                out.append(DateMatch(m.start(), m.end(), m.group(0), None, style, False, mo, d))
    return sorted(out, key=lambda x: x.start)


def parse_date_line(line: str, day_first: bool | None = None) -> DateMatch | None:
    """The date when ``line`` is nothing but a date (plus "Published:", a weekday, a time)."""
    stripped = _LINE_PREFIX.sub("", line.strip())
    if len(stripped) > 60:
        return None
    dates = find_dates(stripped, day_first)
    if len(dates) != 1:
        return None
    d = dates[0]
    if stripped[: d.start].strip(" ,|·•–-") and not _only_time_words(stripped[: d.start]):
        return None
    rest = stripped[d.end:]
    if not _LINE_REST.match(rest) and not _only_time_words(rest):
        return None
    return d


_TIME_WORDS = frozenset(
    """am pm a.m. p.m. gmt utc bst cet cest est edt pst pdt ast irst ist msk local time updated
    published posted last first ago hour hours minute minutes min mins read on at by""".split()
)
_TIME_TOKEN = re.compile(r"^\d{1,2}([:.]\d{2}){0,2}(am|pm)?$|^\d+$|^[+-]\d{2}:?\d{2}$", re.I)


def _only_time_words(text: str) -> bool:
    """True for "/ 9:14 PM / Updated 2 hours ago", "| 3 min read": times and their words only."""
    tokens = [t for t in re.split(r"[\s/|·•,()]+", text.strip(" -–")) if t]
    return 0 < len(tokens) <= 10 and all(
        t.lower().rstrip(".:") in _TIME_WORDS or t.lower() in _TIME_WORDS or _TIME_TOKEN.match(t)
        for t in tokens
    )


@dataclass
class SourceLine:
    """A trailing "Outlet DATE" line of a republished article."""

    outlet: str
    date: DateMatch


_SOURCE_LINE = re.compile(r"^(?:source:\s*|originally published (?:by|in|on)\s*)?(?P<name>[^\d\n]{3,60}?)[\s,|–-]+$", re.I)


def parse_source_line(line: str) -> SourceLine | None:
    """``World Socialist 13 March 2020`` → outlet + date; None unless the line ends with a date."""
    dates = find_dates(line)
    if len(dates) != 1 or line[dates[0].end:].strip(" .,)"):
        return None
    m = _SOURCE_LINE.match(line[: dates[0].start] + " ")
    if not m:
        return None
    name = m.group("name").strip(" ,|–-:(")
    words = name.split()
    if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return None
    return SourceLine(name, dates[0])


@dataclass
class Inference:
    """A publication date inferred from the text, its evidence and the range it must lie in."""

    date: dt.date
    low: dt.date
    high: dt.date | None
    evidence: list[str] = field(default_factory=list)


_WEEKDAY_REF = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_LAST_WEEK = re.compile(r"\blast week\b", re.I)

#: Reporting on a dated event is assumed to appear within a week of it, which is what makes a
#: bare weekday ("on Wednesday") meaningful: it names a day of the past seven.
RECENT_DAYS = 6


def _sentence_around(text: str, start: int, end: int) -> str:
    s = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    e_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    e = min(e_candidates) if e_candidates else len(text)
    return text[s:e]


def infer_published(text: str, day_first: bool | None = None) -> Inference | None:
    """Infer a publication date from the body, or None. Never guesses a year.

    1. anchor = the latest full date (day, month, year) the text reports as past (dates in
       sentences with future cues — "will", "next", "scheduled" — are skipped); none → None.
    2. "last week" → the article is in the calendar week after the anchor's week; otherwise it is
       on or within :data:`RECENT_DAYS` after the anchor.
    3. each weekday named ("on Wednesday") must fall on or before the publication date inside that
       window, which moves the earliest possible date forward.
    The result is the earliest date consistent with all cues, with the window as ``low``/``high``.
    """
    dated = [
        d for d in find_dates(text, day_first)
        if d.date and not _FUTURE_CUES.search(_sentence_around(text, d.start, d.end))
    ]
    if not dated:
        return None
    anchor = max(dated, key=lambda d: d.date or dt.date.min)
    assert anchor.date is not None
    evidence = [anchor.text]
    low = anchor.date
    high = anchor.date + dt.timedelta(days=RECENT_DAYS)
    last_week = _LAST_WEEK.search(text)
    if last_week:
        monday = anchor.date - dt.timedelta(days=anchor.date.weekday())
        low, high = monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)
        evidence.append(last_week.group(0))
    earliest = low
    for m in _WEEKDAY_REF.finditer(text):
        wd = WEEKDAYS.index(m.group(1))
        candidate = low + dt.timedelta(days=(wd - low.weekday()) % 7)
        if candidate <= high and candidate > earliest:
            earliest = candidate
            evidence.append(m.group(0))
    return Inference(earliest, low, high, evidence)


#: "this month" said of a dated act: the text was written in that act's month.
_THIS_MONTH = re.compile(r"\bthis month\b", re.IGNORECASE)


def infer_written_range(text: str, today: dt.date | None = None) -> Inference | None:
    """The days an undated text with no full date can have been written on, or None.

    Only partial dates ("Aug. 15") and the office holders the text names are used:

    1. the terms of everyone named in office (:mod:`.offices`) must overlap; their intersection
       is the window the text was written in;
    2. every partial date reported as past must fall in that window in one and the same year,
       and only one year may fit; the latest of them is the anchor;
    3. the text was written after the anchor: in its month when it says "this month", in the
       calendar week after it for "last week"; without either cue nothing ties the anchor to the
       time of writing and the result is None. Each weekday named moves the earliest day
       forward, as in :func:`infer_published`.

    The result is a range (``date`` is its first day, ``low``/``high`` its ends): a year found this
    way never makes a day certain, and the caller keeps the publication date null.
    """
    from . import offices

    # the cheap tests first: most undated texts have no cue or no partial date, and then the
    # office holders need not be looked for
    this_month, last_week = _THIS_MONTH.search(text), _LAST_WEEK.search(text)
    if this_month is None and last_week is None:
        return None
    partials = [p for p in find_partial_dates(text)
                if not _FUTURE_CUES.search(_sentence_around(text, p.start, p.end))]
    if not partials:
        return None
    named = offices.named_in_office(text)
    window = offices.term_window(named, today)
    if not window:
        return None
    span = range(window[0][0].year, window[-1][1].year + 1)
    years: set[int] | None = None
    for p in partials:
        fits = {y for y in span if (d := _make(y, p.month or 0, p.day or 0)) is not None
                and any(a <= d <= b for a, b in window)}
        years = fits if years is None else years & fits
    if not years or len(years) != 1:
        return None
    year = years.pop()
    anchor = max(d for p in partials if (d := _make(year, p.month or 0, p.day or 0)) is not None)
    # each phrase once ("Aug. 15" may be written twice, a holder named several times)
    evidence = list(dict.fromkeys([p.text for p in partials] + [f"{n.text} ({n.holder.office})" for n in named]))
    low = anchor
    # only a cue that ties the anchor to the time of writing bounds the end (checked above):
    # without one the latest partial date may be months old ("the January 3 assassination" in a
    # March article)
    if this_month is not None:
        nxt = dt.date(anchor.year + anchor.month // 12, anchor.month % 12 + 1, 1)
        high = nxt - dt.timedelta(days=1)
        evidence.append("this month")
    else:
        assert last_week is not None
        monday = anchor - dt.timedelta(days=anchor.weekday())
        low, high = monday + dt.timedelta(days=7), monday + dt.timedelta(days=13)
        evidence.append(last_week.group(0))
    high = min(high, max(b for _, b in window))
    for m in _WEEKDAY_REF.finditer(text):
        wd = WEEKDAYS.index(m.group(1))
        candidate = low + dt.timedelta(days=(wd - low.weekday()) % 7)
        if low < candidate <= high:
            low = candidate
            evidence.append(m.group(0))
    if low > high:
        return None
    return Inference(low, low, high, evidence)
