"""``warwire ingest`` and ``warwire demo``: thin click commands over :func:`warwire.pipeline.ingest`.

Exit status (CONTRACTS §1): 0 all inputs stored; 1 some inputs rejected (each reported on stderr
as ``warwire: rejected SOURCE: REASON``; the rest processed and stored); 2 usage error.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..cli import default_db
from ..model import Event

if TYPE_CHECKING:  # pragma: no cover
    from ..pipeline import IngestReport

__all__ = ["ingest", "demo", "parse_size", "summary", "demo_corpus"]

#: How many events the end-of-run summary lists: enough to see what was found at a glance.
TOP_EVENTS = 5

_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]?)i?b?\s*$", re.IGNORECASE)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """``"20MB"``, ``"512k"``, ``"1000"`` → bytes (binary units)."""
    match = _SIZE.match(value)
    if not match:
        raise ValueError(f"not a size: {value!r} (use e.g. 20MB, 512KB, 1000)")
    return int(float(match.group(1)) * _UNITS[match.group(2).lower()])


class _Size(click.ParamType):
    name = "SIZE"

    def convert(self, value, param, ctx):  # type: ignore[no-untyped-def]
        if isinstance(value, int):
            return value
        try:
            return parse_size(value)
        except ValueError as exc:
            self.fail(str(exc), param, ctx)


def _stages(value: str | None) -> tuple[str, ...] | None:
    if not value:
        return None
    return tuple(s.strip() for s in value.split(",") if s.strip())


def _db_option(f: Callable[..., object]) -> Callable[..., object]:
    return click.option(
        "--db", "db", default=default_db, show_default="$WARWIRE_DB or ./warwire.db",
        help="The store (SQLite file).",
    )(f)


def _pipeline_options(f: Callable[..., object]) -> Callable[..., object]:
    from ..pipeline import DEFAULT_BATCH_SIZE, STAGES

    for option in reversed([
        click.option("--max-size", type=_Size(), default=None,
                     help="Reject input files larger than this (default 20MB)."),
        click.option("--stages", default=None, metavar="LIST",
                     help=f"Comma-separated stages to run (default all: {','.join(STAGES)}); "
                          "e.g. 'documents' to only read and store."),
        click.option("--n-process", type=click.IntRange(min=1), default=1, show_default=True,
                     help="spaCy worker processes."),
        click.option("--batch-size", type=click.IntRange(min=1), default=DEFAULT_BATCH_SIZE,
                     show_default=True, help="Articles per batch."),
        click.option("--reprocess", is_flag=True,
                     help="Run the mention stages again on texts already stored (after an "
                          "upgrade); events are then merged again."),
        click.option("--dask", "dask_scheduler", default=None, metavar="SCHEDULER",
                     help="Run the per-article stages on Dask: processes, threads or a "
                          "scheduler address (needs the 'scale' extra)."),
    ]):
        f = option(f)
    return f


@contextmanager
def _progress(enabled: bool) -> Iterator[tuple[Callable[[int], None] | None, Callable[[str], None]]]:
    """A rich progress bar on stderr (when it is a terminal) and a matching line printer."""
    if not enabled:
        yield None, lambda line: click.echo(line, err=True)
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    console = Console(stderr=True)
    with Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                  console=console, transient=True) as bar:
        task = bar.add_task("ingest", total=None)
        yield (lambda n: bar.advance(task, n),
               lambda line: console.print(line, markup=False, highlight=False, soft_wrap=True))


def _run(db: str, inputs: Sequence[str], max_size: int | None, stages: str | None,
         n_process: int, batch_size: int, reprocess: bool = False,
         dask_scheduler: str | None = None) -> None:
    from ..errors import StoreError
    from ..pipeline import PipelineOptions, ingest as run_ingest
    from ..store import open_store

    kwargs: dict[str, object] = {"n_process": n_process, "batch_size": batch_size,
                                 "max_bytes": max_size, "reprocess": reprocess}
    chosen = _stages(stages)
    if chosen is not None:
        kwargs["stages"] = chosen
    try:
        options = PipelineOptions(**kwargs)  # type: ignore[arg-type]
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        store = open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        with _progress(sys.stderr.isatty()) as (advance, say):
            if dask_scheduler:
                from ..scale import ScaleOptions, run_dask

                scale = ScaleOptions(pipeline=options, scheduler=dask_scheduler)
                report = run_dask(inputs, scale, store, on_rejection=lambda r: say(str(r)),
                                  on_progress=advance)
            else:
                report = run_ingest(inputs, store, options,
                                    on_rejection=lambda r: say(str(r)), on_progress=advance)
        click.echo(summary(report, list(store.iter_events())))
    finally:
        store.close()
    if report.rejections:
        sys.exit(1)


def summary(report: IngestReport, events: list[Event]) -> str:
    """The short end-of-run text: documents, mentions, events and the top events found."""
    lines = [
        f"documents: {report.new} new, {report.duplicates} already stored"
        + (f", {report.reprocessed} re-run" if report.reprocessed else "")
        + (f", {len(report.rejections)} rejected" if report.rejections else ""),
        f"mentions: {report.mentions} new" if report.stages_run("nlp") else
        "mentions: not extracted (nlp stage not selected)",
        f"events: {report.events} in the store",
    ]
    top = sorted(events, key=_weight, reverse=True)[:TOP_EVENTS]
    if top:
        lines.append("top events:")
        for event in top:
            lines.append("  " + _event_line(event))
    return "\n".join(lines)


def _weight(event: Event) -> tuple[int, int, str]:
    best = event.fatalities.best if event.fatalities and event.fatalities.best else 0
    return best, len(event.sources or {m.doc_id for m in event.mentions}), event.date or ""


def _event_line(event: Event) -> str:
    kind = event.type + (f"/{event.mode}" if event.mode else "")
    loc = event.location
    place = "place unknown"
    if loc is not None:
        place = ", ".join(x for x in (loc.name or loc.text, loc.country) if x)
    killed = "fatalities not reported"
    if event.fatalities is not None and event.fatalities.best is not None:
        low, high = event.fatalities.low, event.fatalities.high
        killed = f"{event.fatalities.best} killed"
        if low is not None and high is not None and low != high:
            killed += f" ({low}-{high})"
    n = len(event.sources or {m.doc_id for m in event.mentions})
    return f"{event.date or 'undated':<10}  {kind:<22}  {place:<28}  {killed}  [{n} source{'s' * (n != 1)}]"


def demo_corpus() -> Path:
    """The bundled demo corpus: inside the package, beside the repository, or under the CWD."""
    here = Path(__file__).resolve().parent.parent  # src/warwire
    for candidate in (here / "demo" / "corpus", here / "demo",
                      here.parent.parent / "demo" / "corpus", Path.cwd() / "demo" / "corpus"):
        if candidate.is_dir() and any(candidate.iterdir()):
            return candidate
    raise click.UsageError("the demo corpus (demo/corpus) was not found; run from the repository")


@click.command()
@_db_option
@_pipeline_options
@click.argument("inputs", nargs=-1, required=True)
def ingest(db: str, inputs: tuple[str, ...], max_size: int | None, stages: str | None,
           n_process: int, batch_size: int, reprocess: bool, dask_scheduler: str | None) -> None:
    """Read news articles (files, directories, JSONL, '-' for stdin) into the store.

    Idempotent: a text already stored is not processed again; only its new source is recorded.
    Each rejected input is reported on stderr; exit status 1 when any was rejected.
    """
    _run(db, inputs, max_size, stages, n_process, batch_size, reprocess, dask_scheduler)


@click.command()
@_db_option
@_pipeline_options
def demo(db: str, max_size: int | None, stages: str | None, n_process: int,
         batch_size: int, reprocess: bool, dask_scheduler: str | None) -> None:
    """Ingest the bundled demo corpus and print what was found."""
    _run(db, [str(demo_corpus())], max_size, stages, n_process, batch_size, reprocess,
         dask_scheduler)
