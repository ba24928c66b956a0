"""The ``warwire`` command line: a thin layer of click commands over the library.

Each command lives beside the stage it drives (``warwire/<stage>/commands.py``) and is loaded only
when it is invoked, so ``warwire timex`` never pays for loading spaCy or the gazetteer.
"""

from __future__ import annotations

import importlib
import os
import sys

import click

from . import __version__

#: command name → "module:attribute" of a click command. Loaded lazily.
COMMANDS: dict[str, str] = {
    "ingest": "warwire.ingest.commands:ingest",
    "demo": "warwire.ingest.commands:demo",
    "export": "warwire.store.commands:export",
    "timex": "warwire.timex.commands:timex",
    "geoparse": "warwire.geo.commands:geoparse",
    "gazetteer": "warwire.geo.commands:gazetteer",
    "cluster": "warwire.merge.commands:cluster",
    "chain": "warwire.merge.commands:chain",
    "serve": "warwire.web.commands:serve",
    "eval": "warwire.evaluation.commands:eval_group",
}

#: One-line help shown by ``warwire --help`` without importing every stage.
SHORT_HELP: dict[str, str] = {
    "ingest": "Read articles and run the whole pipeline into the store.",
    "demo": "Ingest the bundled demo corpus and print what was found.",
    "export": "Write documents, mentions or events as jsonl, csv, geojson or parquet.",
    "timex": "JSONL in, time expressions with TIMEX3 values out.",
    "geoparse": "JSONL in, toponyms found and resolved out.",
    "gazetteer": "Manage the gazetteer (import a GeoNames dump).",
    "cluster": "JSONL event mentions in, cluster assignments out.",
    "chain": "Print an event's escalation chain, backwards and forwards.",
    "serve": "Browse, search and map the store in a web browser (Datasette).",
    "eval": "Score warwire against the gold sets in ../shared.",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs):  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(self.lazy))

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, SHORT_HELP.get(name, "")) for name in self.list_commands(ctx)]
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy:
            module_name, attr = self.lazy[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attr)
        return super().get_command(ctx, cmd_name)


def default_db() -> str:
    """``--db`` default: ``$WARWIRE_DB``, else ``./warwire.db`` (CONTRACTS §1)."""
    return os.environ.get("WARWIRE_DB") or "warwire.db"


@click.group(cls=LazyGroup, lazy=COMMANDS)
@click.version_option(__version__, prog_name="warwire")
def cli() -> None:
    """warwire: news on armed conflict → traceable, merged, geocoded event data."""


def main() -> None:
    """Console entry point. Exit codes: 0 ok, 1 some inputs rejected, 2 usage error."""
    try:
        cli.main(prog_name="warwire", standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive only
        sys.exit(130)


if __name__ == "__main__":  # pragma: no cover
    main()
