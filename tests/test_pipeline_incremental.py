"""The merge after an ingest joins only the new mentions into the stored events."""

from __future__ import annotations

import random
from pathlib import Path

from warwire.pipeline import Pipeline, PipelineOptions, Stages, ingest
from warwire.store import open_store

from test_pipeline import STORIES, Fakes

DEMO = Path(__file__).resolve().parents[1] / "demo" / "corpus"


def test_second_run_merges_only_its_new_mentions(tmp_path):
    fakes = Fakes(dict(STORIES))
    store = open_store(tmp_path / "w.db")
    ingest(["a.txt"], store, stages=fakes.stages())
    first = [e.event_id for e in store.iter_events()]
    stored = {m.mention_id for m in store.iter_mentions()}
    report = ingest(["b.txt", "c.txt"], store, stages=fakes.stages())
    (mentions, events), = fakes.merged[1:]
    assert events == first  # the stored event was handed to the merge …
    assert len(mentions) == 1 and not stored & set(mentions)  # … with only the new mention
    assert report.merged and report.events == 2
    assert set(store.mention_events().values()) == {e.event_id for e in store.iter_events()}
    store.close()


def test_incremental_merge_can_be_turned_off():
    fakes = Fakes(dict(STORIES))
    store = open_store(None)
    ingest(["a.txt"], store, stages=fakes.stages())
    ingest(["b.txt"], store, PipelineOptions(incremental_merge=False), stages=fakes.stages())
    mentions, events = fakes.merged[-1]
    assert events == [] and len(mentions) == 2


def test_reprocessed_documents_are_merged_from_scratch():
    fakes = Fakes(dict(STORIES))
    store = open_store(None)
    ingest(list(STORIES), store, stages=fakes.stages())
    report = ingest(list(STORIES), store, PipelineOptions(reprocess=True), stages=fakes.stages())
    assert report.merged
    mentions, events = fakes.merged[-1]
    assert events == [] and len(mentions) == 2  # replaced mentions: no stale event is reused


def test_a_run_killed_before_its_merge_is_merged_by_the_next(tmp_path):
    fakes = Fakes(dict(STORIES))
    no_merge = PipelineOptions(stages=("documents", "nlp", "timex", "geo", "links"))
    store = open_store(tmp_path / "w.db")
    ingest(["a.txt"], store, no_merge, stages=fakes.stages())
    assert store.events_stale() and store.counts()["events"] == 0
    ingest(["b.txt"], store, stages=fakes.stages())
    assert store.counts()["events"] == 2 and not store.events_stale()
    store.close()


def _events(store):
    return sorted((e.event_id, tuple(sorted(m.mention_id for m in e.mentions)), e.sources,
                   e.fatalities.best if e.fatalities else None, [c.cause_event_id for c in e.caused_by])
                  for e in store.iter_events())


def test_real_stages_one_run_equals_three_runs(nlp):
    """The demo corpus in one ingest, and in three successive ingests: the same events."""
    files = sorted(str(p) for p in DEMO.rglob("*") if p.is_file())
    stages = Stages(load_nlp=lambda: nlp)
    once = open_store(None)
    Pipeline(stages=stages).ingest(files, once)
    thrice = open_store(None)
    for part in (files[:4], files[4:8], files[8:]):
        Pipeline(stages=Stages(load_nlp=lambda: nlp)).ingest(part, thrice)
    assert _events(thrice) == _events(once)


def test_real_stages_shuffled_ingests_equal_one_run(nlp):
    """The demo corpus in four ingests of shuffled documents (each ingest reopening only the events
    its mentions can change, see merge.reopen): the same events as one run, links included."""
    files = sorted(str(p) for p in DEMO.rglob("*") if p.is_file())
    once = open_store(None)
    Pipeline(stages=Stages(load_nlp=lambda: nlp)).ingest(files, once)
    shuffled = files[:]
    random.Random(11).shuffle(shuffled)
    parts = open_store(None)
    for k in range(4):
        Pipeline(stages=Stages(load_nlp=lambda: nlp)).ingest(shuffled[k::4], parts)
    assert _events(parts) == _events(once)


def test_a_later_republication_is_merged_incrementally():
    texts = dict(STORIES)
    texts["copy.txt"] = "Reposted: " + STORIES["a.txt"]
    fakes = Fakes(texts)
    originals: dict[str, str] = {}

    class Index:  # the copy names its original, as the MinHash index would
        def add(self, doc_id, text, published=None):
            originals[text] = doc_id

        def link(self, article):
            original = originals.get(article.text.removeprefix("Reposted: "))
            if original is not None and original != article.doc_id:
                article.republication_of = original
            originals.setdefault(article.text, article.doc_id)

    store = open_store(None)
    ingest(["a.txt"], store, stages=fakes.stages(republication_index=Index))
    ingest(["copy.txt"], store, stages=fakes.stages(republication_index=Index))
    (copy,) = [a for a in store.iter_articles() if a.republication_of]
    mentions, events = fakes.merged[-1]
    assert events and mentions == [m.mention_id for m in store.iter_mentions(doc_id=copy.doc_id)]
