"""The temporal tagger: find time expressions in a text and normalize them against the DCT.

Steps (each cheap; the whole TempEval-3 train set of 256 documents takes a few seconds):

1. every rule of the grammar (``rules_absolute``, ``rules_relative``, ``rules_duration``) is run
   over the text (only at the word starts whose first letters can begin one of its matches, see
   ``prefilter``) and every match becomes a candidate;
2. candidates are taken longest first (ties: higher rule priority, then earlier start), skipping
   any that overlap one already taken or whose handler declines it ("may" as a verb);
3. a clock time directly followed by a day ("5 p.m. EST, Nov. 6", "midnight Friday") is merged
   into one TIME;
4. in text order, expressions relative to another date ("the day before", "two days later") are
   resolved against the last day mentioned earlier in the same paragraph, else the DCT.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import TimeValue
from . import calendar as cal
from .base import Context, Norm, Rule
from .prefilter import WordStarts, scan
from .rules_absolute import RULES as ABSOLUTE
from .rules_duration import RULES as DURATION
from .rules_relative import RULES as RELATIVE

#: All rules; order matters only for equally long, equally prioritized matches.
GRAMMAR: tuple[Rule, ...] = tuple(ABSOLUTE + RELATIVE + DURATION)

#: The grammar's patterns, for the word-start index shared by all rules.
_PATTERNS: tuple[re.Pattern[str], ...] = tuple(r.pattern for r in GRAMMAR)

#: Gap allowed between a clock time and the day it belongs to ("5 p.m. EST, Nov. 6", "noon Friday").
_TIME_DAY_GAP = re.compile(r"\s*(?:,|on|of)?\s*$", re.IGNORECASE)

#: Characters between an expression and an anchor date beyond which the anchor is not used.
ANCHOR_WINDOW = 600


@dataclass
class _Found:
    start: int
    end: int
    norm: Norm
    rule: str


def _select(text: str, dct: dt.date | None, grammar: tuple[Rule, ...]) -> list[_Found]:
    candidates: list[tuple[int, int, int, Rule, re.Match[str]]] = []
    starts = WordStarts(text, _PATTERNS)  # each rule is tried only where its first letters occur
    for r in grammar:
        for m in scan(r.pattern, text, starts):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), r.priority, r, m))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken = bytearray(len(text) + 1)
    found: list[_Found] = []
    for start, end, _, r, m in candidates:
        if any(taken[start:end]):
            continue
        norm = r.handler(m, Context(text, dct, start, end))
        if norm is None:
            continue
        taken[start:end] = b"\x01" * (end - start)
        found.append(_Found(start, end, norm, r.name))
    found.sort(key=lambda f: f.start)
    return found


def _merge_time_and_day(text: str, found: list[_Found]) -> list[_Found]:
    """"5 p.m. EST, Nov. 6" / "midnight Friday" → one TIME on that day. (A clock time standing
    alone, as in "Friday at noon", is put on the last day mentioned by ``_resolve_shifts``.)"""
    out: list[_Found] = []
    for f in found:
        prev = out[-1] if out else None
        if prev is not None and _TIME_DAY_GAP.match(text[prev.end:f.start]):
            day_value = re.match(r"\d{4}-\d{2}-\d{2}", f.norm.value or "")
            if prev.rule == "clock" and f.rule != "clock" and prev.norm.shift and day_value:
                clock = prev.norm.suffix
                merged = Norm("TIME", f"{day_value.group()}T{clock}")
                out[-1] = _Found(prev.start, f.end, merged, "clock")
                continue
        out.append(f)
    return out


#: "since March": the event date runs from that date to the publication date.
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)

#: Rules whose values are themselves comparisons and never anchor another expression.
_NOT_ANCHORS = frozenset({"year_ago", "ago"})

#: Characters within which "a year earlier" refers to the quarter last mentioned (earnings
#: reports: "third-quarter profit … compared with $5 million a year earlier"): two or three
#: sentences.
YEAR_ANCHOR_WINDOW = 400


def _anchor_of(norm: Norm) -> tuple[str, str] | None:
    """(kind, value) of a date usable as an anchor: day, month, quarter or year."""
    v = norm.value or ""
    for kind, pattern in (("day", r"\d{4}-\d{2}-\d{2}"), ("quarter", r"\d{4}-Q[1-4]"),
                          ("month", r"\d{4}-\d{2}"), ("year", r"\d{4}")):
        m = re.match(pattern, v)
        if m and (kind != "year" or len(v) == 4):
            return kind, m.group()
    return None


def _shifted(norm: Norm, ref_day: dt.date | None, anchor: tuple[str, str] | None,
             dct: dt.date | None, last_any: tuple[int, tuple[str, str]] | None = None) -> Norm:
    unit, n = norm.shift  # type: ignore[misc]
    if unit in ("MA", "YA"):  # "the following month/year": from the last date mentioned
        base = last_any[1] if last_any else None
        if base is None or (unit == "MA" and base[0] == "year"):
            ref = dct
            if ref is None:
                return Norm("DATE", "XXXX")
            base = ("day", cal.day(ref))
        y = int(base[1][:4])
        if unit == "YA":
            return Norm("DATE", f"{y + n:04d}")
        mon = int(base[1][5:7]) if base[0] in ("day", "month") else 3 * int(base[1][6]) - 2
        return Norm("DATE", cal.month(y, mon + n))
    if unit == "Y":
        if anchor is not None:
            kind, v = anchor
            y = int(v[:4]) + n
            value = {"day": f"{y:04d}{v[4:]}", "quarter": f"{y:04d}{v[4:]}",
                     "month": f"{y:04d}{v[4:]}", "year": f"{y:04d}"}[kind]
            if kind == "day" and cal.safe_date(y, int(v[5:7]), int(v[8:10])) is None:
                value = f"{y:04d}{v[4:8]}28"
            return Norm("DATE", value)
        return Norm("DATE", f"{dct.year + n:04d}" if dct else "XXXX")
    if ref_day is None:
        return Norm(norm.type, norm.value or "XXXX-XX-XX")
    if unit == "T":
        return Norm("TIME", f"{cal.day(ref_day)}T{norm.suffix}")
    d = ref_day + dt.timedelta(days=n)
    if norm.type == "DURATION":
        return Norm("DURATION", norm.value, cal.EventDate(cal.day(d), "day"))
    return Norm("DATE", cal.day(d))


def _resolve_shifts(text: str, dct: dt.date | None, found: list[_Found]) -> None:
    """Resolve "the day before", "a year earlier", bare clock times against the last date
    mentioned before them (same paragraph, within a window), else against the DCT."""
    last: tuple[int, tuple[str, str]] | None = None
    last_quarter: tuple[int, tuple[str, str]] | None = None
    for f in found:
        shifted = f.norm.shift is not None
        if shifted:
            near = last is not None and "\n\n" not in text[last[0]:f.start]
            ref_day = dct
            if near and last[1][0] == "day" and f.start - last[0] < ANCHOR_WINDOW:  # type: ignore[index]
                ref_day = dt.date.fromisoformat(last[1][1])  # type: ignore[index]
            year_anchor = None
            if last_quarter is not None and f.start - last_quarter[0] < YEAR_ANCHOR_WINDOW:
                year_anchor = last_quarter[1]
            f.norm = _shifted(f.norm, ref_day, year_anchor, dct, last)
        if f.norm.type in ("DATE", "TIME") and not shifted and f.rule not in _NOT_ANCHORS:
            a = _anchor_of(f.norm)
            if a is not None:
                last = (f.end, a)
                if a[0] == "quarter":
                    last_quarter = (f.end, a)


def tag(text: str, dct: str | None) -> list[TimeValue]:
    """Time expressions in ``text`` with TIMEX3 type and value, normalized against ``dct``.

    Offsets are ``str`` indices into ``text`` (end exclusive). DATE/TIME values that stand for a
    calendar date also carry ``date`` and ``precision`` (see :func:`calendar.event_date`).
    ``dct`` is an ISO date (a time part is ignored); without it relative expressions get
    TIMEX3 ``X`` placeholders.
    """
    dct_date = cal.parse_dct(dct)
    found = _select(text, dct_date, GRAMMAR)
    found = _merge_time_and_day(text, found)
    _resolve_shifts(text, dct_date, found)
    out = []
    for f in found:
        ev = f.norm.event
        if ev is None and f.norm.type in ("DATE", "TIME"):
            ev = cal.event_date(f.norm.value, dct_date)
        if ev is not None and dct_date is not None and _SINCE.search(text, 0, f.start):
            ev = cal.EventDate(f"{ev.date.split('/')[0]}/{cal.day(dct_date)}", "range")
        out.append(TimeValue(
            text=text[f.start:f.end], start=f.start, end=f.end, type=f.norm.type,
            value=f.norm.value, date=ev.date if ev else None, precision=ev.precision if ev else None,
        ))
    return out
