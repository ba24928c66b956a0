"""Writing the store out: documents, mentions and events as JSONL, CSV, GeoJSON or Parquet.

Record shapes follow CONTRACTS §2 (documents) and §3 (events); extra fields are allowed there and
are added here where a user needs them (all sources, the clean text, the trigger of a mention).
Only asserted events are exported as events (§3). CSV columns are ACLED-style plus ours.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..acled import event_fatalities as acled_fatalities
from ..model import Actor, Article, Count, Event, Mention, Place
from .rows import event_sources, text_sha256

__all__ = [
    "KINDS",
    "FORMATS",
    "ExportOptions",
    "document_record",
    "mention_record",
    "event_record",
    "event_row",
    "records",
    "export",
]

KINDS = ("events", "documents", "mentions")
FORMATS = ("jsonl", "csv", "geojson", "parquet")

#: ACLED-style columns first, then ours (CONTRACTS §3), then a few more a user asks for.
EVENT_CSV_COLUMNS = (
    "event_date", "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1",
    "location", "latitude", "longitude", "geo_precision", "fatalities", "source", "notes",
    "event_id", "plover_type", "plover_mode", "fatalities_low", "fatalities_high", "num_sources",
    "caused_by",
    "date_precision", "actor1_country", "actor2_country", "location_precision", "geonameid",
    "injured", "injured_low", "injured_high", "num_claims", "sources", "confidence",
)

MENTION_CSV_COLUMNS = (
    "mention_id", "doc_id", "event_id", "type", "mode", "acled_event_type",
    "acled_sub_event_type", "modality", "trigger_start", "trigger_end", "trigger_text",
    "sentence_start", "sentence_end", "sentence_text", "actor1", "actor1_country", "actor2",
    "actor2_country", "location", "admin1", "country", "latitude", "longitude", "geo_precision",
    "date", "date_precision", "killed", "injured", "claimant", "confidence",
)

DOCUMENT_CSV_COLUMNS = (
    "doc_id", "source", "outlet", "title", "author", "published", "published_precision",
    "language", "republication_of", "text_sha256", "url", "published_evidence", "sources",
)

#: ACLED geo-precision codes: 1 the exact town/site, 2 near a town or part of a region,
#: 3 only a larger region (admin1, country) is known.
ACLED_GEO_PRECISION = {"site": 1, "town": 1, "city": 1, "admin2": 2, "admin1": 3, "region": 3,
                       "country": 3}

#: Longest ``notes`` text in the CSV: about one or two sentences, as in ACLED notes.
NOTES_MAX_CHARS = 500


@dataclass
class ExportOptions:
    """What to export and how."""

    kind: str = "events"
    format: str = "jsonl"
    include_text: bool = True  # documents: include the clean text (jsonl/parquet)

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown export {self.kind!r}; choose from {', '.join(KINDS)}")
        if self.format not in FORMATS:
            raise ValueError(f"unknown format {self.format!r}; choose from {', '.join(FORMATS)}")
        if self.kind == "documents" and self.format == "geojson":
            raise ValueError("documents have no coordinates; use jsonl, csv or parquet")


# -- records ----------------------------------------------------------------------------------


def document_record(article: Article, include_text: bool = True) -> dict[str, Any]:
    """CONTRACTS §2 record of one document (plus ``sources``, ``url``, evidence, text)."""
    record: dict[str, Any] = {
        "doc_id": article.doc_id,
        "source": article.sources[0] if article.sources else article.url,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "published": article.published,
        "published_precision": article.published_precision,
        "language": article.language,
        "republication_of": article.republication_of,
        "text_sha256": text_sha256(article),
        "url": article.url,
        "published_evidence": article.published_evidence,
        "sources": list(article.sources),
        # the day the text was written when it differs from the page's (a republication's
        # source line), and the days an undated text can be from (office holders, partial dates)
        "written": article.written,
        "written_range": list(article.written_range) if article.written_range else None,
        "written_range_evidence": article.metadata.get("published_range_evidence"),
    }
    if include_text:
        record["text"] = article.text
    return record


def _actor(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {"text": actor.text, "name": actor.name, "country": actor.country,
            "sector": actor.sector}


def _place(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {"text": place.text, "name": place.name, "admin1": place.admin1,
            "country": place.country, "lat": place.lat, "lon": place.lon,
            "precision": place.precision, "geonameid": place.geonameid}


def _count(count: Count | None) -> dict[str, Any] | None:
    if count is None or (count.low is None and count.best is None and count.high is None):
        return None
    return {"low": count.low, "best": count.best, "high": count.high}


def _vague(count: Count | None) -> str | None:
    return count.vague if count is not None else None


def _span(mention: Mention) -> dict[str, Any]:
    """The evidence of a mention in an event: its sentence, with the trigger as an extra."""
    return {"doc_id": mention.doc_id, "start": mention.sentence.start,
            "end": mention.sentence.end, "text": mention.sentence.text,
            "mention_id": mention.mention_id,
            "trigger": {"start": mention.trigger.start, "end": mention.trigger.end,
                        "text": mention.trigger.text}}


def event_record(event: Event) -> dict[str, Any]:
    """CONTRACTS §3 record of one event."""
    return {
        "event_id": event.event_id,
        "type": event.type,
        "mode": event.mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "date": event.date,
        "date_precision": event.date_precision,
        "actor1": _actor(event.actor1),
        "actor2": _actor(event.actor2),
        "location": _place(event.location),
        "fatalities": _count(event.fatalities),
        "injured": _count(event.injured),
        "claims": [{"claimant": c.claimant, "killed": c.killed, "injured": c.injured,
                    "doc_id": c.doc_id, "quote": c.quote, "start": c.start, "end": c.end,
                    # the wording of a claim that gives no number ("dozens"), else null
                    "killed_vague": _vague(c.killed_count), "injured_vague": _vague(c.injured_count)}
                   for c in event.claims],
        "mentions": [_span(m) for m in event.mentions],
        "sources": event_sources(event),
        "caused_by": [{"event_id": link.cause_event_id, "cue": link.cue, "doc_id": link.doc_id,
                       "quote": link.quote, "start": link.start, "end": link.end,
                       "explicit": link.explicit}
                      for link in event.caused_by],
        "modality": event.modality,
        "confidence": event.confidence,
    }


def _name(actor: Actor | None) -> str | None:
    return (actor.name or actor.text) if actor else None


def event_row(event: Event, outlets: dict[str, str | None] | None = None) -> dict[str, Any]:
    """One flat CSV/GeoJSON/Parquet row of an event (ACLED-style columns plus ours)."""
    outlets = outlets or {}
    loc, fat, inj = event.location, event.fatalities, event.injured
    sources = event_sources(event)
    names = list(dict.fromkeys(outlets.get(d) or d for d in sources))
    notes = event.mentions[0].sentence.text if event.mentions else ""
    notes = " ".join(notes.split())
    if len(notes) > NOTES_MAX_CHARS:
        notes = notes[: NOTES_MAX_CHARS - 1].rstrip() + "…"
    return {
        "event_date": event.date,
        "event_type": event.acled_event_type,
        "sub_event_type": event.acled_sub_event_type,
        "actor1": _name(event.actor1),
        "actor2": _name(event.actor2),
        "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None,
        "location": (loc.name or loc.text) if loc else None,
        "latitude": loc.lat if loc else None,
        "longitude": loc.lon if loc else None,
        "geo_precision": ACLED_GEO_PRECISION.get(loc.precision or "") if loc else None,
        "fatalities": acled_fatalities(event),  # ACLED's convention for vague tolls
        "source": "; ".join(names),
        "notes": notes,
        "event_id": event.event_id,
        "plover_type": event.type,
        "plover_mode": event.mode,
        "fatalities_low": fat.low if fat else None,
        "fatalities_high": fat.high if fat else None,
        "num_sources": len(sources),
        "caused_by": ";".join(x.cause_event_id for x in event.caused_by if x.cause_event_id),
        "date_precision": event.date_precision,
        "actor1_country": event.actor1.country if event.actor1 else None,
        "actor2_country": event.actor2.country if event.actor2 else None,
        "location_precision": loc.precision if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "injured": inj.best if inj else None,
        "injured_low": inj.low if inj else None,
        "injured_high": inj.high if inj else None,
        "num_claims": len(event.claims),
        "sources": ";".join(sources),
        "confidence": event.confidence,
    }


def mention_record(mention: Mention, event_id: str | None = None) -> dict[str, Any]:
    """JSONL record of one mention: the full mention with its ``event_id``."""
    record = {"mention_id": mention.mention_id, "doc_id": mention.doc_id, "event_id": event_id}
    record.update(mention.to_dict())
    return record


def mention_row(mention: Mention, event_id: str | None = None) -> dict[str, Any]:
    """One flat CSV/GeoJSON/Parquet row of a mention."""
    loc, date = mention.location, mention.date
    return {
        "mention_id": mention.mention_id, "doc_id": mention.doc_id, "event_id": event_id,
        "type": mention.type, "mode": mention.mode,
        "acled_event_type": mention.acled_event_type,
        "acled_sub_event_type": mention.acled_sub_event_type, "modality": mention.modality,
        "trigger_start": mention.trigger.start, "trigger_end": mention.trigger.end,
        "trigger_text": mention.trigger.text, "sentence_start": mention.sentence.start,
        "sentence_end": mention.sentence.end, "sentence_text": mention.sentence.text,
        "actor1": _name(mention.actor1),
        "actor1_country": mention.actor1.country if mention.actor1 else None,
        "actor2": _name(mention.actor2),
        "actor2_country": mention.actor2.country if mention.actor2 else None,
        "location": (loc.name or loc.text) if loc else None,
        "admin1": loc.admin1 if loc else None, "country": loc.country if loc else None,
        "latitude": loc.lat if loc else None, "longitude": loc.lon if loc else None,
        "geo_precision": loc.precision if loc else None,
        "date": date.date if date else None, "date_precision": date.precision if date else None,
        "killed": mention.killed.best if mention.killed else None,
        "injured": mention.injured.best if mention.injured else None,
        "claimant": _name(mention.claimant), "confidence": mention.confidence,
    }


def _document_row(article: Article) -> dict[str, Any]:
    record = document_record(article, include_text=False)
    record["sources"] = ";".join(record["sources"])
    return record


@dataclass
class _Item:
    """One exported thing: its JSON record and its flat row."""

    record: dict[str, Any]
    row: dict[str, Any]


def records(store: Any, options: ExportOptions) -> Iterator[_Item]:
    """Every item of ``options.kind`` in the store, as record and flat row."""
    if options.kind == "documents":
        for article in store.iter_articles():
            yield _Item(document_record(article, options.include_text), _document_row(article))
    elif options.kind == "mentions":
        owners = store.mention_events()
        for mention in store.iter_mentions():
            event_id = owners.get(mention.mention_id)
            yield _Item(mention_record(mention, event_id), mention_row(mention, event_id))
    else:
        outlets = {a.doc_id: a.outlet for a in store.iter_articles()}
        for event in store.iter_events():
            if event.modality != "asserted":
                continue  # CONTRACTS §3: only events reported as having happened
            yield _Item(event_record(event), event_row(event, outlets))


# -- writers ----------------------------------------------------------------------------------


def _columns(kind: str) -> tuple[str, ...]:
    return {"events": EVENT_CSV_COLUMNS, "mentions": MENTION_CSV_COLUMNS,
            "documents": DOCUMENT_CSV_COLUMNS}[kind]


def _write_jsonl(items: Iterable[_Item], out: IO[str]) -> int:
    n = 0
    for item in items:
        out.write(json.dumps(item.record, ensure_ascii=False) + "\n")
        n += 1
    return n


def _write_csv(items: Iterable[_Item], out: IO[str], columns: tuple[str, ...]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\n")
    writer.writeheader()
    n = 0
    for item in items:
        writer.writerow({k: ("" if v is None else v) for k, v in item.row.items()})
        n += 1
    return n


def _write_geojson(items: Iterable[_Item], out: IO[str]) -> int:
    """A FeatureCollection of the items that have coordinates (flat rows as properties)."""
    out.write('{"type": "FeatureCollection", "features": [')
    n = 0
    for item in items:
        lat, lon = item.row.get("latitude"), item.row.get("longitude")
        if lat is None or lon is None:
            continue
        feature = {"type": "Feature", "id": item.row.get("event_id") or item.row.get("mention_id"),
                   "geometry": {"type": "Point", "coordinates": [lon, lat]},
                   "properties": item.row}
        out.write(("\n" if n == 0 else ",\n") + json.dumps(feature, ensure_ascii=False))
        n += 1
    out.write("\n]}\n")
    return n


def _write_parquet(items: Iterable[_Item], path: Path, columns: tuple[str, ...]) -> int:
    """Flat columns, plus the nested JSON record in a ``record`` column (lossless)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{**{c: item.row.get(c) for c in columns},
             "record": json.dumps(item.record, ensure_ascii=False)} for item in items]
    names = [*columns, "record"]
    if rows:
        table = pa.Table.from_pylist(rows)
    else:
        table = pa.table({c: pa.array([], pa.string()) for c in names})
    pq.write_table(table, path)
    return len(rows)


def export(store: Any, options: ExportOptions, output: str | Path | None,
           stdout: IO[str] | None = None) -> int:
    """Write the export to ``output`` (a path) or ``stdout``; returns the number of items.

    Parquet needs a path (it is a binary, seekable format).
    """
    items = records(store, options)
    if options.format == "parquet":
        if output is None:
            raise ValueError("parquet needs --output FILE")
        return _write_parquet(items, Path(output), _columns(options.kind))
    if output is None:
        assert stdout is not None
        return _write_text(items, options, stdout)
    with open(output, "w", encoding="utf-8", newline="") as fh:
        return _write_text(items, options, fh)


def _write_text(items: Iterable[_Item], options: ExportOptions, out: IO[str]) -> int:
    if options.format == "jsonl":
        return _write_jsonl(items, out)
    if options.format == "csv":
        return _write_csv(items, out, _columns(options.kind))
    return _write_geojson(items, out)
