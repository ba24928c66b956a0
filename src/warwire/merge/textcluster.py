"""``warwire cluster`` (CONTRACTS §6): event mentions given as text spans → coreference clusters.

This is the merge for inputs that carry only text (no extracted type, date or place), such as
ECB+. The recipe (after Barhom et al.'s strong "cluster + lemma" baseline, with more evidence):

1. ``group`` is a hard blocking key: mentions of different groups never share a cluster.
2. Within a group, documents are clustered into sub-topics by TF-IDF cosine (average link), with
   names, numbers and dates weighted up: two earthquakes in one topic share the theme words but
   not the places, dates and tolls. The similarity of two documents that name different people is
   damped (``PEOPLE_FLOOR``). A document left alone joins its most similar sub-topic above a
   lower threshold.
3. Within a sub-topic, a mention's *key* is its head lemma, mapped through a small table of
   lemmas that name the same act ("kill"/"death", "arrest"/"detain") and a derivational stemmer
   ("killing"/"kill", "investigation"/"investigate"). Mentions of one key are the candidates.
4. With a spaCy pipeline, the candidates of one key are clustered by average link over pair
   probabilities from :mod:`warwire.merge.coref_features` (shared arguments and context, same
   sentence, speech heads, how many of the sub-topic's documents use the key, how likely each
   mention is to be a singleton); a mention more likely a singleton than not keeps no edge
   (``SINGLETON_GATE``). Without one, each key is one cluster (speech heads per document).

Cost: documents are compared within a group, mentions only within their key's bucket.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from .coref_features import (SINGLETON_WEIGHTS, WEIGHTS, average_link, mention_features, pair_features, pair_score,
                             singleton_features, singleton_score)
from .features import stem

__all__ = ["Bucket", "ClusterOptions", "candidate_buckets", "cluster", "derive"]

#: Average similarity above which two documents of a group tell the same story. Chosen on the
#: ECB+ train topics (not dev): sub-topics of one ECB+ topic share the theme words but not the
#: names. (0.13 before the people damping below, which lowers every similarity.)
DOC_SIM_THRESHOLD = 0.08

#: Share of two documents' cosine kept when they name entirely different people: the similarity
#: is ``cosine × (PEOPLE_FLOOR + (1 − PEOPLE_FLOOR) × people cosine)`` when both name someone.
#: Two reports of one arrest, firing or fall name the same person; the other incident of an
#: ECB+ topic happens to the same team, mountain or city but to someone else. Chosen with
#: DOC_SIM_THRESHOLD on the train topics (train CoNLL 0.780 → 0.782; 1.0 turns it off). The idea
#: came from a dev error (two players of one team arrested for DUI, one sub-topic), the values not.
PEOPLE_FLOOR = 0.5

#: Term count of a name, number or date in the document vectors (other content words count 1):
#: the two incidents of one topic share the theme words ("earthquake", "arrest") but not the
#: places, people, dates and tolls. Chosen with DOC_SIM_THRESHOLD on the ECB+ train topics
#: (pairwise F1 of same-incident documents 0.82 with weight 1, 0.92 with 4).
NAME_WEIGHT = 4.0

#: A document that average link left alone joins its most similar sub-topic above this average
#: similarity (train topics; half of DOC_SIM_THRESHOLD, as 0.06 was of 0.13 before).
ORPHAN_THRESHOLD = 0.04

#: The same two thresholds without spaCy (stemmed words, no names weighted up, no people): the
#: sparser vectors need the higher values (train CoNLL 0.709 at 0.13/0.06, 0.703 at 0.08/0.04).
PLAIN_DOC_SIM_THRESHOLD, PLAIN_ORPHAN_THRESHOLD = 0.13, 0.06

#: Largest bucket (mentions of one key in one sub-topic) clustered pairwise: pairs grow with the
#: square of a bucket. ECB+ buckets hold at most 63 mentions; a larger one (a feed of thousands
#: of "attack" mentions in one group) stays one cluster, as without the pair model.
MAX_PAIRWISE_BUCKET = 400

#: Average pair probability above which two clusters of same-key mentions merge. Chosen by
#: 5-fold cross-validation over the ECB+ train topics (``python -m warwire.merge.coref_fit
#: --folds 5``: out-of-fold CoNLL 0.781 at 0.45, 0.784 at 0.40, 0.782 at 0.35, with the gate below).
PAIR_THRESHOLD = 0.40

#: A mention whose singleton probability (the mention-level model) is above this keeps no edge:
#: the model's own decision rule — more likely alone than not — rather than a tuned value. The
#: probability is also a pair feature, but one weak feature cannot stop a strong context match
#: from pulling a side remark into the main cluster (train out-of-fold CoNLL 0.775 → 0.784).
SINGLETON_GATE = 0.5

_WORD = re.compile(r"[^\W\d_][\w'-]*", re.UNICODE)

#: Head lemmas that denote the same kind of act (each set maps to its first member).
SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("kill", "death", "die", "dead", "murder", "slay", "slaying", "homicide", "fatal", "dying", "execute",
     "assassinate", "assassination", "massacre"),
    ("shoot", "shooting", "shot", "gunfire", "fire", "gunshot", "gun", "rampage"),
    ("riot", "rioting", "unrest", "clash"),
    ("protest", "demonstration", "rally", "march"),
    ("convict", "conviction", "guilty"),
    ("investigate", "investigation", "probe"),
    ("destroy", "damage", "raze", "devastate", "wreck"),
    ("throw", "hurl", "toss"),
    ("attack", "assault", "strike", "raid"),
    ("arrest", "detain", "detention", "custody", "apprehend", "nab"),
    ("injure", "injury", "wound", "hurt"),
    ("quake", "earthquake", "tremor", "temblor", "jolt"),
    ("hire", "appoint", "name", "tap", "pick", "select"),
    ("fire", "sack", "dismiss", "oust"),
    ("buy", "purchase", "acquire", "acquisition", "deal"),
    ("announce", "announcement", "unveil", "introduce", "launch"),
    ("crash", "collision", "collide", "accident"),
    ("sentence", "sentencing"),
    ("win", "victory", "defeat", "beat", "lose", "loss"),
    ("explode", "explosion", "blast", "bomb", "bombing", "detonate"),
    # rows added after reading the ECB+ *train* topics' gold clusters split across heads
    ("escape", "flee", "breakout", "jailbreak"),
    ("overturn", "reverse", "rescind", "repeal", "revoke"),
    ("accuse", "charge", "indict"),
    ("discover", "find", "uncover"),
    ("endanger", "threaten", "jeopardize"),
    ("heist", "robbery", "rob", "steal", "theft"),
    ("outage", "downtime", "disruption"),
    ("sever", "cut"),
    ("undermine", "weaken"),
    ("release", "issue"),
    ("enter", "check", "admit"),
    ("keep", "retain"),
    ("fix", "plug", "repair", "patch"),
)


_CANON_ROWS = {w for row in SYNONYMS for w in row}
_CANON = _CANON_ROWS


#: Heads that name speech or nothing specific ("said", "was", "made", "caused"): two reports'
#: "said" are two acts of saying. Without the pair model they cluster within their own document
#: only; with it they are a (strongly negative) feature. (Chosen on the ECB+ train topics: the
#: heads with the most distinct gold clusters.)
WITHIN_DOCUMENT: frozenset[str] = frozenset(
    """say tell report state add claim note be have do make take get go come give cause find put
    affect remain continue help work use run lead call return move security""".split()
)


@dataclass
class ClusterOptions:
    """Options of :func:`cluster`."""

    #: None: DOC_SIM_THRESHOLD with a spaCy pipeline, PLAIN_DOC_SIM_THRESHOLD without
    doc_threshold: float | None = None
    name_weight: float = NAME_WEIGHT
    #: None: ORPHAN_THRESHOLD with a spaCy pipeline, PLAIN_ORPHAN_THRESHOLD without
    orphan_threshold: float | None = None
    people_floor: float = PEOPLE_FLOOR
    use_synonyms: bool = True
    cluster_documents: bool = True
    within_document: frozenset[str] = WITHIN_DOCUMENT
    #: share keys across derivations ("arrested"/"arrest"/"arrests", "killing"/"kill")
    derivation: bool = True
    #: cluster same-key mentions by pairwise evidence (needs ``nlp``); off: one cluster per key
    pairwise: bool = True
    pair_threshold: float = PAIR_THRESHOLD
    #: singleton probability above which a mention stays alone (1.0: never)
    singleton_gate: float = SINGLETON_GATE
    weights: tuple[float, ...] = WEIGHTS
    singleton_weights: tuple[float, ...] = SINGLETON_WEIGHTS


@dataclass
class _Item:
    mention_id: str
    doc_id: str
    group: str
    head: str
    lemmas: tuple[str, ...]


#: Derivational suffixes stripped (longest first) so that "killing"/"kill", "escaped"/"escape",
#: "investigation"/"investigate", "appointment"/"appoint" share a key.
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion", "ates", "ate",
             "ed", "es", "e", "s")
#: Shortest stem left after stripping (shorter: "sing" → "s" would join unrelated words).
_MIN_STEM = 3


def derive(word: str) -> str:
    """A crude derivational stem: the same string for a verb, its participles and nominalisations."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM and not word.endswith("ss"):
            word = word[: -len(suffix)]
            break
    if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "shott(ing)", "runn(ing)"
    return word


def _canon() -> dict[str, str]:
    """Head lemma (and its derivational stem) → the first member of its synonym row."""
    table: dict[str, str] = {}
    for row in SYNONYMS:
        for word in row:
            table.setdefault(word, row[0])
    for row in SYNONYMS:
        for word in row:
            table.setdefault(derive(word), row[0])
    return table


def _key(head: str, canon: dict[str, str], derivation: bool) -> str:
    if head in canon:
        return canon[head]
    if not derivation:
        return head
    stemmed = derive(head)
    return canon.get(stemmed, stemmed)


def _normal(head: str) -> str:
    """Undo what a small lemmatizer leaves behind ("kills", "dies", "checks")."""
    if len(head) > 4 and head.endswith("s") and not head.endswith(("ss", "us", "is")):
        return head[:-1]
    return head


def _doc_terms(text: str, doc, name_weight: float = NAME_WEIGHT) -> Counter:  # type: ignore[no-untyped-def]
    if doc is not None:
        terms: Counter = Counter()
        for t in doc:
            if t.is_stop or not (t.is_alpha and len(t.text) > 2 or t.like_num):
                continue
            named = t.like_num or t.pos_ == "PROPN" or bool(t.ent_type_)
            terms[t.lemma_.lower()] += name_weight if named else 1
        return terms
    return Counter(stem(w) for w in _WORD.findall(text) if len(w) > 2)


def _doc_people(doc) -> Counter:  # type: ignore[no-untyped-def]
    """Lemmas of the proper nouns inside PERSON entities of a parsed document (empty without one)."""
    if doc is None:
        return Counter()
    return Counter(t.lemma_.lower() for t in doc if t.ent_type_ == "PERSON" and t.pos_ == "PROPN")


def _head(text: str, start: int, end: int, doc) -> tuple[str, tuple[str, ...]]:  # type: ignore[no-untyped-def]
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            toks = [t for t in span if not t.is_punct]
            lemmas = tuple(t.lemma_.lower() for t in toks) or (span.root.lemma_.lower(),)
            content = [t for t in toks if t.pos_ in ("VERB", "NOUN", "ADJ", "PROPN")]
            root = span.root if span.root.pos_ in ("VERB", "NOUN", "ADJ", "PROPN") or not content else content[-1]
            return root.lemma_.lower(), lemmas
    words = [w.lower() for w in _WORD.findall(text[start:end])] or [text[start:end].lower()]
    last = words[-1]
    # without lemmas: a synonym-table word as written, else its crude stem
    return (last if last in _CANON else stem(last)), tuple(stem(w) for w in words)


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(k, 0.0) for k, v in a.items())


def _doc_vectors(terms: dict[str, Counter]) -> dict[str, dict[str, float]]:
    """Unit-length TF-IDF vectors of the documents of one group (IDF within the group)."""
    df = Counter(t for d in terms for t in terms[d])
    n = len(terms)
    out = {}
    for d in sorted(terms):
        v = {t: (1 + math.log(c)) * (math.log((1 + n) / (1 + df[t])) + 1) for t, c in terms[d].items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        out[d] = {t: x / norm for t, x in v.items()}
    return out


def _similarity(a: dict[str, float], b: dict[str, float], people_a: dict[str, float],
                people_b: dict[str, float], floor: float) -> float:
    """TF-IDF cosine of two documents, damped towards ``floor`` × itself when they name other people."""
    cos = _cosine(a, b)
    if not people_a or not people_b or floor >= 1.0:
        return cos
    return cos * (floor + (1.0 - floor) * _cosine(people_a, people_b))


def _doc_clusters(vectors: dict[str, dict[str, float]], threshold: float,
                  orphan_threshold: float = ORPHAN_THRESHOLD, people: dict[str, dict[str, float]] | None = None,
                  people_floor: float = PEOPLE_FLOOR) -> dict[str, int]:
    """Average-link agglomerative clustering of documents by (people-damped) TF-IDF cosine.

    ``people``: TF-IDF vectors of each document's person names (see :func:`_similarity`).
    """
    docs = sorted(vectors)
    n = len(docs)
    vecs = [vectors[d] for d in docs]
    pv = [(people or {}).get(d, {}) for d in docs]
    sim = [[_similarity(vecs[i], vecs[j], pv[i], pv[j], people_floor) for j in range(n)] for i in range(n)]
    labels = average_link(n, {(i, j): sim[i][j] for i in range(n) for j in range(i + 1, n) if sim[i][j]},
                          threshold)
    by_label: dict[int, list[int]] = {}
    for i, label in enumerate(labels):
        by_label.setdefault(label, []).append(i)
    clusters = list(by_label.values())
    # A document left alone cannot corefer with anything: attach it to the most similar story
    # (average cosine) when that is above the lower orphan threshold.
    groups = [c for c in clusters if len(c) > 1]
    for c in clusters:
        if len(c) == 1 and groups:
            scored = [(sum(sim[c[0]][j] for j in g) / len(g), -min(g), g) for g in groups]
            best_score, _, target = max(scored)
            if best_score > orphan_threshold:
                target.append(c[0])
                c.clear()
    return {docs[i]: k for k, c in enumerate(c for c in clusters if c) for i in c}


def cluster(records: Iterable[dict], options: ClusterOptions | None = None, nlp=None) -> list[dict]:  # type: ignore[no-untyped-def]
    """CONTRACTS §6: ``{mention_id, cluster_id}`` for every input record, in input order.

    ``nlp`` is an optional spaCy pipeline used for lemmas (parsed once per document); without
    it, each key (head stem + synonym row) is one cluster.
    """
    options = options or ClusterOptions()
    prep = _prepare(list(records), options, nlp)
    items, keys = prep.items, prep.keys
    labels = list(keys)
    if options.pairwise and prep.parsed:
        for bucket in _buckets(prep, options):
            if len(bucket.indices) > MAX_PAIRWISE_BUCKET:
                continue
            edges = bucket.scores(options.weights, options.singleton_gate)
            found = average_link(len(bucket.indices), edges, options.pair_threshold)
            first: dict[int, str] = {}  # cluster → its smallest mention id (ids independent of input order)
            for i, k in zip(bucket.indices, found):
                first[k] = min(first.get(k, items[i].mention_id), items[i].mention_id)
            for i, k in zip(bucket.indices, found):
                labels[i] = f"{keys[i]}\x00{first[k]}"
    return [{"mention_id": it.mention_id, "cluster_id": "c_" + hashlib.sha1(raw.encode()).hexdigest()[:12]}
            for it, raw in zip(items, labels)]


def candidate_buckets(records: Iterable[dict], options: ClusterOptions | None = None,
                      nlp=None) -> list[Bucket]:  # type: ignore[no-untyped-def]
    """The same-key buckets that :func:`cluster` scores pairwise, with their features.

    For fitting the weights (:mod:`warwire.merge.coref_fit`); ``nlp`` is required.
    """
    options = options or ClusterOptions()
    prep = _prepare(list(records), options, nlp)
    return _buckets(prep, options) if prep.parsed else []


@dataclass
class _Prepared:
    records: list[dict]
    items: list[_Item]
    keys: list[str]  # group, sub-topic and key of each mention
    parsed: dict[str, object]
    doc_vectors: dict[str, dict[str, float]]
    people_vectors: dict[str, dict[str, float]]  # person names of each document (same keys)


def _prepare(records: list[dict], options: ClusterOptions, nlp) -> _Prepared:  # type: ignore[no-untyped-def]
    """Parse, find heads, cluster documents into sub-topics and key every mention."""
    texts: dict[str, str] = {}
    for r in records:
        texts.setdefault(str(r["doc_id"]), r.get("text") or "")
    parsed: dict[str, object] = {}
    if nlp is not None:
        ids = sorted(texts)
        for doc_id, doc in zip(ids, nlp.pipe(texts[i] for i in ids)):
            parsed[doc_id] = doc
    canon = _canon() if options.use_synonyms else {}
    items: list[_Item] = []
    for r in records:
        doc_id = str(r["doc_id"])
        head, lemmas = _head(texts[doc_id], int(r["start"]), int(r["end"]), parsed.get(doc_id))
        items.append(_Item(str(r["mention_id"]), doc_id, str(r.get("group") or ""), head, lemmas))
    # sub-topics per group
    doc_threshold = options.doc_threshold
    if doc_threshold is None:
        doc_threshold = DOC_SIM_THRESHOLD if parsed else PLAIN_DOC_SIM_THRESHOLD
    orphan_threshold = options.orphan_threshold
    if orphan_threshold is None:
        orphan_threshold = ORPHAN_THRESHOLD if parsed else PLAIN_ORPHAN_THRESHOLD
    sub: dict[str, int] = {}
    doc_vectors: dict[str, dict[str, float]] = {}
    people_vectors: dict[str, dict[str, float]] = {}
    for group in sorted({it.group for it in items}):
        docs = sorted({it.doc_id for it in items if it.group == group})
        vectors = _doc_vectors({d: _doc_terms(texts[d], parsed.get(d), options.name_weight) for d in docs})
        people = _doc_vectors({d: _doc_people(parsed.get(d)) for d in docs})
        doc_vectors.update({f"{group}\x00{d}": v for d, v in vectors.items()})
        people_vectors.update({f"{group}\x00{d}": v for d, v in people.items()})
        if options.cluster_documents and len(docs) > 1:
            found = _doc_clusters(vectors, doc_threshold, orphan_threshold, people, options.people_floor)
            sub.update({f"{group}\x00{d}": k for d, k in found.items()})
        else:
            sub.update({f"{group}\x00{d}": 0 for d in docs})
    keys = []
    for it in items:
        head = _normal(it.head)
        key = _key(head, canon, options.derivation)
        if head in options.within_document and not (options.pairwise and parsed):
            key = f"{key}\x00{it.doc_id}"
        keys.append(f"{it.group}\x00{sub[it.group + chr(0) + it.doc_id]}\x00{key}")
    return _Prepared(records, items, keys, parsed, doc_vectors, people_vectors)


@dataclass
class Bucket:
    """Mentions of one sub-topic whose heads share a key: the candidates of pairwise clustering."""

    indices: list[int]  # positions in the input records
    features: dict[tuple[int, int], tuple[float, ...]]  # (a, b) positions in ``indices``, a < b
    singleton_inputs: list[tuple[float, ...]]  # singleton features of each mention
    singletons: list[float] = field(default_factory=list)  # singleton probability of each mention

    def scores(self, weights: tuple[float, ...], gate: float = 1.0) -> dict[tuple[int, int], float]:
        """Pair probabilities under ``weights``; no edge for a mention whose singleton probability > ``gate``."""
        alone = {k for k, p in enumerate(self.singletons) if p > gate}
        return {(a, b): pair_score(f, weights) for (a, b), f in self.features.items()
                if a not in alone and b not in alone}


def _buckets(prep: _Prepared, options: ClusterOptions) -> list[Bucket]:
    """Group mentions by (group, sub-topic, key) and compute the pair features of each group."""
    items, keys = prep.items, prep.keys
    by_key: dict[str, list[int]] = {}
    for i in sorted(range(len(keys)), key=lambda i: items[i].mention_id):  # input order changes nothing
        by_key.setdefault(keys[i], []).append(i)
    docs_of_sub: dict[str, set[str]] = {}
    for i, k in enumerate(keys):
        docs_of_sub.setdefault(k.rsplit("\x00", 1)[0], set()).add(items[i].doc_id)
    out = []
    for k in sorted(by_key):
        idx = by_key[k]
        if len(idx) < 2 or len(idx) > MAX_PAIRWISE_BUCKET:
            out.append(Bucket(idx, {}, []))
            continue
        share = len({items[i].doc_id for i in idx}) / len(docs_of_sub[k.rsplit("\x00", 1)[0]])
        feats, single = [], []
        for i in idx:
            it, r = items[i], prep.records[i]
            head = _normal(it.head)
            m = mention_features(prep.parsed[it.doc_id], int(r["start"]), int(r["end"]), it.doc_id,
                                 head, k, head in options.within_document)
            single.append(singleton_features(m, share, len(idx)))
            m.singleton = singleton_score(single[-1], options.singleton_weights)
            feats.append(m)
        probs = [m.singleton for m in feats]
        sims: dict[tuple[str, str], float] = {}
        for a in idx:
            for b in idx:
                da, db = items[a].doc_id, items[b].doc_id
                if da < db and (da, db) not in sims:
                    ga, gb = items[a].group + "\x00" + da, items[a].group + "\x00" + db
                    sims[da, db] = _similarity(prep.doc_vectors[ga], prep.doc_vectors[gb], prep.people_vectors[ga],
                                               prep.people_vectors[gb], options.people_floor)

        def doc_sim(x: str, y: str) -> float:
            return 1.0 if x == y else sims[min(x, y), max(x, y)]

        pairs = {(a, b): pair_features(feats[a], feats[b], share, doc_sim(feats[a].doc_id, feats[b].doc_id))
                 for a in range(len(idx)) for b in range(a + 1, len(idx))}
        out.append(Bucket(idx, pairs, single, probs))
    return out
