"""Escalation chains: what an event answered (backwards) and what answered it (forwards)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Event, Link

__all__ = ["Chain", "ChainStep", "escalation_chain", "format_chain"]

#: How many links a chain follows each way: escalation sequences in the news are short, and a
#: bound keeps a cyclic or very dense link graph from printing forever.
MAX_DEPTH = 25


@dataclass
class ChainStep:
    """One event in a chain, with the link that ties it to its neighbour (None for the focus)."""

    event: Event
    depth: int  # negative: a cause (backwards); 0: the focus; positive: a response
    link: Link | None = None


@dataclass
class Chain:
    """The focus event with its causes and responses, ordered as a timeline."""

    focus: Event
    steps: list[ChainStep] = field(default_factory=list)


def escalation_chain(event_id: str, events: Iterable[Event], max_depth: int = MAX_DEPTH) -> Chain:
    """Walk ``caused_by`` links back and forth from ``event_id``. Raises KeyError if unknown."""
    by_id = {e.event_id: e for e in events}
    focus = by_id[event_id]
    answered_by: dict[str, list[tuple[Event, Link]]] = {}
    for ev in by_id.values():
        for link in ev.caused_by:
            if link.cause_event_id:
                answered_by.setdefault(link.cause_event_id, []).append((ev, link))
    steps = [ChainStep(focus, 0)]
    seen = {event_id}
    frontier: list[tuple[Event, int]] = [(focus, 0)]
    while frontier:  # backwards: the causes of causes
        ev, depth = frontier.pop(0)
        if -depth >= max_depth:
            continue
        for link in ev.caused_by:
            cause = by_id.get(link.cause_event_id or "")
            if cause is not None and cause.event_id not in seen:
                seen.add(cause.event_id)
                steps.append(ChainStep(cause, depth - 1, link))
                frontier.append((cause, depth - 1))
    frontier = [(focus, 0)]
    while frontier:  # forwards: the responses to responses
        ev, depth = frontier.pop(0)
        if depth >= max_depth:
            continue
        for resp, link in sorted(answered_by.get(ev.event_id, []), key=lambda p: p[0].event_id):
            if resp.event_id not in seen:
                seen.add(resp.event_id)
                steps.append(ChainStep(resp, depth + 1, link))
                frontier.append((resp, depth + 1))
    steps.sort(key=lambda s: (s.depth, s.event.date or "", s.event.event_id))
    return Chain(focus, steps)


def _place(ev: Event) -> str:
    loc = ev.location
    if loc is None:
        return "place unknown"
    name = loc.name or loc.text
    return f"{name} ({loc.country})" if loc.country and loc.country not in name else name


def _actors(ev: Event) -> str:
    a1 = (ev.actor1.name or ev.actor1.text) if ev.actor1 else "?"
    a2 = (ev.actor2.name or ev.actor2.text) if ev.actor2 else None
    return f"{a1} → {a2}" if a2 else a1


def format_chain(chain: Chain) -> str:
    """A readable timeline: one block per event, with the cue and quote that tie it in."""
    lines = []
    for step in chain.steps:
        ev = step.event
        marker = ">>" if step.depth == 0 else ("<-" if step.depth < 0 else "->")
        mode = f"/{ev.mode}" if ev.mode else ""
        killed = ""
        if ev.fatalities is not None:
            f = ev.fatalities
            killed = f", killed {f.best}" + (f" ({f.low}–{f.high})" if f.low != f.high else "")
        lines.append(
            f"{marker} {ev.date or 'date unknown'} [{ev.date_precision or '?'}] {ev.type}{mode} "
            f"at {_place(ev)}: {_actors(ev)}{killed} — {ev.event_id}, {len(ev.sources)} source(s)"
        )
        if step.link is not None:
            explicit = "" if step.link.explicit else " (implicit)"
            relation = "answered by the next" if step.depth < 0 else "answering the previous"
            lines.append(f"     {relation}: \"{step.link.cue}\"{explicit} in {step.link.doc_id}: "
                         f"“{' '.join(step.link.quote.split())}”")
    if len(chain.steps) == 1:
        lines.append("   (no cause or response links recorded for this event)")
    return "\n".join(lines)
