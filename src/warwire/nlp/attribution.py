"""Who says so: the claimant of a mention ("the Pentagon said", "according to SOHR")."""

from __future__ import annotations

__all__ = ["REPORTING_VERBS", "claimant_token"]

#: Verbs that attribute what they govern to their subject.
REPORTING_VERBS = frozenset({
    "say", "claim", "report", "announce", "confirm", "state", "tell", "add", "allege",
    "acknowledge", "admit", "insist", "assert", "declare", "note", "write", "tweet", "quote",
    "cite", "accuse", "blame", "reveal", "disclose", "boast", "charge", "contend", "indicate",
    "explain", "deny",
})

#: How far up the tree a reporting verb may govern the trigger.
MAX_DEPTH = 6


def claimant_token(trigger, sent):  # type: ignore[no-untyped-def]
    """The head token of whoever the sentence attributes the trigger's event to, or None.

    1. "according to X" anywhere in the sentence;
    2. a reporting verb above the trigger (its subject, or its "by" agent when passive);
    3. a parenthetical "…, X said." whose verb is the sentence root.
    """
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < sent.end and tok.doc[tok.i + 1].lower_ == "to":
            objs = [c for c in tok.doc[tok.i + 1].children if c.dep_ == "pobj"]
            if not objs:
                objs = [c for c in tok.children if c.dep_ == "prep" for c in c.children if c.dep_ == "pobj"]
            if objs:
                return objs[0]
    node = trigger
    for _ in range(MAX_DEPTH):
        if node.head is node:
            break
        node = node.head
        if node.lemma_.lower() in REPORTING_VERBS and node.pos_ in ("VERB", "AUX"):
            subj = [c for c in node.children if c.dep_ in ("nsubj",)]
            if subj:
                return subj[0]
            agent = [g for c in node.children if c.dep_ == "agent" for g in c.children
                     if g.dep_ == "pobj"]
            if agent:
                return agent[0]
    root = sent.root
    if root.lemma_.lower() in REPORTING_VERBS and root.i > trigger.i:
        subj = [c for c in root.children if c.dep_ == "nsubj"]
        if subj:
            return subj[0]
    return None
