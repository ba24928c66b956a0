"""Named conflict periods: "the war on ISIS" → 2014/2019, "the Iran-Iraq war" → 1980/1988.

A news text often dates a background event only by naming the war or campaign it belongs to.
The dates then come from knowledge, not from the text: ``warwire/data/timex_periods.json`` is
a small hand-written table of wars, campaigns and occupations with their public start and end
(each entry cites its source). A mention dated from it gets ``TimeValue.basis = "period"`` and
the entry id in ``TimeValue.value``, so a user sees where the date came from.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from ..model import TimeValue
from . import calendar as cal

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "timex_periods.json"

#: Characters before / after the trigger in which a named period ("the war on ISIS") may name
#: the act: a few words, since the trigger is often the head of that name or its verb.
PERIOD_LEFT = 40
PERIOD_RIGHT = 90

#: Characters between a period's name and a year that still belongs to the name ("the
#: invasion of Iraq in 2003", "the Iran-Iraq war of 1980-88").
PERIOD_NAME_GAP = 4

#: A period named as what comes after an event ("following the invasion of Iraq").
_AFTER_PREFIX = re.compile(r"(?:following|after)\b", re.IGNORECASE)

#: A relative clause whose antecedent is the noun before the comma ("the war, in which …").
_RELATIVE_WHICH = re.compile(r"[\s”\"’']*(?:in|during|throughout|amid|under)\s+which\b",
                             re.IGNORECASE)

#: Punctuation that ends a clause for the period window.
_CLAUSE_BREAKS = (",", ";", "—", "(", ")", ". ")


@dataclass(frozen=True)
class Period:
    """One named period of the table."""

    id: str
    name: str
    start: str  # YYYY, YYYY-MM or YYYY-MM-DD
    end: str | None  # None: still going on
    pattern: re.Pattern[str]
    source: str


@dataclass
class PeriodMatch:
    """A period named in a text: the entry and where its name was found."""

    period: Period
    start: int
    end: int


@functools.lru_cache(maxsize=1)
def load_periods() -> tuple[Period, ...]:
    """The period table, patterns compiled (case-insensitive, whole words)."""
    raw = json.loads(DATA_FILE.read_text("utf-8"))
    names = raw.get("names", {})
    out = []
    for p in raw["periods"]:
        alternatives = []
        for pattern in p["patterns"]:
            for key, value in names.items():
                pattern = pattern.replace("{" + key + "}", value)
            alternatives.append(f"(?:{pattern})")
        compiled = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)", re.IGNORECASE)
        out.append(Period(p["id"], p["name"], p["start"], p.get("end"), compiled, p.get("source", "")))
    return tuple(out)


def find_periods(text: str, start: int = 0, end: int | None = None) -> list[PeriodMatch]:
    """Periods named in ``text[start:end]``, longest first where names overlap ("Iran-Iraq war"
    wins over "Iraq war"), in text order."""
    end = len(text) if end is None else end
    hits = [PeriodMatch(p, m.start(), m.end())
            for p in load_periods() for m in p.pattern.finditer(text, start, end)]
    hits.sort(key=lambda h: (-(h.end - h.start), h.start))
    kept: list[PeriodMatch] = []
    for h in hits:
        if all(h.end <= k.start or k.end <= h.start for k in kept):
            kept.append(h)
    return sorted(kept, key=lambda h: h.start)


def _first_day(value: str) -> dt.date:
    """First day of a period end point as the table writes it (``1980``, ``2014-06``)."""
    span = cal.bounds(value)
    assert span is not None, f"unreadable date {value!r} in the periods table"
    return span[0]


def period_date(match: PeriodMatch, dct: dt.date | None, text: str | None = None) -> TimeValue | None:
    """The event date a named period stands for: ``START/END`` (precision ``range``).

    An ongoing period (no end) ends at the publication date; a period not yet over at the
    publication date is cut there. None when the article predates the period (a forecast).
    """
    p = match.period
    if dct is not None and _first_day(p.start) > dct:
        return None
    end = p.end
    if end is None or (dct is not None and _first_day(end) > dct):
        if dct is None:
            return None
        end = cal.day(dct)
    return TimeValue(text=text, start=match.start, end=match.end, type="DATE", value=p.id,
                     date=f"{p.start}/{end}", precision="range", basis="period")


def _clause(original: str, sent: tuple[int, int], trigger: tuple[int, int]) -> tuple[int, int]:
    """The stretch around the trigger in which a named period may be its name: from the last
    clause break before the trigger to the first one after it (within a few words)."""
    lo = max(sent[0], trigger[0] - PERIOD_LEFT)
    hi = min(sent[1], trigger[1] + PERIOD_RIGHT)
    left = max((original.rfind(c, lo, trigger[0]) for c in _CLAUSE_BREAKS), default=-1)
    # "the war on ISIS, in which the US played …": the relative clause is about that war
    if left >= 0 and not _RELATIVE_WHICH.match(original, left + 1, trigger[0]):
        lo = left + 1
    rights = [i for i in (original.find(c, trigger[1], hi) for c in _CLAUSE_BREAKS) if i >= 0]
    if rights:
        hi = min(rights)
    return lo, max(hi, trigger[1])


def _names_period(original: str, t: TimeValue, match: PeriodMatch) -> bool:
    """True when the date ``t`` is part of the period's name ("the Iran-Iraq war of 1980-88",
    "the invasion of Iraq in 2003" for the occupation that followed it)."""
    if match.start <= t.start and t.end <= match.end:  # type: ignore[operator]
        return True
    gap = original[match.end:t.start] if t.start >= match.end else None  # type: ignore[operator]
    return (gap is not None and len(gap) <= PERIOD_NAME_GAP
            and (t.value or "")[:4] == match.period.start[:4])


def named_period(original: str, sentence: tuple[int, int], trigger: tuple[int, int],
                 own: list[TimeValue], dct: dt.date | None) -> TimeValue | None:
    """The date of a named war or campaign in the trigger's clause, unless the clause gives the
    act a date of its own. ``own``: the dates that may be the act's (a date inside the period's
    name, "the Iran-Iraq war of 1980-88", does not count)."""
    lo, hi = _clause(original, sentence, trigger)
    # "the fight following the invasion of Iraq" names the occupation, but the invasion itself
    # (a trigger inside the name, after "following") is not part of that period
    matches = [m for m in find_periods(original, lo, hi)
               if not (m.start < trigger[0] and _AFTER_PREFIX.match(original, m.start))]
    if not matches:
        return None
    match = min(matches, key=lambda m: _distance(m, trigger))
    if any(lo <= t.start and t.end <= hi and not _names_period(original, t, match) for t in own):  # type: ignore[operator]
        return None
    return period_date(match, dct, original[match.start:match.end])


def _distance(m: PeriodMatch, trigger: tuple[int, int]) -> int:
    return max(0, m.start - trigger[1], trigger[0] - m.end)
