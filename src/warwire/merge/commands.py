"""``warwire cluster`` (CONTRACTS §6) and ``warwire chain EVENT_ID``: thin commands over the merge."""

from __future__ import annotations

import json
import sys

import click

from ..cli import default_db

__all__ = ["cluster", "chain"]


@click.command()
@click.option("--no-lemmas", is_flag=True,
              help="Use the fast built-in stemmer instead of loading spaCy for lemmas.")
@click.option("--doc-threshold", type=float, default=None,
              help="Document similarity above which documents of a group form one sub-topic "
                   "(default 0.08 with spaCy, 0.13 with --no-lemmas).")
def cluster(no_lemmas: bool, doc_threshold: float | None) -> None:
    """JSONL event mentions on stdin → JSONL {mention_id, cluster_id} on stdout (CONTRACTS §6).

    Each input line: {"mention_id", "doc_id", "text", "start", "end", "published", "group"};
    mentions of different groups are never clustered together. Exit 1 if a line was malformed
    (reported on stderr; the other lines are still clustered).
    """
    from .textcluster import ClusterOptions
    from .textcluster import cluster as run_cluster

    records, bad = [], 0
    for n, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            if not isinstance(rec, dict):
                raise ValueError("not a JSON object")
            for name in ("mention_id", "doc_id", "start", "end"):
                if name not in rec:
                    raise ValueError(f"missing {name!r}")
            int(rec["start"]), int(rec["end"])
        except (ValueError, TypeError) as exc:
            click.echo(f"warwire: rejected line {n}: {exc}", err=True)
            bad += 1
            continue
        records.append(rec)
    options = ClusterOptions()
    if doc_threshold is not None:
        options.doc_threshold = doc_threshold
    nlp = None
    if not no_lemmas and records:
        from ..errors import ModelNotInstalled
        from ..nlp.loading import load_nlp

        try:
            nlp = load_nlp()
        except ModelNotInstalled as exc:
            click.echo(f"warwire: {exc}; using the built-in stemmer", err=True)
    for row in run_cluster(records, options, nlp=nlp):
        click.echo(json.dumps(row, ensure_ascii=False))
    sys.exit(1 if bad else 0)


@click.command()
@click.argument("event_id")
@click.option("--db", "db", default=default_db, show_default="$WARWIRE_DB or ./warwire.db",
              help="The store (SQLite file).")
@click.option("--json", "as_json", is_flag=True, help="Print the chain as JSON lines.")
def chain(event_id: str, db: str, as_json: bool) -> None:
    """Print the escalation chain of EVENT_ID: what it answered, and what answered it."""
    from ..store.commands import open_existing_store
    from .chain import escalation_chain, format_chain

    store = open_existing_store(db)
    try:
        events = list(store.iter_events())
    finally:
        store.close()
    try:
        result = escalation_chain(event_id, events)
    except KeyError:
        raise click.UsageError(f"no event {event_id!r} in {db}") from None
    if as_json:
        for step in result.steps:
            click.echo(json.dumps({
                "depth": step.depth, "event_id": step.event.event_id, "date": step.event.date,
                "type": step.event.type, "cue": step.link.cue if step.link else None,
                "quote": step.link.quote if step.link else None,
                "doc_id": step.link.doc_id if step.link else None,
            }, ensure_ascii=False))
    else:
        click.echo(format_chain(result))
