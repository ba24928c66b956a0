"""Named, recorded migrations of the SQLite store (the truth about its schema).

Each migration is a function with a unique name; :func:`migrate` applies, in order, those whose
name is not yet in the ``migrations`` table, each in its own ``BEGIN IMMEDIATE`` transaction
together with the row that records it. Migrations are only ever appended: never edit or reorder a
released one, add a new one instead (the sqlite-utils migrations pattern).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

__all__ = ["MIGRATIONS", "Migration", "migrate", "applied"]


@dataclass(frozen=True)
class Migration:
    """One named schema step."""

    name: str
    apply: Callable[[sqlite3.Connection], None]


_INITIAL = """
CREATE TABLE documents (
    doc_id TEXT PRIMARY KEY,
    text_sha256 TEXT NOT NULL UNIQUE,
    original TEXT NOT NULL,
    text TEXT NOT NULL,
    offset_map TEXT NOT NULL,          -- JSON [[clean_index, original_index], ...]
    url TEXT,
    outlet TEXT,
    title TEXT,
    author TEXT,
    published TEXT,
    published_precision TEXT,
    published_evidence TEXT,
    language TEXT,
    republication_of TEXT,             -- no FK: the original may live in another store
    blocks TEXT,                       -- JSON list of Block
    metadata TEXT,                     -- JSON object
    stages TEXT NOT NULL DEFAULT '[]', -- JSON list of the pipeline stages run on it
    ingested_at TEXT NOT NULL,
    warwire_version TEXT NOT NULL
);
CREATE INDEX documents_published ON documents(published);
CREATE INDEX documents_outlet ON documents(outlet);

CREATE TABLE sources (
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    source TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    warwire_version TEXT NOT NULL,
    PRIMARY KEY (doc_id, source)
);

CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    mode TEXT,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    date TEXT,
    date_precision TEXT,
    actor1_name TEXT,
    actor1_country TEXT,
    actor2_name TEXT,
    actor2_country TEXT,
    location_name TEXT,
    admin1 TEXT,
    country TEXT,
    latitude REAL,
    longitude REAL,
    geo_precision TEXT,
    fatalities_low INTEGER,
    fatalities_best INTEGER,
    fatalities_high INTEGER,
    injured_low INTEGER,
    injured_best INTEGER,
    injured_high INTEGER,
    num_sources INTEGER NOT NULL DEFAULT 0,
    confidence REAL,
    data TEXT NOT NULL                 -- JSON Event.to_dict(), mentions as ids only
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_country ON events(country);

CREATE TABLE mentions (
    mention_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    event_id TEXT REFERENCES events(event_id) ON DELETE SET NULL,
    type TEXT NOT NULL,
    mode TEXT,
    acled_event_type TEXT,
    acled_sub_event_type TEXT,
    modality TEXT NOT NULL,
    trigger_start INTEGER,
    trigger_end INTEGER,
    trigger_text TEXT,
    sentence_start INTEGER,
    sentence_end INTEGER,
    sentence_text TEXT,
    actor1_name TEXT,
    actor1_country TEXT,
    actor2_name TEXT,
    actor2_country TEXT,
    location_name TEXT,
    admin1 TEXT,
    country TEXT,
    latitude REAL,
    longitude REAL,
    geo_precision TEXT,
    date TEXT,
    date_precision TEXT,
    killed INTEGER,
    injured INTEGER,
    claimant TEXT,
    confidence REAL,
    data TEXT NOT NULL                 -- JSON Mention.to_dict()
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_type ON mentions(type);

CREATE TABLE claims (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    claimant TEXT,
    killed INTEGER,
    injured INTEGER,
    doc_id TEXT REFERENCES documents(doc_id),
    quote TEXT,
    "start" INTEGER,
    "end" INTEGER
);
CREATE INDEX claims_event ON claims(event_id);

CREATE TABLE links (
    event_id TEXT NOT NULL REFERENCES events(event_id) ON DELETE CASCADE,
    cause_event_id TEXT REFERENCES events(event_id) ON DELETE CASCADE,
    cue TEXT,
    doc_id TEXT REFERENCES documents(doc_id),
    quote TEXT,
    "start" INTEGER,
    "end" INTEGER,
    cause_text TEXT,
    explicit INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX links_event ON links(event_id);
CREATE INDEX links_cause ON links(cause_event_id);

-- Small store-wide state, e.g. events_stale=1 when documents changed after the last merge.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""

# External-content FTS5 tables, kept in sync by triggers. ``content=[mentions]`` is the form
# Datasette recognises, so full-text search appears on the mentions table without configuration.
_FTS = """
CREATE VIRTUAL TABLE mentions_fts USING fts5(sentence_text, content=[mentions]);
CREATE TRIGGER mentions_ai AFTER INSERT ON mentions BEGIN
    INSERT INTO mentions_fts(rowid, sentence_text) VALUES (new.rowid, new.sentence_text);
END;
CREATE TRIGGER mentions_ad AFTER DELETE ON mentions BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, sentence_text)
        VALUES ('delete', old.rowid, old.sentence_text);
END;
CREATE TRIGGER mentions_au AFTER UPDATE OF sentence_text ON mentions BEGIN
    INSERT INTO mentions_fts(mentions_fts, rowid, sentence_text)
        VALUES ('delete', old.rowid, old.sentence_text);
    INSERT INTO mentions_fts(rowid, sentence_text) VALUES (new.rowid, new.sentence_text);
END;

CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content=[documents]);
CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
"""


def _run_script(sql: str) -> Callable[[sqlite3.Connection], None]:
    def apply(conn: sqlite3.Connection) -> None:
        # executescript would COMMIT our transaction; run statement by statement instead.
        for statement in _split_sql(sql):
            conn.execute(statement)

    return apply


def _split_sql(sql: str) -> list[str]:
    """Split a script into statements; trigger bodies (BEGIN … END;) stay whole."""
    statements, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf.strip():
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        statements.append(buf.strip())
    return statements


#: Every migration, in order. Append only.
MIGRATIONS: tuple[Migration, ...] = (
    Migration("0001_initial", _run_script(_INITIAL)),
    Migration("0002_fts", _run_script(_FTS)),
)


def applied(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations already recorded in ``conn``."""
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY rowid")]


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet recorded; returns the names applied now.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each migration runs in its own
    ``BEGIN IMMEDIATE`` so that two processes opening a new store do not both apply it.
    """
    done_now = []
    for migration in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if migration.name in applied(conn):
                conn.execute("COMMIT")
                continue
            migration.apply(conn)
            conn.execute(
                "INSERT INTO migrations(name, applied_at) VALUES (?, ?)",
                (migration.name, datetime.now(timezone.utc).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done_now.append(migration.name)
    return done_now
