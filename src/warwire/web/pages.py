"""What the event page and the escalation timeline show, as plain JSON-ready dicts.

Each page's HTML and its ``.json`` twin are rendered from the same context built here, so the two
never disagree. Queries go through Datasette's read-only connection (``Database.execute``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .highlight import passage

#: Default number of events on the timeline page: enough for a campaign or a season of a war,
#: small enough that the page renders in well under a second. ``?limit=`` raises it up to
#: :data:`TIMELINE_MAX`.
TIMELINE_LIMIT = 500

#: Hard cap for ``?limit=``: past a few thousand rows an HTML timeline is unreadable anyway and
#: the export or the table view is the right tool.
TIMELINE_MAX = 5000

#: How far a chain is followed from an event on its page (guards against long or cyclic chains).
CHAIN_DEPTH = 25

EVENT_SUMMARY_COLUMNS = (
    "event_id, type, mode, date, date_precision, actor1_name, actor1_country, actor2_name, "
    "actor2_country, location_name, admin1, country, latitude, longitude, geo_precision, "
    "fatalities_low, fatalities_best, fatalities_high, injured_low, injured_best, injured_high, "
    "num_sources, confidence"
)

MENTION_COLUMNS = (
    "m.mention_id, m.doc_id, m.type, m.mode, m.modality, m.trigger_start, m.trigger_end, "
    "m.trigger_text, m.sentence_start, m.sentence_end, m.sentence_text, m.claimant, m.killed, "
    "m.injured, d.title, d.outlet, d.published, d.url, d.original, d.republication_of"
)


@dataclass
class TimelineFilters:
    """Query-string filters of the timeline page."""

    country: str | None = None
    type: str | None = None
    since: str | None = None  # ISO date, inclusive (compared as text, so 2020-01 works)
    until: str | None = None  # ISO date, inclusive of every date that starts with it
    chains_only: bool = False
    limit: int = TIMELINE_LIMIT

    @classmethod
    def from_args(cls, args) -> TimelineFilters:  # type: ignore[no-untyped-def]
        """Read the filters from a request's query string (``request.args``)."""
        try:
            limit = int(args.get("limit") or TIMELINE_LIMIT)
        except ValueError:
            limit = TIMELINE_LIMIT
        return cls(
            country=args.get("country") or None,
            type=args.get("type") or None,
            since=args.get("since") or None,
            until=args.get("until") or None,
            chains_only=args.get("chains_only") in ("1", "true", "on"),
            limit=max(1, min(limit, TIMELINE_MAX)),
        )

    def where(self) -> tuple[str, list]:
        """SQL WHERE clause (possibly empty) and its parameters."""
        clauses, params = [], []
        if self.country:
            clauses.append("country = ?")
            params.append(self.country)
        if self.type:
            clauses.append("type = ?")
            params.append(self.type)
        if self.since:
            clauses.append("date >= ?")
            params.append(self.since)
        if self.until:
            # "until=2020-01" keeps 2020-01-31: compare against the prefix's upper bound.
            clauses.append("date <= ?")
            params.append(self.until + "\uffff")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def to_dict(self) -> dict:
        return {
            "country": self.country,
            "type": self.type,
            "since": self.since,
            "until": self.until,
            "chains_only": self.chains_only,
            "limit": self.limit,
        }


@dataclass
class Graph:
    """Cause links among a set of events: ``causes[e]`` answered by ``e``, ``effects[c]``."""

    causes: dict[str, list[dict]] = field(default_factory=dict)
    effects: dict[str, list[dict]] = field(default_factory=dict)

    @classmethod
    def from_links(cls, links: list[dict]) -> Graph:
        graph = cls()
        for link in links:
            graph.causes.setdefault(link["event_id"], []).append(link)
            graph.effects.setdefault(link["cause_event_id"], []).append(link)
        return graph


async def table_names(db) -> set[str]:  # type: ignore[no-untyped-def]
    """Tables present in the store (an empty or older store may lack some)."""
    return set(await db.table_names())


def _row(row) -> dict:  # type: ignore[no-untyped-def]
    return {k: row[k] for k in row.keys()}


async def event_context(db, event_id: str) -> dict | None:  # type: ignore[no-untyped-def]
    """Everything the event page shows about ``event_id``, or ``None`` when there is no such event.

    Keys: ``event`` (the row, without the bulky ``data``), ``claims`` (one per source figure),
    ``quotes`` (each mention's paragraph with quote and trigger offsets), ``caused_by`` and
    ``led_to`` (links with cue, quote and the other event's summary) and ``chain`` (the
    escalation chain through this event, oldest first).
    """
    tables = await table_names(db)
    if "events" not in tables:
        return None
    row = (await db.execute("SELECT * FROM events WHERE event_id = ?", [event_id])).first()
    if row is None:
        return None
    event = _row(row)
    data = _json(event.pop("data", None)) or {}
    return {
        "event": event,
        "claims": await _claims(db, tables, event_id, data),
        "quotes": await _quotes(db, tables, event_id, data),
        "caused_by": await _links(db, tables, event_id, direction="causes"),
        "led_to": await _links(db, tables, event_id, direction="effects"),
        "chain": await _chain(db, tables, event_id),
    }


def _json(text: str | None) -> dict | None:
    if not text:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


async def _claims(db, tables: set[str], event_id: str, data: dict) -> list[dict]:  # type: ignore[no-untyped-def]
    if "claims" in tables:
        rows = await db.execute(
            "SELECT c.claimant, c.killed, c.injured, c.doc_id, c.quote, c.start, c.\"end\", "
            "d.title, d.outlet, d.published FROM claims c LEFT JOIN documents d "
            "ON d.doc_id = c.doc_id WHERE c.event_id = ? ORDER BY d.published, c.doc_id, c.start",
            [event_id],
        )
        claims = [_row(r) for r in rows]
        if claims:
            return _with_wording(claims, data)
    return _with_wording([
        {k: c.get(k) for k in ("claimant", "killed", "injured", "doc_id", "quote", "start", "end")}
        for c in data.get("claims") or []
    ], data)


def _claim_key(c: dict) -> tuple:
    return (c.get("doc_id"), c.get("start"), c.get("end"), c.get("claimant"), c.get("killed"),
            c.get("injured"))


def _with_wording(claims: list[dict], data: dict) -> list[dict]:
    """Add ``killed_vague``/``injured_vague``: the wording of a claim that gives no number
    ("dozens"), read from the event JSON (the ``claims`` table keeps numbers only)."""
    wording: dict[tuple, tuple[str | None, str | None]] = {}
    for c in data.get("claims") or []:
        if not isinstance(c, dict):
            continue
        counts = [c.get(f"{which}_count") for which in ("killed", "injured")]
        words = tuple((x or {}).get("vague") if isinstance(x, dict) else None for x in counts)
        wording.setdefault(_claim_key(c), words)  # type: ignore[arg-type]
    for c in claims:
        c["killed_vague"], c["injured_vague"] = wording.get(_claim_key(c), (None, None))
    return claims


async def _quotes(db, tables: set[str], event_id: str, data: dict) -> list[dict]:  # type: ignore[no-untyped-def]
    """Each mention of the event with its paragraph; from ``mentions`` or else the event JSON."""
    mentions: list[dict] = []
    if "mentions" in tables:
        rows = await db.execute(
            f"SELECT {MENTION_COLUMNS} FROM mentions m JOIN documents d ON d.doc_id = m.doc_id "
            "WHERE m.event_id = ? ORDER BY d.published, m.doc_id, m.trigger_start",
            [event_id],
        )
        mentions = [_row(r) for r in rows]
    if not mentions and data.get("mentions"):
        mentions = await _mentions_from_data(db, data["mentions"])
    quotes = []
    for m in mentions:
        m["link"] = safe_link(m.get("url"))
        original = m.pop("original", None) or ""
        p = passage(
            m["doc_id"],
            original,
            (m.get("sentence_start"), m.get("sentence_end")),
            (m.get("trigger_start"), m.get("trigger_end")),
        )
        m["passage"] = p.to_dict() if p else None
        quotes.append(m)
    return quotes


def safe_link(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else ``None``: a document's URL comes from the input and
    a ``javascript:`` or ``data:`` URL must never become a link."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in ("http", "https") else None


async def _mentions_from_data(db, items: list) -> list[dict]:  # type: ignore[no-untyped-def]
    """Mentions listed in the event JSON when ``mentions.event_id`` is not filled in: mention ids
    (the store's form) or CONTRACTS §3 objects ``{doc_id, start, end, text}``."""
    out = []
    for item in items:
        if isinstance(item, str):
            row = (
                await db.execute(
                    f"SELECT {MENTION_COLUMNS} FROM mentions m JOIN documents d "
                    "ON d.doc_id = m.doc_id WHERE m.mention_id = ?",
                    [item],
                )
            ).first()
            if row is not None:
                out.append(_row(row))
            continue
        if not isinstance(item, dict):
            continue
        doc = (
            await db.execute(
                "SELECT title, outlet, published, url, original, republication_of FROM documents "
                "WHERE doc_id = ?",
                [item.get("doc_id")],
            )
        ).first()
        out.append(
            {
                "mention_id": item.get("mention_id"),
                "doc_id": item.get("doc_id"),
                "trigger_start": item.get("start"),
                "trigger_end": item.get("end"),
                "trigger_text": item.get("text"),
                **(_row(doc) if doc else {"original": ""}),
            }
        )
    return out


async def _links(db, tables: set[str], event_id: str, direction: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """Links whose effect (``causes``) or cause (``effects``) is ``event_id``, with the other
    event's summary under ``other``."""
    if "links" not in tables:
        return []
    mine, other = ("event_id", "cause_event_id") if direction == "causes" else ("cause_event_id", "event_id")
    rows = await db.execute(
        f"SELECT l.event_id, l.cause_event_id, l.cue, l.doc_id, l.quote, l.explicit, "
        f"e.type AS other_type, e.date AS other_date, e.location_name AS other_location, "
        f"e.actor1_name AS other_actor1, e.actor2_name AS other_actor2 "
        f"FROM links l LEFT JOIN events e ON e.event_id = l.{other} WHERE l.{mine} = ? "
        f"ORDER BY e.date",
        [event_id],
    )
    out = []
    for r in rows:
        link = _row(r)
        link["other_event_id"] = link[other]
        out.append(link)
    return out


async def _chain(db, tables: set[str], event_id: str) -> list[dict]:  # type: ignore[no-untyped-def]
    """The escalation chain through ``event_id``: its causes followed backwards and its effects
    forwards (breadth first, :data:`CHAIN_DEPTH` steps), as event summaries ordered by date."""
    if "links" not in tables:
        return []
    seen = {event_id}
    frontier = [event_id]
    for _ in range(CHAIN_DEPTH):
        if not frontier:
            break
        marks = ",".join("?" * len(frontier))
        rows = await db.execute(
            f"SELECT event_id, cause_event_id FROM links WHERE event_id IN ({marks}) "
            f"OR cause_event_id IN ({marks})",
            frontier + frontier,
        )
        nxt = []
        for r in rows:
            for eid in (r["event_id"], r["cause_event_id"]):
                if eid and eid not in seen:
                    seen.add(eid)
                    nxt.append(eid)
        frontier = nxt
    if len(seen) < 2:
        return []
    marks = ",".join("?" * len(seen))
    rows = await db.execute(
        f"SELECT {EVENT_SUMMARY_COLUMNS} FROM events WHERE event_id IN ({marks}) "
        "ORDER BY date IS NULL, date, event_id",
        sorted(seen),
    )
    return [_row(r) for r in rows]


async def timeline_context(db, filters: TimelineFilters) -> dict:  # type: ignore[no-untyped-def]
    """Events in date order with the cause links among them, grouped into escalation chains.

    Keys: ``filters``; ``chains`` (each a list of ``{"event", "depth", "link"}`` in reading order:
    a chain starts at an event that answers nothing shown, and every later event is indented under
    the event it answered, with the cue and quote of that link); ``events`` (all shown events by
    date, each with ``caused_by`` and ``led_to`` ids); ``truncated`` (the limit was reached).
    """
    tables = await table_names(db)
    if "events" not in tables:
        return {"filters": filters.to_dict(), "chains": [], "events": [], "truncated": False}
    where, params = filters.where()
    rows = await db.execute(
        f"SELECT {EVENT_SUMMARY_COLUMNS} FROM events{where} "
        "ORDER BY date IS NULL, date, event_id LIMIT ?",
        params + [filters.limit + 1],
    )
    events = [_row(r) for r in rows]
    truncated = len(events) > filters.limit
    events = events[: filters.limit]
    by_id = {e["event_id"]: e for e in events}
    links = await _links_among(db, tables, list(by_id))
    graph = Graph.from_links(links)
    for e in events:
        e["caused_by"] = [l["cause_event_id"] for l in graph.causes.get(e["event_id"], [])]
        e["led_to"] = [l["event_id"] for l in graph.effects.get(e["event_id"], [])]
    chains = build_chains(events, graph)
    if filters.chains_only:
        linked = {item["event"]["event_id"] for chain in chains for item in chain}
        events = [e for e in events if e["event_id"] in linked]
    return {"filters": filters.to_dict(), "chains": chains, "events": events, "truncated": truncated}


async def _links_among(db, tables: set[str], ids: list[str]) -> list[dict]:  # type: ignore[no-untyped-def]
    """Links whose two ends are both among ``ids`` (queried in slices under SQLite's variable
    limit)."""
    if "links" not in tables or not ids:
        return []
    wanted = set(ids)
    out = []
    step = 400  # 2 × 400 variables per query, far below SQLite's default limit
    for i in range(0, len(ids), step):
        part = ids[i : i + step]
        marks = ",".join("?" * len(part))
        rows = await db.execute(
            f"SELECT event_id, cause_event_id, cue, doc_id, quote FROM links "
            f"WHERE event_id IN ({marks})",
            part,
        )
        out.extend(_row(r) for r in rows if r["cause_event_id"] in wanted)
    return out


def build_chains(events: list[dict], graph: Graph) -> list[list[dict]]:
    """Escalation chains in reading order: depth-first from each root (an event that answers no
    shown event), children by date. An event that answers several events is placed under the
    first of them; cycles are cut where they close."""
    order = {e["event_id"]: i for i, e in enumerate(events)}
    by_id = {e["event_id"]: e for e in events}
    placed: set[str] = set()
    chains: list[list[dict]] = []

    def walk(eid: str, depth: int, link: dict | None, chain: list[dict]) -> None:
        placed.add(eid)
        chain.append({"event": by_id[eid], "depth": depth, "link": link})
        children = sorted(graph.effects.get(eid, []), key=lambda l: order.get(l["event_id"], 0))
        for child in children:
            if child["event_id"] in by_id and child["event_id"] not in placed:
                walk(child["event_id"], depth + 1, child, chain)

    for e in events:
        eid = e["event_id"]
        if eid in placed or not graph.effects.get(eid):
            continue
        if any(l["cause_event_id"] in by_id for l in graph.causes.get(eid, [])):
            continue  # not a root: it will be reached from its cause
        chain: list[dict] = []
        walk(eid, 0, None, chain)
        chains.append(chain)
    # Cycles have no root: start them at their earliest event.
    for e in events:
        eid = e["event_id"]
        if eid not in placed and (graph.effects.get(eid) or graph.causes.get(eid)):
            chain = []
            walk(eid, 0, None, chain)
            if len(chain) > 1:
                chains.append(chain)
    return chains
