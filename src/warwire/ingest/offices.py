"""Office holders named in an undated text bound when it was written.

"Colin Kahl, the undersecretary of defense for policy", "Foreign Ministry spokesman Nasser
Kanaani" and "President Joe Biden" in one wire story can only have been written while all three
held those offices. The terms come from a hand-made table, ``data/office_holders.json`` (each row
cites its source); a person counts only when the text names the office with the name (a title
before it, or an apposition after it) and not as "former", "then-" or "late". The intersection of
the terms is the window :func:`dates.infer_published` uses to give a year to partial dates
("Aug. 15"). When the named terms do not overlap, the text says nothing usable and the window is
None: an article that quotes a former official without saying so must not get a wrong year.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

__all__ = ["Holder", "Named", "holders", "named_in_office", "term_window"]

#: Characters before a name in which its title is looked for ("Iraqi Prime Minister Adil
#: Abdul-Mahdi": the title and up to three capitalised words between it and the name).
TITLE_BEFORE = 80

#: Characters after a name in which an apposition giving the office is looked for
#: (", the undersecretary of defense for policy").
TITLE_AFTER = 70

#: Words that put the office in the past or the future, before the title or the name.
_NOT_IN_OFFICE = re.compile(
    r"\b(?:former|ex|then|late|onetime|one-time|previous|erstwhile|future|incoming|would-be)\b[-\s]"
    r"\s*(?:[\w.'’-]+\s+){0,6}$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Holder:
    """One person in one office, with the terms served (end None: still in office)."""

    id: str
    name: str
    office: str
    terms: tuple[tuple[dt.date, dt.date | None], ...]
    source: str
    died_in_office: bool
    names: re.Pattern[str]
    title_before: re.Pattern[str]
    title_after: re.Pattern[str]
    #: The names alone, without the word-edge checks of ``names``: found anywhere, so a text it
    #: does not match cannot match ``names`` (whose leading look-behind defeats the regex
    #: engine's fast search: scanning every text with it was most of the reading time).
    anywhere: re.Pattern[str]


@dataclass(frozen=True)
class Named:
    """A holder named in office in a text, at ``start:end`` (the name)."""

    holder: Holder
    start: int
    end: int
    text: str


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


@functools.lru_cache(maxsize=1)
def holders() -> tuple[Holder, ...]:
    """The office-holder table, compiled once."""
    raw = json.loads(resources.files("warwire").joinpath("data/office_holders.json").read_text(encoding="utf-8"))
    out = []
    for row in raw["offices"]:
        titles = "|".join(row["titles"])
        out.append(Holder(
            id=row["id"], name=row["name"], office=row["office"],
            terms=tuple((_date(a), _date(b)) for a, b in row["terms"]),  # type: ignore[misc]
            source=row["source"], died_in_office=bool(row.get("died_in_office")),
            names=re.compile(r"(?<![\w-])(?:" + "|".join(row["names"]) + r")(?![\w-])"),
            anywhere=re.compile("|".join(row["names"])),
            # the title, then at most three capitalised words (first names), then the name
            # (on one line, and no word ending a sentence: "Secretary of State Madeleine
            # Albright.\n\nClinton said" does not make Clinton the secretary of state)
            title_before=re.compile(r"(?<![\w-])(?:" + titles + r")[ \t]+(?:(?:[A-Z][\w'’-]*|[A-Z]\.)[ \t]+){0,3}$",
                                    re.IGNORECASE),
            # an apposition: ", the undersecretary of defense for policy", ", Iran's foreign minister"
            title_after=re.compile(r"^,[ \t]+(?:the\s+|who\s+is\s+(?:the\s+)?|as\s+)?(?:[\w.'’-]+\s+){0,3}?(?:"
                                   + titles + r")\b", re.IGNORECASE),
        ))
    return tuple(out)


@functools.lru_cache(maxsize=1)
def _any_name() -> re.Pattern[str]:
    """Every holder's names in one pattern: most texts name none and are done in one scan.
    (One flat alternation: wrapping each holder's names in a group would defeat the engine's
    fast search again.)"""
    return re.compile("|".join(h.anywhere.pattern for h in holders()))


def named_in_office(text: str) -> list[Named]:
    """Every holder the text names together with the office, not as a former holder."""
    found: list[Named] = []
    if not _any_name().search(text):
        return found
    for holder in holders():
        if not holder.anywhere.search(text):
            continue  # the name is nowhere in the text
        for m in holder.names.finditer(text):
            before = text[max(0, m.start() - TITLE_BEFORE):m.start()]
            after = text[m.end():m.end() + TITLE_AFTER]
            if re.match(r"-elect\b|['’]s\s+predecessor", after):
                continue
            title = holder.title_before.search(before)
            if title is not None:
                if _NOT_IN_OFFICE.search(before[:title.start()] + " "):
                    continue
            elif not holder.title_after.match(after) or _NOT_IN_OFFICE.search(before + " "):
                continue
            found.append(Named(holder, m.start(), m.end(), m.group(0)))
    return found


def _overlap(a: list[tuple[dt.date, dt.date]], b: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    out = []
    for a0, a1 in a:
        for b0, b1 in b:
            lo, hi = max(a0, b0), min(a1, b1)
            if lo <= hi:
                out.append((lo, hi))
    return sorted(out)


def term_window(named: list[Named], today: dt.date | None = None) -> list[tuple[dt.date, dt.date]] | None:
    """The days on which every named holder was in office, as sorted intervals; None when nobody
    is named or their terms never overlap. An open term ends ``today`` (default: the clock); the
    term of a holder who died in office only gives its start (reports of the death name the
    office)."""
    today = today or dt.date.today()
    window: list[tuple[dt.date, dt.date]] | None = None
    for holder in {n.holder for n in named}:
        terms = [(a, today if holder.died_in_office else (b or today)) for a, b in holder.terms]
        window = terms if window is None else _overlap(window, terms)
        if not window:
            return None
    return window
