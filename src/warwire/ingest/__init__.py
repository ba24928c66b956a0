"""Ingest: read articles from files, directories, JSON Lines or stdin; clean and describe them.

    read(inputs, options) ─┬─ readers: expand paths, size/binary/encoding checks, JSONL, HTML
                           ├─ structure: every line classified (headline, byline, body, …)
                           ├─ clean: clean text + offset map (ftfy repairs, page breaks joined)
                           └─ describe: doc_id, outlet, author, publication date, language

``read`` never raises on bad input: it yields a :class:`~warwire.model.Rejection` and goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from ..model import Article, Rejection
from .corpus import line_frequencies
from .describe import build_article, content_hash, doc_id_for
from .options import IngestOptions
from .readers import HTML_SUFFIXES, STDIN, RawDocument, expand, read_file, read_raw
from .republication import RepublicationIndex

__all__ = [
    "read",
    "IngestOptions",
    "RepublicationIndex",
    "RawDocument",
    "build_article",
    "line_frequencies",
    "batch_line_frequencies",
    "content_hash",
    "doc_id_for",
]


def batch_line_frequencies(inputs: Iterable[str], options: IngestOptions) -> dict[str, int]:
    """First pass over a batch: line → number of documents (text and JSONL inputs; HTML pages
    are already stripped of their templates by trafilatura, and stdin cannot be read twice)."""
    light = replace(options, corpus_pass=False)

    def texts() -> Iterator[str]:
        for item in expand(inputs):
            if isinstance(item, Rejection) or item == STDIN or Path(item).suffix.lower() in HTML_SUFFIXES:
                continue
            for raw in read_file(item, light):
                if isinstance(raw, RawDocument):
                    yield raw.original

    return line_frequencies(texts())


def read(inputs: Iterable[str], options: IngestOptions | None = None) -> Iterator[Article | Rejection]:
    """Articles (and rejections) from ``inputs``: paths of files or directories, or "-" (stdin).

    With ``options.corpus_pass`` (default) a batch of at least ``options.min_corpus_repeats``
    files is read twice: first to count lines across documents (mastheads, footers), then to
    clean. With ``options.republications`` each article is linked to an earlier near-duplicate.
    """
    options = options or IngestOptions()
    inputs = [str(i) for i in inputs]
    freq = options.line_frequencies
    if freq is None and options.corpus_pass and STDIN not in inputs:
        files = [i for i in expand(inputs) if not isinstance(i, Rejection)]
        if len(files) >= options.min_corpus_repeats:
            freq = batch_line_frequencies(inputs, options)
    for raw in read_raw(inputs, options):
        if isinstance(raw, Rejection):
            yield raw
            continue
        article = build_article(raw, options, freq)
        if options.republications is not None:
            options.republications.link(article)
        yield article
