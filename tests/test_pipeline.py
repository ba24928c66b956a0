"""The pipeline runner, with fake stages injected (no spaCy), then with the real ones."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from warwire.model import Article, Count, Event, Mention, Place, Rejection, Span, TimeValue
from warwire.pipeline import Pipeline, PipelineOptions, Stages, ingest
from warwire.store import open_store

STORIES = {
    "a.txt": "Militants attacked a checkpoint near Tikrit, killing 3 policemen.",
    "b.txt": "A roadside bomb attacked a convoy outside Mosul; nobody was hurt.",
    "c.txt": "Officials met in Geneva to discuss a prisoner exchange.",
}


@dataclass
class FakeIngestOptions:
    max_bytes: int = 100


class Fakes:
    """Stage callables that record their calls; 'attacked' is the only event word."""

    def __init__(self, texts: dict[str, str]):
        self.texts = texts
        self.calls: list[str] = []
        self.merged: list[tuple[list[str], list[str]]] = []  # (mention ids, event ids) per merge
        self.nlp_loads = 0

    def stages(self, **override) -> Stages:
        fns = dict(read=self.read, ingest_options=FakeIngestOptions,
                   republication_index=self.republication_index, load_nlp=self.load_nlp,
                   parse=self.parse, extract_mentions=self.extract_mentions,
                   date_mentions=self.date_mentions, load_gazetteer=lambda: "gaz",
                   locate_mentions=self.locate_mentions, find_cause_links=self.find_cause_links,
                   merge=self.merge)
        fns.update(override)
        return Stages(**fns)

    def read(self, inputs, options):
        self.calls.append("read")
        for name in inputs:
            if name.endswith(".jsonl"):
                record = json.loads(Path(name).read_text())
                text, meta = record.pop("text"), record
            elif name not in self.texts:
                yield Rejection(name, "no such file or directory", "E009")
                continue
            else:
                text, meta = self.texts[name], {}
            sha = hashlib.sha256(text.encode()).hexdigest()
            yield Article(doc_id="d_" + sha[:16], original=text, text=text, sources=[name],
                          text_sha256=sha, published=meta.get("published", "2021-05-04"))

    def republication_index(self):
        calls = self.calls

        class Index:
            def add(self, doc_id, text, published=None):
                calls.append("seed")

            def link(self, article):
                calls.append("link")

        return Index()

    def load_nlp(self):
        self.nlp_loads += 1
        return "nlp"

    def parse(self, articles, nlp, n_process=1, batch_size=32):
        assert nlp == "nlp"
        for a in articles:
            self.calls.append("parse")
            yield a, a.text.split()

    def extract_mentions(self, article, doc):
        if "explode" in article.text:
            raise RuntimeError("stage bug")
        out = []
        for n, word in enumerate(doc):
            if word == "attacked":
                s = article.text.index(word)
                sentence = Span(0, len(article.text), article.text)
                out.append(Mention(mention_id=f"m_{article.doc_id}_{n}", doc_id=article.doc_id,
                                   type="ASSAULT", trigger=Span(s, s + len(word), word),
                                   sentence=sentence))
        return out

    def date_mentions(self, article, doc, mentions):
        for m in mentions:
            m.date = TimeValue(date=article.published, precision="day", fallback=True)

    def locate_mentions(self, article, doc, mentions, gazetteer):
        assert gazetteer == "gaz"
        for m in mentions:
            m.location = Place(text="Tikrit", name="Tikrit", country="IRQ", lat=34.6, lon=43.68)

    def find_cause_links(self, article, mentions):
        self.calls.append("links")

    def merge(self, mentions, events=None, options=None):
        """One event per mention; ``events`` (an incremental merge) are kept as they are."""
        self.calls.append("merge")
        self.merged.append(([m.mention_id for m in mentions], [e.event_id for e in events or []]))
        assert all(m.asserted for m in mentions)
        new = [Event(event_id="ev_" + m.mention_id[2:12], type=m.type, date=m.date.date,
                     location=m.location, fatalities=Count(best=3), mentions=[m],
                     sources=[m.doc_id]) for m in mentions]
        return sorted([*(events or []), *new], key=lambda e: e.event_id)


@pytest.fixture
def fakes():
    return Fakes(dict(STORIES))


def test_full_ingest_runs_every_stage(fakes):
    store = open_store(None)
    rejected = []
    report = ingest(["a.txt", "b.txt", "c.txt", "missing.txt"], store, stages=fakes.stages(),
                    on_rejection=rejected.append)
    assert (report.read, report.new, report.duplicates, report.mentions, report.events) == (3, 3, 0, 2, 2)
    assert [str(r) for r in rejected] == ["warwire: rejected missing.txt: no such file or directory"]
    assert report.rejections == rejected and not report.ok
    calls = fakes.calls
    assert calls[0] == "read" and calls[-1] == "merge" and calls.count("merge") == 1
    last_link = max(i for i, c in enumerate(calls) if c == "link")
    assert last_link < calls.index("parse") < calls.index("links")
    assert fakes.nlp_loads == 1
    (m, _) = sorted(store.iter_mentions(), key=lambda m: m.mention_id)
    assert m.location.name == "Tikrit" and m.date.fallback and m.published == "2021-05-04"
    assert set(store.mention_events().values()) == {e.event_id for e in store.iter_events()}


def test_same_ingest_twice_changes_nothing(fakes, tmp_path):
    store = open_store(tmp_path / "w.db")
    ingest(list(STORIES), store, stages=fakes.stages())
    before = (store.counts(), [e.event_id for e in store.iter_events()])
    report = ingest(list(STORIES), store, stages=fakes.stages())
    assert (report.new, report.duplicates, report.mentions, report.merged) == (0, 3, 0, False)
    assert (store.counts(), [e.event_id for e in store.iter_events()]) == before
    assert fakes.calls.count("merge") == 1
    store.close()


def test_same_text_from_two_paths_is_one_document(fakes):
    fakes.texts["copy/a.txt"] = STORIES["a.txt"]
    store = open_store(None)
    report = ingest(["a.txt", "copy/a.txt"], store, stages=fakes.stages())
    assert (report.new, report.duplicates) == (1, 1)
    (article,) = store.iter_articles()
    assert article.sources == ["a.txt", "copy/a.txt"]
    # And across runs: a third path only adds its source.
    fakes.texts["third/a.txt"] = STORIES["a.txt"]
    ingest(["third/a.txt"], store, stages=fakes.stages())
    assert store.counts()["documents"] == 1 and store.counts()["sources"] == 3


def test_documents_only_then_full_run(fakes):
    store = open_store(None)

    def no_nlp():
        raise AssertionError("spaCy must not load for a documents-only ingest")

    report = ingest(list(STORIES), store, PipelineOptions(stages=("documents",)),
                    stages=fakes.stages(load_nlp=no_nlp))
    assert (report.new, report.mentions, report.events) == (3, 0, 0)
    assert "link" not in fakes.calls and "merge" not in fakes.calls
    # A later full run processes the stored documents with the stages they missed.
    report = ingest(list(STORIES), store, stages=fakes.stages())
    assert (report.new, report.reprocessed, report.mentions, report.events) == (0, 3, 2, 2)
    report = ingest(list(STORIES), store, stages=fakes.stages())
    assert (report.reprocessed, report.duplicates, report.merged) == (0, 3, False)


def test_a_failing_stage_rejects_only_its_article(fakes):
    fakes.texts["bad.txt"] = "This one will explode the extractor."
    store = open_store(None)
    report = ingest(["a.txt", "bad.txt", "b.txt"], store, stages=fakes.stages())
    assert report.new == 2
    (rejection,) = report.rejections
    assert rejection.source == "bad.txt" and "RuntimeError: stage bug" in rejection.reason
    with pytest.raises(RuntimeError):
        ingest(["bad.txt"], open_store(None), PipelineOptions(errors="raise"), stages=fakes.stages())


def test_batches_and_republication_seeding(fakes):
    store = open_store(None)
    ingest(["a.txt"], store, stages=fakes.stages())
    fakes.calls.clear()
    ingest(["b.txt", "c.txt"], store, PipelineOptions(batch_size=1), stages=fakes.stages())
    assert fakes.calls.count("seed") == 1  # the stored article, once per pipeline
    assert fakes.calls.count("merge") == 1  # once after the whole run, not per batch


def test_options():
    with pytest.raises(ValueError):
        PipelineOptions(stages=("documents", "telepathy"))
    assert PipelineOptions(stages=("geo",)).stages == ("documents", "nlp", "geo")
    assert PipelineOptions(stages=("merge", "documents")).stages == ("documents", "merge")


def test_extract_without_store(fakes):
    result = Pipeline(stages=fakes.stages()).extract(STORIES["a.txt"], published="2020-01-08")
    assert result.article.published == "2020-01-08"
    assert [m.trigger.text for m in result.mentions] == ["attacked"]
    assert len(result.events) == 1


def test_real_stages_when_available(nlp):
    """The real readers and stages, end to end over one text written for this test."""
    from warwire.pipeline import STAGE_FUNCTIONS

    real = Stages(load_nlp=lambda: nlp)
    for name in STAGE_FUNCTIONS:
        try:
            real.get(name)
        except (ImportError, AttributeError) as exc:
            pytest.skip(f"stage {name} is not available yet: {exc}")
    text = ("Gunmen attacked a police checkpoint in Kirkuk on Monday, killing four officers, "
            "the provincial police chief said.\n")
    import warwire

    result = warwire.extract(text, published="2021-03-02")  # the public API, real stages
    assert result.article.original == text
    assert result.mentions, "an attack with a place and a toll should give a mention"
    for m in result.mentions:
        assert text[m.trigger.start:m.trigger.end] == m.trigger.text
        assert text[m.sentence.start:m.sentence.end] == m.sentence.text
    assert all(m.asserted for e in result.events for m in e.mentions)


def test_a_broken_installation_stops_the_run(fakes):
    def missing(article, doc):
        raise ModuleNotFoundError("No module named 'warwire.nowhere'")

    with pytest.raises(ModuleNotFoundError):
        ingest(list(STORIES), open_store(None), stages=fakes.stages(extract_mentions=missing))


def test_reprocess_reruns_stored_texts(fakes):
    store = open_store(None)
    ingest(list(STORIES), store, stages=fakes.stages())
    before = [e.event_id for e in store.iter_events()]
    report = ingest(list(STORIES), store, PipelineOptions(reprocess=True), stages=fakes.stages())
    assert (report.new, report.reprocessed, report.mentions, report.merged) == (0, 3, 2, True)
    assert [e.event_id for e in store.iter_events()] == before
    assert store.counts()["mentions"] == 2
