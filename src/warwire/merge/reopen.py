"""Selective reopening: which stored events an incremental merge must re-cluster.

The merge (:func:`.core.join_clusters`) takes the edges of the candidate graph — candidate pairs
(:func:`.pairs.candidate_pairs`) scoring at least the threshold, plus anaphor edges — strongest
first, and an edge joins two clusters only when the joined cluster stays coherent. An edge that
was not taken (its ends were already one cluster, or the join was vetoed) changed no state, so
dropping it changes nothing; and parts of the graph with no edge between them are clustered
independently. Hence, with ``O`` the stored mentions (clustered, as one full merge would, into the
stored events) and ``N`` the new ones, one full merge of ``O ∪ N`` gives the stored events back for
every stored event outside a set ``R`` of reopened events such that:

1. every edge of the new graph with an end in ``N`` or in an event of ``R`` has both ends there
   (closure: a reopened cluster can now take an edge it was refused before);
2. every edge inside a stored event that the new graph no longer has is inside an event of ``R``
   (in a large block a pair is a candidate only within ``BLOCK_WINDOW`` positions, and a new
   mention sorted between two stored ones pushes them apart; edges between two events were never
   taken, so losing one of them changes nothing);
3. every stored event with a mention of a document that gains new mentions is in ``R`` (its
   anaphors and within-document pairs change).

The stored mentions gain no edge among themselves (insertion only widens gaps in a block), so
what is outside ``R`` has exactly its old edges minus untaken ones: its events are unchanged.
:func:`plan_reopening` finds such an ``R`` from the new mentions outwards, computing the full
features only of the mentions it scores; every stored mention needs only its
:class:`.features.BlockFeatures` (to know the blocks and the order inside them).

Assumed: the stored events are what one full merge of the stored mentions gives (true when every
earlier ingest went through :func:`.core.merge` with the same code and threshold; after a change of
the merge code, ``warwire ingest --reprocess`` or ``PipelineOptions(incremental_merge=False)``
re-merges from scratch). The new mentions' ids must not be in the stored events (a re-extracted
mention was clustered with other features: :func:`.core.merge` re-clusters everything then).
The cost is the blocking features of every stored mention plus the pairs around the reopened
ones; when one event holds most of the store, that is more than a full merge (docs/benchmarks.md).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..model import Event, Mention
from .core import ANAPHOR_SCORE, anaphor_pairs, edge_score
from .features import BlockFeatures, MentionFeatures, block_features, context_kinds, features, trigger_key
from .pairs import (
    BLOCK_WINDOW, DOC_BLOCK_ALL, UNPLACED, act_evidence, block_keys, block_order, pair_score, placed_mention,
    same_kind, shared_name_count, trigger_vote,
)

__all__ = ["Reopening", "plan_reopening"]


@dataclass
class Reopening:
    """What an incremental merge re-clusters, and what it keeps."""

    #: stored events left as they are
    kept: list[Event]
    #: the new mentions and every mention of the reopened events, sorted by mention id
    mentions: list[Mention]
    #: their features (same indices)
    feats: list[MentionFeatures]
    #: edges among them: (negated score, i, j), i < j, indices into ``mentions``
    edges: list[tuple[float, int, int]]
    #: how many stored events were reopened
    reopened: int = 0


class _Words:
    """What :func:`.pairs.trigger_vote` and :func:`.pairs.act_evidence` read: enough to rule out
    most pairs of two documents without the full features. The kinds of act named around the
    trigger are read only when asked (only pairs with a generic trigger need them)."""

    __slots__ = ("trigger_key", "trigger_kind", "names", "actor1", "_mention", "_context")

    def __init__(self, mention: Mention, block: BlockFeatures, f: MentionFeatures | None):
        self.trigger_key = f.trigger_key if f is not None else trigger_key(mention)
        self.trigger_kind = block.trigger_kind
        self.names = block.names
        self.actor1 = block.actor1
        self._mention = mention
        self._context = f.context_kinds if f is not None else None

    @property
    def context_kinds(self) -> frozenset[str]:
        if self._context is None:
            self._context = context_kinds(self._mention)
        return self._context


@dataclass
class _Graph:
    """Every mention (stored and new) in its blocks, in the order ``candidate_pairs`` uses."""

    mentions: list[Mention]
    blocks_of: list[list[tuple]]
    blocks: dict[tuple, list[int]]
    rank: list[int]
    placed: list[bool]
    bf: list[BlockFeatures]

    def position(self, i: int, key: tuple) -> int:
        """Where mention ``i`` sits in block ``key`` (blocks are sorted by rank)."""
        return bisect_left(self.blocks[key], self.rank[i], key=self.rank.__getitem__)

    def partners(self, i: int) -> set[int]:
        """The mentions ``candidate_pairs`` pairs with ``i`` (either side of the pair)."""
        out: set[int] = set()
        for key in self.blocks_of[i]:
            members = self.blocks[key]
            if len(members) < 2:
                continue
            unplaced_block = len(key) > 1 and key[1] == UNPLACED
            if not unplaced_block and key[0] == "doc" and len(members) <= DOC_BLOCK_ALL:
                out.update(members)
                continue
            pos = self.position(i, key)
            window = members[max(0, pos - BLOCK_WINDOW): pos + BLOCK_WINDOW + 1]
            if unplaced_block and self.placed[i]:
                # a placed mention pairs there only with the country-less ones near it
                window = [j for j in window if not self.placed[j]]
            out.update(window)
        out.discard(i)
        return out


def _graph(mentions: list[Mention], bf: list[BlockFeatures]) -> _Graph:
    """Place every mention in its blocks, each block in :func:`.pairs.block_order`."""
    order = [block_order(f) for f in bf]
    ranked = sorted(range(len(bf)), key=order.__getitem__)
    del order
    rank = [0] * len(bf)
    for r, i in enumerate(ranked):
        rank[i] = r
    blocks_of = [block_keys(f) for f in bf]
    blocks: dict[tuple, list[int]] = defaultdict(list)  # (no new list per look-up, as setdefault makes)
    for i in ranked:
        for key in blocks_of[i]:
            blocks[key].append(i)
    return _Graph(mentions, blocks_of, blocks, rank, [placed_mention(f) for f in bf], bf)


def _lost_pairs(g: _Graph, i: int, is_new: list[bool]) -> Iterator[tuple[int, int]]:
    """Pairs of stored mentions that new mention ``i``, sorted between them, pushes out of each
    other's window in one of its blocks (they may still pair in another block)."""
    for key in g.blocks_of[i]:
        if key[0] == "doc":
            continue  # a document with new mentions reopens all its events (see plan_reopening)
        members = g.blocks[key]
        pos = g.position(i, key)
        left = _old_neighbours(members, range(pos - 1, -1, -1), is_new)
        right = _old_neighbours(members, range(pos + 1, len(members)), is_new)
        unplaced = len(key) > 1 and key[1] == UNPLACED
        for s, (pa, a) in enumerate(left):
            for t, (pb, b) in enumerate(right[: BLOCK_WINDOW - s]):
                # s + t + 1 stored mentions apart before, pb - pa positions now
                if pb - pa > BLOCK_WINDOW and not (unplaced and g.placed[a] and g.placed[b]):
                    yield a, b


def _old_neighbours(members: list[int], positions: range, is_new: list[bool]) -> list[tuple[int, int]]:
    """The first ``BLOCK_WINDOW`` stored mentions at ``positions`` of a block, with their positions."""
    out = []
    for p in positions:
        j = members[p]
        if not is_new[j]:
            out.append((p, j))
            if len(out) == BLOCK_WINDOW:
                break
    return out


@dataclass
class _Search:
    """State of the outward search for the events to reopen."""

    g: _Graph
    event_of: list[int]  # index of each mention's stored event, -1 for new mentions
    members_of: list[list[int]]  # mention indices of each stored event
    by_doc: dict[str, list[int]]
    threshold: float
    reopen: set[int] = field(default_factory=set)  # mentions to re-cluster
    queue: list[int] = field(default_factory=list)
    feats: dict[int, MentionFeatures] = field(default_factory=dict)
    scores: dict[tuple[int, int], float | None] = field(default_factory=dict)
    docs: set[str] = field(default_factory=set)  # documents whose anaphors are known
    resolved: set[int] = field(default_factory=set)
    anaphors: dict[int, list[int]] = field(default_factory=dict)  # both directions
    anaphor_edges: list[tuple[int, int]] = field(default_factory=list)
    events: set[int] = field(default_factory=set)
    near: dict[int, set[int]] = field(default_factory=dict)  # partners, once per mention
    words: dict[int, _Words] = field(default_factory=dict)

    def partners(self, i: int) -> set[int]:
        """:meth:`_Graph.partners`, once per mention."""
        p = self.near.get(i)
        if p is None:
            p = self.near[i] = self.g.partners(i)
        return p

    def feature(self, i: int) -> MentionFeatures:
        """The full features of mention ``i``, once."""
        f = self.feats.get(i)
        if f is None:
            f = self.feats[i] = features(self.g.mentions[i], self.g.bf[i])
        return f

    def add(self, i: int) -> None:
        """Reopen mention ``i`` and, for a stored one, its whole event."""
        e = self.event_of[i]
        todo = [i] if e < 0 else self.members_of[e]
        if e >= 0:
            self.events.add(e)
        for j in todo:
            if j not in self.reopen:
                self.reopen.add(j)
                self.queue.append(j)

    def know_doc(self, doc_id: str) -> None:
        """Find the anaphors of a document (over all its mentions, as a full merge does)."""
        if doc_id in self.docs:
            return
        self.docs.add(doc_id)
        idx = self.by_doc[doc_id]
        for a, b in anaphor_pairs([self.feature(i) for i in idx]):
            ia, ib = idx[a], idx[b]
            self.resolved.add(ia)
            self.anaphors.setdefault(ia, []).append(ib)
            self.anaphors.setdefault(ib, []).append(ia)
            self.anaphor_edges.append((ia, ib))

    def score(self, i: int, j: int) -> float | None:
        """``pair_score`` of a candidate pair, once."""
        key = (i, j) if i < j else (j, i)
        if key not in self.scores:
            a, b = self.g.bf[i], self.g.bf[j]
            if a.family != b.family and not same_kind(a, b):  # type: ignore[arg-type]
                self.scores[key] = None  # (pair_score's first test, without the full features)
            elif a.doc_id != b.doc_id and not self.words_agree(i, j):
                self.scores[key] = None  # (its next test for two documents, from the words)
            else:
                self.scores[key] = pair_score(self.feature(key[0]), self.feature(key[1]))
        return self.scores[key]

    def words_agree(self, i: int, j: int) -> bool:
        """:func:`.pairs.act_evidence` of two mentions of different documents (for such a pair
        it is what :func:`.pairs.pair_score` checks right after the types), from their words."""
        wi, wj = self.word(i), self.word(j)
        return act_evidence(wi, wj, trigger_vote(wi, wj), shared_name_count(wi, wj))  # type: ignore[arg-type]

    def word(self, i: int) -> _Words:
        """What the words of mention ``i`` say (from its full features when already computed)."""
        w = self.words.get(i)
        if w is None:
            w = self.words[i] = _Words(self.g.mentions[i], self.g.bf[i], self.feats.get(i))
        return w

    def edge(self, i: int, j: int) -> float | None:
        """The edge score of a candidate pair (:func:`.core.edge_score`); both documents known."""
        s = self.score(i, j)
        if s is None or s < self.threshold:
            return None
        if i > j:
            i, j = j, i  # (scored in index order, as a full merge does)
        return edge_score(self.feature(i), self.feature(j), i in self.resolved, j in self.resolved, self.threshold)

    def run(self) -> None:
        """Reopen until nothing outside has an edge to anything reopened (condition 1)."""
        while self.queue:
            i = self.queue.pop()
            self.know_doc(self.g.bf[i].doc_id)
            for j in self.anaphors.get(i, ()):
                if j not in self.reopen:
                    self.add(j)
            for j in self.partners(i):
                if j in self.reopen:
                    continue  # (the edges among reopened mentions are scored at the end)
                s = self.score(i, j)
                if s is None or s < self.threshold:
                    continue
                self.know_doc(self.g.bf[j].doc_id)
                if self.edge(i, j) is not None:
                    self.add(j)


def plan_reopening(new: list[Mention], events: list[Event], threshold: float) -> Reopening:
    """Which of ``events`` a merge of the ``new`` mentions into them must re-cluster, and the
    edges to re-cluster them with (see the module docstring for why the result equals one full
    merge of everything)."""
    new_ids = {m.mention_id for m in new}
    stored: dict[str, Mention] = {}
    event_at: dict[str, int] = {}
    for n, ev in enumerate(events):
        for m in ev.mentions:
            if m.mention_id in new_ids:
                raise ValueError(f"new mention {m.mention_id} is already in a stored event")
            if m.mention_id not in stored:
                stored[m.mention_id] = m
                event_at[m.mention_id] = n
    everything = {**stored, **{m.mention_id: m for m in new}}
    mentions = sorted(everything.values(), key=lambda m: m.mention_id)
    event_of = [-1 if m.mention_id in new_ids else event_at[m.mention_id] for m in mentions]
    bf = [block_features(m) for m in mentions]
    g = _graph(mentions, bf)
    members_of: list[list[int]] = [[] for _ in events]
    by_doc: dict[str, list[int]] = {}
    for i, e in enumerate(event_of):
        if e >= 0:
            members_of[e].append(i)
        by_doc.setdefault(bf[i].doc_id, []).append(i)
    search = _Search(g, event_of, members_of, by_doc, threshold)
    is_new = [e < 0 for e in event_of]
    for i, m in enumerate(mentions):
        if is_new[i]:
            search.add(i)
            for j in by_doc[m.doc_id]:
                if not is_new[j]:
                    search.add(j)  # condition 3
            for a, b in _lost_pairs(g, i, is_new):
                if event_of[a] == event_of[b] and event_of[a] not in search.events and b not in search.partners(a):
                    search.add(a)  # condition 2
    search.run()
    return _reopening(search, events)


def _reopening(search: _Search, events: list[Event]) -> Reopening:
    """The re-clustering input: the reopened mentions in id order, their features and edges."""
    g = search.g
    chosen = sorted(search.reopen)  # indices are in mention-id order
    local = {i: n for n, i in enumerate(chosen)}
    edges: list[tuple[float, int, int]] = []
    for i in chosen:
        for j in search.partners(i):
            if j > i and j in local:
                e = search.edge(i, j)
                if e is not None:
                    edges.append((-e, local[i], local[j]))
    edges += [(-ANAPHOR_SCORE, min(local[a], local[b]), max(local[a], local[b]))
              for a, b in search.anaphor_edges if a in local and b in local]
    kept = [ev for n, ev in enumerate(events) if n not in search.events]
    return Reopening(kept, [g.mentions[i] for i in chosen], [search.feature(i) for i in chosen], edges,
                     len(search.events))
