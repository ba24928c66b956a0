"""Datasette metadata for a warwire store: titles, descriptions, facets, search and map config.

Datasette 0.65 keeps plugin configuration inside metadata (``plugins``), so this is also where the
map's tile layer and warwire's own plugin settings are written. Everything here is written by us;
no text from the store ever ends up in ``description_html``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import __version__

#: Name under which the store is mounted in Datasette; URLs are /warwire/events etc. whatever
#: the file is called, so links in docs and bookmarks stay valid.
DATABASE = "warwire"

#: The plugin name used for warwire's own configuration inside metadata["plugins"].
PLUGIN = "warwire"

#: OpenStreetMap's standard tiles: what datasette-cluster-map uses by default. Needs network.
OSM_TILES = "https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"
OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors'

#: ``--tiles blank``: a plain tile bundled with warwire, for machines with no network at all.
BLANK_TILES = "blank"

#: Events shown per table page; the cluster map pages through all of them anyway.
PAGE_SIZE = 50

LICENSE = "Event data: CC BY 4.0 (warwire output). Article text: © the publishers, quoted as evidence"
SOURCE = "warwire — news reporting on armed conflict turned into traceable event data"



@dataclass
class TileLayer:
    """A Leaflet tile layer: URL template with {z}/{x}/{y} (and optionally {s}) plus attribution."""

    url: str = OSM_TILES
    attribution: str = OSM_ATTRIBUTION
    max_zoom: int = 19  # OSM's deepest zoom level

    def options(self) -> dict:
        """Leaflet ``tileLayer`` options as datasette-cluster-map expects them."""
        return {"maxZoom": self.max_zoom, "attribution": self.attribution}


def tile_layer(tiles: str | None, blank_url: str) -> TileLayer:
    """The tile layer for ``--tiles``: ``None`` → OpenStreetMap, ``blank`` → the bundled blank
    tile at ``blank_url``, anything else → that URL template (e.g. a local tile server)."""
    if not tiles:
        return TileLayer()
    if tiles == BLANK_TILES:
        return TileLayer(url=blank_url, attribution="blank tiles (offline)")
    return TileLayer(url=tiles, attribution="local tiles")


COLUMNS: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "Content-hash id of the article text (d_…)",
        "text_sha256": "SHA-256 of the decoded text; the same text ingested twice is stored once",
        "original": "The decoded input text; every offset in warwire points into this text",
        "text": "Cleaned text the NLP ran on (boilerplate cut, page breaks joined)",
        "offset_map": "JSON breakpoints mapping cleaned-text offsets back to the original",
        "url": "URL the article came from, when known",
        "outlet": "Publisher",
        "title": "Headline",
        "author": "Byline",
        "published": "Publication date (ISO 8601)",
        "published_precision": "day, or inferred when guessed from the text",
        "published_evidence": "Where the publication date was read",
        "language": "ISO 639-1 language code",
        "republication_of": "doc_id of the article this one republishes (counted once in merges)",
        "blocks": "JSON: lines/paragraphs and what the cleaner decided about each",
        "metadata": "JSON: other metadata given or inferred at ingest (original_published of a "
                    "republication, published_range of an undated article, …)",
        "ingested_at": "When the text was first stored",
        "warwire_version": "warwire version that stored it",
    },
    "mentions": {
        "mention_id": "Id of one report of one event in one sentence",
        "doc_id": "Document that contains the report",
        "event_id": "Canonical event this report was merged into",
        "type": "PLOVER v2.0 event type",
        "mode": "PLOVER v2.0 mode of that type",
        "acled_event_type": "ACLED event type",
        "acled_sub_event_type": "ACLED sub-event type",
        "modality": "asserted, or threatened / vowed / planned / hypothetical / negated / denied",
        "trigger_start": "Start offset of the trigger word(s) in documents.original",
        "trigger_end": "End offset (exclusive) of the trigger in documents.original",
        "trigger_text": "The trigger as written",
        "sentence_start": "Start offset of the sentence in documents.original",
        "sentence_end": "End offset (exclusive) of the sentence",
        "sentence_text": "The sentence as written: the evidence for this report",
        "actor1_name": "Who acted (canonical name)",
        "actor1_country": "ISO 3166-1 alpha-3 of actor 1",
        "actor2_name": "Who was acted upon (canonical name)",
        "actor2_country": "ISO 3166-1 alpha-3 of actor 2",
        "location_name": "Where it happened, as resolved",
        "country": "ISO 3166-1 alpha-3 of the location",
        "latitude": "Latitude of the location (WGS84)",
        "longitude": "Longitude of the location (WGS84)",
        "date": "Event date: YYYY-MM-DD, YYYY-MM, YYYY or START/END",
        "date_precision": "day, week, month, year or range",
        "killed": "Killed according to this report (best figure)",
        "injured": "Injured according to this report (best figure)",
        "claimant": "Who the figures or the report are attributed to",
        "confidence": "Extractor confidence, 0–1",
        "data": "JSON: the full mention with the evidence span of every field",
    },
    "events": {
        "event_id": "Canonical event id (ev_…); click for the event page with every source quote",
        "type": "PLOVER v2.0 event type",
        "mode": "PLOVER v2.0 mode of that type",
        "acled_event_type": "ACLED event type",
        "acled_sub_event_type": "ACLED sub-event type",
        "date": "Event date: YYYY-MM-DD, YYYY-MM, YYYY or START/END",
        "date_precision": "day, week, month, year or range",
        "actor1_name": "Who acted (canonical name)",
        "actor1_country": "ISO 3166-1 alpha-3 of actor 1",
        "actor2_name": "Who was acted upon (canonical name)",
        "actor2_country": "ISO 3166-1 alpha-3 of actor 2",
        "location_name": "Where it happened, as resolved",
        "admin1": "First-level administrative division",
        "country": "ISO 3166-1 alpha-3 of the location",
        "latitude": "Latitude (WGS84); empty when the place could not be resolved",
        "longitude": "Longitude (WGS84)",
        "geo_precision": "site, town, admin1 or country: how exact the coordinates are",
        "fatalities_low": "Lowest killed figure any source gives",
        "fatalities_best": "Best estimate of killed (rule in docs/stages/merge.md)",
        "fatalities_high": "Highest killed figure any source gives",
        "injured_low": "Lowest injured figure any source gives",
        "injured_best": "Best estimate of injured",
        "injured_high": "Highest injured figure any source gives",
        "num_sources": "Number of distinct documents that report the event (republications once)",
        "confidence": "Confidence that this is one real event, 0–1",
        "data": "JSON: the full event (CONTRACTS §3) with claims, mentions and cause links",
    },
    "claims": {
        "event_id": "Event the claim is about",
        "claimant": "Who gives the figures",
        "killed": "Killed according to the claimant",
        "injured": "Injured according to the claimant",
        "doc_id": "Document that carries the claim",
        "quote": "The claim as written",
        "start": "Start offset of the quote in documents.original",
        "end": "End offset of the quote",
    },
    "links": {
        "event_id": "The event that answered another (the effect)",
        "cause_event_id": "The event it answered (the cause)",
        "cue": "The words that make the link explicit (in retaliation for, in response to, …)",
        "doc_id": "Document that states the link",
        "quote": "The sentence that states the link",
        "explicit": "1 when a cue in the text states the link",
    },
    "sources": {
        "doc_id": "Stored document",
        "source": "A path or URL the text was read from (one text may come from several)",
        "ingested_at": "When that source was read",
    },
}

TABLES: dict[str, dict] = {
    "events": {
        "description": (
            "One row per real-world event, merged across every article that reports it. "
            "Open an event id for its page: every source quote in context, casualty claims side "
            "by side, and the events it answered."
        ),
        "facets": ["type", "country", "actor1_name", {"date": "date"}],
        "sort_desc": "date",
        "size": PAGE_SIZE,
    },
    "mentions": {
        "description": (
            "One row per report of an event in one sentence of one article, of every modality "
            "(threats, denials and plans included). Search the sentences with the search box."
        ),
        "facets": ["type", "modality", "country", "actor1_name"],
        "fts_table": "mentions_fts",
        "fts_pk": "rowid",
        "size": PAGE_SIZE,
    },
    "documents": {
        "description": "The articles as read: original text, cleaned text and metadata.",
        "facets": ["outlet", "language"],
        "sort_desc": "published",
        "label_column": "title",
    },
    "claims": {
        "description": "Casualty figures per source: who says how many were killed or injured.",
        "facets": ["claimant"],
    },
    "links": {
        "description": "Cause and retaliation links between events, each with its cue and quote.",
        "facets": ["cue"],
    },
    "sources": {"description": "Every path or URL each stored text was read from."},
    "migrations": {"description": "Store schema migrations applied, by name.", "hidden": True},
}

DESCRIPTION_HTML = (
    "<p>Events of armed conflict extracted from news reports by warwire {version}: who did what to "
    "whom, when, where, how many were killed or injured, according to whom — one record per event, "
    "merged across articles, with every field traceable to its source sentence.</p>"
    '<p><a href="/warwire/events">Events and map</a> · '
    '<a href="/-/warwire/timeline">Escalation timeline</a> · '
    '<a href="/warwire/mentions">Search the reports</a></p>'
)


def build_metadata(tiles: TileLayer) -> dict:
    """The metadata dict for ``Datasette(metadata=…)``: descriptions, facets, FTS and plugin config.

    ``tiles`` configures datasette-cluster-map's tile layer, which warwire's event-page map uses
    too (one place to point at local tiles). ``plugins.warwire`` names the store's database; its
    presence is what switches warwire's hooks on for this Datasette instance.
    """
    tables = {}
    for name, table in TABLES.items():
        entry = dict(table)
        entry["columns"] = dict(COLUMNS.get(name, {}))
        tables[name] = entry
    plugin_config: dict = {"database": DATABASE}
    return {
        "title": "warwire",
        "description_html": DESCRIPTION_HTML.format(version=__version__),
        "license": LICENSE,
        "source": SOURCE,
        "databases": {
            DATABASE: {
                "description": "The warwire store (opened read-only).",
                "tables": tables,
            }
        },
        "plugins": {
            "datasette-cluster-map": {
                "latitude_column": "latitude",
                "longitude_column": "longitude",
                "tile_layer": tiles.url,
                "tile_layer_options": tiles.options(),
            },
            PLUGIN: plugin_config,
        },
    }


def merge_metadata(base: dict, extra: dict) -> dict:
    """``extra`` laid over ``base``: dicts merge key by key, anything else in ``extra`` wins.

    Used for ``warwire serve --metadata FILE``, so a user can change a description or a plugin
    setting (e.g. ``plugins.datasette-cluster-map.tile_layer``) without restating the rest.
    """
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = merge_metadata(out[key], value)
        else:
            out[key] = value
    return out
