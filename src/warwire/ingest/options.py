"""Options of the ingest stage (one small dataclass instead of many keyword arguments)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .republication import RepublicationIndex

#: Default size limit of one input file. 20 MB is far above any news article (a long feature is
#: ~100 KB) yet small enough that one stray dump file cannot exhaust memory (issue 2, point 5).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

#: Languages lingua may choose from. Restricting the list makes detection faster and far more
#: reliable on short lines; these are the languages of the regions and outlets we ingest.
DEFAULT_LANGUAGES: tuple[str, ...] = (
    "en", "fa", "ar", "fr", "de", "es", "ru", "tr", "uk", "he", "ur",
)

#: A line seen in at least this many documents of one batch is site furniture (masthead, footer),
#: not reporting: two outlets never print the same sentence unless it is a template.
DEFAULT_MIN_CORPUS_REPEATS = 3


@dataclass
class IngestOptions:
    """How :func:`warwire.ingest.read` reads and cleans its inputs.

    ``line_frequencies`` is a corpus-level table (normalised line → number of documents) built in
    a first pass over a batch (:func:`warwire.ingest.corpus.line_frequencies`); ``read`` builds it
    itself when ``corpus_pass`` is true and the batch has at least ``min_corpus_repeats`` files.
    ``republications``, when given, links each article to an earlier near-duplicate.
    ``day_first`` settles ambiguous numeric dates (03/01/2020): None decides from the document's
    own date style and falls back to day-first (the style of most non-US outlets).
    """

    max_bytes: int = DEFAULT_MAX_BYTES
    languages: tuple[str, ...] = DEFAULT_LANGUAGES
    line_frequencies: Mapping[str, int] | None = None
    min_corpus_repeats: int = DEFAULT_MIN_CORPUS_REPEATS
    corpus_pass: bool = True
    republications: RepublicationIndex | None = None
    day_first: bool | None = None
    infer_dates: bool = True
