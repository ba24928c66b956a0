"""The NLP stage: parse articles with spaCy and extract event mentions.

    parse(articles, nlp, n_process=1, batch_size=…) -> Iterator[(Article, Doc)]
    extract_mentions(article, doc) -> list[Mention]

See docs/stages/mentions.md for the trigger lexicon, modality rules and evaluation.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..model import Article
from .extract import extract_mentions
from .loading import DEFAULT_MODEL, load_nlp

__all__ = ["parse", "extract_mentions", "load_nlp", "DEFAULT_MODEL", "DEFAULT_BATCH_SIZE"]

#: Articles per nlp.pipe batch: news articles are ~500–1,500 words; 32 keeps memory modest
#: while amortising the per-batch overhead (spaCy's own default is 1000 short texts).
DEFAULT_BATCH_SIZE = 32


def parse(articles: Iterable[Article], nlp, n_process: int = 1,  # type: ignore[no-untyped-def]
          batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[tuple[Article, object]]:
    """Parse the clean text of each article with ``nlp.pipe``; yields ``(article, doc)`` in order.

    ``n_process`` > 1 uses spaCy's multiprocessing (each worker loads the model once).
    """
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, n_process=n_process, batch_size=batch_size):
        yield article, doc
