"""n_process > 1: the per-article stages run in worker processes; the store is the same."""

from __future__ import annotations

import pytest

from warwire.pipeline import PipelineOptions, ingest
from warwire.scale.pool import ProcessPool
from warwire.store import open_store

from test_pipeline import STORIES, Fakes


def _snapshot(store):
    return (store.counts(),
            [(a.doc_id, a.sources) for a in store.iter_articles()],
            [m.to_dict() for m in store.iter_mentions()],
            [(e.event_id, [m.mention_id for m in e.mentions]) for e in store.iter_events()])


def _texts():
    texts = dict(STORIES)
    texts.update({f"more{i}.txt": f"Gunmen attacked a village near post {i} at night." for i in range(9)})
    texts["copy.txt"] = texts["a.txt"]
    texts["bad.txt"] = "This one will explode the extractor."
    return texts


@pytest.mark.parametrize("n_process", [2, 3])
def test_worker_processes_give_the_same_store_as_one_process(n_process, tmp_path):
    texts = _texts()
    plain = open_store(None)
    ingest(list(texts), plain, PipelineOptions(batch_size=3), stages=Fakes(texts).stages())
    other = open_store(tmp_path / "w.db")
    fakes = Fakes(texts)
    report = ingest(list(texts), other, PipelineOptions(batch_size=3, n_process=n_process),
                    stages=fakes.stages())
    assert (report.new, report.duplicates, len(report.rejections)) == (12, 1, 1)
    assert "RuntimeError: stage bug" in report.rejections[0].reason
    assert "parse" not in fakes.calls  # the parse ran in the workers, not here
    assert _snapshot(other) == _snapshot(plain)
    other.close()


def test_a_setup_error_in_a_worker_stops_the_run():
    texts = _texts()

    def missing(article, doc):
        raise ModuleNotFoundError("No module named 'warwire.nowhere'")

    with pytest.raises(ModuleNotFoundError):
        ingest(list(texts), open_store(None), PipelineOptions(n_process=2),
               stages=Fakes(texts).stages(extract_mentions=missing))


def test_results_come_back_in_input_order():
    texts = _texts()
    fakes = Fakes(texts)
    articles = [a for a in fakes.read(sorted(texts), None) if hasattr(a, "text")]
    batches = [(n, articles[n:n + 2]) for n in range(0, len(articles), 2)]
    with ProcessPool(PipelineOptions(), fakes.stages(), 2) as pool:
        out = list(pool.map(iter(batches)))
    assert [k for k, _ in out] == [k for k, _ in batches]
    assert [[p.article.doc_id for p in done] for _, done in out] == \
        [[a.doc_id for a in batch] for _, batch in batches]
