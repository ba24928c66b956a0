"""warwire's Datasette plugin: the event page, the escalation timeline, links and read-only guard.

Importing this module registers nothing; :func:`warwire.web.app.build_datasette` registers it
with Datasette's plugin manager. Every hook checks for ``plugins.warwire`` in the instance's
metadata and does nothing without it, so another Datasette in the same process is unaffected.

Routes (each page has a JSON twin built from the same context):

- ``/-/warwire/event/{event_id}`` and ``….json``: every source quote highlighted in its paragraph,
  the casualty claims side by side, cause links and the escalation chain.
- ``/-/warwire/timeline`` and ``/-/warwire/timeline.json``: events by date, cause links drawn as
  indented chains. Query string: ``country``, ``type``, ``since``, ``until``, ``chains_only``,
  ``limit``.
"""

from __future__ import annotations

from urllib.parse import quote

from datasette import hookimpl
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from . import pages
from .highlight import Passage, highlight
from .metadata import PLUGIN

#: The plugin's name in Datasette's plugin manager (``/-/plugins`` lists it).
PLUGIN_NAME = "warwire.web.plugin"

EVENT_ROUTE = r"^/-/warwire/event/(?P<event_id>[^/]+?)(?P<format>\.json)?$"
TIMELINE_ROUTE = r"^/-/warwire/timeline(?P<format>\.json)?$"

#: Table columns that hold an event id and get a link to the event page.
EVENT_ID_COLUMNS = {
    ("events", "event_id"),
    ("mentions", "event_id"),
    ("claims", "event_id"),
    ("links", "event_id"),
    ("links", "cause_event_id"),
}


def config(datasette) -> dict | None:  # type: ignore[no-untyped-def]
    """warwire's plugin config of this Datasette instance, ``None`` when warwire is not served."""
    return datasette.plugin_config(PLUGIN)


def event_path(datasette, event_id: str) -> str:  # type: ignore[no-untyped-def]
    """URL path of an event page (honours Datasette's ``base_url``)."""
    return datasette.urls.path(f"/-/warwire/event/{quote(event_id, safe='')}")


@hookimpl
def register_routes(datasette):  # type: ignore[no-untyped-def]
    if config(datasette) is None:
        return []
    return [(EVENT_ROUTE, event_view), (TIMELINE_ROUTE, timeline_view)]


@hookimpl
def prepare_connection(conn, database, datasette):  # type: ignore[no-untyped-def]
    """The store is opened ``?mode=ro``; ``query_only`` also refuses writes on any connection."""
    cfg = config(datasette)
    if cfg is not None and database == cfg.get("database"):
        conn.execute("PRAGMA query_only = 1")


@hookimpl
def render_cell(row, value, column, table, database, datasette):  # type: ignore[no-untyped-def]
    """Event ids in the store's tables link to their event page; ``events.data`` (long JSON)
    becomes a link to the event page with the JSON folded away."""
    cfg = config(datasette)
    if cfg is None or database != cfg.get("database"):
        return None
    if (table, column) == ("events", "data") and "event_id" in row.keys():
        return Markup(
            '<a class="ww-event-page" href="{}">event page →</a>'
            "<details><summary>JSON</summary><pre>{}</pre></details>"
        ).format(event_path(datasette, row["event_id"]), value or "")
    if (table, column) not in EVENT_ID_COLUMNS:
        return None
    if isinstance(value, dict):  # a foreign key Datasette expanded to {"value", "label"}
        value = value.get("value")
    if not isinstance(value, str) or not value:
        return None
    return Markup('<a href="{}">{}</a>').format(event_path(datasette, value), value)


@hookimpl
def menu_links(datasette, actor, request):  # type: ignore[no-untyped-def]
    cfg = config(datasette)
    if cfg is None:
        return []
    db = cfg.get("database")
    return [
        {"href": datasette.urls.table(db, "events"), "label": "Events and map"},
        {"href": datasette.urls.path("/-/warwire/timeline"), "label": "Escalation timeline"},
        {"href": datasette.urls.table(db, "mentions"), "label": "Search the reports"},
    ]


def _db(datasette):  # type: ignore[no-untyped-def]
    return datasette.get_database(config(datasette).get("database"))


async def event_view(datasette, request):  # type: ignore[no-untyped-def]
    """The event page, or its JSON twin when the path ends in ``.json``."""
    event_id = request.url_vars["event_id"]
    context = await pages.event_context(_db(datasette), event_id)
    as_json = bool(request.url_vars.get("format"))
    if context is None:
        if as_json:
            return Response.json({"ok": False, "error": f"no event {event_id}"}, status=404)
        return Response.html(
            await datasette.render_template(
                "warwire_missing.html", {"event_id": event_id}, request=request
            ),
            status=404,
        )
    if as_json:
        return Response.json(context, default=str)
    cfg = config(datasette)
    html_context = dict(context)
    html_context["quotes"] = [_with_html(q) for q in context["quotes"]]
    html_context.update(
        {
            "database": cfg.get("database"),
            "json_url": event_path(datasette, event_id) + ".json",
            **_tiles(datasette),
            "event_url": lambda eid: event_path(datasette, eid),
        }
    )
    return Response.html(
        await datasette.render_template("warwire_event.html", html_context, request=request)
    )


def _tiles(datasette) -> dict:  # type: ignore[no-untyped-def]
    """The event-page map uses the cluster map's tile layer, so one setting serves both maps."""
    from .metadata import OSM_TILES, TileLayer

    cluster = datasette.plugin_config("datasette-cluster-map") or {}
    return {
        "tile_layer": cluster.get("tile_layer") or OSM_TILES,
        "tile_layer_options": cluster.get("tile_layer_options") or TileLayer().options(),
    }


def _with_html(quote: dict) -> dict:
    out = dict(quote)
    p = quote.get("passage")
    if p:
        out["html"] = highlight(Passage.from_dict(p))
    else:
        # No usable offsets: show the stored sentence, escaped, without a highlight.
        out["html"] = escape(quote.get("sentence_text") or quote.get("trigger_text") or "")
    return out


async def timeline_view(datasette, request):  # type: ignore[no-untyped-def]
    """The escalation timeline, or its JSON twin."""
    filters = pages.TimelineFilters.from_args(request.args)
    context = await pages.timeline_context(_db(datasette), filters)
    if request.url_vars.get("format"):
        return Response.json(context, default=str)
    html_context = dict(context)
    html_context.update(
        {
            "database": config(datasette).get("database"),
            "json_url": datasette.urls.path("/-/warwire/timeline.json")
            + (("?" + request.query_string) if request.query_string else ""),
            "event_url": lambda eid: event_path(datasette, eid),
        }
    )
    return Response.html(
        await datasette.render_template("warwire_timeline.html", html_context, request=request)
    )
