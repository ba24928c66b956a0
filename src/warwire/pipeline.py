"""Runs the stages in order: read → republication → nlp → timex → geo → links → store → merge.

The stages themselves live in their packages and are pure functions over the model objects
(docs/architecture.md). This module only wires them together:

- :class:`Stages` names every stage callable by ``"module:attribute"`` and imports it on first
  use, so a documents-only ingest never loads spaCy, and tests inject fakes (as httpx's
  ``MockTransport``) instead of patching.
- :class:`Pipeline` holds what is expensive to load (the spaCy model, the gazetteer, the
  republication index), loaded once and lazily, and processes batches of articles.
- :func:`ingest` streams inputs into a store: a text already stored is not processed again (only
  its new source is recorded), each document is saved in one transaction, and after the batch the
  asserted mentions of the whole store are merged into events.
- :func:`extract` runs everything over one text, without a store (``warwire.extract``).

Error policy: bad *input* is a :class:`~warwire.model.Rejection` from the reader. A stage that
raises on one article is, by default, turned into a rejection of that article too (reason names
the stage and the exception) so one odd article cannot stop a batch of thousands;
``PipelineOptions(errors="raise")`` re-raises instead (tests, debugging).
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import ModelNotInstalled, StoreError
from .model import Article, Event, Mention, Rejection
from .store import Store
from .store.rows import text_sha256

__all__ = [
    "STAGES",
    "MENTION_STAGES",
    "PipelineOptions",
    "Stages",
    "Pipeline",
    "Processed",
    "IngestReport",
    "Extraction",
    "ingest",
    "extract",
    "default_pipeline",
]

#: Every stage, in the order it runs. ``documents`` (read, clean, store) always runs.
STAGES: tuple[str, ...] = ("documents", "republication", "nlp", "timex", "geo", "links", "merge")

#: The stages that work on mentions; they all need ``nlp``.
MENTION_STAGES: tuple[str, ...] = ("nlp", "timex", "geo", "links")

#: Articles per batch: enough for spaCy's ``nlp.pipe`` to amortise its overhead, small enough
#: that a killed run loses little work and the progress bar moves.
DEFAULT_BATCH_SIZE = 32

#: Where each stage callable lives. Import happens on first use only.
STAGE_FUNCTIONS: dict[str, str] = {
    "read": "warwire.ingest:read",
    "ingest_options": "warwire.ingest:IngestOptions",
    "republication_index": "warwire.ingest:RepublicationIndex",
    "load_nlp": "warwire.nlp.loading:load_nlp",
    "parse": "warwire.nlp:parse",
    "extract_mentions": "warwire.nlp:extract_mentions",
    "date_mentions": "warwire.timex:date_mentions",
    "load_gazetteer": "warwire.geo:Gazetteer.load",
    "locate_mentions": "warwire.geo:locate_mentions",
    "find_cause_links": "warwire.merge.links:find_cause_links",
    "merge": "warwire.merge:merge",
}


#: Errors of the installation, not of one article: they stop the run instead of rejecting
#: every article one by one (a missing model or module would otherwise reject the whole corpus).
_SETUP_ERRORS: tuple[type[BaseException], ...] = (ImportError, ModelNotInstalled, StoreError)


def _import(target: str) -> Callable[..., Any]:
    module_name, _, attrs = target.partition(":")
    obj: Any = importlib.import_module(module_name)
    for attr in attrs.split("."):
        obj = getattr(obj, attr)
    return obj


@dataclass
class Stages:
    """The stage callables. Any left ``None`` is imported from :data:`STAGE_FUNCTIONS` on use.

    Signatures (docs/architecture.md): ``read(inputs, options) -> Iterator[Article | Rejection]``;
    ``ingest_options(**fields)``; ``republication_index()`` → object with ``link(article)``;
    ``load_nlp()``; ``parse(articles, nlp, n_process=, batch_size=) -> Iterator[(Article, Doc)]``;
    ``extract_mentions(article, doc) -> list[Mention]``; ``date_mentions(article, doc, mentions)``;
    ``load_gazetteer()``; ``locate_mentions(article, doc, mentions, gazetteer)``;
    ``find_cause_links(article, mentions)``; ``merge(mentions, events=None) -> list[Event]``.
    """

    read: Callable[..., Any] | None = None
    ingest_options: Callable[..., Any] | None = None
    republication_index: Callable[..., Any] | None = None
    load_nlp: Callable[..., Any] | None = None
    parse: Callable[..., Any] | None = None
    extract_mentions: Callable[..., Any] | None = None
    date_mentions: Callable[..., Any] | None = None
    load_gazetteer: Callable[..., Any] | None = None
    locate_mentions: Callable[..., Any] | None = None
    find_cause_links: Callable[..., Any] | None = None
    merge: Callable[..., Any] | None = None

    def get(self, name: str) -> Callable[..., Any]:
        """The callable for ``name``, importing (and keeping) the default when none was given."""
        fn = getattr(self, name)
        if fn is None:
            fn = _import(STAGE_FUNCTIONS[name])
            setattr(self, name, fn)
        return fn


@dataclass
class PipelineOptions:
    """What to run and how. ``stages`` selects among :data:`STAGES` (``documents`` is implied)."""

    stages: tuple[str, ...] = STAGES
    batch_size: int = DEFAULT_BATCH_SIZE
    n_process: int = 1
    max_bytes: int | None = None  # None: the reader's default (20 MB)
    errors: str = "reject"  # reject | raise: what a stage exception on one article does
    reprocess: bool = False  # re-run the mention stages on stored texts (after an upgrade)
    incremental_merge: bool = True  # merge new mentions into stored events; False: re-merge all
    ingest: dict[str, Any] = field(default_factory=dict)  # extra IngestOptions fields

    def __post_init__(self) -> None:
        unknown = set(self.stages) - set(STAGES)
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(sorted(unknown))}; "
                             f"choose from {', '.join(STAGES)}")
        if self.errors not in ("reject", "raise"):
            raise ValueError("errors must be 'reject' or 'raise'")
        if self.batch_size < 1 or self.n_process < 1:
            raise ValueError("batch_size and n_process must be at least 1")
        # Mention stages need the parse; keep the canonical order whatever order was given.
        wanted = set(self.stages) | {"documents"}
        if wanted & set(MENTION_STAGES[1:]):
            wanted.add("nlp")
        self.stages = tuple(s for s in STAGES if s in wanted)

    def runs(self, stage: str) -> bool:
        """Whether ``stage`` is selected."""
        return stage in self.stages

    @property
    def mention_stages(self) -> tuple[str, ...]:
        """The selected stages that work on mentions."""
        return tuple(s for s in self.stages if s in MENTION_STAGES)


@dataclass
class Processed:
    """One article after the per-article stages, with its mentions (or why it failed)."""

    article: Article
    mentions: list[Mention] = field(default_factory=list)
    rejection: Rejection | None = None


@dataclass
class IngestReport:
    """What one ingest did. ``events`` is the number of events in the store afterwards."""

    read: int = 0  # articles read without rejection (including duplicates)
    new: int = 0  # documents stored by this run
    duplicates: int = 0  # texts already stored (only their source was recorded)
    reprocessed: int = 0  # stored documents run again through newly selected mention stages
    rejections: list[Rejection] = field(default_factory=list)
    mentions: int = 0  # mentions stored by this run
    events: int = 0
    merged: bool = False  # whether events were recomputed
    stages: tuple[str, ...] = ()  # the stages this run selected

    def stages_run(self, stage: str) -> bool:
        """Whether this run selected ``stage``."""
        return stage in self.stages

    @property
    def ok(self) -> bool:
        """True when nothing was rejected (exit status 0)."""
        return not self.rejections


@dataclass
class Extraction:
    """What :func:`extract` found in one text."""

    article: Article
    mentions: list[Mention]
    events: list[Event]


def _source(article: Article) -> str:
    return (article.sources[0] if article.sources else None) or article.url or article.doc_id


class Pipeline:
    """The stages, with their expensive resources loaded once, lazily."""

    def __init__(self, options: PipelineOptions | None = None, stages: Stages | None = None):
        self.options = options or PipelineOptions()
        self.stages = stages or Stages()
        self._republications: Any = None

    # -- resources (loaded on first use, once per Pipeline) -------------------------------

    @cached_property
    def nlp(self) -> Any:
        """The spaCy pipeline."""
        return self.stages.get("load_nlp")()

    @cached_property
    def gazetteer(self) -> Any:
        """The gazetteer index."""
        return self.stages.get("load_gazetteer")()

    def republications(self, store: Store | None = None) -> Any:
        """The republication index, seeded once with the articles already in ``store``."""
        if self._republications is None:
            index = self.stages.get("republication_index")()
            if store is not None and hasattr(index, "add"):
                for article in store.iter_articles():
                    if hasattr(index, "add_article"):  # with the link it has and its copy cues
                        index.add_article(article)
                    else:
                        index.add(article.doc_id, article.text, article.published)
            self._republications = index
        return self._republications

    # -- reading --------------------------------------------------------------------------

    def read(self, inputs: Iterable[str | os.PathLike[str]]) -> Iterator[Article | Rejection]:
        """Articles and rejections from ``inputs`` (the reader never raises on bad input)."""
        make = self.stages.get("ingest_options")
        wanted = dict(self.options.ingest)
        if self.options.max_bytes is not None:
            wanted["max_bytes"] = self.options.max_bytes
        if dataclasses.is_dataclass(make):
            names = {f.name for f in dataclasses.fields(make)}
            wanted = {k: v for k, v in wanted.items() if k in names}
        return self.stages.get("read")([os.fspath(i) for i in inputs], make(**wanted))

    # -- per-article stages ---------------------------------------------------------------

    def process(self, articles: list[Article]) -> list[Processed]:
        """Run the selected mention stages over a batch (spaCy sees the batch at once).

        When the batch fails, each article is run alone so that only the culprit is rejected.
        """
        if not articles:
            return []
        if not self.options.runs("nlp"):
            return [Processed(a) for a in articles]
        try:
            return self._process_batch(articles)
        except _SETUP_ERRORS:
            raise
        except Exception:
            if self.options.errors == "raise":
                raise
        return [self._process_one(a) for a in articles]

    def _process_one(self, article: Article) -> Processed:
        try:
            return self._process_batch([article])[0]
        except _SETUP_ERRORS:
            raise
        except Exception as exc:  # noqa: BLE001 - turned into a rejection by policy
            if self.options.errors == "raise":
                raise
            reason = f"pipeline error ({type(exc).__name__}: {exc})"
            return Processed(article, rejection=Rejection(_source(article), reason, "E010"))

    def _process_batch(self, articles: list[Article]) -> list[Processed]:
        parse = self.stages.get("parse")
        out = []
        for article, doc in parse(articles, self.nlp, n_process=self.options.n_process,
                                  batch_size=self.options.batch_size):
            mentions = list(self.stages.get("extract_mentions")(article, doc))
            for m in mentions:
                if m.published is None:
                    m.published = article.written
            if self.options.runs("timex"):
                self.stages.get("date_mentions")(article, doc, mentions)
            if self.options.runs("geo"):
                self.stages.get("locate_mentions")(article, doc, mentions, self.gazetteer)
            if self.options.runs("links"):
                self.stages.get("find_cause_links")(article, mentions)
            out.append(Processed(article, mentions))
        return out

    def _results(
        self,
        work: Iterator[tuple[bool, list[Article]]],
        processor: Callable[[list[Article]], list[Processed]] | None,
    ) -> tuple[Iterator[tuple[bool, list[Processed]]], Any]:
        """How batches are processed: by ``processor`` when given; else, with ``n_process`` > 1,
        in worker processes; else here. Returns the ``(again, processed)`` stream and the worker
        pool to close (or None)."""
        if processor is None and self.options.n_process > 1 and self.options.runs("nlp"):
            from .scale.pool import ProcessPool

            pool = ProcessPool(self.options, self.stages, self.options.n_process)
            return pool.map(work), pool
        process = processor or self.process
        return ((again, process(articles)) for again, articles in work), None

    def merge(self, mentions: list[Mention], republications: dict[str, str] | None = None,
              events: list[Event] | None = None) -> list[Event]:
        """Merge asserted mentions into events (joining ``events`` when given: all of them are
        returned); ``republications`` maps a republished article's doc_id to its original's, so
        that both count as one source."""
        asserted = [m for m in mentions if m.asserted]
        kwargs: dict[str, Any] = {}
        if events:
            kwargs["events"] = events
        if republications:
            from .merge import MergeOptions

            kwargs["options"] = MergeOptions(republications=republications)
        return list(self.stages.get("merge")(asserted, **kwargs))

    # -- with a store ---------------------------------------------------------------------

    def ingest(
        self,
        inputs: Iterable[str | os.PathLike[str]],
        store: Store,
        on_rejection: Callable[[Rejection], None] | None = None,
        on_progress: Callable[[int], None] | None = None,
        processor: Callable[[list[Article]], list[Processed]] | None = None,
    ) -> IngestReport:
        """Read ``inputs`` into ``store``; see the module docstring. Idempotent.

        ``processor`` runs the per-article stages over one batch (default :meth:`process`);
        :func:`warwire.scale.run_dask` passes one that spreads the batch over Dask partitions.
        Without one, ``n_process`` > 1 runs every per-article stage in worker processes
        (:class:`warwire.scale.pool.ProcessPool`) while this process reads and stores.
        """
        report = IngestReport(stages=self.options.stages)
        stage_names = self.options.stages[:-1] if self.options.runs("merge") else self.options.stages

        def reject(rejection: Rejection) -> None:
            report.rejections.append(rejection)
            if on_rejection is not None:
                on_rejection(rejection)

        results, pool = self._results(self._work(inputs, store, report, reject), processor)
        try:
            for again, processed in results:
                for done in processed:
                    if done.rejection is not None:
                        reject(done.rejection)
                        continue
                    if again:
                        store.replace_mentions(done.article.doc_id, done.mentions, stages=stage_names)
                        report.reprocessed += 1
                        report.mentions += len(done.mentions)
                    elif store.save_document(done.article, done.mentions, _source(done.article),
                                             stages=stage_names):
                        report.new += 1
                        report.mentions += len(done.mentions)
                    else:  # the same text twice in one run
                        report.duplicates += 1
                    if on_progress is not None:
                        on_progress(1)
        finally:
            if pool is not None:
                pool.close()
        # copies read before their original now point to it; the events they are in fold
        # their sources differently, so the merge starts again from the mentions
        relinked = self._republications.relinked() if hasattr(self._republications, "relinked") else {}
        for doc_id, original in relinked.items():
            store.set_republication(doc_id, original)
        # Merge when documents changed since the last merge, including a run killed before it.
        if self.options.runs("merge") and store.events_stale():
            full = report.reprocessed > 0 or not self.options.incremental_merge or bool(relinked)
            store.replace_events(self.merge_store(store, full=full))
            report.merged = True
        report.events = store.counts()["events"]
        return report

    def _work(
        self,
        inputs: Iterable[str | os.PathLike[str]],
        store: Store,
        report: IngestReport,
        reject: Callable[[Rejection], None],
    ) -> Iterator[tuple[bool, list[Article]]]:
        """``(again, articles)`` batches to process: new articles (``again`` False), then stored
        ones that need newly selected stages (``again`` True). Lazy: a batch is read and
        triaged only when the previous one is taken."""
        for batch in _batches(self.read(inputs), self.options.batch_size):
            fresh, again = self._triage(batch, store, report, reject)
            if self.options.runs("republication"):
                index = self.republications(store)
                for article in fresh:
                    index.link(article)
            if fresh:
                yield False, fresh
            if again:
                yield True, again

    def merge_store(self, store: Store, full: bool = False) -> list[Event]:
        """Every event of ``store`` after merging the asserted mentions that joined it since the
        last merge into its existing events (``full``: re-merge every mention from scratch).

        The incremental merge reopens only the events a new mention can join
        (:func:`warwire.merge.merge` with ``events=``), so adding a few articles to a large store
        costs about as much as merging those articles. It falls back to a full merge when there
        are no events yet, or when stored events lost mentions (documents re-processed since).
        """
        republications = _republications(store)
        merged_ids = {} if full else store.mention_events()
        if merged_ids:
            fresh = [m for m in store.iter_mentions(asserted_only=True) if m.mention_id not in merged_ids]
            events = list(store.iter_events())
            if _events_intact(events, fresh):
                return self.merge(fresh, republications, events=events)
        return self.merge(list(store.iter_mentions(asserted_only=True)), republications)

    def _triage(
        self,
        batch: list[Article | Rejection],
        store: Store,
        report: IngestReport,
        reject: Callable[[Rejection], None],
    ) -> tuple[list[Article], list[Article]]:
        """Split a batch into new articles and stored ones that need newly selected stages."""
        fresh: dict[str, Article] = {}
        again: list[Article] = []
        again_ids: set[str] = set()
        for item in batch:
            if isinstance(item, Rejection):
                reject(item)
                continue
            report.read += 1
            sha = text_sha256(item)
            item.text_sha256 = sha
            if sha in fresh:  # same text from two paths in one batch: one document, two sources
                fresh[sha].sources = list(dict.fromkeys([*fresh[sha].sources, *item.sources]))
                report.duplicates += 1
                continue
            doc_id = store.find_document(sha)
            if doc_id is None:
                fresh[sha] = item
                continue
            store.add_source(doc_id, _source(item))
            missing = set(self.options.mention_stages) - set(store.document_stages(doc_id))
            if self.options.reprocess and self.options.mention_stages:
                missing.add("reprocess")
            if missing and doc_id not in again_ids:
                again_ids.add(doc_id)
                again.append(store.get_article(doc_id))
            else:
                report.duplicates += 1
        return list(fresh.values()), again

    # -- without a store ------------------------------------------------------------------

    def extract(self, text: str, published: str | None = None, **metadata: Any) -> Extraction:
        """Every stage over one text; nothing is stored."""
        record = {"text": text, "published": published, **metadata}
        record = {k: v for k, v in record.items() if v is not None}
        article = self._article_from_record(record)
        done = self.process([article])[0]
        if done.rejection is not None:
            raise ValueError(str(done.rejection))
        events = self.merge(done.mentions) if self.options.runs("merge") else []
        return Extraction(done.article, done.mentions, events)

    def _article_from_record(self, record: dict[str, Any]) -> Article:
        """An article from a JSONL-style record, through the real reader (same cleaning)."""
        import json

        with tempfile.TemporaryDirectory(prefix="warwire-") as tmp:
            path = Path(tmp) / "text.jsonl"
            path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
            items = list(self.read([path]))
        for item in items:
            if isinstance(item, Rejection):
                raise ValueError(item.reason)
            item.sources = []
            return item
        raise ValueError("the text yielded no article")


def _republications(store: Store) -> dict[str, str]:
    """doc_id of each stored republication → doc_id of its original."""
    execute = getattr(store, "execute", None)
    if execute is not None:  # SQLite: one column, not every article's text and offset map
        return dict(execute("SELECT doc_id, republication_of FROM documents "
                            "WHERE republication_of IS NOT NULL"))
    return {a.doc_id: a.republication_of for a in store.iter_articles() if a.republication_of}


def _events_intact(events: list[Event], fresh: list[Mention]) -> bool:
    """Whether stored ``events`` can be merged into: none lost all its mentions, and no new
    mention comes from a document the events already cover (its mentions were replaced since the
    last merge, so some events were built from mentions that no longer exist)."""
    if any(not e.mentions for e in events):
        return False
    covered = {d for e in events for d in e.sources} | {m.doc_id for e in events for m in e.mentions}
    return not any(m.doc_id in covered for m in fresh)


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def ingest(
    inputs: Iterable[str | os.PathLike[str]],
    store: Store,
    options: PipelineOptions | None = None,
    *,
    stages: Stages | None = None,
    on_rejection: Callable[[Rejection], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Read ``inputs`` and run the selected stages into ``store``; returns what happened."""
    return Pipeline(options, stages).ingest(inputs, store, on_rejection, on_progress)


@functools.lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The process-wide default :class:`Pipeline` (its model and gazetteer load once)."""
    return Pipeline()


def extract(text: str, published: str | None = None, **metadata: Any) -> Extraction:
    """Run the whole pipeline over one text (no store): the public ``warwire.extract``."""
    return default_pipeline().extract(text, published=published, **metadata)
