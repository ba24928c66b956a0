"""The Store contract, run against both backends (SQLite and memory)."""

from __future__ import annotations

import pytest
from store_factories import TEXTS, article, event, mention

from warwire.store import MemoryStore, SQLiteStore, Store, open_store


@pytest.fixture(params=["sqlite", "memory"])
def store(request, tmp_path):
    s = open_store(tmp_path / "w.db" if request.param == "sqlite" else None)
    yield s
    s.close()


def test_open_store_backends(tmp_path):
    assert isinstance(open_store(None), MemoryStore) and isinstance(open_store(None), Store)
    assert isinstance(open_store(":memory:"), MemoryStore)
    s = open_store(tmp_path / "sub" / "w.db")
    assert isinstance(s, SQLiteStore) and isinstance(s, Store)
    s.close()


def test_save_document_round_trip(store):
    art = article(TEXTS[0], "in/a.txt")
    m = mention(art)
    assert store.save_document(art, [m], "in/a.txt", stages=("documents", "nlp")) is True
    back = store.get_article(art.doc_id)
    assert back.original == art.original and back.text == art.text
    assert back.offset_map == art.offset_map and back.outlet == "Test Wire"
    assert back.sources == ["in/a.txt"]
    assert store.find_document(art.text_sha256) == art.doc_id
    assert store.document_stages(art.doc_id) == ("documents", "nlp")
    (got,) = list(store.iter_mentions())
    assert got == m
    assert store.counts() == {"documents": 1, "sources": 1, "mentions": 1, "events": 0}


def test_same_text_twice_records_only_the_source(store):
    art = article(TEXTS[0], "a.txt")
    assert store.save_document(art, [mention(art)], "a.txt")
    again = article(TEXTS[0], "copy/b.txt")
    assert store.save_document(again, [mention(again)], "copy/b.txt") is False
    assert store.counts() == {"documents": 1, "sources": 2, "mentions": 1, "events": 0}
    assert store.sources(art.doc_id) == ["a.txt", "copy/b.txt"]
    store.add_source(art.doc_id, "a.txt")  # known source: nothing new
    assert store.counts()["sources"] == 2


def test_iter_mentions_asserted_only(store):
    art = article(TEXTS[1])
    store.save_document(art, [mention(art, 0), mention(art, 1, modality="threatened")], "x")
    assert [m.mention_id for m in store.iter_mentions(asserted_only=True)] == [mention(art, 0).mention_id]
    assert len(list(store.iter_mentions(doc_id=art.doc_id))) == 2


def test_replace_events_and_links(store):
    arts = [article(t, f"{i}.txt") for i, t in enumerate(TEXTS)]
    ms = [mention(a) for a in arts]
    for a, m in zip(arts, ms):
        store.save_document(a, [m], a.sources[0])
    assert store.events_stale()
    first = [event("ev_a", ms[:2]), event("ev_b", [ms[2]], caused_by=["ev_a", "ev_gone"])]
    store.replace_events(first)
    assert not store.events_stale()
    got = {e.event_id: e for e in store.iter_events()}
    assert set(got) == {"ev_a", "ev_b"}
    assert [m.mention_id for m in got["ev_a"].mentions] == [ms[0].mention_id, ms[1].mention_id]
    assert got["ev_a"].claims == first[0].claims
    assert store.mention_events()[ms[2].mention_id] == "ev_b"
    # Replacing drops what is gone: no stale events, claims or mention links.
    store.replace_events([event("ev_c", ms)])
    assert [e.event_id for e in store.iter_events()] == ["ev_c"]
    assert set(store.mention_events().values()) == {"ev_c"}
    assert store.counts()["events"] == 1


def test_replace_mentions(store):
    art = article(TEXTS[0])
    store.save_document(art, [], "a.txt", stages=("documents",))
    store.replace_events([])
    store.replace_mentions(art.doc_id, [mention(art)], stages=("documents", "nlp"))
    assert store.events_stale()
    assert store.document_stages(art.doc_id) == ("documents", "nlp")
    assert len(list(store.iter_mentions())) == 1


def test_iter_articles_in_ingest_order(store):
    arts = [article(t) for t in TEXTS]
    for a in arts:
        store.save_document(a, [], "s")
    assert [a.doc_id for a in store.iter_articles()] == [a.doc_id for a in arts]
    with pytest.raises(KeyError):
        store.get_article("d_missing")
