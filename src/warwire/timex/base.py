"""What every grammar rule shares: the rule record, its result, the context it sees.

A :class:`Rule` is a compiled regular expression and a handler. The tagger runs every rule over
the text, keeps the longest non-overlapping matches, and only then asks each handler for a
:class:`Norm` (type + TIMEX3 value), with a :class:`Context` that knows the document creation
time (DCT), the tense around the match and the last day mentioned before it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from .calendar import EventDate

#: Words that mark future time around a weekday or month ("will meet on Monday").
FUTURE_CUES = re.compile(
    r"\b(?:will|won't|shall|'ll|would|going\s+to|plans?|planned|planning|scheduled|"
    r"expected\s+to|due\s+to|is\s+to|are\s+to|set\s+to|intends?\s+to|"
    r"as\s+soon\s+as|as\s+early\s+as|until|postponed|next|upcoming|coming)\b",
    re.IGNORECASE,
)

#: Words that mark past time ("was", "said", any -ed verb form).
PAST_CUES = re.compile(
    r"\b(?:was|were|had|did|said|told|went|came|took|gave|made|met|began|fell|rose|left|"
    r"struck|shot|killed|fought|led|held|sent|brought|bought|sold|won|lost|saw|thought|became|"
    r"ran|paid|built|kept|wrote|spoke|broke|chose|drove|flew|grew|knew|threw|sought|caught|"
    r"felt|heard|meant|stood|ago|last|earlier|\w{3,}ed)\b",
    re.IGNORECASE,
)

#: An -ed form after these is a participle of a passive or future ("will be named").
_PARTICIPLE_BEFORE = re.compile(r"\b(?:be|been|being|is|are|am|to|will|would|'s|'re)\s+(?:\w+ly\s+)?$",
                                re.IGNORECASE)

#: Prepositions that, right before a date, usually mean a deadline ahead ("by August").
DEADLINE_BEFORE = re.compile(
    r"\b(?:by|through|until|till|before)\s+(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+(?:[A-Z]{3}\s+)?)?"
    r"(?:early\s+|late\s+|mid-?)?$", re.IGNORECASE)

#: Sentence ends: a full stop, "!" or "?" (with closing quotes) before a space or a newline.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s)|\n")

#: Words whose full stop does not end a sentence.
_ABBREVIATIONS = frozenset({
    "a.m", "p.m", "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "st", "lt", "col", "maj",
    "capt", "sgt", "jan", "feb", "mar", "apr", "aug", "sept", "sep", "oct", "nov", "dec", "u.s",
    "u.n", "u.k", "no", "vs", "inc", "corp", "co", "ltd", "jr", "sr",
})


def _is_sentence_end(text: str, m: re.Match[str]) -> bool:
    if m.group() == "\n" or not m.group().startswith("."):
        return True
    word = re.search(r"([\w.]+)$", text[max(0, m.start() - 12):m.start()])
    if word is None:
        return True
    w = word.group(1).lower()
    return w not in _ABBREVIATIONS and not (len(w) == 1 and w.isalpha())

#: How far (characters) around a match we look for tense cues; about one clause.
TENSE_WINDOW = 90


@dataclass
class Norm:
    """What a handler decided: TIMEX3 type and value, and optionally the event date.

    ``shift`` asks the tagger to resolve the value against the last date mentioned before the
    match instead of the DCT: ``("D", -1)`` for "the day before", ``("Y", -1)`` for "a year
    earlier" (keeps the anchor's granularity: a quarter gives the same quarter a year before),
    ``("T", 0)`` for a clock time (``suffix`` holds ``HH:MM``) on the day last mentioned.
    A DURATION with a shift keeps its value and only gets the event date.
    """

    type: str
    value: str
    event: EventDate | None = None
    shift: tuple[str, int] | None = None
    suffix: str = ""


@dataclass
class Context:
    """What a handler may look at besides its match."""

    text: str
    dct: dt.date | None
    start: int = 0
    end: int = 0

    def tense(self) -> str | None:
        """``"future"``, ``"past"`` or None for the clause around the match.

        The nearest cue to the left in the same sentence decides (the governing verb usually
        comes first: "will meet on Monday", "met on Monday"); without one, the nearest cue to
        the right ("On Monday, he will …"). A possessive ("Wednesday's ruling") is past.
        """
        before = self.text[max(0, self.start - 20):self.start]
        if self.text.startswith(("'s", "’s"), self.end):
            return "past"
        if DEADLINE_BEFORE.search(before) and not re.search(
                r"\bhad\b", self.text[max(0, self.start - TENSE_WINDOW):self.start]):
            return "future"
        if re.search(r"\b(?:since|from)\s+$", before, re.IGNORECASE):
            return "past"  # "since March": a start point behind us
        s = max(0, self.start - TENSE_WINDOW)
        e = min(len(self.text), self.end + TENSE_WINDOW)
        for m in _SENTENCE_END.finditer(self.text, s, self.start):
            if _is_sentence_end(self.text, m):
                s = m.end()
        for m in _SENTENCE_END.finditer(self.text, self.end, e):
            if _is_sentence_end(self.text, m):
                e = m.start()
                break
        left: tuple[int, str] | None = None
        right_cue: tuple[int, str] | None = None
        for pattern, label in ((FUTURE_CUES, "future"), (PAST_CUES, "past")):
            for m in pattern.finditer(self.text, s, e):
                if self.start <= m.start() < self.end or not self._is_cue(m, label):
                    continue
                if m.end() <= self.start:
                    dist = self.start - m.end()
                    if left is None or dist < left[0]:
                        left = (dist, label)
                else:
                    dist = m.start() - self.end
                    if right_cue is None or dist < right_cue[0]:
                        right_cue = (dist, label)
        best = left or right_cue
        return best[1] if best else None

    def _is_cue(self, m: re.Match[str], label: str) -> bool:
        word = m.group()
        if label == "past" and word.lower().endswith("ed"):
            if not word[0].islower():
                return False  # "United States", "Ahmed"
            if _PARTICIPLE_BEFORE.search(self.text[max(0, m.start() - 25):m.start()]):
                return False
        if label == "future" and re.search(r"\bhad(?:\s+been)?\s+$",
                                           self.text[max(0, m.start() - 12):m.start()]):
            return False  # "had been due to expire Friday" is past
        return True

    def preceded_by(self, pattern: str) -> bool:
        """True when the text right before the match matches ``pattern`` (a regex ending there)."""
        return re.search(f"(?:{pattern})\\s*$", self.text[max(0, self.start - 40):self.start],
                         re.IGNORECASE) is not None

    def followed_by(self, pattern: str) -> bool:
        """True when the text right after the match starts with ``pattern``."""
        return re.match(f"\\s*(?:{pattern})", self.text[self.end:self.end + 40],
                        re.IGNORECASE) is not None


Handler = Callable[[re.Match[str], Context], "Norm | None"]


@dataclass
class Rule:
    """A named pattern and the handler that normalizes its matches."""

    name: str
    pattern: re.Pattern[str]
    handler: Handler
    priority: int = 0  # breaks ties between equally long matches: higher wins


def rule(name: str, pattern: str, handler: Handler, priority: int = 0,
         case_sensitive: bool = False) -> Rule:
    """Compile ``pattern`` (verbose, bounded by non-word characters) into a :class:`Rule`."""
    flags = re.VERBOSE | (0 if case_sensitive else re.IGNORECASE)
    bounded = rf"(?<![\w$£€-])(?:{pattern})(?![\w])"
    return Rule(name, re.compile(bounded, flags), handler, priority)
