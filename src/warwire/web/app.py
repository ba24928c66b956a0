"""Build the Datasette instance that serves a warwire store, read-only.

``build_datasette(ServeOptions(db=...))`` returns a configured :class:`datasette.app.Datasette`;
``warwire serve`` runs it with uvicorn and tests use its ``client``. The store is mounted as the
database ``warwire`` whatever the file is called, opened ``?mode=ro`` (or ``immutable=1`` with
``immutable=True``) with ``PRAGMA query_only`` on every connection.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import StoreError
from .metadata import DATABASE, build_metadata, merge_metadata, tile_layer

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"

#: URL prefix of warwire's static files (CSS, the blank offline tile).
STATIC_MOUNT = "warwire-static"

#: Loopback only by default: the store holds article text that may not be ours to publish.
DEFAULT_HOST = "127.0.0.1"

#: Datasette's own default is 8001; keep it so its docs apply.
DEFAULT_PORT = 8001

#: Datasette settings. Facets are configured per table, so suggestions (a query per column on
#: every table page, slow on a large store) are off; a 3 s SQL limit leaves room for facet counts
#: over a few hundred thousand events.
SETTINGS = {
    "suggest_facets": False,
    "sql_time_limit_ms": 3000,
    "facet_time_limit_ms": 1000,
    "default_page_size": 50,
    "max_returned_rows": 1000,
}


@dataclass
class ServeOptions:
    """What ``warwire serve`` is asked to serve and how."""

    db: str | Path
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    tiles: str | None = None  # None: OpenStreetMap; "blank": bundled blank tile; else a URL template
    immutable: bool = False  # the file will not change while served: faster counts
    metadata: str | Path | None = None  # a JSON file laid over warwire's metadata


def register_plugin() -> None:
    """Register warwire's Datasette plugin once per process (idempotent)."""
    from datasette.plugins import pm

    from . import plugin

    if not pm.is_registered(plugin):
        pm.register(plugin, name=plugin.PLUGIN_NAME)


def _read_metadata(path: Path) -> dict:
    """A user's metadata file (JSON, or YAML as Datasette reads it); ValueError when unusable."""
    from datasette.utils import BadMetadataError, parse_metadata

    try:
        data = parse_metadata(path.read_text(encoding="utf-8"))
    except (OSError, BadMetadataError) as exc:
        raise ValueError(f"cannot read metadata {path}: {exc}") from exc
    if not isinstance(data, dict):
        raise ValueError(f"metadata {path} is not an object")
    return data


def build_datasette(options: ServeOptions):  # type: ignore[no-untyped-def]
    """A Datasette over the store at ``options.db``, with warwire's metadata and pages.

    Raises :class:`~warwire.errors.StoreError` when the file does not exist (Datasette would
    otherwise fail on the first request, far from the cause) and ValueError when the
    ``metadata`` file cannot be read.
    """
    from datasette.app import Datasette
    from datasette.database import Database

    path = Path(options.db)
    if not path.is_file():
        raise StoreError(f"no warwire store at {path}; run `warwire ingest --db {path} …` first")
    register_plugin()
    blank_url = f"/{STATIC_MOUNT}/blank-tile.png"
    metadata = build_metadata(tile_layer(options.tiles, blank_url))
    if options.metadata:
        metadata = merge_metadata(metadata, _read_metadata(Path(options.metadata)))
    ds = Datasette(
        metadata=metadata,
        template_dir=str(TEMPLATES),
        static_mounts=[(STATIC_MOUNT, str(STATIC))],
        settings=dict(SETTINGS),
    )
    # With no files= Datasette adds an empty "_memory" database; the index should list the store only.
    ds.remove_database("_memory")
    store = Database(ds, path=str(path.resolve()), is_mutable=not options.immutable)
    ds.add_database(store, name=DATABASE)
    return ds
