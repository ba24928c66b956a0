"""Click commands of the geo stage: ``warwire geoparse`` and ``warwire gazetteer import``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

__all__ = ["geoparse", "gazetteer"]

#: Fields of a Place written out per toponym (CONTRACTS §4), in this order.
TOPONYM_FIELDS = ("start", "end", "text", "name", "country", "admin1", "lat", "lon", "geonameid",
                  "feature", "precision")


@click.command(name="geoparse")
@click.option("--gazetteer-db", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="User GeoNames gazetteer (default: the one `warwire gazetteer import` wrote).")
def geoparse(gazetteer_db: Path | None) -> None:
    """JSONL on stdin → JSONL on stdout: toponyms found and resolved (CONTRACTS §4).

    In: {"doc_id", "text", "published"?, "spans"?: [[start, end], …]} — with spans, exactly
    those spans are resolved. A malformed line is reported on stderr and skipped (exit 1).
    """
    from . import Gazetteer
    from . import geoparse as run

    gaz = Gazetteer.load(gazetteer_db)
    failed = False
    for lineno, line in enumerate(sys.stdin, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = record["text"]
            if not isinstance(text, str):
                raise ValueError("'text' is not a string")
            spans = record.get("spans")
            if spans is not None:
                spans = [(int(s), int(e)) for s, e in spans]
                if any(not 0 <= s <= e <= len(text) for s, e in spans):
                    raise ValueError("a span is outside the text")
        except (ValueError, KeyError, TypeError) as exc:
            click.echo(f"warwire: geoparse: line {lineno}: {type(exc).__name__}: {exc}", err=True)
            failed = True
            continue
        places = run(text, gaz, spans=spans)
        out = {"doc_id": record.get("doc_id"),
               "toponyms": [{k: getattr(p, k) for k in TOPONYM_FIELDS} for p in places]}
        click.echo(json.dumps(out, ensure_ascii=False))
    sys.exit(1 if failed else 0)


@click.group(name="gazetteer")
def gazetteer() -> None:
    """Manage the gazetteer (the built-in index needs nothing; a GeoNames dump adds detail)."""


@gazetteer.command(name="import")
@click.argument("dump", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--into", "into", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Target SQLite file (default: $WARWIRE_GAZETTEER or ~/.local/share/warwire).")
def import_cmd(dump: Path, into: Path | None) -> None:
    """Load a GeoNames dump (allCountries.txt, XX.txt or .zip, tab format) into the gazetteer."""
    from .gazetteer import user_db_path
    from .importer import import_geonames

    result = import_geonames(dump, into or user_db_path())
    click.echo(f"imported {result.rows} places into {result.path}"
               + (f" ({result.skipped} malformed lines skipped)" if result.skipped else ""))


@gazetteer.command(name="build")
def build_cmd() -> None:
    """Build (or find) the cached index from the installed packages; prints its path."""
    from .build import ensure_index

    click.echo(str(ensure_index()))
