"""Worker processes for ``PipelineOptions(n_process > 1)``: every per-article stage in the workers.

spaCy's own ``nlp.pipe(n_process=…)`` spreads only the parse: the documents come back to the
parent (serialised and rebuilt there), and mentions, dates, places and cue links then run in the
parent on one core. :class:`ProcessPool` instead sends each batch of articles to a worker process
that runs :meth:`warwire.pipeline.Pipeline.process` (parse *and* the mention stages) and sends back
only the mentions, which are small. The parent meanwhile reads, cleans and de-duplicates the next
batches, stores finished ones and merges at the end, so it overlaps with the workers.

Results come back in submission order, so the store is written in the same order as a plain
ingest and the result is the same (tests/scale/test_scale_pool.py). At most
``WINDOW_PER_WORKER × n_process`` batches are in flight: memory stays bounded however long the
input is.

No logic of its own: the workers run the same :class:`~warwire.pipeline.Pipeline` code.
"""

from __future__ import annotations

import dataclasses
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from ..model import Article, Mention, Rejection

__all__ = ["ProcessPool", "WINDOW_PER_WORKER"]

#: Batches in flight per worker: two keeps every worker busy while the parent stores the batch
#: that just came back (one would leave a worker idle during each store write); more only holds
#: more articles in memory.
WINDOW_PER_WORKER = 2

T = TypeVar("T")

#: The worker's own Pipeline, set once per *worker* process by :func:`_init_worker` (never in the
#: parent). A pool initializer has nowhere else to leave what every later task needs.
_WORKER: dict[str, Any] = {}


@dataclass
class _Done:
    """What a worker sends back for one article: its mentions or its rejection, not the article
    (the parent still holds it; sending it back would double the traffic for nothing)."""

    mentions: list[Mention] = field(default_factory=list)
    rejection: Rejection | None = None


def _init_worker(options: Any, stages: Any) -> None:
    from ..pipeline import Pipeline

    _WORKER["pipeline"] = Pipeline(options, stages)


def _run_batch(articles: list[Article]) -> list[_Done]:
    pipeline = _WORKER["pipeline"]
    return [_Done(p.mentions, p.rejection) for p in pipeline.process(articles)]


class ProcessPool:
    """``n_process`` worker processes, each with its own spaCy model and gazetteer.

    Use as a context manager; :meth:`map` streams ``(item, processed)`` pairs in input order.
    Stage callables are inherited by the workers (fork), so injected fakes work too.
    """

    def __init__(self, options: Any, stages: Any, n_process: int):
        self.n_process = n_process
        # Each worker parses its own batches in-process (a pool worker cannot start processes).
        options = dataclasses.replace(options, n_process=1)
        # fork: workers inherit the stage callables and any model the parent already loaded
        # (copy-on-write) instead of pickling and re-importing them. Linux is the target; other
        # platforms fall back to their default start method.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._pool = context.Pool(n_process, initializer=_init_worker, initargs=(options, stages))

    def map(self, items: Iterable[tuple[T, list[Article]]]) -> Iterator[tuple[T, list[Any]]]:
        """For each ``(key, articles)``: ``(key, [Processed, …])`` in input order, while at most
        ``WINDOW_PER_WORKER × n_process`` batches are in flight."""
        from ..pipeline import Processed

        window = WINDOW_PER_WORKER * self.n_process
        pending: deque[tuple[T, list[Article], Any]] = deque()
        source = iter(items)
        exhausted = False
        while True:
            while not exhausted and len(pending) < window:
                try:
                    key, articles = next(source)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((key, articles, self._pool.apply_async(_run_batch, (articles,))))
            if not pending:
                return
            key, articles, result = pending.popleft()
            done = result.get()  # re-raises a worker's setup error (missing model, …) here
            yield key, [Processed(a, d.mentions, d.rejection) for a, d in zip(articles, done)]

    def close(self) -> None:
        """Stop the workers."""
        self._pool.terminate()
        self._pool.join()

    def __enter__(self) -> ProcessPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
