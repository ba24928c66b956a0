"""``extract_mentions``: the events each sentence of a parsed article reports.

One Mention per event per sentence: triggers of the same type joined in the parse ("fired
missiles … struck", "shelled X, killing 3") merge into one mention unless a cause/time
connective separates them ("struck X after Y attacked"). Casualty-only sentences that follow an
attack ("Three soldiers were killed.") add their counts to it instead of making a new mention.
Every offset stored is an offset into ``article.original`` (via ``article.original_span``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..actors import ActorMatch, find_actors
from ..actors.backrefs import ActContext, inherit_actors, place_countries, same_head_countries
from ..model import Actor, Article, Count, Mention, Place, TimeValue
from . import arguments as args_mod
from .attribution import claimant_token
from .lexicon import Lexicon, acled_for, load_lexicon, match_phrases
from .modality import is_standing_presence, modality_of
from .numbers import CountSpan, casualties_in
from .triggers import MODE_PRIORITY, Trigger, candidate_tokens, find_triggers, mode_for

__all__ = ["extract_mentions"]

#: Words on the parse path between two triggers that mean two distinct acts.
SEPARATORS = frozenset({"after", "before", "following", "since", "retaliation", "response",
                        "revenge", "avenge", "retaliate", "respond", "prompt", "provoke",
                        "follow", "days", "weeks", "months", "while", "whereas", "than", "when",
                        "blame", "accuse", "for", "over", "amid"})
#: Prepositions after which an unrecognised proper noun is taken as a place word.
PLACE_PREPS = frozenset({"from", "in", "at", "near", "into", "inside", "outside", "across",
                         "toward", "towards", "around", "on", "to"})
#: Sentences back within which a casualty-only sentence attaches to an earlier attack.
CASUALTY_LOOKBACK_SENTENCES = 2
#: Confidence pieces: base, bonus for a known initiator, for a specific mode; penalty for a mode
#: read only from the sentence at large.
CONF_BASE, CONF_ACTOR, CONF_MODE, CONF_WEAK_MODE = 0.55, 0.2, 0.1, -0.1
#: The act a sentence is about (its main clause) vs one it mentions as background ("in response
#: to clashes …", "after the attack …").
CONF_MAIN_CLAUSE, CONF_SUBORDINATE = 0.05, -0.1
#: Actor sectors that turn an "attack"/"storming" by them into a riot (PROTEST), not an ASSAULT.
CROWD_SECTORS = frozenset({"CVL"})
#: Pronouns resolved to the nearest preceding named actor (persons for he/she).
PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her"})
THING_PRONOUNS = frozenset({"it", "its", "they", "their", "them", "we", "our"})
#: Unarmed sides that make a clash a riot.
CLASH_CROWD = frozenset({"youth", "youths", "student", "students", "resident", "residents",
                         "villager", "villagers", "worker", "workers", "settler", "settlers",
                         "palestinians", "civilian", "civilians", "people", "mourner"})
CROWD_WORDS = frozenset({"protester", "demonstrator", "crowd", "mob", "rioter", "mourner",
                         "supporter"})
#: Acts that are a crowd's when coordinated with a protest noun ("angry demonstrations in Baghdad
#: and the storming of the US Embassy"): a riot, as the same act is typed where the crowd is named.
CROWD_ACTS = frozenset({"storm", "storming", "siege", "invasion", "occupation", "ransacking"})
#: Heads climbed from a misattached conjunct to find what it is coordinated with.
COORD_CLIMB = 3
PROTEST_NOUNS = frozenset({"protest", "demonstration", "rally", "riot", "march", "sit-in"})


def _coordinated(tok):  # type: ignore[no-untyped-def]
    """Tokens coordinated with ``tok`` ("demonstrations … and the storming"), including the
    object of the verb it hangs from when the parser attached the conjunct to the verb."""
    out = [c for c in tok.conjuncts if c is not tok]
    node = tok
    # a conjunct the parser hung on a nearby word ("protests in Basra and the storming": conj of
    # "Basra"): climb a few heads, with the objects of the verb reached
    for _ in range(COORD_CLIMB if tok.dep_ == "conj" else 1):
        if node.head is node:
            break
        node = node.head
        out.append(node)
        out += [c for c in node.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c is not tok]
    return out


@dataclass
class _Draft:
    """A mention being built: its triggers and what was read off the parse."""

    trig: Trigger
    sent: object
    merged: list[Trigger] = field(default_factory=list)
    mode: str | None = None
    weak_mode: bool = False
    modality: str = "asserted"
    counts_from: object | None = None  # sentence whose casualty figures belong to this draft
    killed: CountSpan | None = None
    injured: CountSpan | None = None
    etype: str = ""
    sn: int = 0  # sentence number in the document
    definite: bool = False  # "the attack", "the missiles hit": may refer back to an earlier act
    time_ref: str | None = None  # time word of a possessive back-reference ("Wednesday's attack")
    claim_by: object | None = None  # head token of the source of this draft's figures, if set
    ents: list = field(default_factory=list)  # named entities of the sentence (computed once)
    propn: list = field(default_factory=list)  # proper-noun objects of prepositions in it


def _path_separated(a, b) -> bool:  # type: ignore[no-untyped-def]
    """True when ``b`` is reached from ``a`` in the tree only through a separator word."""
    anc_a = [a, *a.ancestors]
    anc_b = [b, *b.ancestors]
    common = next((x for x in anc_a if x in anc_b), None)
    if common is None:
        return True
    path = anc_a[: anc_a.index(common)] + anc_b[: anc_b.index(common)]
    for tok in path:
        if tok.lemma_.lower() in SEPARATORS or tok.lower_ in SEPARATORS:
            return True
        for c in tok.children:
            if c.dep_ in ("mark", "prep") and c.lower_ in SEPARATORS:
                return True
    return False


def _related(a, b) -> bool:  # type: ignore[no-untyped-def]
    """Same act: one governs the other, or they share a governor as conjuncts/modifiers."""
    if a in b.ancestors or b in a.ancestors:
        return True
    return a.head is b.head and a.dep_ in ("conj", "advcl", "dobj", "xcomp") and b.dep_ in (
        "conj", "advcl", "dobj", "xcomp", "nsubj")


def _merge(drafts: list[_Draft], lex: Lexicon) -> list[_Draft]:
    """Merge same-type drafts of one sentence that report the same act."""
    out: list[_Draft] = []
    for d in drafts:
        target = None
        for o in out:
            if o.etype != d.etype or o.modality != d.modality:
                continue
            ha, hb = o.trig.head, d.trig.head
            casualty = hb.lemma_.lower() in lex.casualty_verbs or ha.lemma_.lower() in lex.casualty_verbs
            if (_related(ha, hb) or casualty) and not _path_separated(ha, hb):
                target = o
                break
        if target is None:
            out.append(d)
            continue
        # a back-reference stays one when merged ("Killed in the same drone strike were …")
        target.definite = target.definite or d.definite
        target.time_ref = target.time_ref or d.time_ref
        # Keep the more informative trigger as the head: a non-casualty verb over "killed".
        if target.trig.head.lemma_.lower() in lex.casualty_verbs and \
                d.trig.head.lemma_.lower() not in lex.casualty_verbs:
            target.merged.append(target.trig)
            target.trig = d.trig
        else:
            target.merged.append(d.trig)
        fixed = target.trig.sense is not None and target.trig.sense.mode not in ("_", "territory")
        if d.mode and not fixed and (target.mode is None or target.weak_mode or (
            d.mode in MODE_PRIORITY and target.mode in MODE_PRIORITY
            and MODE_PRIORITY.index(d.mode) < MODE_PRIORITY.index(target.mode)
        )) and not d.weak_mode:
            target.mode, target.weak_mode = d.mode, False
    return out


def _actor(article: Article, doc, head, matches: list[ActorMatch]) -> Actor | None:  # type: ignore[no-untyped-def]
    if head is None:
        return None
    s, e, name, country, sector, backer = args_mod.resolve(head, matches)
    span = doc[s:e]
    ospan = article.original_span(span.start_char, span.end_char)
    return Actor(text=ospan.text, name=name, country=country, sector=sector,
                 start=ospan.start, end=ospan.end, backer=backer)


def _count(article: Article, c: CountSpan | None) -> Count | None:
    if c is None:
        return None
    sp = article.original_span(c.start, c.end)
    return Count(low=c.low, best=c.best, high=c.high, text=sp.text, start=sp.start, end=sp.end,
                 vague=c.vague)


def _acled(etype: str, mode: str | None, trig: Trigger, a1: Actor | None, a2: Actor | None):  # type: ignore[no-untyped-def]
    """ACLED (event type, sub-event type) for a mention."""
    if etype == "ASSAULT":
        if trig.sense and trig.sense.mode == "territory":
            state = a1 is not None and a1.sector in ("MIL", "GOV", "COP")
            return "Battles", ("Government regains territory" if state else
                               "Non-state actor overtakes territory")
        if mode == "explosives" and trig.head.lemma_.lower() == "grenade":
            return "Explosions/Remote violence", "Grenade"
        civilians = a2 is not None and a2.sector == "CVL"
        if mode in (None, "firearms"):
            if civilians:
                return "Violence against civilians", "Attack"
            return "Battles", "Armed clash"
        pair = acled_for("ASSAULT", mode)
        return pair if pair else (None, None)
    pair = acled_for(etype, mode) or (acled_for(etype, "_") if mode else None)
    return pair if pair else (None, None)


def _places_and_times(article: Article, doc, d: _Draft, trig: Trigger, used: set[int]):  # type: ignore[no-untyped-def]
    places: list[Place] = []
    times: list[TimeValue] = []
    for ent in d.ents:
        misread = ent.label_ in ("PERSON", "ORG") and ent.root.dep_ == "pobj" and \
            ent.root.head.lower_ in PLACE_PREPS - {"to", "on"} and not (used & set(range(ent.start, ent.end)))
        if ent.label_ in args_mod.PLACE_LABELS or misread:  # "from Kermanshah" tagged PERSON
            if any(i in used for i in range(ent.start, ent.end)):
                continue
            sp = article.original_span(ent.start_char, ent.end_char)
            places.append(Place(text=sp.text, start=sp.start, end=sp.end,
                                role=args_mod.place_role(ent.root, trig.head)))
        elif ent.label_ in args_mod.TIME_LABELS:
            sp = article.original_span(ent.start_char, ent.end_char)
            times.append(TimeValue(text=sp.text, start=sp.start, end=sp.end, type=ent.label_))
    # Proper nouns NER missed, where the syntax says "place": "from Kermanshah", "village of X".
    covered = {i for ent in d.ents for i in range(ent.start, ent.end)} | used
    for tok in d.propn:
        if tok.i in covered:
            continue
        prep = tok.head
        if not (prep.lower_ in PLACE_PREPS or (prep.lower_ == "of" and prep.head.lemma_.lower()
                                                in args_mod.PLACE_NOUNS)):
            continue
        start = min((c.i for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"),
                    default=tok.i)
        if any(i in covered for i in range(start, tok.i + 1)):
            continue
        span = doc[start:tok.i + 1]
        sp = article.original_span(span.start_char, span.end_char)
        places.append(Place(text=sp.text, start=sp.start, end=sp.end,
                            role=args_mod.place_role(tok, trig.head)))
    places.sort(key=lambda p: p.start or 0)
    return places, times


def _main_clause(tok) -> bool:  # type: ignore[no-untyped-def]
    """The trigger is the sentence root, or the object/subject of a root light verb."""
    if tok.dep_ == "ROOT":
        return True
    return tok.head.dep_ == "ROOT" and tok.dep_ in ("dobj", "nsubj", "nsubjpass", "conj")


def _backgrounded(tok) -> bool:  # type: ignore[no-untyped-def]
    """The trigger sits under a time/cause connective ("after", "in response to", "following")."""
    return any(a.lower_ in SEPARATORS or a.lemma_.lower() in SEPARATORS for a in tok.ancestors)


def _build(article: Article, doc, d: _Draft, n: int, matches: list[ActorMatch], lex: Lexicon):  # type: ignore[no-untyped-def]
    trig = d.trig
    heads = args_mod.find_arguments(trig.head, lex.light_verbs, matches)
    a1_head, a2_head = heads.actor1, heads.actor2
    alleged = heads.alleged and a1_head is not None
    for extra in d.merged:  # fill gaps from the merged triggers ("fired … killing 3 soldiers")
        more = args_mod.find_arguments(extra.head, lex.light_verbs, matches)
        if a1_head is None and more.actor1 is not None:
            a1_head, alleged = more.actor1, more.alleged
        a2_head = a2_head or more.actor2
    if a1_head is None and trig.head.pos_ == "VERB" and not any(
        c.dep_ in ("nsubjpass", "auxpass", "nsubj") for c in trig.head.children
    ):
        # A finite act with no subject in the parse (often a misparse: "IS forces captured …"):
        # a named actor before the trigger, outside any prepositional phrase, is its initiator.
        before = [m for m in matches if d.sent.start <= m.start and m.end <= trig.head.i
                  and m.role == "actor" and doc[m.end - 1].dep_ not in ("pobj", "dobj", "poss")]
        if before:
            a1_head = doc[before[0].end - 1]
    if a1_head is None and d.etype == "MOBILIZE" and a2_head is not None and any(
        c.dep_ == "nsubjpass" for c in trig.head.children
    ):
        # "Iraqi militias have been deployed to Syria": with no agent, the force mobilized is the
        # side that mobilizes.
        a1_head, a2_head = a2_head, None
    if a1_head is not None and a1_head.lemma_.lower() in args_mod.MEANS_NOUNS and not any(
        m.start <= a1_head.i < m.end and m.role == "actor" for m in matches
    ):
        # "an Israeli missile hit" → the actor is the missile's owner, if named.
        owner = None
        for m in matches:  # "Coalition airstrikes hit", "Saudi-led coalition warplanes struck"
            if a1_head.left_edge.i <= m.start and m.end <= a1_head.i and m.role != "demonym":
                owner = doc[m.end - 1]
            elif m.end == a1_head.i and args_mod.misread_name(doc[m.end - 1]):
                owner = doc[m.end - 1]  # "a remnant IS IED exploded" ("IS" parsed as an auxiliary)
        for means in (a1_head, *a1_head.conjuncts):
            owner = owner or next((c for c in means.children if c.dep_ in ("poss", "amod", "compound", "nmod")
                                   and (c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN"
                                        or args_mod._named(c, matches))
                                   and not args_mod.is_weapon_name(c)), None)
            if owner is None:  # "an airstrike carried out by X"
                acl = next((c for c in means.children if c.dep_ == "acl"), None)
                agent = next((g for g in acl.children if g.dep_ == "agent"), None) if acl is not None else None
                owner = args_mod._pobj(agent) if agent is not None else None
        a1_head = owner
        # "The missiles hit …", "Waves of missiles hit …": a weapon with no owner named is the
        # weapon of an act told before, whose initiator it may inherit.
        d.definite = d.definite or owner is None
    actor1 = _actor(article, doc, a1_head, matches)
    if actor1 is not None and alleged:
        actor1.attribution = "alleged"  # "Washington blamed X for the attack"
    if actor1 is not None and a1_head.lower_ in PERSON_PRONOUNS | THING_PRONOUNS:
        _resolve_pronoun(actor1, a1_head, d.sent, matches)
    actor2 = _actor(article, doc, a2_head, matches) if a2_head is not None and a2_head is not a1_head else None
    etype = d.etype
    mode = d.mode
    if etype == "ASSAULT" and actor1 is not None and (
        a1_head.lemma_.lower() in CROWD_WORDS or actor1.sector in CROWD_SECTORS and (
            a1_head.lemma_.lower() in ("protester", "demonstrator", "people", "crowd", "supporter"))
    ):
        etype, mode = "PROTEST", "riot"
    elif etype == "ASSAULT" and trig.head.lemma_.lower() in args_mod.SYMMETRIC and any(
        h is not None and (h.lemma_.lower() in CROWD_WORDS | CLASH_CROWD or h.lower_ in CLASH_CROWD)
        for h in (a1_head, a2_head)
    ):
        # "clashes between Palestinian youths and Israeli forces": a riot, not a battle
        etype, mode = "PROTEST", "riot"
    elif etype == "ASSAULT" and trig.head.lemma_.lower() in CROWD_ACTS and any(
        c.lemma_.lower() in PROTEST_NOUNS for c in _coordinated(trig.head)
    ):
        etype, mode = "PROTEST", "riot"
    # Places: not the ones used as actors
    used: set[int] = set()
    for h in (a1_head, a2_head):
        if h is not None:
            s, e = args_mod.actor_span(h, matches)
            if h.ent_type_ in args_mod.PLACE_LABELS and not any(
                m.start <= h.i < m.end and m.role == "actor" for m in matches
            ) and h is a2_head:
                continue  # a place as target stays a place ("struck Raqqa")
            used.update(range(s, e))
    if actor2 is not None and a2_head is not None and a2_head.ent_type_ in args_mod.PLACE_LABELS \
            and actor2.name is None and actor2.sector is None:
        actor2 = None
    places, times = _places_and_times(article, doc, d, trig, used)
    a_event, a_sub = _acled(etype, mode, trig, actor1, actor2)
    claim_tok = d.claim_by if d.claim_by is not None else claimant_token(trig.head, d.sent)
    claimant = _actor(article, doc, claim_tok, matches) if claim_tok is not None else None
    tspan = doc[trig.start:trig.end]
    sent = d.sent
    conf = CONF_BASE + (CONF_ACTOR if actor1 and (actor1.country or actor1.name) else 0) + (
        CONF_MODE if mode and not d.weak_mode else CONF_WEAK_MODE if d.weak_mode else 0) + (
        CONF_MAIN_CLAUSE if _main_clause(trig.head) else CONF_SUBORDINATE if _backgrounded(trig.head) else 0)
    return Mention(
        mention_id=f"{article.doc_id}:m{n}",
        doc_id=article.doc_id,
        type=etype,
        mode=mode,
        acled_event_type=a_event,
        acled_sub_event_type=a_sub,
        modality=d.modality,
        trigger=article.original_span(tspan.start_char, tspan.end_char),
        sentence=article.original_span(sent.start_char, sent.end_char),
        actor1=actor1,
        actor2=actor2,
        places=places,
        times=times,
        killed=_count(article, d.killed),
        injured=_count(article, d.injured),
        claimant=claimant,
        confidence=round(min(1.0, max(0.05, conf)), 2),
        published=article.written,
    )


def _resolve_pronoun(actor: Actor, pron, sent, matches: list[ActorMatch]) -> None:  # type: ignore[no-untyped-def]
    """Give a pronoun actor the entry of the nearest preceding named actor (this or the
    previous sentence): "It retaliated" after "The Pentagon said …"."""
    doc = pron.doc
    floor = doc[sent.start - 1].sent.start if sent.start > 0 else 0
    person = pron.lower_ in PERSON_PRONOUNS
    candidates = [m for m in matches if m.end <= pron.i and m.start >= floor
                  and m.role != "demonym" and person == (m.entry.kind == "person")]
    # Organisations first: "it" after "the IRGC … inside Syria" is the IRGC, not Syria.
    named = [m for m in candidates if m.role == "actor"] or candidates
    if named:
        m = named[-1]
        actor.name, actor.country, actor.sector = m.entry.name, m.entry.country, m.entry.sector
        actor.backer = actor.backer or m.entry.backer


#: Determiners that make a noun phrase refer back ("the attack", "these strikes").
DEFINITE = frozenset({"the", "this", "that", "these", "those", "its", "their", "his", "her"})


def _definite(head) -> bool:  # type: ignore[no-untyped-def]
    """True when the trigger (or, for a verb, its subject) is a definite noun phrase."""
    nouns = [head] if head.pos_ in ("NOUN", "PROPN") else [
        c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # a time possessive points back too: "Wednesday's attack", "Today's strikes"
    return any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE or (
        c.dep_ == "poss" and args_mod._temporal(c)) for n in nouns for c in n.children)


def _time_possessive(head) -> str | None:  # type: ignore[no-untyped-def]
    """The time word of "Wednesday's attack" / "Thursday night's raids" (lowercase), else None."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in head.children:
        if c.dep_ == "poss" and args_mod._temporal(c):
            words = [w.lower_ for w in c.subtree if w.lower_ in args_mod.TIME_WORDS]
            return words[0] if words else c.lower_
    return None


def _drafts_for_sentence(sent, hits, blocked, lex: Lexicon,  # type: ignore[no-untyped-def]
                         candidates: list[int] | None = None) -> list[_Draft]:
    drafts = []
    for trig in find_triggers(sent, hits, blocked, lex, candidates):
        sense = trig.sense
        assert sense is not None
        if sense.type == "MOBILIZE" and is_standing_presence(trig.head):
            continue  # a standing presence is a state, not an event
        mode, weak = mode_for(trig, sent, lex)
        if sense.mode == "territory":
            mode, weak = mode or "firearms", False
        drafts.append(_Draft(trig, sent, mode=mode, weak_mode=weak, definite=_definite(trig.head),
                             modality=modality_of(trig.head), etype=sense.type,
                             time_ref=_time_possessive(trig.head)))
    return _merge(drafts, lex)


def extract_mentions(article: Article, doc) -> list[Mention]:  # type: ignore[no-untyped-def]
    """Event mentions of one parsed article (``doc`` = ``nlp(article.text)``), all modalities.

    Offsets of every span are offsets into ``article.original``.
    """
    lex = load_lexicon()
    matches = find_actors(doc, article.text)
    blocked = {i for m in matches if m.role == "actor" for i in range(m.start, m.end)}
    hits_all = match_phrases(doc)
    ents = list(doc.ents)
    finished: list[_Draft] = []
    last_assault: list[tuple[int, _Draft]] = []  # (sentence number, draft)
    candidates = candidate_tokens(doc, lex)
    for sn, sent in enumerate(doc.sents):
        hits = [h for h in hits_all if sent.start <= h[1] and h[2] <= sent.end]
        # a sentence with no phrase hit and no word that has a sense has no trigger
        k = bisect.bisect_left(candidates, sent.start)
        in_sentence = candidates[k:bisect.bisect_left(candidates, sent.end, k)]
        drafts = _drafts_for_sentence(sent, hits, blocked, lex, in_sentence) if (
            hits or in_sentence) else []
        assaults = [d for d in drafts if d.etype == "ASSAULT" and d.modality == "asserted"]
        only_casualty = assaults and all(
            d.trig.head.lemma_.lower() in lex.casualty_verbs and not d.merged for d in drafts
        )
        recent = [d for k, d in last_assault if sn - k <= CASUALTY_LOOKBACK_SENTENCES]
        # Figures are only used by an asserted attack of this sentence or one just before it:
        # most sentences have neither, and reading their numbers is the costliest walk here.
        cas = casualties_in(sent) if assaults or (recent and (not drafts or only_casualty)) else None
        has_counts = cas is not None and (cas.killed is not None or cas.injured is not None)
        attached = False
        if has_counts and recent and (not drafts or only_casualty):
            no_own_actor = all(args_mod.find_arguments(d.trig.head, lex.light_verbs, matches).actor1
                               is None for d in drafts)
            if no_own_actor:
                _add_counts(_follow_up_target(recent), cas, known=[d for _, d in last_assault])
                drafts = [d for d in drafts if not (d.etype == "ASSAULT")]
                attached = True
        if has_counts and assaults and not attached:
            owner = _count_owner(assaults, cas)
            _add_counts(owner, cas)
            drafts += _other_claims(owner, cas)
        if drafts:
            sent_ents = [e for e in ents if sent.start <= e.start < sent.end]
            propn = [t for t in sent if t.pos_ == "PROPN" and t.dep_ == "pobj"]
        for d in drafts:
            d.sn = sn
            d.ents, d.propn = sent_ents, propn
            finished.append(d)
            if d.etype == "ASSAULT" and d.modality == "asserted":
                last_assault.append((sn, d))
    mentions = [_build(article, doc, d, n, matches, lex) for n, d in enumerate(finished)]
    contexts = [ActContext(d.sn, d.definite, d.time_ref, d.trig.head) for d in finished]
    inherit_actors(mentions, contexts, _path_separated)
    place_countries(mentions, doc, matches, ents)
    same_head_countries(mentions)
    return mentions


def _count_owner(assaults: list[_Draft], cas) -> _Draft:  # type: ignore[no-untyped-def]
    """Which attack of a sentence the sentence's figures belong to: the one named under a cause
    or time connective when the figure sits inside its phrase ("fired rockets in retaliation for
    the killing of *their commander*": the one dead is the earlier killing's), else the first
    attack of the main clause, else the first attack."""
    count = cas.killed or cas.injured
    for d in assaults:
        if count is not None and _backgrounded(d.trig.head):
            sub = list(d.trig.head.subtree)
            if sub[0].idx <= count.start and count.end <= sub[-1].idx + len(sub[-1]):
                return d
    return next((d for d in assaults if not _backgrounded(d.trig.head)), assaults[0])


def _follow_up_target(recent: list[_Draft]) -> _Draft:
    """The act a casualty-only follow-up sentence reports on: the latest recent attack that is
    not itself named under a cause or time connective. In "missiles struck the base in
    retaliation for the assassination. 80 were killed in the operation" the toll is the
    strike's, not the assassination's, though the assassination is the later word."""
    return next((d for d in reversed(recent) if not _backgrounded(d.trig.head)), recent[-1])


def _other_claims(main: _Draft, cas) -> list[_Draft]:  # type: ignore[no-untyped-def]
    """One more draft of the same act per other source of figures in the sentence, so each
    claimant's numbers are kept ("SOHR reported 6 killed, while Deir Ezzor 24 reported 10")."""
    out = []
    if cas.reporter is not None and main.claim_by is None:
        main.claim_by = next((c for c in cas.reporter.children if c.dep_ == "nsubj"), None)
    for kind, reporter, count in cas.alternatives:
        subj = next((c for c in reporter.children if c.dep_ == "nsubj"), None)
        twin = _Draft(main.trig, main.sent, merged=list(main.merged), mode=main.mode,
                      weak_mode=main.weak_mode, modality=main.modality, etype=main.etype,
                      definite=main.definite, claim_by=subj)
        setattr(twin, kind, count)
        out.append(twin)
    return out


def _add_counts(d: _Draft, cas, known: list[_Draft] | None = None) -> None:  # type: ignore[no-untyped-def]
    """Give a draft the casualty figures of a sentence. A later figure replaces an earlier one
    only when larger: follow-up sentences usually restate or update a toll, and adding them
    would double-count ("killed 14 … The 14 dead included …"). A follow-up figure without a
    number ("Fatalities were reported.") adds nothing when one of the ``known`` earlier acts of
    the article already has a figure of that kind: it restates it."""
    for kind in ("killed", "injured"):
        new = getattr(cas, kind)
        old = getattr(d, kind)
        if new is None:
            continue
        if new.vague and any(getattr(k, kind) is not None for k in known or ()):
            continue
        if old is None or (old.best or 0) < (new.best or 0):
            setattr(d, kind, new)
