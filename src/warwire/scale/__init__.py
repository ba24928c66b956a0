"""Optional Dask runner: the same stage functions mapped over ``dask.bag`` partitions.

No logic of its own. :func:`run_dask` is :meth:`warwire.pipeline.Pipeline.ingest` with one
difference: each batch of articles is split into partitions and the per-article stages
(:meth:`~warwire.pipeline.Pipeline.process`: parse, mentions, dates, places, cue links) run on
Dask workers. Reading, de-duplication, republication links, the store writes (one writer) and the
merge stay in the calling process, so the result is the same as a plain ingest.

Dask is an optional extra (``pip install 'warwire[scale]'``) and is imported only when used.
Without Dask, ``PipelineOptions(n_process=N)`` runs the same per-article stages in N local worker
processes (:mod:`warwire.scale.pool`).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Rejection
from ..pipeline import IngestReport, Pipeline, PipelineOptions, Processed, Stages
from ..store import Store

__all__ = ["ScaleOptions", "run_dask", "process_partition"]

#: Articles handed to Dask at once. Large enough to keep every worker busy on each batch, small
#: enough that a crash loses little and memory stays bounded (~1 MB of text per 100 articles).
DEFAULT_CHUNK = 512


@dataclass
class ScaleOptions:
    """How to spread an ingest over Dask.

    ``scheduler``: ``processes`` (default; one spaCy per worker process), ``threads``,
    ``synchronous`` (debugging, tests), or a ``dask.distributed`` scheduler address
    (``tcp://host:8786``). ``npartitions`` defaults to the number of CPUs.
    """

    db: str | None = None  # the store, when run_dask is not given one
    pipeline: PipelineOptions = field(default_factory=PipelineOptions)
    scheduler: str = "processes"
    npartitions: int | None = None
    chunk: int = DEFAULT_CHUNK


def process_partition(articles: Iterable[Article], options: PipelineOptions,
                      stages: Stages | None) -> list[Processed]:
    """The per-article stages over one partition (runs on a worker)."""
    return Pipeline(options, stages).process(list(articles))


def _processor(options: ScaleOptions, stages: Stages | None,
               scheduler: Any) -> Callable[[list[Article]], list[Processed]]:
    import dask
    import dask.bag as db

    npartitions = options.npartitions or os.cpu_count() or 1

    def process(articles: list[Article]) -> list[Processed]:
        if not articles:
            return []
        bag = db.from_sequence(articles, npartitions=min(npartitions, len(articles)))
        done = bag.map_partitions(process_partition, options.pipeline, stages)
        with dask.config.set(scheduler=scheduler):
            return list(done.compute())

    return process


def run_dask(
    inputs: Iterable[str | os.PathLike[str]],
    options: ScaleOptions | None = None,
    store: Store | None = None,
    *,
    stages: Stages | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest ``inputs`` like :func:`warwire.pipeline.ingest`, the per-article stages on Dask.

    Writes into ``store``, else into the store at ``options.db`` (opened and closed here).
    """
    from ..store import open_store

    options = options or ScaleOptions()
    pipeline_options = dataclasses.replace(options.pipeline, batch_size=options.chunk)
    pipeline = Pipeline(pipeline_options, stages)
    own = store is None
    target = open_store(options.db) if own else store
    client = None
    scheduler: Any = options.scheduler
    if scheduler.startswith(("tcp://", "tls://", "inproc://")):
        from dask.distributed import Client

        client = Client(scheduler)
        scheduler = client.get
    try:
        return pipeline.ingest(inputs, target, on_rejection, on_progress,
                               processor=_processor(options, stages, scheduler))
    finally:
        if client is not None:
            client.close()
        if own:
            target.close()
