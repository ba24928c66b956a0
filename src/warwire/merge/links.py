"""Cause and retaliation links: found between mentions of one article, lifted to events.

``find_cause_links`` looks, in each sentence that holds a mention, for an explicit cue
(:mod:`warwire.cues`), decides from the cue's direction which mention is the effect and which
the cause, and records a :class:`Link` on the effect mention. When the cause phrase holds no
mention of its own ("in retaliation for a missile attack the day before"), the phrase is kept as
``cause_text`` and resolved later, at merge time, to the event that best matches it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import MATERIAL_CONFLICT_TYPES, Article, Event, Link, Mention
from ..cues import ANAPHORIC, CAUSE_FIRST, EFFECT_FIRST, CueMatch, find_cues
from .dates import parse_interval
from .features import content_tokens, proper_names

__all__ = ["find_cause_links", "lift_links"]

#: How many characters after a cue the cause phrase may run when no clause boundary stops it.
CAUSE_PHRASE_MAX = 160

#: How many earlier sentences an anaphoric cue ("It retaliated …") may reach back for its cause.
ANAPHORA_SENTENCES = 2

#: Share of the cause phrase's content words a mention must hold to be taken as its event.
CAUSE_TEXT_MIN_OVERLAP = 0.34
#: Tie-breaker between events that fit a cause phrase equally: a bonus (well below one matching
#: word) that decays with the distance, in characters, of the act told before the cue.
RECENCY_BONUS = 0.2
RECENCY_CHARS = 1000.0

_CLAUSE_END = re.compile(r"[;:.!?]|\n|,\s+(?:which|while|but|and|as|saying|said)\b|\s+--?\s+")


def _phrase_after(sentence: str, pos: int) -> tuple[int, int]:
    m = _CLAUSE_END.search(sentence, pos)
    end = m.start() if m else len(sentence)
    return pos, min(end, pos + CAUSE_PHRASE_MAX)


def _phrase_before(sentence: str, pos: int) -> tuple[int, int]:
    start = 0
    for m in _CLAUSE_END.finditer(sentence, 0, pos):
        start = m.end()
    return start, pos


def _link(cue: CueMatch, effect: Mention, cause: Mention | None, cause_text: str | None,
          lo: int, hi: int, sentence_text: str, base: int) -> Link:
    """A link whose quote is the exact sentence stretch from ``lo`` to ``hi`` (sentence-relative)."""
    return Link(
        cue=cue.cue.name,
        quote=sentence_text[lo:hi],
        doc_id=effect.doc_id,
        start=base + lo,
        end=base + hi,
        cause_mention_id=cause.mention_id if cause is not None else None,
        cause_text=cause_text if cause is None else None,
        explicit=cue.cue.explicit,
    )


def find_cause_links(article: Article, mentions: Sequence[Mention]) -> None:
    """Fill ``Mention.cue_links`` of the effect mentions of ``article`` (in place).

    Offsets of the links are original-text offsets (the sentences' own offsets).
    """
    by_sentence: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        if m.doc_id == article.doc_id:
            by_sentence.setdefault((m.sentence.start, m.sentence.end), []).append(m)
    sentences = sorted(by_sentence)
    for si, key in enumerate(sentences):
        group = sorted(by_sentence[key], key=lambda m: (m.trigger.start, m.mention_id))
        base = key[0]
        text = group[0].sentence.text
        for cue in find_cues(text):
            cs, ce = base + cue.start, base + cue.end
            before = [m for m in group if m.trigger.end <= cs]
            after = [m for m in group if m.trigger.start >= ce]
            at = [m for m in group if m.trigger.start < ce and cs < m.trigger.end]
            if cue.cue.direction == ANAPHORIC:
                # "It retaliated with air strikes", "retaliatory strikes": the effect is the act at
                # or just after the cue; its cause was told in an earlier sentence.
                a0, a1 = _phrase_after(text, cue.end)
                near = [m for m in after if m.trigger.end <= base + a1]
                effect = (at or near or before[-1:] or [None])[0]
                if effect is None:
                    continue
                cause = _previous_sentence_cause(sentences, si, by_sentence, effect)
                if cause is not None:
                    lo = min(effect.trigger.start, cs) - base
                    hi = max(effect.trigger.end, ce) - base
                    _add(effect, _link(cue, effect, cause, None, lo, hi, text, base))
                continue
            if cue.cue.direction == EFFECT_FIRST:
                p0, p1 = _phrase_after(text, cue.end)
                causes = [m for m in after if m.trigger.end <= base + p1]
                effect = before[-1] if before else None
                if effect is None:  # "Iran's response to X was a missile attack": the predicate
                    effect, p1 = _predicate_effect(text, base, p0, p1, causes)
                    causes = [m for m in causes if m is not effect and m.trigger.end <= base + p1]
                if effect is None:  # "In response to X, Y …": the effect follows the clause
                    rest = [m for m in after if m.trigger.start >= base + p1]
                    effect = rest[0] if rest else None
                if effect is None:
                    continue
                cause = causes[0] if causes else None
                lo = min(effect.trigger.start - base, cue.start)
                hi = max(effect.trigger.end - base, p1)
                _add(effect, _link(cue, effect, cause, text[p0:p1].strip() or None, lo, hi, text, base))
            elif cue.cue.direction == CAUSE_FIRST:
                p0, p1 = _phrase_before(text, cue.start)
                cause = before[-1] if before else None
                a0, a1 = _phrase_after(text, cue.end)
                effects = [m for m in after if m.trigger.end <= base + a1]
                if not effects:
                    continue
                effect = effects[0]
                lo = min(p0, cause.trigger.start - base) if cause is not None else p0
                hi = effect.trigger.end - base
                _add(effect, _link(cue, effect, cause, text[p0:cue.start].strip() or None, lo, hi, text, base))


#: "(the response to X) was / came as / took the form of (Y)".
_COPULA = re.compile(r"\b(?:was|were|is|are|came\s+as|took\s+the\s+form\s+of)\b")
#: Words at most between the copula and the effect's trigger ("was a ballistic missile attack").
PREDICATE_WORDS = 4


def _predicate_effect(text: str, base: int, p0: int, p1: int,
                      causes: list[Mention]) -> tuple[Mention | None, int]:
    """In "X's response to CAUSE was EFFECT", the mention just after the copula is the effect
    and the cause phrase ends at the copula; (None, p1) when the phrase is not built so."""
    if not causes:
        return None, p1
    first_end = causes[0].trigger.end - base
    for cop in _COPULA.finditer(text, first_end, p1):
        for m in causes:
            rel = m.trigger.start - base
            if rel >= cop.end() and len(text[cop.end():rel].split()) <= PREDICATE_WORDS:
                return m, cop.start()
    return None, p1


def _previous_sentence_cause(sentences, si, by_sentence, effect: Mention) -> Mention | None:  # type: ignore[no-untyped-def]
    for back in range(1, ANAPHORA_SENTENCES + 1):
        if si - back < 0:
            return None
        cands = [
            m for m in by_sentence[sentences[si - back]]
            if m.type in MATERIAL_CONFLICT_TYPES and m.trigger.start < effect.trigger.start
        ]
        if cands:
            return max(cands, key=lambda m: (m.trigger.start, m.mention_id))
    return None


def _add(mention: Mention, link: Link) -> None:
    key = (link.cue, link.start, link.cause_mention_id, link.cause_text)
    if all((l.cue, l.start, l.cause_mention_id, l.cause_text) != key for l in mention.cue_links):
        mention.cue_links.append(link)


def _resolve_text(link: Link, effect: Event, candidates: list[Event]) -> Event | None:
    """The event whose mentions best match the cause phrase, dated no later than the effect."""
    words = content_tokens(link.cause_text or "")
    names = proper_names(link.cause_text or "")
    if not words:
        return None
    effect_iv = parse_interval(effect.date, effect.date_precision)
    best, best_score = None, 0.0
    for ev in candidates:
        if ev.event_id == effect.event_id:
            continue
        iv = parse_interval(ev.date, ev.date_precision)
        if effect_iv and iv and iv.start > effect_iv.end + 1:
            continue  # a cause cannot come after its effect
        score = 0.0
        for m in ev.mentions:
            # the act's word or its actor's ("to disperse the protesters": the protesters' act)
            trig = content_tokens(m.trigger.text + " " + (m.actor1.text if m.actor1 else ""))
            if not trig & words:
                continue
            sent = content_tokens(m.sentence.text) | trig
            s = len(words & sent) / len(words) + 0.5 * len(names & proper_names(m.sentence.text))
            s += 0.25 * (m.doc_id == link.doc_id)
            if m.doc_id == link.doc_id and link.start is not None and m.trigger.start <= link.start:
                # of two acts the phrase fits equally, the one just told is the one meant
                s += RECENCY_BONUS / (1.0 + (link.start - m.trigger.start) / RECENCY_CHARS)
            score = max(score, s)
        if score > best_score or (score == best_score and best and ev.event_id < best.event_id):
            best, best_score = ev, score
    return best if best_score >= CAUSE_TEXT_MIN_OVERLAP else None


def _overlap(a: Link, b: Link) -> bool:
    if None in (a.start, a.end, b.start, b.end):
        return a.quote == b.quote
    return a.start < b.end and b.start < a.end  # type: ignore[operator]


def lift_links(events: list[Event]) -> None:
    """Set ``Event.caused_by`` from the cue links of each event's mentions (in place)."""
    owner: dict[str, Event] = {}
    by_doc: dict[str, list[Event]] = {}
    for ev in events:
        for m in ev.mentions:
            owner[m.mention_id] = ev
            by_doc.setdefault(m.doc_id, [])
            if not by_doc[m.doc_id] or by_doc[m.doc_id][-1] is not ev:
                by_doc[m.doc_id].append(ev)
    for ev in events:
        links: dict[tuple, Link] = {}
        for m in sorted(ev.mentions, key=lambda m: (m.doc_id, m.trigger.start)):
            stated = [cl for cl in m.cue_links if cl.cause_mention_id in owner]
            for cl in m.cue_links:
                if cl.cause_mention_id is None and any(
                    o.cue == cl.cue and _overlap(o, cl) for o in stated
                ):
                    continue  # the cue's cause is a mention: no need to guess from the phrase
                cause = owner.get(cl.cause_mention_id or "")
                if cause is None and cl.cause_text:
                    same_doc = by_doc.get(cl.doc_id, [])
                    cause = _resolve_text(cl, ev, same_doc)
                    if cause is None:
                        other = {e.event_id: e for d in ev.sources for e in by_doc.get(d, [])}
                        cause = _resolve_text(cl, ev, [other[k] for k in sorted(other)])
                if cause is None or cause.event_id == ev.event_id:
                    continue
                key = (cause.event_id, cl.doc_id, cl.start)
                if key not in links:
                    links[key] = Link(
                        cue=cl.cue, quote=cl.quote, doc_id=cl.doc_id, start=cl.start, end=cl.end,
                        cause_mention_id=cl.cause_mention_id, cause_event_id=cause.event_id,
                        cause_text=cl.cause_text, explicit=cl.explicit,
                    )
        # an explicit statement of a link beats an implicit one for the same pair
        explicit_causes = {k[0] for k, l in links.items() if l.explicit}
        ev.caused_by = [
            l for k, l in sorted(links.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or 0))
            if l.explicit or k[0] not in explicit_causes
        ]
