"""``warwire eval events``: the seeds end to end — merged events against the gold events.

Runs :func:`warwire.pipeline.ingest` over ``corpus/seeds`` into a :class:`MemoryStore` and scores
the events against ``gold/seeds/events.jsonl`` with the gold README's "Suggested matching":

- a warwire event *reports* a gold event when one of its mentions' triggers overlaps one of the
  gold event's mention quotes (evidence overlap, so a merge error cannot hide behind a document);
- merge: the fraction of multi-article core events that are exactly one warwire event, and the
  number of warwire events that hold two core events;
- explicit cause links among core events (precision, recall, F1);
- for each core event's best warwire event (most overlapping mentions): location within 25 km
  (site/town gold), date compatible at the coarser precision, PLOVER type, and fatalities per claim.

It also measures the explicit cue detector (:mod:`warwire.cues`) on the Causal News Corpus
dev set (sentence level: does the sentence state a cause?).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..model import Event
from . import shared_dir

__all__ = ["evaluate", "score_events", "cue_scores", "details", "command"]

#: Distance under which a site/town location counts as right (the acceptance figure).
LOCATION_KM = 25.0


@dataclass
class GoldEvent:
    """The parts of a gold event the scorer uses."""

    event_id: str
    tier: str
    type: str
    date: str | None
    precision: str | None
    docs: set[str]
    spans: list[tuple[str, int, int]]
    location: dict | None
    quotes: list[str] = field(default_factory=list)
    fatalities: list[dict] = field(default_factory=list)
    caused_by: list[dict] = field(default_factory=list)


def load_gold(path: Path) -> list[GoldEvent]:
    """Read gold/seeds/events.jsonl."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        e = json.loads(line)
        out.append(GoldEvent(
            event_id=e["event_id"], tier=e.get("tier", "core"), type=e.get("plover_type", ""),
            date=e.get("date"), precision=e.get("date_precision"),
            docs=set(e.get("mentioned_in_docs") or []),
            spans=[(m["doc_id"], m["char_start"], m["char_end"]) for m in e.get("mentions", [])],
            location=e.get("location"), fatalities=e.get("fatalities") or [],
            caused_by=e.get("caused_by") or [],
            quotes=[m.get("quote", "") for m in e.get("mentions", [])],
        ))
    return out


def _dates_compatible(sys_date: str | None, sys_prec: str | None, gold: GoldEvent) -> bool:
    from ..merge.dates import parse_interval

    a = parse_interval(sys_date, sys_prec)
    b = parse_interval(gold.date, gold.precision)
    if a is None or b is None:
        return False
    return max(a.start, b.start) - min(a.end, b.end) <= 1


def _assign(events: list[Event], gold: list[GoldEvent], doc_map: dict[str, str]) -> dict[str, str]:
    """mention_id → the gold event whose evidence quote holds its trigger (a gold event of the
    mention's type first, then the shortest quote: a quote of one event may contain the trigger
    of another, "protesters outraged over the strikes")."""
    spans: dict[str, list[tuple[int, int, str, str]]] = {}
    # Only mentions of a type the gold codes as events can report one: an accusation ("blamed
    # Kata'ib Hizbullah for the attack") is a statement about the attack, a separate act that the
    # gold leaves out by design (README: statements, accusations are out of scope).
    coded = {g.type for g in gold}
    from ..merge.features import content_tokens, stem

    word_uses: dict[tuple[str, str], int] = {}
    for g in gold:
        for q in g.quotes:
            for w in content_tokens(q):
                word_uses[(g.event_id, w)] = word_uses.get((g.event_id, w), 0) + 1
    for g in gold:
        for d, gs, ge in g.spans:
            spans.setdefault(d, []).append((gs, ge, g.event_id, g.type))
    out: dict[str, str] = {}
    for ev in events:
        for m in ev.mentions:
            if m.type not in coded:
                continue
            s, e = m.trigger.start, m.trigger.end
            hits = [(gtype != m.type, ge - gs, gid)
                    for gs, ge, gid, gtype in spans.get(doc_map.get(m.doc_id, m.doc_id), [])
                    if s < ge and gs < e]
            if hits:
                best = min(hits)
                tied = [h[2] for h in hits if h[:2] == best[:2]]
                if len(tied) > 1:
                    # one quote of two events (a headline "US launches airstrikes in retaliation
                    # for Iraq missile attack"): the event whose other quotes use the trigger's word
                    word = stem(m.trigger.text.split()[-1]) if m.trigger.text.split() else ""
                    best = max(((word_uses.get((gid, word), 0), gid) for gid in tied), key=lambda p: (p[0], [-ord(c) for c in p[1]]))
                    out[m.mention_id] = best[1]
                else:
                    out[m.mention_id] = best[2]
    return out


def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_sys if n_sys else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_events(events: Iterable[Event], gold: list[GoldEvent], doc_map: dict[str, str] | None = None) -> dict:
    """Scores and a markdown table for ``events`` against ``gold`` (see the module docstring).

    ``doc_map`` maps warwire doc ids to the gold's (file stems); identity when absent.
    """
    from ..geo.build import haversine_km

    doc_map = doc_map or {}

    def gdoc(doc_id: str) -> str:
        return doc_map.get(doc_id, doc_id)

    events = sorted(events, key=lambda e: e.event_id)
    core = [g for g in gold if g.tier == "core"]
    assigned = _assign(events, gold, doc_map)
    reporting: dict[str, list[tuple[int, Event]]] = {}
    for g in core:
        hits = [(n, ev) for ev in events
                if (n := sum(assigned.get(m.mention_id) == g.event_id for m in ev.mentions))]
        reporting[g.event_id] = sorted(hits, key=lambda p: (-p[0], p[1].event_id))
    # merge
    multi = [g for g in core if len(g.docs) >= 2]
    exact_one = [g for g in multi if len(reporting[g.event_id]) == 1
                 and len(g.docs & {gdoc(d) for d in reporting[g.event_id][0][1].sources}) >= 2]
    found_multi = [g for g in multi
                   if len(g.docs & {gdoc(m.doc_id) for _, ev in reporting[g.event_id] for m in ev.mentions}) >= 2]
    exact_found = [g for g in found_multi if g in exact_one]
    # weaker: some warwire event joins mentions of g from at least two of its articles (the
    # cross-document merge happened), whatever stray fragments remain
    joined = [g for g in multi if any(
        len({gdoc(m.doc_id) for m in ev.mentions if assigned.get(m.mention_id) == g.event_id}) >= 2
        for _, ev in reporting[g.event_id])]
    owners: dict[str, set[str]] = {}
    for g in core:
        for _, ev in reporting[g.event_id]:
            owners.setdefault(ev.event_id, set()).add(g.event_id)
    shared = {e: gs for e, gs in owners.items() if len(gs) >= 2}
    # cause links among core events
    gold_links = {(g.event_id, c["event_id"]) for g in core for c in g.caused_by
                  if c.get("explicit") and c["event_id"] in {x.event_id for x in core}}
    sys_links: set[tuple[str, str]] = set()
    unmapped = 0
    by_id = {e.event_id: e for e in events}
    for ev in events:
        for link in ev.caused_by:
            if not link.explicit or link.cause_event_id not in by_id:
                continue
            effects, causes = owners.get(ev.event_id, set()), owners.get(link.cause_event_id or "", set())
            if not effects or not causes:
                unmapped += 1
            sys_links |= {(a, b) for a in effects for b in causes if a != b}
    lp, lr, lf = _prf(len(sys_links & gold_links), len(sys_links), len(gold_links))
    # attributes of the best event per core gold event
    matched = {g.event_id: reporting[g.event_id][0][1] for g in core if reporting[g.event_id]}
    date_ok = sum(_dates_compatible(matched[g.event_id].date, matched[g.event_id].date_precision, g)
                  for g in core if g.event_id in matched)
    type_ok = sum(matched[g.event_id].type == g.type for g in core if g.event_id in matched)
    precise = [g for g in core if g.location and g.location.get("precision") in ("site", "town")
               and g.location.get("lat") is not None]
    loc_ok = 0
    for g in precise:
        ev = matched.get(g.event_id)
        if ev and ev.location and ev.location.lat is not None and ev.location.lon is not None:
            d = haversine_km(ev.location.lat, ev.location.lon, g.location["lat"], g.location["lon"])  # type: ignore[index]
            loc_ok += d <= LOCATION_KM
    claims = [(g, c) for g in core for c in g.fatalities if c.get("killed") is not None]
    claim_ok = 0
    for g, c in claims:
        ev = matched.get(g.event_id)
        if ev and any(gdoc(cl.doc_id) == c["doc_id"] and cl.killed == c["killed"] for cl in ev.claims):
            claim_ok += 1
    n_matched = len(matched)
    scores = {
        "seeds_core_events_found": round(n_matched / len(core), 4) if core else 0.0,
        "seeds_multi_article_exactly_one": round(len(exact_one) / len(multi), 4) if multi else 0.0,
        "seeds_multi_article_exactly_one_of_found": round(len(exact_found) / len(found_multi), 4) if found_multi else 0.0,
        "seeds_multi_article_joined": round(len(joined) / len(multi), 4) if multi else 0.0,
        "seeds_events_with_two_core": float(len(shared)),
        "seeds_cause_links_precision": round(lp, 4),
        "seeds_cause_links_recall": round(lr, 4),
        "seeds_cause_links_f1": round(lf, 4),
        "seeds_location_25km": round(loc_ok / len(precise), 4) if precise else 0.0,
        "seeds_date_accuracy": round(date_ok / n_matched, 4) if n_matched else 0.0,
        "seeds_type_accuracy": round(type_ok / n_matched, 4) if n_matched else 0.0,
        "seeds_fatality_claims_recall": round(claim_ok / len(claims), 4) if claims else 0.0,
    }
    lines = [
        f"Seeds: {len(events)} warwire events; {len(core)} core gold events, {n_matched} reported by a warwire event.",
        "",
        "| measure | value |",
        "|---|---|",
        f"| multi-article core events that are exactly one warwire event | {len(exact_one)}/{len(multi)} |",
        f"| … of those whose mentions warwire found in ≥ 2 articles | {len(exact_found)}/{len(found_multi)} |",
        f"| … joined across ≥ 2 of their articles by one warwire event | {len(joined)}/{len(multi)} |",
        f"| warwire events holding two or more core events | {len(shared)} |",
        f"| explicit cause links among core events P/R/F1 | {lp:.2f}/{lr:.2f}/{lf:.2f} "
        f"({len(sys_links & gold_links)} right of {len(sys_links)} found, {len(gold_links)} gold; "
        f"{unmapped} links touch non-core events) |",
        f"| location within {LOCATION_KM:.0f} km (site/town core events) | {loc_ok}/{len(precise)} |",
        f"| date compatible (matched core events) | {date_ok}/{n_matched} |",
        f"| PLOVER type (matched core events) | {type_ok}/{n_matched} |",
        f"| fatality claims (same document, same killed figure) | {claim_ok}/{len(claims)} |",
    ]
    if shared:
        lines += ["", "Warwire events holding two core events: " + "; ".join(
            f"{e}: {', '.join(sorted(gs))}" for e, gs in sorted(shared.items()))]
    split = [g.event_id for g in multi if g not in exact_one]
    if split:
        lines += ["", "Multi-article core events not exactly one warwire event: " + ", ".join(
            f"{g} ({len(reporting[g])} events)" for g in split)]
    return {"scores": scores, "table": "\n".join(lines),
            "details": details(core, reporting, assigned, gdoc)}


def _place_text(ev: Event) -> str:
    loc = ev.location
    if loc is None:
        return "no location"
    where = f"{loc.lat:.2f},{loc.lon:.2f}" if loc.lat is not None and loc.lon is not None else "no point"
    return f"{loc.name or loc.text} ({loc.country or '?'}, {loc.precision or '?'}, {where})"


def details(core: list[GoldEvent], reporting: dict[str, list[tuple[int, Event]]],
            assigned: dict[str, str], gdoc) -> str:  # type: ignore[no-untyped-def]
    """Per core gold event, the warwire events holding its mentions: their date, place, type and
    the triggers of the mentions assigned to it (a ``*`` marks the best event, the one scored)."""
    lines = []
    for g in core:
        gloc = g.location or {}
        lines.append(f"{g.event_id} [{g.type} {g.date} {g.precision}] gold place: "
                     f"{gloc.get('name')} ({gloc.get('country_iso3')}, {gloc.get('precision')})")
        if not reporting[g.event_id]:
            lines.append("  (no warwire event)")
        for rank, (n, ev) in enumerate(reporting[g.event_id]):
            others = len(ev.mentions) - n
            lines.append(f"  {'*' if rank == 0 else ' '} {ev.event_id} {ev.type} {ev.date} "
                         f"{ev.date_precision}; {_place_text(ev)}; {n} mentions of it, {others} others")
            for m in ev.mentions:
                mark = "+" if assigned.get(m.mention_id) == g.event_id else "-"
                loc = m.location
                lines.append(f"      {mark} {gdoc(m.doc_id)[:3]}@{m.trigger.start} {m.type} "
                             f"{m.trigger.text!r} date={m.date.date if m.date else None} "
                             f"place={(loc.name or loc.text) if loc else None}")
    return "\n".join(lines)


def cue_scores(shared: Path) -> dict:
    """Sentence-level precision/recall of the cue detector on the CNC dev set: explicit cues
    only (what becomes an explicit link), and explicit plus temporal ("after", "following")."""
    from ..cues import find_cues

    path = Path(shared) / "dev" / "causal_news_corpus" / "dev" / "dev_subtask1.csv"
    counts = {"explicit": [0, 0, 0], "any": [0, 0, 0]}  # tp, fp, fn
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            cues = find_cues(row["text"])
            gold = row["label"].strip() == "1"
            for name, pred in (("explicit", any(c.cue.explicit for c in cues)), ("any", bool(cues))):
                c = counts[name]
                c[0] += pred and gold
                c[1] += pred and not gold
                c[2] += gold and not pred
    out = {}
    for name, (tp, fp, fn) in counts.items():
        p, r, f = _prf(tp, tp + fp, tp + fn)
        suffix = "" if name == "explicit" else "_with_temporal"
        out.update({f"cnc_cue_precision{suffix}": round(p, 4), f"cnc_cue_recall{suffix}": round(r, 4),
                    f"cnc_cue_f1{suffix}": round(f, 4)})
    return out


def evaluate(shared: Path, events: list[Event] | None = None, **options) -> dict:  # type: ignore[no-untyped-def]
    """Run the pipeline over the seeds (unless ``events`` are given) and score them."""
    shared = Path(shared)
    if events is None:
        from ..pipeline import ingest
        from ..store import open_store

        store = open_store(None)
        try:
            ingest([shared / "corpus" / "seeds"], store)
            events = list(store.iter_events())
            doc_map = {a.doc_id: Path(a.sources[0]).stem for a in store.iter_articles() if a.sources}
        finally:
            store.close()
    else:
        doc_map = options.get("doc_map") or {}
    result = score_events(events, load_gold(shared / "gold" / "seeds" / "events.jsonl"), doc_map)
    cues = cue_scores(shared)
    result["scores"].update(cues)
    result["table"] += (
        "\n\nCue detector on Causal News Corpus dev (is the sentence causal?): explicit cues "
        f"P {cues['cnc_cue_precision']:.2f}, R {cues['cnc_cue_recall']:.2f}, F1 {cues['cnc_cue_f1']:.2f}; "
        f"with temporal cues P {cues['cnc_cue_precision_with_temporal']:.2f}, "
        f"R {cues['cnc_cue_recall_with_temporal']:.2f}, F1 {cues['cnc_cue_f1_with_temporal']:.2f}"
    )
    return result


@click.command(name="events")
@click.option("--shared", "shared_path", type=click.Path(), default=None, help="../shared folder")
@click.option("--json", "as_json", is_flag=True, help="print the result as JSON")
@click.option("--details", "show_details", is_flag=True,
              help="also print, per core gold event, the warwire events holding its mentions")
def command(shared_path: str | None, as_json: bool, show_details: bool) -> None:
    """Seeds end to end: merge, cause links, place, date, type and casualty claims."""
    result = evaluate(shared_dir(shared_path))
    text = result.pop("details", "")
    if show_details:
        result["details"] = text
    click.echo(json.dumps(result, indent=2) if as_json else
               result["table"] + ("\n\n" + text if show_details else ""))
