"""Blocking and pair scoring: which mentions are compared, and how alike two of them are.

Blocking keeps the cost near-linear: two mentions are compared only when they share a block —
the same document, the same (type family, country, week), or the same proper name — and inside
a large block only with their ``BLOCK_WINDOW`` nearest neighbours in (date, place cell, kind)
order (sorted neighbourhood).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterator, Sequence

from ..geo.build import haversine_km
from .features import DAY_SLACK, GENERIC, RESULTS, BlockFeatures, MentionFeatures, place_radius

#: Days per time bucket of the cross-document blocks: one week, so a day-precise mention falls in
#: one or two buckets and a month-precise one in five.
BUCKET_DAYS = 7

#: Dates coarser than this many days (years, long ranges) are blocked per year instead of per
#: week: placing them in every week would make them compare with everything.
LONG_INTERVAL_DAYS = 62

#: Within a block, each mention is compared with this many following mentions in (date, place
#: cell, kind of act) order. The reports of one act sort next to each other, and single-link
#: clustering joins a run of them through consecutive pairs, so a short window finds them even
#: in a crowded block; a fixed window keeps the cost linear however dense a block grows (a 10×
#: bigger feed over the same months and countries).
BLOCK_WINDOW = 10

#: Articles up to this many mentions compare every pair of their mentions (an article is small;
#: within-article coreference is where most merging happens).
DOC_BLOCK_ALL = 300

#: Country key of the block where mentions without a country meet every mention of their weeks.
UNPLACED = "?"

#: Kilometres per degree of latitude on the sphere of ``haversine_km`` (radius 6371 km). The
#: difference of two latitudes is a lower bound of their great-circle distance, which settles
#: most "far apart" questions without the trigonometry (most candidate pairs in a crowded
#: country-week block are hundreds of km apart).
KM_PER_DEG_LAT = 6371.0 * math.pi / 180
#: Relative margin on that bound, far above rounding error, so that the shortcut answers only
#: where the exact distance would answer the same.
_BOUND_MARGIN = 1e-9

#: Score weights (a pair links when the sum reaches ``LINK_THRESHOLD``); each is a log-odds-like
#: vote, set on the seeds and synthetic data (see docs/stages/merge.md).
#: Dates further apart than this are two acts whatever else agrees. Closer disagreements are
#: only a penalty: a mention that looks back at an earlier act often inherits its sentence's date.
DATE_VETO_DAYS = 31
W_DATE_CONFLICT = -1.5  # dates that disagree by more than a day (and less than the veto)
W_SAME_DAY = 1.0  # two day-precise dates that agree
W_COARSE_DATE = 0.3  # agreeing month/week/range dates
W_FALLBACK_DATE = 0.0  # a date that is only the publication date agrees: no evidence
W_NEAR = 0.8  # site/town points within the radius
W_NEAR_COARSE = 0.2  # admin1/country points that agree
W_FAR = -1.0  # points further apart than the radius
W_VERY_FAR = -2.0  # precise points more than three radii apart (not a veto: geocoding errs)
W_OTHER_COUNTRY = -1.0  # located in different countries (often a geocoding slip, so no veto)
#: ... when one of the two is only a country reading: those often come from a nationality or an
#: actor ("Iranian general") rather than from where the act happened
W_OTHER_COUNTRY_COARSE = -0.4
#: Consecutive sentences of one article about the same kind of act usually tell one act
#: ("Missiles rained down on the bases. Waves of missiles hit Ain al-Asad …").
W_NEXT_SENTENCE = 0.7
#: Sentences closer than this many characters (the gap between them) count as consecutive.
NEXT_SENTENCE_GAP = 3
W_ACTOR_COUNTRY = 0.3  # an actor's country agrees
W_ACTOR_CONFLICT = -0.8  # an actor's country disagrees
#: One report's target is the other's initiator (and the initiators differ): an attack and the
#: answer to it ("an attack that killed a US contractor" vs "US airstrikes"), not one act.
W_ROLE_REVERSAL = -0.8
W_TARGET_CONFLICT = -0.4  # a target's country disagrees (targets are often read off places)
W_ACTOR_NAME = 0.6  # an actor's canonical name agrees ("Qassem Soleimani" as the target)
#: Two unnamed targets with the same specific head noun ("an attack on a military parade", "the
#: attack on the parade"): as telling as a shared canonical name.
W_TARGET_HEAD = 0.6
W_TEXT = 2.0  # times the Jaccard overlap of content words
W_TRIGGER = 1.0  # same trigger word (stem)
W_KIND = 0.7  # triggers of the same kind of act ("airstrikes", "bombings")
W_GENERIC = 0.3  # one trigger is generic ("attack") and the other is of its type
W_NAME = 0.8  # per shared proper name near the triggers, at most two
W_UNDATED = -0.3  # across documents, a mention with no date at all: weak, other evidence decides
#: A date borrowed from a neighbouring sentence is no evidence for or against a pair, except
#: when it is years away: then the paragraph is about another time altogether.
WEAK_DATE_VETO_DAYS = 366
W_INDEFINITE = -1.0  # in one article, "a … attack" after another act introduces a new act
W_SAME_DOC_KIND = 0.5  # one article naming one specific kind of act again usually means the same act
W_SAME_TYPE = 0.2  # exactly the same PLOVER type, not only the family
W_KILLED_AGREE = 0.5  # the same death toll
#: Sum of votes above which two mentions are taken as one act. Chosen on the seeds: 2.0 joins no
#: more multi-article events and puts one more pair of distinct core events into one event.
LINK_THRESHOLD = 2.2
#: Score of two mentions whose triggers overlap in one document: the same words, the same act.
SAME_ACT = 100.0
#: Name keys shorter than this make no block of their own (a three-consonant key is ambiguous).
NAME_BLOCK_MIN_LEN = 4


def block_keys(f: MentionFeatures | BlockFeatures) -> list[tuple]:
    """The blocks ``f`` belongs to: its document, and (family, country, time bucket) keys."""
    family = f.family
    keys: list[tuple] = [("doc", f.doc_id)]
    if f.names:
        # names near the trigger meet mentions across documents even when dates or places are
        # missing or wrong upstream ("Soleimani", "Taji")
        keys += [("name", n) for n in sorted(f.names) if len(n) >= NAME_BLOCK_MIN_LEN]
    a1, a2 = f.actor1, f.actor2
    if a1[1]:
        # a named initiator ("the Iraqi parliament") meets its other reports even when dates or
        # places are missing upstream
        keys.append(("actor", family, a1[1]))
    if a2[1]:
        # so does a named target ("was killed in a drone strike" → the person killed)
        keys.append(("target", family, a2[1]))
    iv = f.interval
    if iv is None:
        return keys  # undated mentions merge only within their document
    countries = (f.country,) if f.country else sorted({c for c in (a1[0], a2[0]) if c})
    # Every dated mention also sits in the country-less block of its weeks, where mentions that
    # have no country meet their neighbours in date order (see candidate_pairs).
    if iv.end - iv.start > LONG_INTERVAL_DAYS:
        year = iv.end // 365
        keys += [(family, c, "y", year) for c in countries]
        keys.append((family, UNPLACED, "y", year))
    else:
        weeks = range((iv.start - DAY_SLACK) // BUCKET_DAYS, (iv.end + DAY_SLACK) // BUCKET_DAYS + 1)
        for c in countries:
            keys += [(family, c, "w", w) for w in weeks]
        keys += [(family, UNPLACED, "w", w) for w in weeks]
    return keys


def block_order(f: MentionFeatures | BlockFeatures) -> tuple:
    """Sort key inside a block: date, then a coarse place cell and the kind of act, so that the
    reports of one act sit next to each other even in a crowded block (reads only what
    :class:`.features.BlockFeatures` has)."""
    return (f.interval.start if f.interval else 0,
            (round(f.lat), round(f.lon)) if f.lat is not None else (999, 999),
            f.trigger_kind or "", f.mention_id)


def candidate_pairs(feats: Sequence[MentionFeatures]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) sharing a block, each once, neighbours only inside large blocks.

    Pairs come grouped by their first index, second indices ascending, first indices in date
    order (the order does not matter to the merge: edges are sorted globally; date order keeps
    the features a stretch of pairs reads in the processor's caches).
    """
    order = [block_order(f) for f in feats]
    # One sort of all mentions, then blocks filled in that order, so every block is born sorted:
    # sorting each block instead cost more per mention the fuller blocks grew.
    ranked = sorted(range(len(feats)), key=order.__getitem__)
    del order
    blocks: dict[tuple, list[int]] = defaultdict(list)  # (setdefault would make a list per look-up)
    for i in ranked:
        for k in block_keys(feats[i]):
            blocks[k].append(i)
    placed = [placed_mention(f) for f in feats]
    # Each pair is filed under its smaller index and deduplicated per mention (a pair shares
    # several blocks: its document's weeks, a name, an actor). One set of every pair seen would
    # hold millions of entries at 200,000 mentions, and each look-up in it would be a cache miss:
    # a cost per pair that grew with the feed.
    later: list[list[int]] = [[] for _ in feats]
    for key, members in blocks.items():  # any order: edges are sorted globally later
        if len(members) < 2:
            continue
        unplaced_block = len(key) > 1 and key[1] == UNPLACED
        for pos, i in enumerate(members):
            if unplaced_block:
                # only pairs with a country-less mention, its neighbours on both sides
                if placed[i]:
                    continue
                window = members[max(0, pos - BLOCK_WINDOW) : pos + BLOCK_WINDOW + 1]
            elif key[0] == "doc" and len(members) <= DOC_BLOCK_ALL:
                window = members[pos + 1 :]  # within one article: every pair
            else:
                window = members[pos + 1 : pos + 1 + BLOCK_WINDOW]
            for j in window:
                if j > i:
                    later[i].append(j)
                elif j < i:
                    later[j].append(i)
    del blocks, placed
    for i in ranked:
        partners = later[i]
        if partners:
            for j in sorted(set(partners)):
                yield i, j


def far_apart(lat1: float, lon1: float, lat2: float, lon2: float, km: float, exact: bool = True) -> bool:
    """Whether two points are more than ``km`` apart (great-circle, as ``haversine_km``).

    The difference of latitudes answers first (it is a lower bound of the distance for valid
    latitudes); only when it does not settle the question is the exact distance computed — or,
    with ``exact=False``, False is returned and the caller computes it itself.
    """
    if -90.0 <= lat1 <= 90.0 and -90.0 <= lat2 <= 90.0:
        if abs(lat1 - lat2) * KM_PER_DEG_LAT > km * (1.0 + _BOUND_MARGIN):
            return True
    return exact and haversine_km(lat1, lon1, lat2, lon2) > km


def placed_mention(f: MentionFeatures | BlockFeatures) -> bool:
    """Whether the mention has a location of its own. A country read only off its actors ("US
    air strikes") is a guess of where it happened, so such a mention still meets its neighbours
    in the country-less block (a cause named inside another act's sentence has no place)."""
    return bool(f.country)


def _actor_vote(a: tuple[str | None, str | None], b: tuple[str | None, str | None],
                conflict: float = W_ACTOR_CONFLICT) -> float:
    vote = 0.0
    if a[0] and b[0]:
        if a[0] == b[0]:
            vote += W_ACTOR_COUNTRY
        else:
            # an actor known only by a country was read off a nearby place or nationality
            vote += conflict if a[1] and b[1] else conflict / 2
    if a[1] and b[1] and a[1] == b[1]:
        vote += W_ACTOR_NAME
    return vote


#: Kinds of act that kill: a RESULT word ("killing") may name any of them.
MEANS = frozenset({"air", "drone", "missile", "blast", "clash"})


def trigger_vote(a: MentionFeatures, b: MentionFeatures) -> float:
    """How well the two triggers name the same kind of act; 0 when they name different kinds."""
    if a.trigger_key and a.trigger_key == b.trigger_key:
        return W_TRIGGER
    ka, kb = a.trigger_kind, b.trigger_kind
    if ka == GENERIC and kb and kb in a.context_kinds or kb == GENERIC and ka and ka in b.context_kinds:
        return W_KIND  # "waves of missiles hit" names the same kind as "missiles rained down"
    if ka and kb:
        if ka == kb:
            return W_KIND if ka != GENERIC else W_GENERIC
        if GENERIC in (ka, kb) or ((ka in RESULTS or kb in RESULTS) and (ka in MEANS or kb in MEANS)):
            return W_GENERIC  # "the killing" may be the result of "the drone strike"
        return 0.0
    return W_GENERIC if (ka == GENERIC or kb == GENERIC) else 0.0


def _reversed(a: MentionFeatures, b: MentionFeatures) -> bool:
    """``a``'s target country initiates ``b`` while ``a``'s initiator is someone else — unless
    ``b`` is read as an act of a country against itself: then its initiator's country is a
    nationality slip ("the Iranian parade attack"), not the other side answering."""
    return (bool(a.actor2[0]) and a.actor2[0] == b.actor1[0] and a.actor1[0] != b.actor1[0]
            and b.actor1[0] != b.actor2[0])


def _date_vote(ia, ib) -> float | None:  # type: ignore[no-untyped-def]
    """Date evidence of a pair (None: a veto). A date that is only the publication date bounds
    the act from above: the report may look back at any earlier act, never at a later one."""
    if ia.fallback != ib.fallback:
        fb, real = (ia, ib) if ia.fallback else (ib, ia)
        if real.start - fb.end > DATE_VETO_DAYS:
            return None
        return W_FALLBACK_DATE
    gap = max(ia.start, ib.start) - min(ia.end, ib.end)
    if gap > DATE_VETO_DAYS:
        return None
    if gap > DAY_SLACK:
        return W_DATE_CONFLICT
    if ia.exact and ib.exact:
        return W_SAME_DAY
    if ia.fallback or ib.fallback:
        return W_FALLBACK_DATE
    return W_COARSE_DATE


def same_kind(a: MentionFeatures, b: MentionFeatures) -> bool:
    """Both triggers name one specific kind of act (so two mentions in one sentence may corefer:
    a headline "assassinates" and its deck's "assassination")."""
    return a.trigger_kind is not None and a.trigger_kind == b.trigger_kind and a.trigger_kind != GENERIC


def shared_name_count(a, b) -> int:  # type: ignore[no-untyped-def]
    """Names two mentions share near their triggers (for acts of no kind, a named initiator counts).

    Reads ``names``, ``trigger_kind`` and ``actor1`` only (a :class:`MentionFeatures` or anything
    with those attributes).
    """
    shared = len(a.names & b.names) if a.names and b.names else 0
    if a.trigger_kind is None and b.trigger_kind is None and a.actor1[1] and a.actor1[1] == b.actor1[1]:
        # demands, sanctions, deployments name no kind of act: the same named initiator ("the
        # Iraqi parliament") is what says which act two reports tell
        shared += 1
    return shared


def act_evidence(a, b, trig: float, shared_names: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether the words can name one act: triggers of compatible kinds, and a name when the
    triggers agree only as generic words (``trig``: :func:`trigger_vote`). Without it
    :func:`pair_score` is None."""
    if trig == 0.0 and (a.trigger_kind or b.trigger_kind):
        return False  # "drone strikes" and "missile strike": two acts
    return not (trig < W_KIND and shared_names == 0)  # a generic trigger needs a name to say which act


def pair_score(a: MentionFeatures, b: MentionFeatures) -> float | None:
    """How alike two mentions are; None when they cannot be the same act.

    Dates, places and actors only confirm or refute: the pair needs evidence that the words
    name the same act — triggers of one kind, or a shared name with a compatible trigger.
    """
    if a.family != b.family and not same_kind(a, b):
        return None  # (extractors type "storming" as PROTEST or ASSAULT: the kind decides)
    same_doc = a.doc_id == b.doc_id
    if same_doc:
        if a.trigger_span[0] < b.trigger_span[1] and b.trigger_span[0] < a.trigger_span[1]:
            return SAME_ACT
    trig = trigger_vote(a, b)
    if same_doc and a.sentence_start == b.sentence_start and not same_kind(a, b):
        return None  # two kinds of act in one sentence are two acts ("missiles, then drones")
    shared_names = shared_name_count(a, b)
    if not act_evidence(a, b, trig, shared_names):
        return None
    score = trig + W_NAME * min(2, shared_names)
    if same_doc and same_kind(a, b):
        score += W_SAME_DOC_KIND
    if same_doc:
        later = a if a.trigger_span[0] > b.trigger_span[0] else b
        earlier = b if later is a else a
        if later.new_act and not earlier.new_act and same_kind(a, b):
            return None  # "another embassy invasion": not the one told before
        # "an embassy invasion" in an article that told the storming of the embassy: the same
        # site names the act (a new one would say "another", "a second": see features._NEW_ACT)
        if later.indefinite and not (later.site_names & earlier.names and not later.new_act):
            score += W_INDEFINITE
    ongoing = a.ongoing or b.ongoing
    if (a.weak_date or b.weak_date) and not same_doc and not ongoing:
        if a.interval is not None and b.interval is not None:
            gap = max(a.interval.start, b.interval.start) - min(a.interval.end, b.interval.end)
            if gap > WEAK_DATE_VETO_DAYS:
                return None
    ia = None if a.weak_date or ongoing else a.interval
    ib = None if b.weak_date or ongoing else b.interval
    if (a.interval is None or b.interval is None) and not same_doc:
        score += W_UNDATED
    if ia is not None and ib is not None:
        vote = _date_vote(ia, ib)
        if vote is None:
            return None
        score += vote
    if ongoing:
        pass  # a sanctions regime has no place: its country is read off its parties
    elif a.country and b.country and a.country != b.country:
        coarse = "country" in (a.precision, b.precision) or "region" in (a.precision, b.precision)
        score += W_OTHER_COUNTRY_COARSE if coarse else W_OTHER_COUNTRY
    elif a.lat is not None and b.lat is not None:
        radius = place_radius(a, b)
        if far_apart(a.lat, a.lon, b.lat, b.lon, 3 * radius, exact=False):  # type: ignore[arg-type]
            score += W_VERY_FAR  # (the latitudes alone say so: see far_apart)
        else:
            d = haversine_km(a.lat, a.lon, b.lat, b.lon)  # type: ignore[arg-type]
            if d <= radius:
                score += W_NEAR if radius <= 50 else W_NEAR_COARSE
            else:
                score += W_FAR if d <= 3 * radius else W_VERY_FAR
    score += _actor_vote(a.actor1, b.actor1) + _actor_vote(a.actor2, b.actor2, W_TARGET_CONFLICT)
    if _reversed(a, b) or _reversed(b, a):
        score += W_ROLE_REVERSAL
    if a.target_head and a.target_head == b.target_head:
        score += W_TARGET_HEAD
    if same_doc and trig >= W_KIND and (
        0 <= b.sentence_start - a.sentence_end <= NEXT_SENTENCE_GAP
        or 0 <= a.sentence_start - b.sentence_end <= NEXT_SENTENCE_GAP
    ):
        score += W_NEXT_SENTENCE
    if a.tokens and b.tokens:
        shared = len(a.tokens & b.tokens)  # (the union's size by counting: no set built per pair)
        score += W_TEXT * shared / (len(a.tokens) + len(b.tokens) - shared)
    if a.type == b.type:
        score += W_SAME_TYPE
    if a.killed is not None and b.killed is not None and a.killed == b.killed and a.killed > 0:
        score += W_KILLED_AGREE
    return score
