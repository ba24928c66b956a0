"""Model objects ↔ flat store rows. The full object rides along as JSON in ``data``.

The flat columns exist to be faceted, searched and mapped (Datasette); the JSON is the truth
that ``get_article``/``iter_mentions``/``iter_events`` read back.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from ..model import Actor, Article, Event, Mention, OffsetMap, Place

__all__ = [
    "text_sha256",
    "document_row",
    "row_to_article",
    "mention_row",
    "row_to_mention",
    "event_row",
    "row_to_event",
    "claim_rows",
    "link_rows",
]


def dumps(value: Any) -> str:
    """Compact JSON that keeps non-ASCII text readable in the database."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def text_sha256(article: Article) -> str:
    """The article's content hash: its own ``text_sha256``, else SHA-256 of its original text."""
    return article.text_sha256 or hashlib.sha256(article.original.encode("utf-8")).hexdigest()


def _actor(actor: Actor | None) -> tuple[str | None, str | None]:
    if actor is None:
        return None, None
    return actor.name or actor.text, actor.country


def _place(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"name": None, "admin1": None, "country": None, "lat": None, "lon": None,
                "precision": None}
    return {"name": place.name or place.text, "admin1": place.admin1, "country": place.country,
            "lat": place.lat, "lon": place.lon, "precision": place.precision}


def document_row(
    article: Article, ingested_at: str, version: str, stages: tuple[str, ...] = ()
) -> dict[str, Any]:
    """Row of the ``documents`` table."""
    return {
        "doc_id": article.doc_id,
        "text_sha256": text_sha256(article),
        "original": article.original,
        "text": article.text,
        "offset_map": dumps(article.offset_map.to_json()),
        "url": article.url,
        "outlet": article.outlet,
        "title": article.title,
        "author": article.author,
        "published": article.published,
        "published_precision": article.published_precision,
        "published_evidence": article.published_evidence,
        "language": article.language,
        "republication_of": article.republication_of,
        "blocks": dumps([b.to_dict() for b in article.blocks]),
        "metadata": dumps(article.metadata),
        "stages": dumps(list(stages)),
        "ingested_at": ingested_at,
        "warwire_version": version,
    }


def row_to_article(row: dict[str, Any], sources: list[str]) -> Article:
    """Article from a ``documents`` row and its sources."""
    data = {k: row[k] for k in row.keys()}
    data["offset_map"] = OffsetMap.from_json(json.loads(data["offset_map"]))
    data["blocks"] = json.loads(data["blocks"] or "[]")
    data["metadata"] = json.loads(data["metadata"] or "{}")
    data.pop("stages", None)
    data["sources"] = sources
    return Article.from_dict(data)


def _who_where(actor1: Any, actor2: Any, location: Any) -> dict[str, Any]:
    """The actor and location columns that mentions and events share (faceted and mapped)."""
    a1, a1c = _actor(actor1)
    a2, a2c = _actor(actor2)
    loc = _place(location)
    return {
        "actor1_name": a1,
        "actor1_country": a1c,
        "actor2_name": a2,
        "actor2_country": a2c,
        "location_name": loc["name"],
        "admin1": loc["admin1"],
        "country": loc["country"],
        "latitude": loc["lat"],
        "longitude": loc["lon"],
        "geo_precision": loc["precision"],
    }


def mention_row(mention: Mention) -> dict[str, Any]:
    """Row of the ``mentions`` table (``event_id`` is set later by ``replace_events``)."""
    date = mention.date
    return {
        "mention_id": mention.mention_id,
        "doc_id": mention.doc_id,
        "type": mention.type,
        "mode": mention.mode,
        "acled_event_type": mention.acled_event_type,
        "acled_sub_event_type": mention.acled_sub_event_type,
        "modality": mention.modality,
        "trigger_start": mention.trigger.start,
        "trigger_end": mention.trigger.end,
        "trigger_text": mention.trigger.text,
        "sentence_start": mention.sentence.start,
        "sentence_end": mention.sentence.end,
        "sentence_text": mention.sentence.text,
        **_who_where(mention.actor1, mention.actor2, mention.location),
        "date": date.date if date else None,
        "date_precision": date.precision if date else None,
        "killed": _best(mention.killed),
        "injured": _best(mention.injured),
        "claimant": (mention.claimant.name or mention.claimant.text) if mention.claimant else None,
        "confidence": mention.confidence,
        "data": dumps(mention.to_dict()),
    }


def _best(count: Any) -> int | None:
    if count is None:
        return None
    for value in (count.best, count.high, count.low):
        if value is not None:
            return int(value)
    return None


def row_to_mention(data_json: str) -> Mention:
    """Mention from its ``data`` JSON."""
    return Mention.from_dict(json.loads(data_json))


def event_row(event: Event) -> dict[str, Any]:
    """Row of the ``events`` table; ``data`` keeps the event with its mentions as ids only."""
    # Serialised without its mentions (stored in their own rows): copying every mention into a
    # dict only to replace the list by ids was most of the cost of writing an event.
    data = dataclasses.replace(event, mentions=[]).to_dict()
    data["mentions"] = [m.mention_id for m in event.mentions]
    fat, inj = event.fatalities, event.injured
    return {
        "event_id": event.event_id,
        "type": event.type,
        "mode": event.mode,
        "acled_event_type": event.acled_event_type,
        "acled_sub_event_type": event.acled_sub_event_type,
        "date": event.date,
        "date_precision": event.date_precision,
        **_who_where(event.actor1, event.actor2, event.location),
        "fatalities_low": fat.low if fat else None,
        "fatalities_best": fat.best if fat else None,
        "fatalities_high": fat.high if fat else None,
        "injured_low": inj.low if inj else None,
        "injured_best": inj.best if inj else None,
        "injured_high": inj.high if inj else None,
        "num_sources": len(event_sources(event)),
        "confidence": event.confidence,
        "data": dumps(data),
    }


def event_sources(event: Event) -> list[str]:
    """The documents that report ``event``: its ``sources``, else its mentions' documents."""
    if event.sources:
        return list(event.sources)
    return list(dict.fromkeys(m.doc_id for m in event.mentions))


def row_to_event(data_json: str, mentions: dict[str, Mention]) -> Event:
    """Event from its ``data`` JSON, mention ids replaced by the stored mentions."""
    data = json.loads(data_json)
    ids = data.pop("mentions", [])
    event = Event.from_dict(data)
    event.mentions = [mentions[i] for i in ids if i in mentions]
    return event


def claim_rows(event: Event) -> list[dict[str, Any]]:
    """Rows of the ``claims`` table for one event."""
    return [
        {"event_id": event.event_id, "claimant": c.claimant, "killed": c.killed,
         "injured": c.injured, "doc_id": c.doc_id, "quote": c.quote, "start": c.start,
         "end": c.end}
        for c in event.claims
    ]


def link_rows(event: Event, known_events: set[str]) -> list[dict[str, Any]]:
    """Rows of the ``links`` table; a cause outside ``known_events`` is kept with a null id."""
    return [
        {"event_id": event.event_id,
         "cause_event_id": link.cause_event_id if link.cause_event_id in known_events else None,
         "cue": link.cue, "doc_id": link.doc_id, "quote": link.quote, "start": link.start,
         "end": link.end, "cause_text": link.cause_text, "explicit": int(bool(link.explicit))}
        for link in event.caused_by
    ]
