"""Actors across the mentions of one article: back-references and countries.

Runs after every mention of an article is built (``nlp.extract``):

1. :func:`inherit_actors` gives a back-reference with no initiator ("the attack", "Wednesday's
   strike", "the Suleimani assassination") the initiator of the act it refers to;
2. :func:`place_countries` places actors without a country where they act (the gold's "based
   in" rule for non-state actors) and resolves unnamed coalitions by theatre;
3. :func:`same_head_countries` gives an unnamed actor the country of an earlier one written the
   same way ("thousands of protesters" … "The protesters").

Tokens are spaCy tokens; this module does not parse, it only reads what the parse gave.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Actor, Mention
from . import ActorMatch, load_dictionary
from .places import country_of_place

__all__ = ["ActContext", "inherit_actors", "place_countries", "same_head_countries",
           "INHERIT_SENTENCES", "ARTICLE_WIDE_INHERIT"]

#: A mention with no initiator of its own inherits the last same-type initiator named this many
#: sentences back at most ("The IRGC fired six missiles … The missiles hit …").
INHERIT_SENTENCES = 3
#: Types whose back-references inherit from anywhere earlier in the article: a report follows
#: one crowd ("the siege of the embassy", "the embassy protest" long after the protesters were
#: named), while attacks by several sides alternate.
ARTICLE_WIDE_INHERIT = frozenset({"PROTEST"})
#: NER labels of place names (as ``nlp.arguments.PLACE_LABELS``; actors do not import nlp).
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: ``separated(a, b)``: are the acts of trigger heads ``a`` and ``b`` of one sentence told as two
#: acts (a cause/time connective between them)? Given by the caller, which knows the parse rules.
Separated = Callable[[object, object], bool]


@dataclass
class ActContext:
    """What the extractor knows of a mention beyond the Mention itself."""

    sn: int  # sentence number in the article
    definite: bool  # a back-reference: "the attack", "these strikes", "the missiles hit"
    time_ref: str | None  # time word of a possessive back-reference ("Wednesday's attack")
    head: object  # the trigger's head token


#: Sectors of actors whose country, when the text names none, is where they are (the gold's
#: "based in" rule for non-state actors); state forces are never placed this way.
#: Unnamed state forces ("security forces", "the army") are placed in the country where they act
#: (they usually act at home) — but not aircraft, which so often fly across borders.
AIRCRAFT_WORDS = frozenset({"warplanes", "warplane", "jets", "jet", "aircraft", "planes", "plane",
                            "helicopters", "helicopter", "drones", "drone", "airstrikes",
                            "airstrike", "strikes", "missiles", "rockets"})
#: Only in texts this short (a report of one incident) are places of other sentences used.
SHORT_DOC_TOKENS = 120
PLACE_COUNTRY_SECTORS = frozenset({"REB", "UAF", "CVL", "JRN", "MED", "REL", "BUS", "NGO", None})


def _modifier_texts(ents: list) -> set[str]:
    """Entity texts the article uses mostly as modifiers ("US troops", "the US Embassy")."""
    uses = Counter((e.text, e.root.dep_ in ("compound", "amod", "poss")) for e in ents)
    return {t for (t, mod), n in uses.items() if mod and n > uses[(t, False)]}


def place_countries(mentions: list[Mention], doc, matches: list[ActorMatch], ents: list) -> None:  # type: ignore[no-untyped-def]
    """Give non-state actors without a country the country of the places around them, and
    unnamed coalitions their likely leader ("coalition airstrikes" in Yemen → Saudi-led)."""
    short = len(doc) <= SHORT_DOC_TOKENS
    doc_places = [e.text for e in ents if e.label_ in PLACE_LABELS
                  and e.root.dep_ not in ("compound", "amod", "poss")] if short else []
    if short:
        # NER misses many small towns ("Sirjan", "Idleb"): try proper nouns too.
        named = {i for a in matches for i in range(a.start, a.end)}
        run: list = []
        for t in [*doc, None]:
            if t is not None and t.i not in named and t.ent_type_ not in ("DATE", "TIME") and (
                t.pos_ == "PROPN" or (run and t.text in ("'", "’", "-") )
            ):
                run.append(t)
                continue
            if run:  # "Harf Sufyan", "Dar'a": the whole run first, then its words
                doc_places.append(doc[run[0].i:run[-1].i + 1].text)
                doc_places += [r.text for r in run if r.is_alpha and len(run) > 1]
            run = []
    # "the US Embassy", "Iraq's parliament": a place word used as a modifier says little
    # about where an actor is based.
    # A place text counts as a mere modifier when the article mostly uses it so ("US troops",
    # "the US Embassy"); one "Baghdad's airport" does not stop "in Baghdad" from placing actors.
    modifiers: set[str] | None = None  # computed for the first actor that needs it (few do)
    d = load_dictionary()
    for m in mentions:
        for actor in (m.actor1, m.actor2):
            if actor is None or actor.country:
                continue
            entry = d.by_name.get(actor.name) if actor.name else None
            head = (actor.text.split() or [""])[-1].lower()
            domestic = actor.sector in ("MIL", "COP", "GOV") and head not in AIRCRAFT_WORDS
            if entry is None and actor.sector not in PLACE_COUNTRY_SECTORS and not domestic:
                continue
            if entry is not None and not entry.by_place_country and entry.sector not in PLACE_COUNTRY_SECTORS:
                continue
            country = None
            if modifiers is None:
                modifiers = _modifier_texts(ents)
            for text in [p.text for p in m.places if p.text not in modifiers] + doc_places:
                country = country_of_place(text)
                if country:
                    break
            if country is None:
                continue
            if entry is not None and entry.by_place_country:
                leader = dict(entry.by_place_country).get(country)
                if leader and leader in d.by_name:
                    lead = d.by_name[leader]
                    actor.name, actor.country, actor.sector = lead.name, lead.country, lead.sector
                continue
            actor.country = country


def _same_time(m: Mention, d: ActContext, before: list[Mention], contexts: list[ActContext]) -> Mention | None:
    """An earlier mention of the same type, in an earlier sentence, whose time words include
    the time word of the back-reference ``d`` ("on Wednesday" for "Wednesday's")."""
    assert d.time_ref is not None
    hits = [k for k, o in enumerate(before) if o.type == m.type and contexts[k].sn < d.sn and any(
        d.time_ref in t.text.lower().split() for t in o.times)]
    if not hits:
        return None
    # the time word may be a reporting date ("Esper told reporters Thursday …"): the latest act
    # of that day with a known initiator, else the latest act of that day (no initiator)
    known = [k for k in hits if before[k].actor1 is not None and before[k].actor1.country]
    return before[known[-1] if known else hits[-1]]


def _target_key(actor: Actor | None) -> str | None:
    """A target that identifies its act across mentions: a person known to the dictionary (a
    person is killed once; a state, group or town is attacked by many)."""
    if actor is None or not actor.name:
        return None
    entry = load_dictionary().by_name.get(actor.name)
    return actor.name if entry is not None and entry.kind == "person" else None


@dataclass
class _Source:
    """An initiator that later back-references may take: where it was told and by which act."""

    sn: int
    actor: Actor
    context: ActContext


def _lends_to(src: _Source, m: Mention, d: ActContext, separated: Separated) -> bool:
    """May ``src`` lend its initiator to the back-reference ``m`` (draft ``d``)?

    Within one sentence only when no cause/time connective separates the two acts ("missiles
    rained down … to avenge the murder of …" are two acts); never to an act on the lender's
    own country ("the coordinated attack on two US facilities" after US strikes).
    """
    if d.sn == src.sn and separated(src.context.head, d.head):
        return False
    target = m.actor2.country if m.actor2 is not None else None
    return not (target and target == src.actor.country)


def inherit_actors(mentions: list[Mention], contexts: list[ActContext], separated: Separated) -> None:
    """Fill a missing actor1 from another asserted mention of the same act.

    1. the same type done to the same person anywhere in the article ("the January 3 US drone
       assassination of Suleimani" … "the Suleimani assassination");
    2. a back-reference with a time possessive ("Wednesday's attack") takes the act told with
       that time word ("rockets hit the camp on Wednesday"), even when it has no initiator;
    3. another back-reference ("the attack", "the missiles hit") takes the last same-type
       initiator of the previous ``INHERIT_SENTENCES`` sentences (of the article for
       :data:`ARTICLE_WIDE_INHERIT` types), see :func:`_lends_to`; an inherited initiator is
       lent on in turn ("the strikes … the strikes … Today's strikes").

    Only asserted acts lend: a vowed or hypothetical act's subject did nothing yet.
    """
    last: dict[str, _Source] = {}
    by_target: dict[tuple[str, str], Actor] = {}
    for m in mentions:  # the whole article: a lede may name the victim before the full account
        key = _target_key(m.actor2)
        if key is not None and m.asserted and m.actor1 is not None and m.actor1.country:
            by_target.setdefault((m.type, key), m.actor1)
    for i, (m, d) in enumerate(zip(mentions, contexts)):
        if m.actor1 is not None:
            if m.actor1.country and m.asserted:
                last[m.type] = _Source(d.sn, m.actor1, d)
            continue
        key = _target_key(m.actor2)
        src = by_target.get((m.type, key)) if key is not None else None
        dated = _same_time(m, d, mentions[:i], contexts) if d.time_ref and src is None else None
        if dated is not None:
            src = dated.actor1
        prev = last.get(m.type)
        if src is None and dated is None and d.definite and prev is not None and _lends_to(prev, m, d, separated) and (
                d.sn - prev.sn <= INHERIT_SENTENCES or m.type in ARTICLE_WIDE_INHERIT):
            src = prev.actor
        if src is None:
            continue
        m.actor1 = Actor(**src.to_dict())
        m.confidence = round(max(0.05, m.confidence - 0.05), 2)
        if m.actor1.country and m.asserted:
            last[m.type] = _Source(d.sn, m.actor1, d)
            if key is not None:
                by_target.setdefault((m.type, key), m.actor1)


def same_head_countries(mentions: list[Mention]) -> None:
    """An unnamed actor without a country takes the country of the last earlier unnamed actor
    written the same way ("thousands of protesters" in Baghdad … "The protesters managed to
    storm …" → the same Iraqi protesters)."""
    seen: dict[str, str] = {}
    for m in mentions:
        for actor in (m.actor1, m.actor2):
            if actor is None or actor.name:
                continue
            key = actor.text.lower().removeprefix("the ").strip()
            if actor.country:
                seen[key] = actor.country
            elif key in seen:
                actor.country = seen[key]
