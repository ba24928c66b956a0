"""Corpus-level evidence for the cleaner: how many documents of a batch contain each line."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .lines import norm, split_lines

#: Lines shorter than this (in normalised characters) are not counted: "Advertisement" repeats,
#: but so does "He said." — too short to tell a template from a sentence.
MIN_KEY_CHARS = 8


def line_frequencies(texts: Iterable[str]) -> dict[str, int]:
    """Normalised line → number of documents containing it (each document counted once)."""
    counts: Counter[str] = Counter()
    for text in texts:
        keys = {norm(ln.text) for ln in split_lines(text)}
        counts.update(k for k in keys if len(k) >= MIN_KEY_CHARS)
    return {k: n for k, n in counts.items() if n > 1}
