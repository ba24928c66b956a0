"""SQLite specifics: WAL, foreign keys, migrations, FTS, atomic documents."""

from __future__ import annotations

import sqlite3

import pytest
from store_factories import TEXTS, article, event, mention

from warwire.errors import StoreError
from warwire.store import open_store
from warwire.store.migrations import MIGRATIONS


@pytest.fixture
def db(tmp_path):
    return tmp_path / "w.db"


def test_wal_fk_and_recorded_migrations(db):
    open_store(db).close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    names = [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY rowid")]
    assert names == [m.name for m in MIGRATIONS]
    conn.close()
    # Re-opening applies nothing twice.
    s = open_store(db)
    assert s.execute("SELECT count(*) FROM migrations")[0][0] == len(MIGRATIONS)
    assert s.execute("PRAGMA foreign_keys")[0][0] == 1
    s.close()


def test_document_lands_whole_or_not_at_all(db):
    s = open_store(db)
    art = article(TEXTS[0])
    m = mention(art)
    with pytest.raises(StoreError):
        s.save_document(art, [m, m], "a.txt")  # duplicate mention id fails the transaction
    assert s.counts() == {"documents": 0, "sources": 0, "mentions": 0, "events": 0}
    assert s.save_document(art, [m], "a.txt")
    s.close()


def test_mentions_full_text_search(db):
    s = open_store(db)
    for i, t in enumerate(TEXTS):
        a = article(t)
        s.save_document(a, [mention(a, i)], f"{i}.txt")
    hits = s.execute("SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH 'consulate'")
    assert len(hits) == 1
    docs = s.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'depot'")
    assert len(docs) == 1
    s.close()


def test_claims_and_links_tables(db):
    s = open_store(db)
    arts = [article(t) for t in TEXTS[:2]]
    ms = [mention(a) for a in arts]
    for a, m in zip(arts, ms):
        s.save_document(a, [m], a.sources[0])
    s.replace_events([event("ev_a", [ms[0]]), event("ev_b", [ms[1]], caused_by=["ev_a"])])
    links = s.execute('SELECT event_id, cause_event_id, cue FROM links')
    assert [tuple(r) for r in links] == [("ev_b", "ev_a", "in retaliation for")]
    claims = s.execute('SELECT event_id, killed, "start", "end" FROM claims ORDER BY event_id')
    assert [r[0] for r in claims] == ["ev_a", "ev_b"]
    row = s.execute("SELECT num_sources, latitude, fatalities_best FROM events WHERE event_id='ev_a'")[0]
    assert tuple(row) == (1, 35.47, 4)
    assert s.execute("PRAGMA integrity_check")[0][0] == "ok"
    assert s.execute("PRAGMA foreign_key_check") == []
    s.close()


def test_not_a_database(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        open_store(bad)
