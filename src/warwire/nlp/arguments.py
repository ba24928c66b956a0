"""Participants, place words and time words of a trigger, read from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from ..actors import ActorMatch, load_dictionary, resolve_actor
from .triggers import _stems

__all__ = ["ArgTokens", "find_arguments", "actor_span", "place_role", "PLACE_LABELS",
           "TIME_LABELS"]

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
TIME_LABELS = frozenset({"DATE", "TIME"})

#: Prepositions that introduce the target of an attack ("strikes on X", "fired at X").
TARGET_PREPS = frozenset({"on", "against", "at", "upon", "targeting", "into", "onto", "in", "near",
                          "inside", "outside", "around", "across", "over"})
#: Prepositions that introduce the target of a *nominal* attack only (not its location).
ACTOR2_PREPS = frozenset({"on", "against", "at", "upon", "targeting", "with", "of", "toward",
                          "towards"})
#: Nouns that are places even when NER misses them ("the village of X", "a base").
PLACE_NOUNS = frozenset({"village", "town", "city", "area", "district", "province", "region",
                         "neighborhood", "neighbourhood", "base", "camp", "airport", "border",
                         "outskirts", "countryside", "desert", "mountain", "governorate",
                         "compound", "facility", "embassy", "site", "suburb", "road", "highway",
                         "market", "hospital", "school", "mosque", "street", "square"})
#: Nouns that name a weapon or means, not a participant ("fired missiles", "a bomb killed").
MEANS_NOUNS = frozenset({"missile", "rocket", "shell", "mortar", "bomb", "drone", "ied",
                         "explosion", "blast", "device", "grenade", "bullet", "airstrike",
                         "strike", "attack", "raid", "fire", "gunfire", "artillery", "round",
                         "projectile", "mine", "landmine", "shelling", "barrage", "salvo",
                         "car", "vehicle", "weapon"})
#: Head nouns that stand for their operators ("warplanes struck" → whoever flies them).
OPERATED_NOUNS = frozenset({"warplane", "jet", "aircraft", "helicopter", "plane", "drone",
                            "gunboat", "tank", "artillery", "warship", "bomber"})
#: Pronoun/relative subjects we resolve to their antecedent head noun.
RELATIVES = frozenset({"who", "which", "that"})
#: Longest actor phrase kept as evidence (longer subtrees are cut to head's left part).
MAX_ACTOR_TOKENS = 14
#: Verbs of harm whose subject is the victim of the act they are "in" ("Soleimani was killed in a
#: drone strike", "two guards died in the attack"): that subject is the act's target.
HARM_VERBS = frozenset({"kill", "slay", "die", "wound", "injure", "hurt", "martyr", "assassinate",
                        "murder", "perish"})
#: Prepositions that tie a victim's verb to the act ("killed in", "wounded during", "died by").
HARM_PREPS = frozenset({"in", "during", "by"})


@dataclass
class ArgTokens:
    """Head tokens found for a trigger's arguments (None when absent)."""

    actor1: object | None = None
    actor2: object | None = None


def is_light(tok, light_verbs: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    """Is ``tok`` a light verb ("carried out", "waged"), even when the lemmatizer slipped?"""
    return tok.lemma_.lower() in light_verbs or any(s in light_verbs for s in _stems(tok.lower_))


def _pobj(prep):  # type: ignore[no-untyped-def]
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def _subject_up(tok):  # type: ignore[no-untyped-def]
    """Subject of the clause governing ``tok``: through xcomp/conj/advcl chains ("claimed to
    have killed", "shelled X, killing Y", "fired and struck")."""
    node = tok
    for _ in range(4):
        subj = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
        if subj is not None:
            if subj.lower_ in RELATIVES and node.dep_ == "relcl":
                return node.head
            return subj
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None and _pobj(agent) is not None:
            return _pobj(agent)
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp") and node.head is not node:
            if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
                return None
            node = node.head
            continue
        if node.dep_ in ("relcl", "acl") and node.tag_ in ("VBN",):
            return None
        return None
    return None


def _named(tok, matches) -> bool:  # type: ignore[no-untyped-def]
    """True when a dictionary actor/state match lies inside the subtree of ``tok``."""
    lo, hi = tok.left_edge.i, tok.right_edge.i
    return any(lo <= m.start and m.end - 1 <= hi for m in matches)


#: Two-sided acts: the sides may be given as "between A and B" or "A … clash with B".
SYMMETRIC = frozenset({"clash", "fight", "fighting", "battle", "confrontation", "exchange",
                       "skirmish", "firefight", "gunfight", "shootout"})


def _symmetric(t, args: ArgTokens) -> None:  # type: ignore[no-untyped-def]
    """Sides of a clash: "clashes between A and B", "clashes took place between A and B",
    "7 soldiers were killed during a clash with X" (the soldiers' side is actor1)."""
    holders = [t]
    if t.dep_ in ("nsubj", "nsubjpass", "dobj"):
        holders.append(t.head)
    for h in holders:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                a = _pobj(c)
                if a is not None:
                    args.actor1 = args.actor1 or a
                    b = next(iter(a.conjuncts), None)
                    if b is not None and args.actor2 is None:
                        args.actor2 = b
                    elif args.actor2 is None:
                        nxt = next((g for g in h.children if g.dep_ == "prep" and g.lower_ in (
                            "against", "with")), None)
                        args.actor2 = _pobj(nxt) if nxt is not None else None
                    return
            if c.dep_ == "prep" and c.lower_ in ("with", "against") and args.actor2 is None:
                args.actor2 = _pobj(c)
    if args.actor1 is None and t.dep_ == "pobj" and t.head.head.pos_ in ("VERB", "AUX"):
        verb = t.head.head
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ not in RELATIVES:
            args.actor1 = subj


def find_arguments(trigger, light_verbs: frozenset[str], matches=()) -> ArgTokens:  # type: ignore[no-untyped-def]
    """Heads of actor1 (initiator) and actor2 (target) of a trigger token.

    ``matches``: actor-dictionary hits of the doc, used to recognise named modifiers
    ("Saudi-led coalition airstrikes").
    """
    args = ArgTokens()
    t = trigger
    verbal = (t.pos_ in ("VERB", "ADJ") or t.tag_.startswith("VB")) and not (
        t.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "compound")
        and t.tag_ != "VBG")
    if verbal:
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children)
        if passive:
            agent = next((c for c in t.children if c.dep_ == "agent"), None)
            args.actor1 = _pobj(agent) if agent is not None else None
            args.actor2 = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
        else:
            args.actor1 = _subject_up(t)
            args.actor2 = next((c for c in t.children if c.dep_ == "dobj"), None)
        if t.dep_ in ("acl", "relcl") and t.tag_ == "VBD" and args.actor1 is None:
            args.actor1 = t.head  # a finite verb misparsed as a modifier: "helicopters bombed"
        if t.dep_ == "acl" and t.tag_ == "VBN":  # "missiles fired by the IRGC", "troops killed"
            if args.actor2 is None and args.actor1 is not None:
                pass
            elif args.actor1 is None:
                args.actor2 = t.head if t.head.lemma_.lower() not in MEANS_NOUNS else None
        if args.actor2 is not None and args.actor2.lemma_.lower() in MEANS_NOUNS:
            args.actor2 = None
        if args.actor2 is None:
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "upon", "with", "targeting"):
                    args.actor2 = _pobj(c)
                    if args.actor2 is not None:
                        break
        if args.actor2 is None:
            # "fired missiles at X", "launched strikes against X"
            for obj in (c for c in t.children if c.dep_ == "dobj"):
                for c in obj.children:
                    if c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "upon", "targeting"):
                        args.actor2 = _pobj(c)
    else:
        # nominal trigger
        for c in t.children:
            if c.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY"):
                continue
            if c.dep_ == "poss":
                args.actor1 = c
            elif c.dep_ in ("compound", "amod", "nmod", "npadvmod") and args.actor1 is None and (
                c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN"
                or _named(c, matches)
            ):
                args.actor1 = c
            elif c.dep_ == "acl" and args.actor1 is None:
                # "an airstrike carried out by coalition forces", "a raid launched by X"
                agent = next((g for g in c.children if g.dep_ == "agent"), None)
                if agent is not None and _pobj(agent) is not None:
                    args.actor1 = _pobj(agent)
            elif c.dep_ == "prep" and c.lower_ == "by":
                args.actor1 = _pobj(c) or args.actor1
            elif c.dep_ == "prep" and c.lower_ in ACTOR2_PREPS and args.actor2 is None:
                args.actor2 = _pobj(c)
            elif c.dep_ == "prep" and c.lower_ == "from" and args.actor1 is None:
                src = _pobj(c)
                if src is not None and src.ent_type_ not in PLACE_LABELS:
                    args.actor1 = src
        if args.actor1 is None:
            # a name among the pre-modifiers: "Two Saudi-led coalition airstrikes"
            for m in matches:
                if t.left_edge.i <= m.start and m.end <= t.i and m.role != "demonym":
                    args.actor1 = t.doc[m.end - 1]
                    break
        if args.actor1 is None and t.dep_ == "pobj" and t.head.lower_ == "under":
            # "came under siege by protesters", "came under fire from militants"
            for holder in (t, t.head.head):
                for c in holder.children:
                    if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from") and _pobj(c) is not None:
                        args.actor1 = _pobj(c)
                        break
                if args.actor1 is not None:
                    break
        gov = t.head
        if args.actor1 is None and gov is not t and t.dep_ in ("dobj", "attr", "pobj", "nsubjpass") and (
            is_light(gov, light_verbs) or gov.pos_ == "VERB"
        ):
            verb = gov if t.dep_ != "pobj" else gov.head
            if verb.pos_ in ("VERB", "AUX") and (is_light(verb, light_verbs) or verb.lemma_ in ("be", "conduct")):
                args.actor1 = _subject_up(verb)
                if args.actor1 is None:
                    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                    args.actor1 = _pobj(agent) if agent is not None else None
    if t.lemma_.lower() in SYMMETRIC and (args.actor1 is None or args.actor2 is None):
        _symmetric(t, args)
    if args.actor1 is not None and args.actor1.lower_ in RELATIVES:
        args.actor1 = args.actor1.head.head if args.actor1.head.dep_ == "relcl" else None
    # A date is never a participant ("the September 22 attack", "a strike on 3rd January"):
    # NER's DATE/TIME entities are dropped. (A bare number may be one: "2 were wounded".)
    if _temporal(args.actor1):
        args.actor1 = None
    if _temporal(args.actor2):
        args.actor2 = None
    if args.actor2 is None and not verbal:
        args.actor2 = _victim(t)
    return args


def _temporal(tok) -> bool:  # type: ignore[no-untyped-def]
    return tok is not None and tok.ent_type_ in TIME_LABELS


def _victim(t):  # type: ignore[no-untyped-def]
    """The victim of a nominal act named in a harm frame: "X was killed in a drone strike",
    "X died in the attack" → X (the subject of the harm verb the act is "in")."""
    if t.dep_ != "pobj" or t.head.lower_ not in HARM_PREPS:
        return None
    verb = t.head.head
    if verb.lemma_.lower() not in HARM_VERBS or verb.pos_ not in ("VERB", "AUX"):
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")), None)
    if subj is not None and subj.like_num:  # "two of his guards died in the attack"
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        subj = _pobj(of) if of is not None else subj
    if subj is None or subj.lower_ in RELATIVES or subj.pos_ == "PRON" or _temporal(subj):
        return None
    return subj


def actor_span(head, doc_matches: list[ActorMatch]) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Token span [start, end) used as the evidence for an actor headed by ``head``."""
    sub = list(head.subtree)
    start, end = sub[0].i, sub[-1].i + 1
    # Cut relative clauses, appositions in commas and trailing participial phrases.
    for c in head.children:
        if c.i > head.i and c.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj", "appos",
                                         "prep") and c.lower_ not in ("of", "-") and not (
            c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")
        ):
            end = min(end, c.left_edge.i)
        if c.dep_ == "prep" and c.lower_ == "of" and c.i > head.i:
            obj = _pobj(c)
            if obj is not None and not any(m.start <= obj.i < m.end for m in doc_matches):
                end = min(end, c.i) if head.lemma_.lower() not in ("member", "fighter", "force", "unit") else end
    if end - start > MAX_ACTOR_TOKENS:
        start = max(start, head.i - MAX_ACTOR_TOKENS + 1)
        end = min(end, head.i + 1)
    if end <= start:
        start, end = head.i, head.i + 1
    # Leading determiners are not part of the name.
    while start < head.i and head.doc[start].dep_ in ("det", "punct", "cc") and head.doc[start].lower_ in (
        "the", "a", "an", ",", "(", "and", "or"
    ):
        start += 1
    return start, end


def resolve(head, doc_matches: list[ActorMatch]):  # type: ignore[no-untyped-def]
    """(start, end, name, country, sector, backer) for an actor head token."""
    start, end = actor_span(head, doc_matches)
    for m in doc_matches:  # a name whose tokens are siblings in the parse ("Saudi-led coalition")
        if m.start <= head.i < m.end:
            start, end = min(start, m.start), max(end, m.end)
    name, country, sector, backer = resolve_actor(head.doc, start, end, doc_matches, head)
    if country is None and name is None:
        # "Warplanes, likely regime or Russian, …": qualifiers set off by commas
        sub = list(head.subtree)
        if len(sub) <= MAX_ACTOR_TOKENS:
            n2, c2, s2, b2 = resolve_actor(head.doc, sub[0].i, sub[-1].i + 1, doc_matches, head)
            name, country, sector, backer = n2, c2, sector or s2, backer or b2
    if country is None and sector is None and head.lemma_.lower() in OPERATED_NOUNS:
        sector = "MIL"
    if sector is None:
        sector = load_dictionary().sector_of_noun(head.lemma_)
    return start, end, name, country, sector, backer


def place_role(place_tok, trigger) -> str | None:  # type: ignore[no-untyped-def]
    """'origin' when the path from a place word up to the trigger passes "from", 'target' when it
    passes a target/location preposition, else None."""
    node = place_tok
    for _ in range(6):
        if node is trigger or node.head is node:
            break
        if node.dep_ == "prep" or node.pos_ == "ADP":
            if node.lower_ == "from":
                return "origin"
            if node.lower_ in TARGET_PREPS:
                return "target"
        node = node.head
        if node is trigger:
            break
    return None
