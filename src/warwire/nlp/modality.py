"""Modality of a trigger: asserted, or threatened/vowed/planned/offered/hypothetical/negated/denied.

Rules over the dependency parse, applied from the trigger up through its governors until a
clause boundary that reports a fact (a reporting verb such as "said"). Only ``asserted``
mentions become events; the others stay typed so that a threat is still a THREATEN mention.
"""

from __future__ import annotations

__all__ = ["modality_of", "is_standing_presence"]

#: Governing verbs (or nouns) that make the act they govern not (yet) happened.
GOVERNOR_MODALITY = {
    "threaten": "threatened", "threat": "threatened", "warn": "threatened", "ultimatum": "threatened",
    "vow": "vowed", "pledge": "vowed", "swear": "vowed", "promise": "vowed", "vowing": "vowed",
    "plan": "planned", "intend": "planned", "prepare": "planned", "aim": "planned",
    "seek": "planned", "consider": "planned", "mull": "planned", "want": "planned",
    "decide": "planned", "schedule": "planned", "expect": "planned", "hope": "planned",
    "plot": "planned", "authorize": "planned", "authorise": "planned", "order": "planned",
    "authorization": "planned", "permission": "planned", "approve": "planned", "propose": "offered",
    "offer": "offered", "volunteer": "offered",
    "deny": "denied", "dismiss": "denied", "refute": "denied", "reject": "denied",
    "preempt": "hypothetical", "pre-empt": "hypothetical", "prevent": "hypothetical",
    "avert": "hypothetical", "avoid": "hypothetical", "deter": "hypothetical",
    "refrain": "hypothetical", "risk": "hypothetical", "fear": "hypothetical",
    "prospect": "hypothetical", "possibility": "hypothetical", "danger": "hypothetical",
    "ability": "hypothetical", "capability": "hypothetical", "readiness": "hypothetical",
    "call": "planned", "demand": "planned", "urge": "planned", "ask": "planned",
    "reignite": "hypothetical", "provoke": "hypothetical", "trigger": "hypothetical",
    "prepared": "planned", "ready": "planned", "likely": "hypothetical",
    "set": "planned", "due": "planned", "go": "planned",
}

#: Verbs that, governing an act, still report it as fact ("continued to shell", "began to fire").
FACTIVE_GOVERNORS = frozenset({
    "continue", "begin", "start", "resume", "manage", "keep", "stop", "cease", "help", "try",
    "attempt", "claim", "say", "report", "confirm", "announce", "acknowledge", "admit", "add",
    "tell", "state", "note", "accuse", "blame", "condemn", "denounce", "follow", "come", "mark",
    "allege", "charge", "retaliate", "respond", "use", "kill", "wound",
})

#: Modal auxiliaries: "would/could/might/may/should/can" → hypothetical; "will/shall" → planned.
MODALS_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "can", "must", "'d"})
MODALS_FUTURE = frozenset({"will", "shall", "'ll", "wo"})

#: Adjectives that make a nominal act non-factual ("imminent attacks", "a possible strike").
HYPOTHETICAL_ADJ = frozenset({
    "imminent", "possible", "potential", "future", "planned", "threatened", "prospective",
    "likely", "hypothetical", "further", "retaliatory-threat", "next", "impending", "proposed",
})

#: Conditional subordinators.
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest"})

#: Dependencies that link a trigger to a governor whose meaning scopes over it.
SCOPE_DEPS = frozenset({"xcomp", "ccomp", "dobj", "pobj", "pcomp", "prep", "advcl", "acl",
                        "nsubjpass", "nsubj", "attr", "relcl", "compound", "amod", "conj", "oprd",
                        "appos"})

#: How many governors up the tree we look before giving up (clauses rarely nest deeper).
MAX_GOVERNOR_DEPTH = 5


def _own_modality(tok) -> str | None:  # type: ignore[no-untyped-def]
    """Modality marked on the token itself: negation, modal auxiliaries, conditionals, adjectives."""
    for child in tok.children:
        dep = child.dep_
        low = child.lower_
        if dep == "neg":
            return "negated"
        if dep in ("aux", "auxpass"):
            if low in MODALS_HYPOTHETICAL:
                return "hypothetical"
            if low in MODALS_FUTURE:
                return "planned"
        if dep == "mark" and low in CONDITIONAL_MARKS:
            return "hypothetical"
        if dep == "det" and low in ("no", "neither"):
            return "negated"
        if dep == "amod" and child.lemma_.lower() in HYPOTHETICAL_ADJ:
            return "hypothetical"
    # mandative subjunctive: "(demanded) that the troops be withdrawn" asks for the act
    if any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children) and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ == "be" and c.tag_ == "VB" for c in tok.children
    ) and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.children):
        return "planned"
    # "is going to attack", "are set to go into effect", "is due to", "was about to"
    if tok.dep_ in ("xcomp",) and tok.head.lemma_ in ("go", "set", "due", "about") and any(
        c.dep_ == "aux" and c.lower_ in ("is", "are", "was", "were", "'s", "'re", "be")
        for c in tok.head.children
    ) and tok.head.tag_ in ("VBG", "VBN", "JJ", "RB"):
        return "planned"
    return None


def modality_of(trigger) -> str:  # type: ignore[no-untyped-def]
    """Modality of the event a trigger token denotes.

    Walks from the trigger to its governors: the first marked modality wins; a factive
    governor ("continued to", "said that") stops the walk as asserted.
    """
    tok = trigger
    for depth in range(MAX_GOVERNOR_DEPTH):
        own = _own_modality(tok)
        if own:
            return own
        if tok.dep_ == "ROOT" or tok.head is tok:
            return "asserted"
        head = tok.head
        lemma = head.lemma_.lower()
        if tok.dep_ == "conj":
            if any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
                return "asserted"  # a coordinated clause with its own subject stands alone
            tok = head
            continue
        if tok.dep_ in ("nsubj", "nsubjpass") and lemma in ("set", "due", "schedule", "slate",
                                                          "expect", "poise", "likely") and any(
            c.dep_ == "xcomp" for c in head.children
        ):
            return "planned"  # "sanctions are set to go into effect", "strikes are expected to"
        if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS
                                       for c in tok.children):
            return "hypothetical"
        if lemma in FACTIVE_GOVERNORS and tok.dep_ in ("ccomp", "xcomp", "dobj", "pobj", "pcomp"):
            # "said it struck", "claimed the attack": still asserted, but a negated or modal
            # reporting verb ("did not confirm", "denied") is handled by the lexicon above.
            if any(c.dep_ == "neg" for c in head.children):
                return "negated" if lemma not in ("claim",) else "denied"
            return "asserted"
        if lemma in GOVERNOR_MODALITY and tok.dep_ in SCOPE_DEPS and head.pos_ != "ADP":
            mod = GOVERNOR_MODALITY[lemma]
            # "set fire", "go on strike": the trigger is the phrase itself, not governed by it.
            if lemma in ("set", "go", "call", "order", "trigger") and tok.dep_ not in ("xcomp", "ccomp"):
                tok = head
                continue
            if lemma in ("deny", "reject", "dismiss", "refute") and tok.dep_ not in (
                "ccomp", "dobj", "xcomp", "pcomp"
            ):
                tok = head
                continue
            return mod
        if head.pos_ == "ADP":
            # "threat of attack", "plans for strikes": look through the preposition.
            gov = head.head
            if gov.lemma_.lower() in GOVERNOR_MODALITY and head.lower_ in ("of", "for", "to"):
                return GOVERNOR_MODALITY[gov.lemma_.lower()]
            if head.lower_ in ("without",):
                return "negated"
        tok = head
    return "asserted"


#: Verbs whose bare participle describes where forces are, not an act ("troops stationed in").
STANDING_LEMMAS = frozenset({"deploy", "station", "base", "remain", "position", "garrison"})


def is_standing_presence(trigger) -> bool:  # type: ignore[no-untyped-def]
    """True for a state described as such: "2,000 troops are deployed", "troops remaining in".

    A deployment in the simple present passive or as a participle modifier describes who is
    where, not an act of deploying (CONTRACTS §3: only events reported as having happened).
    """
    lemma = trigger.lemma_.lower()
    if trigger.pos_ == "NOUN":
        return lemma in ("presence",)
    aux = [c for c in trigger.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lower_ in ("are", "is", "'re", "'s", "remain", "remains") for c in aux) and not any(
        c.lower_ in ("being",) for c in aux
    ) and trigger.tag_ == "VBN":
        return True
    if trigger.tag_ in ("VBN", "VBG") and trigger.dep_ in ("acl", "amod", "relcl") and not aux and \
            lemma in STANDING_LEMMAS:
        # "troops deployed to protect", "the 6,000 US troops remaining in Iraq"
        return True
    return False
