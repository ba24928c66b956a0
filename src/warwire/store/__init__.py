"""Where warwire keeps what it read and found: documents, mentions, events.

One small interface, :class:`Store`, in front of two backends: :class:`SQLiteStore` (one file, WAL,
foreign keys, named migrations, one writer) and :class:`MemoryStore` (tests, ``warwire.extract``).
Open one with :func:`open_store`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Protocol, runtime_checkable

from ..model import Article, Event, Mention
from .memory import MemoryStore
from .sqlite import SQLiteStore

__all__ = ["Store", "open_store", "SQLiteStore", "MemoryStore"]


@runtime_checkable
class Store(Protocol):
    """What the pipeline, the exports and the web layer need from a store."""

    path: str

    def find_document(self, text_sha256: str) -> str | None:
        """doc_id of an already stored text, or None."""

    def save_document(
        self, article: Article, mentions: list[Mention], source: str, stages: tuple[str, ...] = ()
    ) -> bool:
        """One transaction: the article, its source and its mentions land whole or not at all.

        False (and only ``source`` recorded) when the text is already stored.
        """

    def replace_mentions(
        self, doc_id: str, mentions: list[Mention], stages: tuple[str, ...] = ()
    ) -> None:
        """One transaction: a stored document's mentions replaced (re-run with more stages)."""

    def document_stages(self, doc_id: str) -> tuple[str, ...]:
        """The pipeline stages a stored document went through."""

    def events_stale(self) -> bool:
        """True when documents or mentions changed after the last ``replace_events``."""

    def add_source(self, doc_id: str, source: str) -> None:
        """Record another path/URL for a stored text."""

    def set_republication(self, doc_id: str, original: str | None) -> None:
        """Record that a stored document republishes ``original`` (read after it)."""

    def sources(self, doc_id: str) -> list[str]:
        """Every path/URL recorded for a document."""

    def get_article(self, doc_id: str) -> Article:
        """The stored article (KeyError when absent)."""

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, in ingest order."""

    def iter_mentions(self, asserted_only: bool = False, doc_id: str | None = None) -> Iterator[Mention]:
        """Stored mentions, in ingest order."""

    def mention_events(self) -> dict[str, str]:
        """mention_id → event_id."""

    def replace_events(self, events: list[Event]) -> None:
        """One transaction: events, claims, links and ``mentions.event_id``."""

    def iter_events(self) -> Iterator[Event]:
        """Stored events with their mentions, ordered by date then id."""

    def counts(self) -> dict[str, int]:
        """documents, sources, mentions, events."""

    def close(self) -> None:
        """Release the store."""


def open_store(path: str | os.PathLike[str] | None) -> Store:
    """Open (creating and migrating if needed) the store at ``path``.

    ``None`` or ``":memory:"`` gives a fresh :class:`MemoryStore`; anything else a
    :class:`SQLiteStore` in WAL mode with foreign keys on and every migration applied.
    Raises :class:`warwire.errors.StoreError` when the file cannot be opened as a store.
    """
    if path is None or str(path) == ":memory:":
        return MemoryStore()
    return SQLiteStore(os.fspath(path))
