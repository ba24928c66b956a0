"""Cross-document merge: asserted mentions → canonical events.

1. Each mention is reduced to its features (:mod:`.features`) and placed in blocks (:mod:`.pairs`).
2. Within each article, anaphoric nominals ("the attack", "the same drone strike") are tied to
   their antecedent by strong edges (within-document coreference first); pairs sharing a block
   are scored, and pairs at or above ``LINK_THRESHOLD`` become edges.
3. Edges are taken strongest first (ties broken by mention ids, so the result does not depend on
   input order) and join two clusters only when the joined cluster stays coherent: its dates
   still overlap, it holds no two different acts of one sentence, no cause with its own effect,
   and its precise places stay in one country set.
4. Each cluster becomes an :class:`Event` (:mod:`.build`), whose id is derived from its smallest
   mention id; cause links are then lifted from mentions to events (:mod:`.links`).

Incremental: given existing events, only the events a new mention can change are reopened
(:mod:`.reopen`: those it has an edge to, and whatever has an edge to what is reopened) and
re-clustered with the new mentions; the others are kept as they are. The result is the same as
one merge of everything.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Event, Mention
from .build import build_event
from .features import GENERIC, RESULTS, MentionFeatures, features
from .links import lift_links
from .pairs import DATE_VETO_DAYS, LINK_THRESHOLD, W_KIND, candidate_pairs, far_apart, pair_score, trigger_vote

__all__ = ["MergeOptions", "merge"]

#: Two clusters whose first precise (site/town) points are further apart than this are two acts.
#: Generous (several town radii) because one geocoding slip must not split an event.
PLACE_VETO_KM = 150.0

#: Score of the edge between an anaphoric nominal ("the attack", "the same drone strike") and
#: its antecedent in the same article: below SAME_ACT, above every evidence sum, so that
#: within-document coreference is settled before documents are merged.
ANAPHOR_SCORE = 50.0

#: An antecedent whose sentence ends at most this many characters before the anaphor's sentence
#: (about the two previous sentences) is "recent": the act just told outranks an older one.
RECENT_CHARS = 400

#: Precisions whose country counts in the "one country set" coherence check.
_PRECISE = ("site", "town", "admin1")


@dataclass
class MergeOptions:
    """Options of :func:`merge`."""

    #: doc_id of a republication → doc_id of its original (they count as one source).
    republications: Mapping[str, str] = field(default_factory=dict)
    #: Minimum pair score for two mentions to be one act.
    threshold: float = LINK_THRESHOLD


class _Cluster:
    """Union-find root state: what the coherence checks need, merged smaller into larger."""

    __slots__ = ("members", "lo", "hi", "sentences", "forbidden", "countries", "point")

    def __init__(self, idx: int, f: MentionFeatures, forbidden: set[str]):
        self.members = [idx]
        iv = f.interval
        real = iv is not None and not iv.fallback and not f.weak_date and not f.ongoing
        self.lo = iv.start if real else None  # type: ignore[union-attr]
        self.hi = iv.end if real else None  # type: ignore[union-attr]
        kind = f.trigger_kind if f.trigger_kind != GENERIC else None
        self.sentences: dict[tuple[str, int], str | None] = {(f.doc_id, f.sentence_start): kind}
        self.forbidden = forbidden
        # a running sanctions campaign has no place of its own (its country is read off a party)
        placed = not f.ongoing
        self.countries = {f.country} if placed and f.country and f.precision in _PRECISE else set()
        precise = placed and f.lat is not None and f.precision in ("site", "town")
        self.point = (f.lat, f.lon) if precise else None

    def compatible(self, other: _Cluster, ids: list[str]) -> bool:
        if self.lo is not None and other.lo is not None:
            if max(self.lo, other.lo) - min(self.hi, other.hi) > DATE_VETO_DAYS:  # type: ignore[type-var]
                return False
        small, big = (self, other) if len(self.sentences) < len(other.sentences) else (other, self)
        for key, kind in small.sentences.items():
            if key in big.sentences and not _one_act_kinds(kind, big.sentences[key]):
                return False  # two acts of one sentence (unless both name one specific kind)
        if self.forbidden or other.forbidden:
            if any(ids[i] in self.forbidden for i in other.members):
                return False
            if any(ids[i] in other.forbidden for i in self.members):
                return False
        if self.countries and other.countries and not (self.countries & other.countries):
            return False
        if self.point and other.point and far_apart(*self.point, *other.point, PLACE_VETO_KM):
            return False  # single-link chains must not walk from town to town
        return True

    def absorb(self, other: _Cluster) -> None:
        self.members += other.members
        if other.lo is not None:
            self.lo = other.lo if self.lo is None else max(self.lo, other.lo)
            self.hi = other.hi if self.hi is None else min(self.hi, other.hi)  # type: ignore[type-var]
        for key, kind in other.sentences.items():
            if key in self.sentences and self.sentences[key] != kind:
                self.sentences[key] = None
            else:
                self.sentences.setdefault(key, kind)
        if other.forbidden:
            self.forbidden = self.forbidden | other.forbidden
        self.countries |= other.countries
        self.point = self.point or other.point


def _one_act_kinds(a: str | None, b: str | None) -> bool:
    """Whether two triggers of one sentence may name one act: the same specific kind, or a generic
    word and a result ("martyred in an attack", "the attack killed five")."""
    if a is not None and a == b:
        return True
    return (a is None and b in RESULTS) or (b is None and a in RESULTS)


def _forbidden(mentions: list[Mention]) -> dict[str, set[str]]:
    """Mention id → ids it must never share an event with (its causes and effects)."""
    out: dict[str, set[str]] = {}
    for m in mentions:
        for link in m.cue_links:
            if link.cause_mention_id:
                out.setdefault(m.mention_id, set()).add(link.cause_mention_id)
                out.setdefault(link.cause_mention_id, set()).add(m.mention_id)
    return out


def edge_score(a: MentionFeatures, b: MentionFeatures, a_resolved: bool, b_resolved: bool,
               threshold: float = LINK_THRESHOLD) -> float | None:
    """The score of the edge between two candidate mentions, or None when they make no edge.

    ``a_resolved``/``b_resolved``: whether each is an anaphor tied to its antecedent (see
    :func:`anaphor_pairs`). A resolved anaphor ("the attack") is its antecedent's act: its own
    weak evidence (a generic word, names of the parties) would otherwise tie it to other acts of
    those parties; across documents, the same word or kind of act may still speak for it.
    """
    if (a_resolved or b_resolved) and (a.doc_id == b.doc_id or trigger_vote(a, b) < W_KIND):
        return None
    s = pair_score(a, b)
    return s if s is not None and s >= threshold else None


def cluster_mentions(mentions: list[Mention], threshold: float = LINK_THRESHOLD) -> list[list[Mention]]:
    """Group mentions into acts (each group sorted by mention id; groups by first id)."""
    mentions = sorted(mentions, key=lambda m: m.mention_id)
    feats = _features_in_date_order(mentions)
    anaphors = anaphor_pairs(feats)
    resolved = {i for i, _ in anaphors}
    edges: list[tuple[float, int, int]] = []
    for i, j in candidate_pairs(feats):
        s = edge_score(feats[i], feats[j], i in resolved, j in resolved, threshold)
        if s is not None:
            edges.append((-s, i, j))
    edges += [(-ANAPHOR_SCORE, min(i, j), max(i, j)) for i, j in anaphors]
    return join_clusters(mentions, feats, edges)


def join_clusters(mentions: list[Mention], feats: list[MentionFeatures],
                  edges: list[tuple[float, int, int]]) -> list[list[Mention]]:
    """Take ``edges`` (negated score, i, j with i < j; indices into ``mentions``, which are sorted
    by mention id) strongest first, joining two clusters when the result stays coherent.

    Ties are broken by the indices, i.e. by mention ids, so the groups depend only on the set of
    mentions and edges. Each group is sorted by mention id; groups by their first id.
    """
    edges.sort()
    ids = [m.mention_id for m in mentions]
    forbid = _forbidden(mentions)
    parent = list(range(len(mentions)))
    state: dict[int, _Cluster] = {}  # roots that joined something; the rest stay singletons

    def root_state(x: int) -> _Cluster:
        st = state.get(x)
        if st is None:
            st = state[x] = _Cluster(x, feats[x], forbid.get(ids[x], set()))
        return st

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for _, i, j in edges:
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        si, sj = root_state(ri), root_state(rj)
        if not si.compatible(sj, ids):
            continue
        if len(si.members) < len(sj.members):
            ri, rj, si, sj = rj, ri, sj, si
        parent[rj] = ri
        si.absorb(sj)
        del state[rj]
    groups = [sorted(st.members) for st in state.values()]
    groups += [[i] for i in range(len(mentions)) if parent[i] == i and i not in state]
    return sorted(([mentions[i] for i in g] for g in groups), key=lambda g: g[0].mention_id)


def _features_in_date_order(mentions: list[Mention]) -> list[MentionFeatures]:
    """The features of ``mentions`` (same indices), computed in date order.

    Only memory layout depends on the order: the features of one week's mentions are allocated
    near each other, and candidate pairs, which come in date order (:func:`.pairs.candidate_pairs`),
    then read them from the processor's caches instead of from all over a heap that grows with the
    feed (at 200,000 mentions the cost per pair otherwise rose with the feed's size).
    """
    key = [(m.date.date if m.date is not None and m.date.date else None) or m.published or ""
           for m in mentions]
    feats: list[MentionFeatures | None] = [None] * len(mentions)
    for i in sorted(range(len(mentions)), key=key.__getitem__):
        feats[i] = features(mentions[i])
    return feats  # type: ignore[return-value]


def _antecedent_rank(ana: MentionFeatures, cand: MentionFeatures, nearest: int | None = None) -> tuple:
    """Salience of an antecedent: shared names, then the same trigger word, then a specific
    kind of act shared, then the nearest.

    ``nearest`` is the start of the closest earlier sentence holding an act of the anaphor's
    family: for a casualty frame or a demonstrative ("killed in the attacks", "this strike") the
    act just told is there, however long the sentences between about other kinds of act.
    """
    # "the attacks" → the result told "in the attacks" before
    framed = bool(cand.frame_key) and ana.trigger_key == cand.frame_key
    if ana.trigger_kind and ana.trigger_kind != GENERIC:
        # "the same drone strike" → "the January 3 US drone missile assassination"
        named = ana.trigger_kind == cand.trigger_kind or ana.trigger_kind in cand.context_kinds
    else:
        named = ana.trigger_key in cand.trigger_word or framed  # "the strike" → "airstrikes"
    same_word = ana.trigger_key == cand.trigger_key or framed
    recent = ana.sentence_start - cand.sentence_end <= RECENT_CHARS
    if (ana.casualty_frame or ana.demonstrative) and cand.sentence_start == nearest:
        recent = True
    if (ana.casualty_frame or (ana.demonstrative and ana.trigger_kind == GENERIC)) and recent:
        named = True  # "Also slain in the attack was …", "this strike": the act just told
    # among recent acts the nearest; further back, the one named by the same word, then by names
    return (named or same_word, recent, not recent and same_word, len(ana.names & cand.names) if not recent else 0,
            cand.trigger_span[0])


def _names_act(ana: MentionFeatures, cand: MentionFeatures, nearest: int | None = None) -> bool:
    """Whether ``cand`` names the act ``ana`` refers to: the same word, or the same specific kind."""
    return _antecedent_rank(ana, cand, nearest)[0]


def anaphor_pairs(feats: list[MentionFeatures]) -> list[tuple[int, int]]:
    """(anaphor, antecedent) index pairs: each definite nominal with no date of its own ("the
    attack", "the killing of Suleimani", "the same drone strike") refers to the most salient
    earlier mention of its article of a compatible type and kind of act."""
    by_doc: dict[str, list[int]] = {}
    for i, f in enumerate(feats):
        by_doc.setdefault(f.doc_id, []).append(i)
    out = []
    for members in by_doc.values():
        members.sort(key=lambda i: feats[i].trigger_span[0])
        for pos, i in enumerate(members):
            ana = feats[i]
            if not (ana.anaphoric or ana.participant) or ana.trigger_kind is None:
                continue  # kinds of act tell antecedents apart; "the deployment" has none
            earlier = [j for j in members[:pos] if feats[j].sentence_start < ana.sentence_start
                       and feats[j].family == ana.family]
            nearest = max((feats[j].sentence_start for j in earlier), default=None)
            cands = [
                j for j in earlier
                if trigger_vote(ana, feats[j]) > 0.0
                and _names_act(ana, feats[j], nearest)
                # "The protesters stormed …": the act of the protesters named before
                and (ana.anaphoric or ana.participant in feats[j].tokens)
            ]
            if cands:
                out.append((i, max(cands, key=lambda j: _antecedent_rank(ana, feats[j], nearest))))
    return out


def merge(
    mentions: Iterable[Mention],
    events: list[Event] | None = None,
    options: MergeOptions | None = None,
) -> list[Event]:
    """Merge asserted ``mentions`` into canonical events, joining ``events`` when given.

    Returns every event (kept, reopened and new), sorted by ``event_id``. Non-asserted mentions are
    ignored. The result depends only on the set of mentions, not on their order (ids included,
    as they derive from mention ids).
    """
    options = options or MergeOptions()
    # The merge allocates millions of small, acyclic objects (pairs, features); the cyclic
    # garbage collector would rescan every live object many times over, which makes the cost
    # grow faster than the input. Nothing here creates cycles, so it is paused meanwhile.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _merge(mentions, events, options)
    finally:
        if was_enabled:
            gc.enable()


def _merge(mentions: Iterable[Mention], events: list[Event] | None, options: MergeOptions) -> list[Event]:
    new = {m.mention_id: m for m in mentions if m.asserted}
    kept: list[Event] = []
    groups: list[list[Mention]]
    stored_ids = {m.mention_id for ev in events or () for m in ev.mentions}
    if events and not stored_ids & new.keys():
        from .reopen import plan_reopening  # (it builds on this module)

        plan = plan_reopening(list(new.values()), events, options.threshold)
        kept = plan.kept
        groups = join_clusters(plan.mentions, plan.feats, plan.edges)
    else:
        # first merge, or mentions re-extracted (their old selves were clustered with other
        # features): everything is clustered again
        work: dict[str, Mention] = {}
        for ev in events or ():
            for m in ev.mentions:
                work.setdefault(m.mention_id, m)
        work.update(new)
        groups = cluster_mentions(list(work.values()), options.threshold)
    built = [build_event(group, options.republications) for group in groups]
    out = sorted(kept + built, key=lambda e: e.event_id)
    lift_links(out)
    return out
