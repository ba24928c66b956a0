"""An in-memory store with the same behaviour as the SQLite one, for tests and ``extract``.

Objects are copied in and out through their JSON form, so a caller mutating an article after
saving it cannot change what is stored (as with a real database).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, Event, Mention
from . import rows

__all__ = ["MemoryStore"]


class MemoryStore:
    """A store that lives in dictionaries and disappears with the process."""

    path = ":memory:"

    def __init__(self) -> None:
        self._articles: dict[str, dict] = {}  # doc_id → Article.to_dict()
        self._by_sha: dict[str, str] = {}
        self._sources: dict[str, list[str]] = {}
        self._mentions: dict[str, dict] = {}  # mention_id → Mention.to_dict()
        self._mention_event: dict[str, str] = {}
        self._events: dict[str, dict] = {}
        self._stages: dict[str, tuple[str, ...]] = {}
        self._stale = False

    def find_document(self, text_sha256: str) -> str | None:
        """doc_id of an already stored text, or None."""
        return self._by_sha.get(text_sha256)

    def save_document(
        self, article: Article, mentions: list[Mention], source: str, stages: tuple[str, ...] = ()
    ) -> bool:
        """Store the article, its source and its mentions; False when the text is already stored."""
        sha = rows.text_sha256(article)
        if sha in self._by_sha:
            self.add_source(self._by_sha[sha], source)
            return False
        ids = [m.mention_id for m in mentions]
        if len(set(ids)) != len(ids) or any(i in self._mentions for i in ids):
            raise ValueError(f"duplicate mention id in {article.doc_id}")  # as SQLite's PK would
        data = article.to_dict()
        data["text_sha256"] = sha
        data["sources"] = []
        self._articles[article.doc_id] = data
        self._by_sha[sha] = article.doc_id
        for src in dict.fromkeys([source, *article.sources]):
            if src:
                self.add_source(article.doc_id, src)
        for mention in mentions:
            self._mentions[mention.mention_id] = mention.to_dict()
        self._stages[article.doc_id] = tuple(stages)
        self._stale = True
        return True

    def replace_mentions(
        self, doc_id: str, mentions: list[Mention], stages: tuple[str, ...] = ()
    ) -> None:
        """Replace a stored document's mentions (a re-run with more stages)."""
        self._mentions = {k: v for k, v in self._mentions.items() if v.get("doc_id") != doc_id}
        for mention in mentions:
            self._mentions[mention.mention_id] = mention.to_dict()
        self._stages[doc_id] = tuple(stages)
        self._stale = True

    def document_stages(self, doc_id: str) -> tuple[str, ...]:
        """The pipeline stages a stored document went through."""
        return self._stages.get(doc_id, ())

    def events_stale(self) -> bool:
        """True when documents or mentions changed after the last ``replace_events``."""
        return self._stale

    def add_source(self, doc_id: str, source: str) -> None:
        """Record another path/URL for a stored text."""
        known = self._sources.setdefault(doc_id, [])
        if source not in known:
            known.append(source)

    def set_republication(self, doc_id: str, original: str | None) -> None:
        """Record that stored ``doc_id`` republishes ``original``; the events are stale."""
        self._articles[doc_id]["republication_of"] = original
        self._stale = True

    def sources(self, doc_id: str) -> list[str]:
        """Every path/URL recorded for ``doc_id``."""
        return list(self._sources.get(doc_id, []))

    def get_article(self, doc_id: str) -> Article:
        """The stored article ``doc_id`` (KeyError when absent)."""
        article = Article.from_dict(self._articles[doc_id])
        article.sources = self.sources(doc_id)
        return article

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, in ingest order."""
        for doc_id in list(self._articles):
            yield self.get_article(doc_id)

    def iter_mentions(self, asserted_only: bool = False, doc_id: str | None = None) -> Iterator[Mention]:
        """Stored mentions in ingest order (only asserted ones when ``asserted_only``)."""
        for data in list(self._mentions.values()):
            if asserted_only and data.get("modality") != "asserted":
                continue
            if doc_id is not None and data.get("doc_id") != doc_id:
                continue
            yield Mention.from_dict(data)

    def mention_events(self) -> dict[str, str]:
        """mention_id → event_id for every mention that belongs to an event."""
        return dict(self._mention_event)

    def replace_events(self, events: list[Event]) -> None:
        """Replace all events and the mentions' event ids."""
        new_events = {e.event_id: e.to_dict() for e in events}
        new_links = {m.mention_id: e.event_id for e in events for m in e.mentions}
        self._events, self._mention_event = new_events, new_links
        self._stale = False

    def iter_events(self) -> Iterator[Event]:
        """Stored events ordered by date, then id."""
        for data in sorted(self._events.values(), key=lambda d: (d.get("date") or "", d["event_id"])):
            event = Event.from_dict(data)
            # Mentions come from the store, as in SQLite (an event's data keeps only their ids).
            event.mentions = [Mention.from_dict(self._mentions[m.mention_id])
                              for m in event.mentions if m.mention_id in self._mentions]
            yield event

    def counts(self) -> dict[str, int]:
        """Number of documents, sources, mentions and events."""
        return {"documents": len(self._articles),
                "sources": sum(len(v) for v in self._sources.values()),
                "mentions": len(self._mentions), "events": len(self._events)}

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
