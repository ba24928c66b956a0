"""Merge throughput on synthetic mentions: time for N and 10×N mentions, and the ratio.

Usage: .venv/bin/python benchmarks/bench_merge.py [--sizes 20000 200000] [--seed 7]
       [--density constant|rising] [--repeat 2]

Synthetic feed: events over 60 countries, each reported by 1–8 mentions in different documents,
with trigger words of the event's kind, jittered dates (some month-precise, some only the
publication date), jittered points, actors and a shared site name. The score of the merge
itself (pairwise precision/recall against the generating events) is printed too, so a faster
merge that stops merging cannot pass unnoticed.

Density: with ``--density constant`` (the default) the feed spans days in proportion to its
size — ``REFERENCE_DAYS`` days at ``REFERENCE_MENTIONS`` mentions, so the 200,000-mention feed is
the same as ever and 20,000 mentions span 73 days — and every size has the same number of events
per country and day, as a bigger real feed (more months of news) would. With ``--density
rising`` (the benchmark's earlier feed) every size spans the same two years, so a 10× feed is
10× denser and its blocks 10× fuller: that measures density as much as size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time

from warwire.merge import merge
from warwire.model import Actor, Mention, Place, Span, TimeValue

KINDS = {
    "air": ["airstrike", "air strike", "bombing", "raid"],
    "missile": ["missile attack", "rocket fire", "shelling"],
    "drone": ["drone strike", "drone attack"],
    "clash": ["clashes", "fighting", "ambush"],
}
FILLER = ("officials said reported local sources residents witnesses according statement "
          "morning night late early town village district province area people").split()
COUNTRIES = [f"C{i:02d}" for i in range(60)]
START = dt.date(2020, 1, 1).toordinal()
#: Days the feed spans (the rising-density feed, at every size).
DAYS = 730
#: The constant-density feed spans REFERENCE_DAYS at REFERENCE_MENTIONS mentions and days in
#: proportion to its size otherwise: the 200,000-mention feed is then the one measured before
#: (same seed, same events), and a 20,000-mention feed spans 73 days at the same density.
REFERENCE_MENTIONS = 200_000
REFERENCE_DAYS = DAYS


def constant_density_days(n_mentions: int) -> int:
    """Days a feed of ``n_mentions`` spans at the density of the reference feed (at least one)."""
    return max(1, round(REFERENCE_DAYS * n_mentions / REFERENCE_MENTIONS))


def synthetic(n_mentions: int, seed: int, days: int = DAYS) -> tuple[list[Mention], dict[str, int]]:
    """``n_mentions`` mentions over ``days`` days and the event each was generated from."""
    rng = random.Random(seed)
    mentions: list[Mention] = []
    truth: dict[str, int] = {}
    event = 0
    while len(mentions) < n_mentions:
        event += 1
        kind = rng.choice(list(KINDS))
        country = rng.choice(COUNTRIES)
        day = START + rng.randrange(days)
        lat, lon = rng.uniform(-40, 60), rng.uniform(-20, 120)
        site = f"Site{event}"
        a1 = Actor(text="forces", name=f"Army of {country}", country=country)
        detail = [f"w{rng.randrange(100000)}" for _ in range(5)]  # what reports of this event share
        for k in range(rng.randint(1, 8)):
            if len(mentions) >= n_mentions:
                break
            doc = f"d{event}_{k}"
            trig = rng.choice(KINDS[kind])
            words = rng.sample(FILLER, 6) + [rng.choice(detail) for _ in range(3)]
            rng.shuffle(words)
            sentence = f"The {trig} near {site} " + " ".join(words) + "."
            pub = dt.date.fromordinal(day + rng.randint(0, 2)).isoformat()
            r = rng.random()
            if r < 0.7:
                date = TimeValue(date=dt.date.fromordinal(day).isoformat(), precision="day")
            elif r < 0.85:
                date = TimeValue(date=dt.date.fromordinal(day).isoformat()[:7], precision="month")
            else:
                date = TimeValue(date=pub, precision="day", fallback=True)
            mid = f"{doc}:m{k}"
            mentions.append(Mention(
                mention_id=mid, doc_id=doc, type="ASSAULT",
                trigger=Span(4, 4 + len(trig), trig), sentence=Span(0, len(sentence), sentence),
                actor1=a1,
                location=Place(text=site, name=site, country=country, precision="town",
                               lat=lat + rng.uniform(-0.05, 0.05), lon=lon + rng.uniform(-0.05, 0.05)),
                date=date, published=pub, confidence=0.6,
            ))
            truth[mid] = event
    return mentions, truth


def pairwise(events, truth: dict[str, int]) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Pairwise precision and recall of the merge against the generating events."""
    from collections import Counter

    tp = sys_pairs = 0
    for ev in events:
        c = Counter(truth[m.mention_id] for m in ev.mentions)
        n = len(ev.mentions)
        sys_pairs += n * (n - 1) // 2
        tp += sum(v * (v - 1) // 2 for v in c.values())
    gold = Counter(truth.values())
    gold_pairs = sum(v * (v - 1) // 2 for v in gold.values())
    return (tp / sys_pairs if sys_pairs else 1.0), (tp / gold_pairs if gold_pairs else 1.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[20000, 200000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--density", choices=("constant", "rising"), default="constant",
                        help="constant: days grow with the feed (default); rising: two years at every size")
    parser.add_argument("--repeat", type=int, default=1,
                        help="merge each feed this many times back to back; the ratio uses the medians")
    args = parser.parse_args()
    print(f"density: {args.density}")
    print("| mentions | days | events | wall s | CPU s | mentions/CPU s | pairwise P | pairwise R |")
    print("|---|---|---|---|---|---|---|---|")
    medians = []
    for n in args.sizes:
        days = constant_density_days(n) if args.density == "constant" else DAYS
        mentions, truth = synthetic(n, args.seed, days)
        cpus = []
        for _ in range(max(1, args.repeat)):
            t0, c0 = time.perf_counter(), time.process_time()
            events = merge(mentions)
            secs, cpu = time.perf_counter() - t0, time.process_time() - c0
            cpus.append(cpu)
            p, r = pairwise(events, truth)
            print(f"| {n:,} | {days} | {len(events):,} | {secs:.1f} | {cpu:.1f} | {n / cpu:,.0f} "
                  f"| {p:.3f} | {r:.3f} |", flush=True)
            del events  # (freed before the next run, not during it)
        medians.append(statistics.median(cpus))
    if len(medians) >= 2:
        print(f"\nCPU time ratio for {args.sizes[-1] / args.sizes[0]:.0f}× the mentions: "
              f"{medians[-1] / medians[0]:.2f}× (median CPU s {medians[0]:.2f} → {medians[-1]:.2f}, "
              f"{max(1, args.repeat)} run(s) each, density {args.density})")


if __name__ == "__main__":
    main()
