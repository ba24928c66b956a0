"""``warwire export``: a thin click command over :func:`warwire.store.export.export`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..cli import default_db
from .export import FORMATS, KINDS, ExportOptions

__all__ = ["export", "open_existing_store"]


def open_existing_store(db: str):  # type: ignore[no-untyped-def]
    """The store at ``db`` for a command that reads it: a usage error when there is none (a read
    must not create an empty store), a one-line error when it cannot be opened."""
    from ..errors import StoreError
    from . import open_store

    if db != ":memory:" and not Path(db).exists():
        raise click.UsageError(f"no store at {db}; run 'warwire ingest' first or pass --db")
    try:
        return open_store(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


@click.command()
@click.option("--db", "db", default=default_db, show_default="$WARWIRE_DB or ./warwire.db",
              help="The store (SQLite file).")
@click.argument("kind", type=click.Choice(KINDS))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write here instead of stdout (required for parquet).")
@click.option("--no-text", is_flag=True, help="documents: leave the clean text out.")
def export(db: str, kind: str, fmt: str, output: Path | None, no_text: bool) -> None:
    """Write the store's events, documents or mentions (CONTRACTS §2, §3)."""
    from .export import export as run_export

    try:
        options = ExportOptions(kind=kind, format=fmt, include_text=not no_text)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    store = open_existing_store(db)
    try:
        n = run_export(store, options, output, stdout=sys.stdout)
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as the Python docs advise.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
    finally:
        store.close()
    if output is not None:
        click.echo(f"warwire: wrote {n} {kind} to {output}", err=True)
