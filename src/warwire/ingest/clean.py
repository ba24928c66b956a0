"""The clean text for NLP and its offset map back to the original text.

Kept lines (headline, body, decks that add something) are repaired with ftfy and joined:
paragraphs with a blank line, lines of one paragraph with a newline, the lines of a hard-wrapped
paragraph and the two halves of a sentence cut by a page break with a single space (a
hyphen-final half with nothing). Every
piece records where it came from, so ``OffsetMap`` takes any clean span back to the original;
a span across a repaired page break maps to an original span containing the break.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import OffsetMap
from .decode import repair
from .lines import Line, continues


@dataclass
class CleanText:
    """The clean text, its map to the original, and the original spans of joined page breaks."""

    text: str
    offset_map: OffsetMap
    joins: list[tuple[int, int]] = field(default_factory=list)


def is_page_break(prev: Line, nxt: Line) -> bool:
    """True when the blank line between two body lines falls inside a sentence (see
    :func:`~warwire.ingest.lines.continues`)."""
    return prev.kind == "body" and nxt.kind == "body" and continues(prev.text, nxt.text)


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pos = 0
        self.pairs: list[tuple[int, int]] = []

    def add(self, piece: str, pairs: list[tuple[int, int]]) -> None:
        for c, o in pairs:
            self._pair(self.pos + c, o)
        self.parts.append(piece)
        self.pos += len(piece)

    def _pair(self, c: int, o: int) -> None:
        if self.pairs and self.pairs[-1][0] == c:
            self.pairs[-1] = (c, o)
        elif not self.pairs or (o - c) != (self.pairs[-1][1] - self.pairs[-1][0]):
            self.pairs.append((c, o))

    def result(self, joins: list[tuple[int, int]]) -> CleanText:
        pairs = self.pairs if self.pairs and self.pairs[0][0] == 0 else [(0, 0), *self.pairs]
        return CleanText("".join(self.parts), OffsetMap(pairs), joins)


def build_clean_text(original: str, lines: list[Line]) -> CleanText:
    """Join the kept lines into the clean text, mapping every character back to ``original``."""
    b = _Builder()
    joins: list[tuple[int, int]] = []
    prev: Line | None = None
    for ln in lines:
        if not ln.keep:
            continue
        if prev is not None:
            dropped = any(not x.keep for x in lines[prev.index + 1 : ln.index])
            if is_page_break(prev, ln):
                sep = "" if prev.text.endswith("-") else " "
                joins.append((prev.end, ln.start))
            elif not dropped and prev.paragraph == ln.paragraph:
                sep = "\n"
            else:
                sep = "\n\n"
            if sep:
                b.add(sep, [(0, prev.end)])
        for k, (start, end) in enumerate(ln.parts):
            piece = original[start:end]
            if k:  # a hard-wrapped line: the newline becomes a space (nothing after a hyphen)
                prev_end = ln.parts[k - 1][1]
                if not original[prev_end - 1 : prev_end] == "-":
                    b.add(" ", [(0, prev_end)])
            fixed = repair(piece)
            b.add(fixed.text, [(c, start + o) for c, o in fixed.pairs])
        prev = ln
    return b.result(joins)
