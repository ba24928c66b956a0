"""The NLP stage: parse articles with spaCy and extract event mentions.

    parse(articles, nlp, n_process=1, batch_size=…) -> Iterator[(Article, Doc)]
    make_doc(article, nlp, split_layout=SPLIT_LAYOUT_BLOCKS) -> Doc   (layout sentence starts preset)
    layout_sentence_starts(article, split_layout=SPLIT_LAYOUT_BLOCKS) -> list[int]
    extract_mentions(article, doc) -> list[Mention]

See docs/stages/mentions.md for the trigger lexicon, modality rules and evaluation.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from ..model import Article
from .extract import extract_mentions
from .loading import DEFAULT_MODEL, load_nlp

__all__ = ["parse", "make_doc", "layout_sentence_starts", "extract_mentions", "load_nlp",
           "DEFAULT_MODEL", "DEFAULT_BATCH_SIZE", "SPLIT_LAYOUT_BLOCKS"]

#: Articles per nlp.pipe batch: news articles are ~500–1,500 words; 32 keeps memory modest
#: while amortising the per-batch overhead (spaCy's own default is 1000 short texts).
DEFAULT_BATCH_SIZE = 32

#: A blank line in the clean text: ingest joins page breaks and hard-wrapped lines with a space,
#: so what is left of a blank line separates two paragraphs (or a headline from the lede).
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")

#: Block kinds whose text is not running prose: their edges are sentence edges whatever the
#: parser thinks (a headline has no final full stop, so spaCy glues it to the lede).
_LAYOUT_KINDS = frozenset({"headline", "byline", "dateline", "deck", "source-line", "boilerplate"})

#: The layout kinds above the body (the article's head): the only ones whose glue to the lede
#: later stages rely on (see ``SPLIT_LAYOUT_BLOCKS``).
_HEAD_KINDS = frozenset({"headline", "byline", "dateline", "deck"})

#: Whether the edges of headline, byline, dateline and deck blocks are preset sentence starts.
#: Off for now: later stages lean on a headline glued to its lede. Split, a headline's act is
#: its own mention with no date of its own (timex ends a paragraph at the blank line below the
#: headline, so it falls back to the month of publication) and merge no longer joins it to the
#: lede's act; on the seeds 7 gated event scores drop (docs/stages/mentions.md, "Sentence
#: starts"). Turn on once timex dates a headline's act from the lede.
SPLIT_LAYOUT_BLOCKS = False


def parse(articles: Iterable[Article], nlp, n_process: int = 1,  # type: ignore[no-untyped-def]
          batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[tuple[Article, object]]:
    """Parse the clean text of each article with ``nlp.pipe``; yields ``(article, doc)`` in order.

    Each text is tokenised first (:func:`make_doc`) so that the layout's sentence starts —
    paragraph breaks; with ``SPLIT_LAYOUT_BLOCKS`` the edges of headlines, bylines, datelines,
    decks — are preset before the parser runs; spaCy's parser keeps preset starts and decides
    every other boundary itself.
    ``n_process`` > 1 uses spaCy's multiprocessing (each worker loads the model once; the preset
    Docs are pickled to the workers with their starts).
    """
    pairs = ((make_doc(a, nlp), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield article, doc


def make_doc(article: Article, nlp, split_layout: bool = SPLIT_LAYOUT_BLOCKS):  # type: ignore[no-untyped-def]
    """``nlp.make_doc(article.text)`` with ``is_sent_start = True`` on the first token of every
    :func:`layout_sentence_starts` position, and ``False`` on the whitespace and closing quotes
    or brackets just before it (they end the previous sentence: left unset, spaCy makes the
    closing quote of a paragraph a sentence of its own). Other tokens stay unset, for the parser.
    """
    doc = nlp.make_doc(article.text)
    token_starts = [t.idx for t in doc]
    for char in layout_sentence_starts(article, split_layout):
        i = bisect.bisect_left(token_starts, char)
        if i < len(token_starts) and token_starts[i] == char:
            doc[i].is_sent_start = True
            j = i - 1
            while j > 0 and (doc[j].is_space or doc[j].is_quote or doc[j].is_right_punct):
                doc[j].is_sent_start = False
                j -= 1
    return doc


def layout_sentence_starts(article: Article, split_layout: bool = SPLIT_LAYOUT_BLOCKS) -> list[int]:
    """Clean-text offsets where the layout says a sentence starts, sorted.

    1. after every blank line of the clean text (a paragraph break);
    2. the edges of every non-body block (``_LAYOUT_KINDS``) that are line breaks in the clean
       text, with ``split_layout``; without it the edges of the head blocks (headline, byline,
       dateline, deck) are not starts even at a blank line: the headline stays with its lede,
       see ``SPLIT_LAYOUT_BLOCKS``.

    A single newline inside body text is left to the parser, and so is a block edge that ingest
    joined with a space (a sentence cut by a page break around a dropped running header stays
    one sentence).
    """
    text = article.text
    blank = {m.end() for m in _BLANK_LINE.finditer(text)}
    kinds = _LAYOUT_KINDS if split_layout else _HEAD_KINDS
    edges = {_line_start_at(text, article.offset_map.to_clean(edge, len(text)))
             for block in article.blocks if block.kind in kinds
             for edge in (block.start, block.end)}
    starts = blank | edges if split_layout else blank - edges
    return sorted(s for s in starts if s is not None and 0 < s < len(text))


def _line_start_at(text: str, pos: int) -> int | None:
    """The first non-space offset after the whitespace run around ``pos``, when that run holds a
    newline (``pos`` sits on a line break of the clean text); else None."""
    left = pos
    while left > 0 and text[left - 1].isspace():
        left -= 1
    right = pos
    while right < len(text) and text[right].isspace():
        right += 1
    if "\n" not in text[left:right]:
        return None
    return right
