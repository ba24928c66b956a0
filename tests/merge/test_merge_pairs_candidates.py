"""Candidate pairs and the distance shortcut: the same pairs and votes as the plain definitions."""

from __future__ import annotations

import math
import random

from warwire.geo.build import haversine_km
from warwire.merge.features import features
from warwire.merge.pairs import (
    BLOCK_WINDOW, DOC_BLOCK_ALL, UNPLACED, block_keys, candidate_pairs, far_apart,
)
from warwire.model import Actor, Mention, Place, Span, TimeValue

#: Words the generated sentences are made of (written for this test).
_TRIGGERS = ["air strike", "rocket fire", "drone attack", "clashes", "attack"]
_TOWNS = [("Northtown", "AAA", 10.0, 20.0), ("Southtown", "AAA", 10.3, 20.2),
          ("Rivertown", "BBB", -5.0, 33.0), ("Hilltown", "BBB", -5.1, 33.4)]


def _feed(n: int, seed: int) -> list[Mention]:
    """``n`` mentions in crowded blocks: few towns and days, several mentions per document, some
    with no place (the country-less block) and some with no date."""
    rng = random.Random(seed)
    out = []
    for k in range(n):
        trig = rng.choice(_TRIGGERS)
        sentence = f"The {trig} near the market was reported by witnesses on day {k}."
        offset = 100 * (k % 4)
        town = rng.choice(_TOWNS)
        place = None if rng.random() < 0.25 else Place(
            text=town[0], name=town[0], country=town[1], lat=town[2], lon=town[3], precision="town")
        day = 1 + rng.randrange(20)
        date = None if rng.random() < 0.1 else TimeValue(date=f"2022-03-{day:02d}", precision="day")
        out.append(Mention(
            mention_id=f"m{k:04d}", doc_id=f"doc{k // 4}", type="ASSAULT",
            trigger=Span(offset + 4, offset + 4 + len(trig), trig),
            sentence=Span(offset, offset + len(sentence), sentence),
            actor1=Actor(text="the army", name="Army", country=town[1]),
            location=place, date=date, published="2022-03-25", confidence=0.6,
        ))
    return out


def _reference_pairs(feats) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """The pairs the blocking promises, straight from its definition (no shortcut)."""
    blocks: dict[tuple, list[int]] = {}
    for i, f in enumerate(feats):
        for key in block_keys(f):
            blocks.setdefault(key, []).append(i)

    def order(i: int) -> tuple:
        f = feats[i]
        cell = (round(f.lat), round(f.lon)) if f.lat is not None else (999, 999)
        return (f.interval.start if f.interval else 0, cell, f.trigger_kind or "", f.mention_id)

    out: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        members = sorted(members, key=order)
        for p, i in enumerate(members):
            for q, j in enumerate(members):
                if q <= p:
                    continue
                if len(key) > 1 and key[1] == UNPLACED:
                    ok = q - p <= BLOCK_WINDOW and (not feats[i].country or not feats[j].country)
                elif key[0] == "doc" and len(members) <= DOC_BLOCK_ALL:
                    ok = True
                else:
                    ok = q - p <= BLOCK_WINDOW
                if ok:
                    out.add((min(i, j), max(i, j)))
    return out


def test_candidate_pairs_yields_each_blocked_pair_once_smaller_index_first():
    feats = [features(m) for m in _feed(240, seed=5)]
    pairs = list(candidate_pairs(feats))
    assert len(pairs) == len(set(pairs))
    assert all(i < j for i, j in pairs)
    assert set(pairs) == _reference_pairs(feats)


def test_far_apart_agrees_with_the_exact_distance():
    rng = random.Random(11)
    points = [(rng.uniform(-90, 90), rng.uniform(-180, 180)) for _ in range(300)]
    # near pairs too (the shortcut must leave them to the exact distance), and latitudes out of
    # range (bad upstream data: no shortcut may be taken for them)
    points += [(lat + rng.uniform(-0.5, 0.5), lon + rng.uniform(-0.5, 0.5)) for lat, lon in points[:100]]
    points += [(95.0, 10.0), (-120.0, 3.0), (float("nan"), 0.0)]
    for (la, lo), (lb, lob) in zip(points, reversed(points)):
        for km in (25.0, 120.0, 150.0, 4500.0):
            exact = haversine_km(la, lo, lb, lob) > km
            assert far_apart(la, lo, lb, lob, km) == exact
            # without the exact step it only ever answers "far" when the distance says so
            if far_apart(la, lo, lb, lob, km, exact=False):
                assert exact


def test_far_apart_takes_the_latitude_shortcut_only_beyond_the_distance():
    # one degree of latitude is about 111.2 km on the 6371 km sphere
    assert far_apart(10.0, 20.0, 12.0, 20.0, 200.0, exact=False)
    assert not far_apart(10.0, 20.0, 11.0, 20.0, 200.0, exact=False)
    assert math.isclose(haversine_km(10.0, 20.0, 11.0, 20.0), 111.19, rel_tol=1e-3)
