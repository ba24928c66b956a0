"""The SQLite store: one file, WAL, foreign keys, named migrations, one writer connection.

Writes go through a single connection in autocommit mode, each write wrapped in
``BEGIN IMMEDIATE … COMMIT`` (the Datasette pattern), so a document, its source and its mentions
land together or not at all, and a process killed mid-batch leaves only whole documents behind.
Reads that iterate use a second connection, so a long iteration never holds the writer.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from .. import __version__
from ..errors import StoreError
from ..model import Article, Event, Mention
from . import rows
from .migrations import migrate

__all__ = ["SQLiteStore"]

#: How long a writer waits for another process's write lock before failing, in ms. Long enough
#: for a concurrent ingest's largest transaction (one article, or one replace_events).
BUSY_TIMEOUT_MS = 30_000

#: Rows fetched per round trip when iterating.
FETCH_SIZE = 500


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _connect(path: str) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _insert(conn: sqlite3.Connection, table: str, row: dict[str, Any], verb: str = "INSERT") -> None:
    cols = ", ".join(f'"{c}"' for c in row)
    marks = ", ".join("?" for _ in row)
    conn.execute(f"{verb} INTO {table} ({cols}) VALUES ({marks})", tuple(row.values()))


def _insert_many(conn: sqlite3.Connection, table: str, rows_: Iterable[dict[str, Any]]) -> None:
    """Insert rows with one ``executemany`` per run of rows with the same columns (one statement
    prepared once per table and batch, instead of one ``execute`` per row)."""
    run: list[tuple[Any, ...]] = []
    cols: tuple[str, ...] = ()
    for row in rows_:
        keys = tuple(row)
        if keys != cols and run:
            _flush(conn, table, cols, run)
            run = []
        cols = keys
        run.append(tuple(row.values()))
    if run:
        _flush(conn, table, cols, run)


def _flush(conn: sqlite3.Connection, table: str, cols: tuple[str, ...], values: list[tuple[Any, ...]]) -> None:
    names = ", ".join(f'"{c}"' for c in cols)
    marks = ", ".join("?" for _ in cols)
    conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)


class SQLiteStore:
    """A warwire store in one SQLite file (see ``migrations.py`` for the schema)."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self._writer = _connect(self.path)
            mode = self._writer.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if mode.lower() != "wal":
                raise StoreError(f"{self.path}: cannot switch the store to WAL mode ({mode})")
            # NORMAL is durable against process kills in WAL mode (only a power loss can drop
            # the last transactions), and much faster than FULL.
            self._writer.execute("PRAGMA synchronous = NORMAL")
            migrate(self._writer)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open the store: {exc}") from exc
        self._reader: sqlite3.Connection | None = None

    # -- plumbing -------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction on the writer connection."""
        conn = self._writer
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot start a write: {exc}") from exc
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        try:
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            conn.execute("ROLLBACK")
            raise StoreError(f"{self.path}: write failed: {exc}") from exc

    def _read(self) -> sqlite3.Connection:
        if self._reader is None:
            self._reader = _connect(self.path)
            self._reader.execute("PRAGMA query_only = ON")
        return self._reader

    def _iter(self, sql: str, params: Iterable[Any] = ()) -> Iterator[sqlite3.Row]:
        cur = self._read().execute(sql, tuple(params))
        try:
            while batch := cur.fetchmany(FETCH_SIZE):
                yield from batch
        finally:
            try:
                cur.close()
            except sqlite3.ProgrammingError:
                pass  # the store was closed while the iteration was abandoned

    def execute(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        """Run a read-only query (for exports, the web layer and tests)."""
        return self._read().execute(sql, tuple(params)).fetchall()

    # -- documents ------------------------------------------------------------------------

    def find_document(self, text_sha256: str) -> str | None:
        """doc_id of an already stored text, or None."""
        row = self._writer.execute(
            "SELECT doc_id FROM documents WHERE text_sha256 = ?", (text_sha256,)
        ).fetchone()
        return row[0] if row else None

    def save_document(
        self, article: Article, mentions: list[Mention], source: str, stages: tuple[str, ...] = ()
    ) -> bool:
        """Store the article, its source and its mentions in ONE transaction.

        ``stages`` names the pipeline stages the article went through (kept so that a later run
        with more stages knows what is missing). Returns False (recording only ``source``) when
        the same text is already stored.
        """
        sha = rows.text_sha256(article)
        now = _now()
        try:
            with self._write() as conn:
                row = conn.execute(
                    "SELECT doc_id FROM documents WHERE text_sha256 = ?", (sha,)
                ).fetchone()
                if row is not None:
                    self._add_source(conn, row[0], source, now)
                    return False
                doc = rows.document_row(article, now, __version__, stages)
                doc["text_sha256"] = sha
                _insert(conn, "documents", doc)
                for src in dict.fromkeys([source, *article.sources]):
                    if src:
                        self._add_source(conn, article.doc_id, src, now)
                _insert_many(conn, "mentions", (rows.mention_row(m) for m in mentions))
                self._mark_stale(conn, True)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot save {article.doc_id}: {exc}") from exc
        return True

    def replace_mentions(
        self, doc_id: str, mentions: list[Mention], stages: tuple[str, ...] = ()
    ) -> None:
        """Replace a stored document's mentions (a re-run with more stages), in ONE transaction."""
        try:
            with self._write() as conn:
                conn.execute("DELETE FROM mentions WHERE doc_id = ?", (doc_id,))
                _insert_many(conn, "mentions", (rows.mention_row(m) for m in mentions))
                conn.execute("UPDATE documents SET stages = ? WHERE doc_id = ?",
                             (rows.dumps(list(stages)), doc_id))
                self._mark_stale(conn, True)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot save mentions of {doc_id}: {exc}") from exc

    def document_stages(self, doc_id: str) -> tuple[str, ...]:
        """The pipeline stages a stored document went through."""
        row = self._writer.execute(
            "SELECT stages FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        return tuple(json.loads(row[0])) if row else ()

    @staticmethod
    def _mark_stale(conn: sqlite3.Connection, stale: bool) -> None:
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('events_stale', ?)",
                     ("1" if stale else "0",))

    def events_stale(self) -> bool:
        """True when documents or mentions changed after the last ``replace_events``."""
        row = self._writer.execute("SELECT value FROM meta WHERE key = 'events_stale'").fetchone()
        return bool(row and row[0] == "1")

    @staticmethod
    def _add_source(conn: sqlite3.Connection, doc_id: str, source: str, now: str) -> None:
        conn.execute(
            "INSERT OR IGNORE INTO sources (doc_id, source, ingested_at, warwire_version) "
            "VALUES (?, ?, ?, ?)",
            (doc_id, source, now, __version__),
        )

    def add_source(self, doc_id: str, source: str) -> None:
        """Record another path/URL for a stored text."""
        with self._write() as conn:
            self._add_source(conn, doc_id, source, _now())

    def set_republication(self, doc_id: str, original: str | None) -> None:
        """Record that stored ``doc_id`` republishes ``original`` (its original was read after
        it); the events are stale until the next merge."""
        try:
            with self._write() as conn:
                conn.execute("UPDATE documents SET republication_of = ? WHERE doc_id = ?", (original, doc_id))
                self._mark_stale(conn, True)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot update {doc_id}: {exc}") from exc

    def sources(self, doc_id: str) -> list[str]:
        """Every path/URL recorded for ``doc_id``, in ingest order."""
        return [r[0] for r in self._read().execute(
            "SELECT source FROM sources WHERE doc_id = ? ORDER BY rowid", (doc_id,))]

    def get_article(self, doc_id: str) -> Article:
        """The stored article ``doc_id`` (KeyError when absent)."""
        row = self._read().execute("SELECT * FROM documents WHERE doc_id = ?", (doc_id,)).fetchone()
        if row is None:
            raise KeyError(doc_id)
        return rows.row_to_article(dict(row), self.sources(doc_id))

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, in ingest order."""
        for row in self._iter("SELECT * FROM documents ORDER BY rowid"):
            yield rows.row_to_article(dict(row), self.sources(row["doc_id"]))

    # -- mentions and events ----------------------------------------------------------------

    def iter_mentions(self, asserted_only: bool = False, doc_id: str | None = None) -> Iterator[Mention]:
        """Stored mentions in ingest order (only asserted ones when ``asserted_only``)."""
        sql, params = "SELECT data FROM mentions", []
        where = []
        if asserted_only:
            where.append("modality = 'asserted'")
        if doc_id is not None:
            where.append("doc_id = ?")
            params.append(doc_id)
        if where:
            sql += " WHERE " + " AND ".join(where)
        for row in self._iter(sql + " ORDER BY rowid", params):
            yield rows.row_to_mention(row[0])

    def mention_events(self) -> dict[str, str]:
        """mention_id → event_id for every mention that belongs to an event."""
        return dict(self._read().execute(
            "SELECT mention_id, event_id FROM mentions WHERE event_id IS NOT NULL").fetchall())

    def replace_events(self, events: list[Event]) -> None:
        """Replace all events, claims and links, and set ``mentions.event_id``, in ONE transaction."""
        known = {e.event_id for e in events}
        try:
            with self._write() as conn:
                conn.execute("UPDATE mentions SET event_id = NULL WHERE event_id IS NOT NULL")
                conn.execute("DELETE FROM links")
                conn.execute("DELETE FROM claims")
                conn.execute("DELETE FROM events")
                _insert_many(conn, "events", (rows.event_row(e) for e in events))
                _insert_many(conn, "claims", (c for e in events for c in rows.claim_rows(e)))
                _insert_many(conn, "links", (k for e in events for k in rows.link_rows(e, known)))
                conn.executemany(
                    "UPDATE mentions SET event_id = ? WHERE mention_id = ?",
                    [(e.event_id, m.mention_id) for e in events for m in e.mentions],
                )
                self._mark_stale(conn, False)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot replace events: {exc}") from exc

    def iter_events(self) -> Iterator[Event]:
        """Stored events (ordered by date, then id) with their mentions."""
        page: list[sqlite3.Row] = []
        for row in self._iter("SELECT event_id, data FROM events ORDER BY date, event_id"):
            page.append(row)
            if len(page) >= FETCH_SIZE:
                yield from self._events_with_mentions(page)
                page = []
        yield from self._events_with_mentions(page)

    def _events_with_mentions(self, page: list[sqlite3.Row]) -> Iterator[Event]:
        """Events of one page, their mentions fetched in one query (not one per event)."""
        if not page:
            return
        marks = ", ".join("?" for _ in page)
        mentions = {
            r[0]: rows.row_to_mention(r[1])
            for r in self._read().execute(
                f"SELECT mention_id, data FROM mentions WHERE event_id IN ({marks})",
                [row[0] for row in page])
        }
        for row in page:
            yield rows.row_to_event(row[1], mentions)

    # -- bookkeeping ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Number of documents, sources, mentions and events."""
        conn = self._read()
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("documents", "sources", "mentions", "events")}

    def close(self) -> None:
        """Close both connections (checkpointing the WAL)."""
        for conn in (self._reader, self._writer):
            if conn is not None:
                conn.close()
        self._reader = None

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"SQLiteStore({self.path!r})"
