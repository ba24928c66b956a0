"""Participants, place words and time words of a trigger, read from the dependency parse."""

from __future__ import annotations

from dataclasses import dataclass

from ..actors import ActorMatch, load_dictionary, resolve_actor
from .triggers import _stems

__all__ = ["ArgTokens", "find_arguments", "actor_span", "place_role", "is_weapon_name",
           "misread_name",
           "PLACE_LABELS", "TIME_LABELS"]

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
#: Names of weapon systems: a modifier, never an owner or initiator, even when NER tags them
#: as persons or organisations ("the Patriot deployment", "Katyusha rockets rained down").
WEAPON_NAMES = frozenset({"patriot", "patriots", "katyusha", "katyushas", "grad", "scud",
                          "tomahawk", "hellfire", "thaad", "s-300", "s-400", "qiam",
                          "zolfaghar", "fateh", "shahed", "burkan", "qassam", "kornet",
                          "javelin", "reaper", "predator", "himars", "iskander", "kalibr"})
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


#: Words that name a time, not a participant, even when NER misses them as dates ("Today's
#: strikes", "Thursday night's air raids", "Wednesday's attack").
TIME_WORDS = frozenset({"today", "yesterday", "tonight", "tomorrow", "monday", "tuesday",
                        "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                        "february", "march", "april", "may", "june", "july", "august",
                        "september", "october", "november", "december", "night", "morning",
                        "evening", "afternoon", "week", "weekend", "month", "year", "day",
                        "overnight", "dawn"})
#: Month names that are also common words ("the march", "may"): a time word only capitalised.
COMMON_NOUN_MONTHS = frozenset({"march", "may"})
#: Acts done *to a person*: a person's name before them is the victim, not the initiator
#: ("the Suleimani assassination", "Khashoggi's murder"); a state or group before them stays
#: the initiator ("the US killing of …", "Iran's execution of …").
VICTIM_NOUNS = frozenset({"assassination", "killing", "murder", "execution", "death",
                          "kidnapping", "abduction", "arrest", "detention", "slaying",
                          "beheading", "lynching", "capture"})
#: Head nouns that only count or group the real participant ("thousands of protesters",
#: "waves of missiles", "a group of gunmen"): the object of their "of" is the head we want.
QUANTITY_NOUNS = frozenset({"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens",
                            "score", "scores", "ten", "tens", "wave", "waves", "barrage",
                            "volley", "salvo", "number", "group", "band", "unit", "squad",
                            "handful", "couple", "pair", "series", "string", "swarm"})
#: Verbs whose subject is the doer of the act named by their object, besides the light verbs
#: of the lexicon ("The US is imposing sanctions", "the group fought battles in Syria").
AGENT_VERBS = frozenset({"impose", "fight", "commit", "perpetrate", "inflict", "deliver",
                         "orchestrate", "mastermind", "direct"})
#: Nouns that carry the doer of an act named by the copula ("Iran's response was a missile
#: attack", "Hamas's retaliation was a rocket barrage").
RESPONSE_NOUNS = frozenset({"response", "retaliation", "reply", "answer", "revenge",
                            "reaction", "riposte", "counterattack", "reprisal"})
#: Verbs that lay an act at someone's door without the text asserting who did it ("Washington
#: blamed X for the attack", "charged X with responsibility for an attack"): X is the alleged
#: initiator (gold: actor1 with ``attribution: alleged``).
BLAME_VERBS = frozenset({"blame", "accuse", "charge", "hold", "suspect", "fault"})
#: Nouns of what someone says or decides: their "of" names who ("the demands of the
#: government", "the threat of the militia"), not a target as for acts ("the siege of X").
SPEECH_ACT_NOUNS = frozenset({"demand", "demands", "call", "request", "appeal", "ultimatum",
                              "warning", "accusation", "pledge", "vow", "offer", "proposal",
                              "decision", "announcement", "statement", "order"})
#: Adverbs that make the stated initiator an allegation ("drones allegedly launched by X").
ALLEGED_ADVERBS = frozenset({"allegedly", "purportedly", "supposedly", "reputedly"})


@dataclass
class ArgTokens:
    """Head tokens found for a trigger's arguments (None when absent).

    ``alleged`` is True when actor1 is only blamed for the act ("X blamed Y for the attack").
    """

    actor1: object | None = None
    actor2: object | None = None
    alleged: bool = False


def is_light(tok, light_verbs: frozenset[str]) -> bool:  # type: ignore[no-untyped-def]
    """Is ``tok`` a light verb ("carried out", "waged"), even when the lemmatizer slipped?"""
    return tok.lemma_.lower() in light_verbs or any(s in light_verbs for s in _stems(tok.lower_))


def misread_name(tok) -> bool:  # type: ignore[no-untyped-def]
    """An all-caps name the small model read as an auxiliary: "IS militants blew up …" (the
    parse makes "IS" a passive auxiliary of "blew" and the act looks passive)."""
    return tok.dep_ in ("aux", "auxpass") and tok.text.isupper() and tok.text != "I" and \
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in ("NOUN", "PROPN")


def is_weapon_name(tok) -> bool:  # type: ignore[no-untyped-def]
    """A weapon system's name ("Patriot", "Katyusha"), which names no participant."""
    return tok.lower_ in WEAPON_NAMES


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
        passive = any(c.dep_ in ("nsubjpass", "auxpass") and not misread_name(c) for c in t.children)
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
            if _temporal(c):
                continue  # "Wednesday's attack", "Thursday night's air raids"
            if c.dep_ in ("poss", "compound") and _victim_modifier(t, c, matches):
                args.actor2 = args.actor2 or c  # "the Suleimani assassination"
            elif c.dep_ == "poss":
                args.actor1 = c
            elif c.dep_ in ("compound", "amod", "nmod", "npadvmod") and args.actor1 is None and (
                c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON") or c.pos_ == "PROPN"
                or _named(c, matches)
            ) and not is_weapon_name(c):
                args.actor1 = c
            elif c.dep_ == "acl" and args.actor1 is None:
                # "an airstrike carried out by coalition forces", "a raid launched by X"
                agent = next((g for g in c.children if g.dep_ == "agent"), None)
                if agent is not None and _pobj(agent) is not None:
                    args.actor1 = _pobj(agent)
            elif c.dep_ == "prep" and c.lower_ == "by":
                args.actor1 = _pobj(c) or args.actor1
            elif c.dep_ == "prep" and c.lower_ == "of" and args.actor1 is None and (
                    t.lemma_.lower() in SPEECH_ACT_NOUNS or t.lower_ in SPEECH_ACT_NOUNS):
                args.actor1 = _pobj(c)  # "the demands of the Syrian government"
            elif c.dep_ == "prep" and c.lower_ in ACTOR2_PREPS and args.actor2 is None:
                args.actor2 = _pobj(c)
            elif c.dep_ == "prep" and c.lower_ == "from" and args.actor1 is None:
                src = _pobj(c)
                if src is not None and src.ent_type_ not in PLACE_LABELS:
                    args.actor1 = src
        if args.actor1 is None:
            # a name among the pre-modifiers: "Two Saudi-led coalition airstrikes"
            for m in matches:
                if args.actor2 is not None and m.start <= args.actor2.i < m.end:
                    continue  # the victim named before the act ("the Suleimani assassination")
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
            if verb.pos_ in ("VERB", "AUX") and (is_light(verb, light_verbs) or verb.lemma_ in ("be", "conduct")
                                                 or (t.dep_ == "dobj" and _agent_verb(verb))):
                args.actor1 = _subject_up(verb)
                if args.actor1 is None:
                    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                    args.actor1 = _pobj(agent) if agent is not None else None
        if args.actor1 is None and t.dep_ == "attr" and gov.lemma_ == "be":
            args.actor1 = _responder(gov, matches)
        if args.actor1 is None and t.dep_ in ("compound", "amod", "nmod") and t.head.pos_ in ("NOUN", "PROPN"):
            args.actor1 = _doer_of_noun(t.head, matches)  # "the “maximum pressure” campaign by X"
        if args.actor1 is None:
            accused = _accused(t)
            if accused is not None:
                args.actor1, args.alleged = accused, True
    if t.lemma_.lower() in SYMMETRIC and (args.actor1 is None or args.actor2 is None):
        _symmetric(t, args)
    if args.actor1 is not None and args.actor1.lower_ in RELATIVES:
        args.actor1 = args.actor1.head.head if args.actor1.head.dep_ == "relcl" else None
    # A date is never a participant ("the September 22 attack", "a strike on 3rd January"):
    # NER's DATE/TIME entities are dropped. (A bare number may be one: "2 were wounded".)
    if args.actor1 is not None and not args.alleged:
        args.alleged = _hedged(args.actor1, t)
    args.actor1 = _through_quantity(args.actor1)
    args.actor2 = _through_quantity(args.actor2)
    if _temporal(args.actor1):
        args.actor1 = None
    if _temporal(args.actor2):
        args.actor2 = None
    if args.actor2 is None and not verbal:
        args.actor2 = _victim(t)
    return args


def _temporal(tok) -> bool:  # type: ignore[no-untyped-def]
    """A date or time word ("September 22", "Today's", "Thursday night's"); "march" and "may"
    only capitalised ("police dispersed the march" keeps its target)."""
    if tok is None:
        return False
    if tok.ent_type_ in TIME_LABELS:
        return True
    return tok.lower_ in TIME_WORDS and (tok.lower_ not in COMMON_NOUN_MONTHS or tok.text[:1].isupper())


def _victim_modifier(t, mod, matches) -> bool:  # type: ignore[no-untyped-def]
    """``mod`` (a possessive or compound of the act noun ``t``) names the person the act was
    done to: "the Suleimani assassination", "Soleimani's assassination". Not when the act has
    its own "of" object ("Iran's execution of X") or ``mod`` is a state, group or demonym."""
    if t.lemma_.lower() not in VICTIM_NOUNS and t.lower_ not in VICTIM_NOUNS:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
        return False
    hit = next((m for m in matches if m.start <= mod.i < m.end), None)
    if hit is not None:  # the dictionary knows better than NER ("Soleimani" tagged LOC)
        return hit.entry.kind == "person"
    return mod.pos_ == "PROPN" and mod.ent_type_ not in ("GPE", "NORP", "LOC", "ORG")


def _through_quantity(tok):  # type: ignore[no-untyped-def]
    """"thousands of protesters" → protesters; "waves of missiles" → missiles."""
    if tok is None or not (tok.lemma_.lower() in QUANTITY_NOUNS or tok.lower_ in QUANTITY_NOUNS
                           or tok.like_num):
        return tok
    of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    obj = _pobj(of) if of is not None else None
    return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else tok


def _agent_verb(verb) -> bool:  # type: ignore[no-untyped-def]
    """An :data:`AGENT_VERBS` verb, or a participle hung on one ("imposing punishing
    sanctions", where the parser made "punishing" the verb of "sanctions")."""
    return verb.lemma_.lower() in AGENT_VERBS or (
        verb.dep_ in ("xcomp", "amod") and verb.head.lemma_.lower() in AGENT_VERBS)


def _responder(copula, matches):  # type: ignore[no-untyped-def]
    """Doer named by the subject of a copula: "Iran's response … was a missile attack"."""
    subj = next((c for c in copula.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.lemma_.lower() not in RESPONSE_NOUNS:
        return None
    return _doer_of_noun(subj, matches)


def _doer_of_noun(noun, matches):  # type: ignore[no-untyped-def]
    """The named doer attached to a noun: its possessive, a named modifier, or its "by" agent."""
    for c in noun.children:
        if c.dep_ == "poss" and not _temporal(c):
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ == "by" and _pobj(c) is not None:
            return _pobj(c)
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and c.i < noun.i and not _temporal(c) and (
            c.ent_type_ in ("NORP", "GPE", "ORG") or _named(c, matches)
        ):
            return c
    return None


def _hedged(actor, trigger) -> bool:  # type: ignore[no-untyped-def]
    """An "allegedly" on the verb that introduces the actor or on the trigger ("drones
    allegedly launched by X", "X allegedly fired rockets")."""
    holders = {trigger, actor.head, actor.head.head}
    return any(c.dep_ == "advmod" and c.lower_ in ALLEGED_ADVERBS for h in holders for c in h.children)


def _accused(t):  # type: ignore[no-untyped-def]
    """The one blamed for the act ``t``: "X blamed Y for the attack", "charged Y with
    responsibility for an attack", "held Y responsible for the attack" → Y."""
    if t.dep_ != "pobj" or t.head.lower_ != "for":
        return None
    node = t.head.head
    for _ in range(3):  # for → (responsibility → with →) blamed; for → responsible → held
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in BLAME_VERBS:
            obj = next((c for c in node.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is None and node.dep_ == "relcl":  # "militants it blamed for the attack"
                obj = node.head
            return obj if obj is not None and obj.pos_ in ("NOUN", "PROPN") else None
        if node.head is node:
            break
        node = node.head
    return None


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
        elif m.end == start and misread_name(head.doc[m.end - 1]):
            start = m.start  # "IS militants": the name was parsed as an auxiliary
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
