"""The Dask runner gives the same store as a plain ingest (fake stages, no spaCy)."""

from __future__ import annotations

import hashlib

import pytest

from warwire.model import Article, Event, Mention, Span
from warwire.pipeline import PipelineOptions, Stages, ingest
from warwire.store import open_store

pytest.importorskip("dask.bag")

from warwire.scale import ScaleOptions, run_dask  # noqa: E402

TEXTS = {f"{i}.txt": f"Story {i}: a mortar round hit a yard in district {i % 4}." for i in range(12)}
TEXTS["dup.txt"] = TEXTS["3.txt"]


class Opts:
    def __init__(self, max_bytes: int = 0):
        self.max_bytes = max_bytes


def read(inputs, options):
    for name in inputs:
        text = TEXTS[name]
        sha = hashlib.sha256(text.encode()).hexdigest()
        yield Article(doc_id="d_" + sha[:12], original=text, text=text, sources=[name],
                      text_sha256=sha)


class Index:
    def add(self, *a):
        pass

    def link(self, article):
        pass


def parse(articles, nlp, n_process=1, batch_size=1):
    for a in articles:
        yield a, a.text.split()


def extract_mentions(article, doc):
    s = article.text.index("hit")
    return [Mention(mention_id="m_" + article.doc_id, doc_id=article.doc_id, type="ASSAULT",
                    trigger=Span(s, s + 3, "hit"), sentence=Span(0, len(article.text), article.text))]


def merge(mentions, events=None):
    by_district: dict[str, list[Mention]] = {}
    for m in mentions:
        by_district.setdefault(m.sentence.text[-2], []).append(m)
    return [Event(event_id=f"ev_{k}", type="ASSAULT", mentions=sorted(v, key=lambda m: m.mention_id))
            for k, v in sorted(by_district.items())]


def fake_stages() -> Stages:
    noop = lambda *a, **k: None  # noqa: E731
    return Stages(read=read, ingest_options=Opts, republication_index=Index, load_nlp=lambda: "nlp",
                  parse=parse, extract_mentions=extract_mentions, date_mentions=noop,
                  load_gazetteer=lambda: None, locate_mentions=noop, find_cause_links=noop,
                  merge=merge)


def _snapshot(store):
    return (store.counts(), sorted(m.mention_id for m in store.iter_mentions()),
            sorted(store.mention_events().items()), [e.event_id for e in store.iter_events()])


@pytest.mark.parametrize("scheduler", ["synchronous", "threads"])
def test_dask_matches_plain_ingest(scheduler, tmp_path):
    plain = open_store(None)
    ingest(list(TEXTS), plain, PipelineOptions(), stages=fake_stages())
    options = ScaleOptions(db=str(tmp_path / "w.db"), scheduler=scheduler, npartitions=3, chunk=5)
    report = run_dask(list(TEXTS), options, stages=fake_stages())
    assert (report.new, report.duplicates, report.mentions, report.events) == (12, 1, 12, 4)
    scaled = open_store(tmp_path / "w.db")
    assert _snapshot(scaled) == _snapshot(plain)
    # Idempotent like the plain runner.
    again = run_dask(list(TEXTS), options, scaled, stages=fake_stages())
    assert (again.new, again.merged) == (0, False)
    scaled.close()
