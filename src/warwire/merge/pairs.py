"""Blocking and pair scoring: which mentions are compared, and how alike two of them are.

Blocking keeps the cost near-linear: two mentions are compared only when they share a block —
the same document, or the same (type family, country, week) — and inside a large block only
with their ``BLOCK_WINDOW`` nearest neighbours in date order (sorted neighbourhood).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .features import DAY_SLACK, MentionFeatures, haversine_km, place_radius

#: Days per time bucket of the cross-document blocks: one week, so a day-precise mention falls in
#: one or two buckets and a month-precise one in five.
BUCKET_DAYS = 7

#: Dates coarser than this many days (years, long ranges) are blocked per year instead of per
#: week: placing them in every week would make them compare with everything.
LONG_INTERVAL_DAYS = 62

#: Within a block, each mention is compared with this many following mentions in date order.
#: Big enough that every report of one day's events in one country meets the others in any
#: realistic feed; small enough that cost stays linear when a block grows without bound.
BLOCK_WINDOW = 60

#: Country key of the block where mentions without a country meet every mention of their weeks.
UNPLACED = "?"

#: Score weights (a pair links when the sum reaches ``LINK_THRESHOLD``); each is a log-odds-like
#: vote, set on the seeds and synthetic data (see docs/stages/merge.md).
W_SAME_DAY = 1.0  # two day-precise dates that agree
W_COARSE_DATE = 0.4  # agreeing month/week/range dates
W_FALLBACK_DATE = 0.1  # a date that is only the publication date agrees
W_NEAR = 1.0  # site/town points within the radius
W_NEAR_COARSE = 0.3  # admin1/country points that agree
W_FAR = -1.0  # points further apart than the radius
W_OTHER_COUNTRY = -1.5  # located in different countries
W_ACTOR_COUNTRY = 0.4  # an actor's country agrees
W_ACTOR_CONFLICT = -0.7  # an actor's country disagrees
W_ACTOR_NAME = 0.4  # an actor's canonical name agrees
W_TEXT = 2.0  # times the Jaccard overlap of content words
W_TRIGGER = 0.5  # same trigger word (stem)
W_NAME = 0.6  # per shared proper name, at most two
W_SAME_TYPE = 0.3  # exactly the same PLOVER type, not only the family
W_SAME_DOC = 0.3  # within-document coreference is the common case
W_KILLED_AGREE = 0.5  # the same death toll
#: Sum of votes above which two mentions are taken as one act.
LINK_THRESHOLD = 1.6
#: Score of two mentions whose triggers overlap in one document: the same words, the same act.
SAME_ACT = 100.0


def block_keys(f: MentionFeatures) -> list[tuple]:
    """The blocks ``f`` belongs to: its document, and (family, country, time bucket) keys."""
    keys: list[tuple] = [("doc", f.doc_id)]
    countries = {f.country} if f.country else {c for c in (f.actor1[0], f.actor2[0]) if c}
    iv = f.interval
    if iv is None:
        return keys  # undated mentions merge only within their document
    if iv.end - iv.start > LONG_INTERVAL_DAYS:
        buckets = [("y", iv.end // 365)]
    else:
        lo, hi = (iv.start - DAY_SLACK) // BUCKET_DAYS, (iv.end + DAY_SLACK) // BUCKET_DAYS
        buckets = [("w", b) for b in range(lo, hi + 1)]
    for c in sorted(countries):
        keys += [(f.family, c, *b) for b in buckets]
    # Every dated mention also sits in the country-less block of its weeks, where mentions that
    # have no country meet their neighbours in date order (see candidate_pairs).
    keys += [(f.family, UNPLACED, *b) for b in buckets]
    return keys


def candidate_pairs(feats: Sequence[MentionFeatures]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) sharing a block, each once, neighbours only inside large blocks."""
    blocks: dict[tuple, list[int]] = {}
    for i, f in enumerate(feats):
        for k in block_keys(f):
            blocks.setdefault(k, []).append(i)
    seen: set[int] = set()
    n = len(feats)

    def emit(i: int, j: int) -> Iterator[tuple[int, int]]:
        lo, hi = (i, j) if i < j else (j, i)
        code = lo * n + hi
        if code not in seen:
            seen.add(code)
            yield lo, hi

    for key in sorted(blocks, key=repr):
        members = blocks[key]
        if len(members) < 2:
            continue
        members.sort(key=lambda i: (feats[i].interval.start if feats[i].interval else 0, feats[i].mention_id))
        if len(key) > 1 and key[1] == UNPLACED:
            # only pairs with at least one country-less mention, its neighbours on both sides
            for pos, i in enumerate(members):
                if _placed(feats[i]):
                    continue
                for j in members[max(0, pos - BLOCK_WINDOW) : pos + BLOCK_WINDOW + 1]:
                    if j != i:
                        yield from emit(i, j)
            continue
        for pos, i in enumerate(members):
            for j in members[pos + 1 : pos + 1 + BLOCK_WINDOW]:
                yield from emit(i, j)


def _placed(f: MentionFeatures) -> bool:
    return bool(f.country or f.actor1[0] or f.actor2[0])


def _actor_vote(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> float:
    vote = 0.0
    if a[0] and b[0]:
        vote += W_ACTOR_COUNTRY if a[0] == b[0] else W_ACTOR_CONFLICT
    if a[1] and b[1] and a[1] == b[1]:
        vote += W_ACTOR_NAME
    return vote


def pair_score(a: MentionFeatures, b: MentionFeatures) -> float | None:
    """How alike two mentions are; None when they cannot be the same act."""
    if a.family != b.family:
        return None
    same_doc = a.doc_id == b.doc_id
    if same_doc:
        if a.trigger_span[0] < b.trigger_span[1] and b.trigger_span[0] < a.trigger_span[1]:
            return SAME_ACT
        if a.sentence_start == b.sentence_start:
            return None  # two triggers in one sentence are two acts ("missiles, then drones")
    score = W_SAME_DOC if same_doc else 0.0
    ia, ib = a.interval, b.interval
    if ia is not None and ib is not None:
        if max(ia.start, ib.start) - min(ia.end, ib.end) > DAY_SLACK:
            return None
        if ia.exact and ib.exact:
            score += W_SAME_DAY
        elif ia.fallback or ib.fallback:
            score += W_FALLBACK_DATE
        else:
            score += W_COARSE_DATE
    if a.country and b.country and a.country != b.country:
        score += W_OTHER_COUNTRY
    elif a.lat is not None and b.lat is not None:
        radius = place_radius(a, b)
        d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
        if d <= radius:
            precise = radius <= 50
            score += W_NEAR if precise else W_NEAR_COARSE
        elif radius <= 50 and d > 3 * radius:
            return None  # two precise places far apart are two acts
        else:
            score += W_FAR
    score += _actor_vote(a.actor1, b.actor1) + _actor_vote(a.actor2, b.actor2)
    if a.tokens and b.tokens:
        score += W_TEXT * len(a.tokens & b.tokens) / len(a.tokens | b.tokens)
    if a.trigger_key and a.trigger_key == b.trigger_key:
        score += W_TRIGGER
    if a.names and b.names:
        score += W_NAME * min(2, len(a.names & b.names))
    if a.type == b.type:
        score += W_SAME_TYPE
    if a.killed is not None and b.killed is not None and a.killed == b.killed and a.killed > 0:
        score += W_KILLED_AGREE
    return score
