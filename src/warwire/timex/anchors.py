"""Dates that come from another act: "X follows Y", and a coarse date made precise elsewhere.

- **follows**: "The deployment follows this week's storming of the embassy": the act starts
  when the act it follows happened and, being reported, ends by the publication date
  (``START/DCT``);
- **refinement**: a week or month in a possessive ("this week's storming of the US embassy")
  names an act the article may date to the day elsewhere ("On Tuesday, the US Embassy in
  Baghdad came under siege"): when another sentence has a day inside that week or month and
  names the same things, that day is used.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from ..model import TimeValue
from . import calendar as cal

#: "follows", "came after", "in the wake of" between an act and the dated act before it.
_FOLLOWS = re.compile(
    r"\b(?:follows|followed|comes\s+after|came\s+after|in\s+the\s+wake\s+of|on\s+the\s+heels\s+of)\b",
    re.IGNORECASE,
)

#: Longest stretch (characters) between the act and the "follows" cue: the act is the subject
#: or the head of the clause ("The deployment follows …").
FOLLOWS_GAP = 40

#: Words after a possessive date that name the act and its target ("storming of the US embassy
#: in Baghdad"): about one noun phrase.
NAME_WORDS = 8

#: Function words and words too common in conflict news to tie two sentences to one act.
_STOP = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "by", "for", "to", "and", "or", "with", "from",
    "its", "their", "his", "her", "this", "that", "these", "those", "us", "u.s.", "was", "were",
    "attack", "attacks", "strike", "strikes", "forces", "troops", "people", "killed",
})

_WORD = re.compile(r"[A-Za-z][\w'-]{3,}")


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text)} - _STOP


#: Characters between a date and the noun it dates as a possessive or modifier ("Wednesday’s
#: attack", "the Aug. 15 attack").
OWN_GAP = 4


def own_possessive(original: str, trigger: tuple[int, int], candidates: list[TimeValue]) -> bool:
    """True when a dated expression right before the trigger dates it ("Wednesday’s attack …
    came after …"): the act has its own date, whatever it follows."""
    return any(t.date and t.end <= trigger[0] and trigger[0] - t.end <= OWN_GAP  # type: ignore[operator]
               for t in candidates)


def followed(original: str, trigger: tuple[int, int], candidates: list[TimeValue]) -> TimeValue | None:
    """The dated expression of the act the trigger's act "follows" in its sentence, or None.
    Durations ("over the past several months") date a stretch, not an act, and are skipped."""
    for t in sorted(candidates, key=lambda c: c.start):  # type: ignore[arg-type, return-value]
        if t.start < trigger[0] or not t.date or t.type not in ("DATE", "TIME"):  # type: ignore[operator]
            continue
        cue = None
        for m in _FOLLOWS.finditer(original, trigger[0], t.start):  # type: ignore[arg-type]
            cue = m
        if cue is None or cue.start() - trigger[1] > FOLLOWS_GAP:
            continue
        if re.search(r"[.;!?]", original[cue.end():t.start]):  # type: ignore[misc]
            continue
        return t
    return None


def preceding_act(original: str, trigger: tuple[int, int], candidates: list[TimeValue]) -> TimeValue | None:
    """The dated act that "came after" / "follows" the trigger's act ("Wednesday's attack came
    after over 20 others"): the trigger's act ended before it. None if there is none."""
    for t in sorted(candidates, key=lambda c: -c.start):  # type: ignore[arg-type, operator]
        if t.end > trigger[0] or t.precision != "day":  # type: ignore[operator]
            continue
        between = original[t.end:trigger[0]]  # type: ignore[misc]
        if re.search(r"[.;!?]", between) or len(between) > FOLLOWS_GAP * 2:
            continue
        if _FOLLOWS.search(between):
            return t
    return None


def before(later: TimeValue) -> TimeValue:
    """``../D-1``: an act that ended before the dated act ``later``."""
    stop = cal.bounds(later.date)
    assert stop is not None
    return dataclasses.replace(later, date=f"../{cal.day(stop[0] - dt.timedelta(days=1))}",
                               precision="range", fallback=False, basis="before")


def ended_before(got: TimeValue, later: TimeValue) -> TimeValue:
    """``got`` with its end moved to the day before ``later`` when it ran past it."""
    span, stop = cal.bounds(got.date), cal.bounds(later.date)
    if span is None or stop is None or span[1] < stop[0] or "/" not in (got.date or ""):
        return got
    end = stop[0] - dt.timedelta(days=1)
    start = (got.date or "").split("/")[0]
    if cal.bounds(start) is None or cal.bounds(start)[0] > end:  # type: ignore[index]
        return got
    return dataclasses.replace(got, date=f"{start}/{cal.day(end)}", precision="range")


def since(t: TimeValue, dct_day: str | None) -> TimeValue | None:
    """``START/DCT``: an act that began when ``t`` did and is reported by the publication date."""
    if dct_day is None or not t.date:
        return None
    start = t.date.split("/")[0]
    if start.startswith("..") or start > dct_day:
        return None
    return dataclasses.replace(t, date=f"{start}/{dct_day}", precision="range",
                               fallback=False, basis="follows")


def refine(original: str, t: TimeValue, dated: list[TimeValue], sentence: tuple[int, int]) -> TimeValue:
    """``t`` made precise by a day of the same act elsewhere in the article, or ``t`` itself.

    Only a week or month (or a range ending at the publication date) used as a possessive
    ("this week's storming of …") is refined; the other sentence must date a day inside it and
    share a name word with the words after the possessive. The result keeps the span of ``t``.
    """
    if t.precision not in ("week", "month", "range") or not original.startswith(("'s", "’s"), t.end):  # type: ignore[arg-type]
        return t
    span = cal.bounds(t.date)
    if span is None:
        return t
    tail = original[t.end + 2:t.end + 200]  # type: ignore[operator]
    name = _words(" ".join(re.split(r"\s+", tail.strip())[:NAME_WORDS]).split(",")[0])
    if not name:
        return t
    best: tuple[int, str, TimeValue] | None = None
    for other in dated:
        if other.precision != "day" or sentence[0] <= other.start < sentence[1]:  # type: ignore[operator]
            continue
        day = cal.bounds(other.date)
        if day is None or not (span[0] <= day[0] <= span[1]):
            continue
        s0 = max(original.rfind(". ", 0, other.start), original.rfind("\n", 0, other.start)) + 1  # type: ignore[arg-type]
        ends = [i for i in (original.find(". ", other.end), original.find("\n", other.end)) if i >= 0]  # type: ignore[arg-type]
        s1 = min(ends) if ends else len(original)
        shared = len(name & _words(original[s0:s1]))
        if shared and (best is None or (-shared, other.date or "") < (-best[0], best[1])):
            best = (shared, other.date or "", other)
    if best is None:
        return t
    # the date is still the one this sentence gives, made precise: keep its span
    return dataclasses.replace(t, date=best[2].date, precision="day", fallback=False, basis="refined")
