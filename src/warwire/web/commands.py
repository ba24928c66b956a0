"""``warwire serve``: browse, search and map the store in a web browser (Datasette, read-only)."""

from __future__ import annotations

import click

from ..cli import default_db
from .app import DEFAULT_HOST, DEFAULT_PORT, ServeOptions


@click.command()
@click.option("--db", default=default_db, show_default="$WARWIRE_DB or ./warwire.db",
              type=click.Path(dir_okay=False), help="The warwire store to serve.")
@click.option("--host", default=DEFAULT_HOST, show_default=True,
              help="Interface to bind. Only loopback by default: the store holds article text.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=int)
@click.option("--tiles", default=None, metavar="URL|blank", envvar="WARWIRE_TILES",
              help="Map tile URL template ({z}/{x}/{y}), e.g. a local tile server; 'blank' uses "
                   "plain offline tiles. Default: $WARWIRE_TILES, else OpenStreetMap (needs network).")
@click.option("--metadata", "metadata", default=None, type=click.Path(exists=True, dir_okay=False),
              help="JSON/YAML laid over warwire's metadata: descriptions, plugin settings "
                   "(e.g. plugins.datasette-cluster-map.tile_layer).")
@click.option("--immutable", is_flag=True,
              help="Open the store as immutable (faster; only when nothing writes to it).")
def serve(
    db: str, host: str, port: int, tiles: str | None, metadata: str | None, immutable: bool
) -> None:
    """Serve the store at http://HOST:PORT/: events with facets and a map, full-text search over
    the reports, an event page per event and an escalation timeline, each with a JSON twin."""
    import asyncio

    import uvicorn

    from ..errors import StoreError
    from .app import build_datasette

    options = ServeOptions(
        db=db, host=host, port=port, tiles=tiles, metadata=metadata, immutable=immutable
    )
    try:
        ds = build_datasette(options)
    except StoreError as err:
        raise click.BadParameter(str(err), param_hint="--db") from err
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--metadata") from err
    asyncio.run(ds.invoke_startup())
    click.echo(f"warwire: serving {db} read-only at http://{host}:{port}/", err=True)
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")
