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

Both models (a mention's chance to be a singleton, then the pair's chance to corefer) are
logistic regressions fit on the candidates of the ECB+ *train* topics (never dev) by
:mod:`warwire.merge.coref_fit`; their weights are kept here as constants (17 + 17 numbers).
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
                 "minor_pos", "doc_sim", "dep_shared", "dep_conflict",
                 "singleton")

#: Logistic-regression weights over FEATURE_NAMES, fit on ECB+ train-topic candidate pairs.
WEIGHTS: tuple[float, ...] = (
    -0.506, 0.307, -0.08, -0.474, -1.122, 0.557, 0.441, 0.03, 0.601, 0.22, -0.083, 0.427, 0.091,
    0.267, 0.582, -0.471, -1.441,
)


@dataclass
class MentionFeatures:
    """What a mention contributes to pair scores (computed once per mention)."""

    doc_id: str
    sentence: int
    lemma: str
    key: str
    pos: str
    speech: bool
    tag: str = ""
    dep: str = ""
    n_tokens: int = 1
    position: float = 1.0
    context: frozenset[str] = field(default_factory=frozenset)
    args: frozenset[str] = field(default_factory=frozenset)
    #: content words of the trigger's own arguments (dependency children, the governing word)
    dep_args: frozenset[str] = field(default_factory=frozenset)
    #: the proper names among them
    dep_names: frozenset[str] = field(default_factory=frozenset)
    #: probability that no other mention names this act (set by the caller, see singleton_score)
    singleton: float = 0.0


def mention_features(doc, start: int, end: int, doc_id: str, lemma: str, key: str,  # type: ignore[no-untyped-def]
                     speech: bool) -> MentionFeatures:
    """Features of the mention at ``[start, end)`` of the parsed ``doc``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return MentionFeatures(doc_id, -1, lemma, key, "X", speech)
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
    dep_args, dep_names = _dependency_arguments(root, inside)
    return MentionFeatures(doc_id, sent.start, lemma, key, root.pos_, speech, root.tag_, root.dep_,
                           len(span), position, frozenset(context), frozenset(args), dep_args, dep_names)


def _dependency_arguments(root, inside: set[int]) -> tuple[frozenset[str], frozenset[str]]:  # type: ignore[no-untyped-def]
    """Content lemmas of the trigger's arguments: children (through one preposition) and the head.

    "The Red Sox [offered] Teixeira …" → {red, sox, teixeira}; names kept apart for conflicts.
    """
    near = list(root.children) + [root.head]
    for t in root.children:
        if t.dep_ in ("prep", "agent"):
            near.extend(t.children)
    words, names = set(), set()
    for t in near:
        for u in [t, *(c for c in t.children if c.dep_ in ("compound", "poss", "nummod", "amod"))]:
            if u.i in inside or u.is_stop or u.is_punct:
                continue
            if u.pos_ in ("PROPN", "NOUN", "NUM") or u.like_num:
                words.add(u.lemma_.lower())
                if u.pos_ == "PROPN" or u.like_num:
                    names.add(u.lemma_.lower())
    return frozenset(words), frozenset(names)


SINGLETON_NAMES = ("bias", "speech", "doc_share", "log_count", "early", "verb", "noun", "minor_pos",
                   "past", "gerund", "participle", "sentence_root", "clausal", "modifier", "multi_token",
                   "has_names", "context_size")

#: Logistic-regression weights over SINGLETON_NAMES (is this mention alone in its gold cluster?),
#: fit on the ECB+ train topics' candidate mentions.
SINGLETON_WEIGHTS: tuple[float, ...] = (
    0.846, 1.243, -1.937, -1.625, -0.473, 0.401, 0.25, 0.196, 0.114, -0.22, -0.402, 0.158, 0.052,
    0.691, 0.237, -0.345, -0.139,
)


def singleton_features(m: MentionFeatures, doc_share: float, count: int) -> tuple[float, ...]:
    """Evidence that a mention names an act no other mention names (``count``: same-key mentions)."""
    return (
        1.0,
        1.0 if m.speech else 0.0,
        doc_share,
        math.log(count) / 3.0,
        1.0 if m.position < EARLY else 0.0,
        1.0 if m.pos == "VERB" else 0.0,
        1.0 if m.pos == "NOUN" else 0.0,
        1.0 if m.pos not in _MAIN_POS else 0.0,
        1.0 if m.tag == "VBD" else 0.0,
        1.0 if m.tag == "VBG" else 0.0,
        1.0 if m.tag == "VBN" else 0.0,
        1.0 if m.dep == "ROOT" else 0.0,
        1.0 if m.dep in ("xcomp", "ccomp", "advcl", "acl", "relcl", "csubj") else 0.0,
        1.0 if m.dep in ("amod", "compound", "nmod", "npadvmod") else 0.0,
        1.0 if m.n_tokens > 1 else 0.0,
        1.0 if m.dep_names else 0.0,
        min(len(m.context), 20) / 20.0,
    )


def singleton_score(features: tuple[float, ...], weights: tuple[float, ...] = SINGLETON_WEIGHTS) -> float:
    """Probability that the mention is a singleton under the logistic model."""
    return pair_score(features, weights)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def pair_features(a: MentionFeatures, b: MentionFeatures, doc_share: float,
                  doc_sim: float = 1.0) -> tuple[float, ...]:
    """The feature vector (in FEATURE_NAMES order) of a candidate pair.

    ``doc_share``: share of the sub-topic's documents that hold a mention with this key;
    ``doc_sim``: the two documents' similarity (TF-IDF cosine damped when they name other people,
    see ``textcluster._similarity``; 1 within one document).
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
        doc_sim,
        min(len(a.dep_args & b.dep_args), 2) / 2.0,
        1.0 if a.dep_names and b.dep_names and not a.dep_names & b.dep_names else 0.0,
        max(a.singleton, b.singleton),
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
