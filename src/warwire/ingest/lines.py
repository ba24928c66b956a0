"""Lines of a text and the surface features the cleaner decides on (no decisions here)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LINE = re.compile(r"[^\r\n]+")
_WORD = re.compile(r"\w[\w'’.-]*")
_SENTENCE_END = re.compile(r"[.!?…]$")
_TRAILING_CLOSERS = " \t”\"’')]»*_"
_BULLET = re.compile(r"^\s*(?:[-–—•·*▪►■●]|\d{1,2}[.)])\s+")

#: URLs, e-mail addresses, bare domains, short links and Markdown/angle-bracket links.
LINK = re.compile(
    r"(?:https?://\S+|www\.\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|<[^>\s]+>|\[[^\]]*\]\([^)]*\)"
    r"|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|news|info|io|co|uk|ir|af|gov|edu|int|tv|me)"
    r"\b(?:/\S*)?)",
    re.I,
)

#: Words of site furniture: contact and subscription boxes, sharing and navigation prompts.
#: Generic web vocabulary, not any one outlet's wording.
FURNITURE = re.compile(
    r"\b(?:contact(?:\s+us)?|subscribe|subscription|newsletter|sign\s+up|log\s*in|follow\s+us|"
    r"share\s+(?:this|on)|click\s+here|read\s+more|related\s+(?:articles|stories)|advertisement|"
    r"all\s+rights\s+reserved|copyright|cookies?|privacy\s+policy|terms\s+of\s+(?:use|service)|"
    r"donate|visit|e-?mail\s+us|download\s+(?:our|the)\s+app|skip\s+(?:to\s+(?:main\s+)?content|links?)|"
    r"menu|home\s*page|\d+\s*min(?:ute)?s?\s+read)\b"
    r"|©",
    re.I,
)

#: Words that cannot end a sentence: a paragraph that ends with one was cut by a page break.
FUNCTION_WORDS = frozenset(
    """a an the of on in at to for with by from and or but nor as that which who whom whose all
    do does did is are was were be been being has have had will would could should may might can
    must shall its their his her our your my this these those than into onto over under between
    about after before not no very such both either neither if when while where because although
    though since until upon within without among against toward towards through during including
    like per via whether whereas so yet also just only even more most less least some any each
    every other another""".split()
)


@dataclass
class Line:
    """A logical line: one physical line of the original text, or several when a paragraph was
    hard-wrapped. ``parts`` are the (start, end) spans of its physical lines (stripped); ``text``
    is their text joined by single spaces (by nothing after a hyphen)."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    words: int = 0
    kind: str = "body"
    reason: str | None = None
    language: str | None = None
    keep: bool = True  # goes into the clean text
    parts: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.parts:
            self.parts = [(self.start, self.end)]


def split_lines(text: str) -> list[Line]:
    """Logical lines with offsets and paragraph numbers (blank lines separate paragraphs).

    Physical lines of one paragraph are merged when the paragraph was hard-wrapped: the earlier
    line is long, does not end a sentence, and the next one continues it (see
    :func:`continues`), so that a wrapped paragraph is classified as the prose it is.
    """
    physical = _physical_lines(text)
    out: list[Line] = []
    for ln in physical:
        prev = out[-1] if out else None
        if prev is not None and prev.paragraph == ln.paragraph and prev.words >= WRAP_MIN_WORDS \
                and continues(prev.text, ln.text):
            glue = "" if prev.text.endswith("-") else " "
            prev.text = prev.text + glue + ln.text
            prev.end = ln.end
            prev.words += ln.words
            prev.parts.append((ln.start, ln.end))
            continue
        ln.index = len(out)
        out.append(ln)
    return out


#: A hard-wrapped prose line has at least this many words (headlines and bylines have fewer).
WRAP_MIN_WORDS = 8


def continues(prev: str, nxt: str) -> bool:
    """True when ``nxt`` continues the sentence ``prev`` left open.

    ``prev`` does not end a sentence, and either ``nxt`` starts in lower case or ``prev`` ends
    with a hyphen or a word that cannot end a sentence ("the", "on", "do").
    """
    if ends_sentence(prev) or not nxt:
        return False
    return nxt[:1].islower() or prev.endswith("-") or last_word(prev) in FUNCTION_WORDS


def _physical_lines(text: str) -> list[Line]:
    out: list[Line] = []
    paragraph = 0
    prev_end = 0
    for m in _LINE.finditer(text):
        raw = m.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(stripped)
        gap = text[prev_end:start]
        if out and (gap.count("\n") >= 2 or gap.count("\r") >= 2 and "\n" not in gap):
            paragraph += 1
        out.append(Line(len(out), start, end, stripped, paragraph, len(_WORD.findall(stripped))))
        prev_end = end
    return out


def norm(text: str) -> str:
    """Comparison key: lower case, letters and digits only, single spaces."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def ends_sentence(text: str) -> bool:
    """True when ``text`` ends with sentence-final punctuation (closing quotes allowed)."""
    return bool(_SENTENCE_END.search(text.rstrip(_TRAILING_CLOSERS)))


def strip_bullet(text: str) -> str:
    """``text`` without a leading bullet or list number."""
    return _BULLET.sub("", text)


def has_bullet(text: str) -> bool:
    """True when ``text`` starts with a bullet or list marker."""
    return bool(_BULLET.match(text))


def link_share(text: str) -> float:
    """Share of the characters of ``text`` inside links, addresses and domains."""
    return sum(len(m.group(0)) for m in LINK.finditer(text)) / max(1, len(text))


def last_word(text: str) -> str:
    """The last word of ``text`` in lower case (punctuation stripped)."""
    words = re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", text)
    return words[-1].lower() if words else ""
