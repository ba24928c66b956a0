"""Merge throughput on synthetic mentions: time for N and 10×N mentions, and the ratio.

Usage: .venv/bin/python benchmarks/bench_merge.py [--sizes 20000 200000] [--seed 7]

Synthetic feed: events spread over two years and 60 countries (fixed, so a bigger feed is a
denser one, the hard case for blocking), each reported by 1–8 mentions in different documents,
with trigger words of the event's kind, jittered dates (some month-precise, some only the
publication date), jittered points, actors and a shared site name. The score of the merge
itself (pairwise precision/recall against the generating events) is printed too, so a faster
merge that stops merging cannot pass unnoticed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
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
DAYS = 730


def synthetic(n_mentions: int, seed: int) -> tuple[list[Mention], dict[str, int]]:
    """``n_mentions`` mentions and the event each was generated from."""
    rng = random.Random(seed)
    mentions: list[Mention] = []
    truth: dict[str, int] = {}
    event = 0
    while len(mentions) < n_mentions:
        event += 1
        kind = rng.choice(list(KINDS))
        country = rng.choice(COUNTRIES)
        day = START + rng.randrange(DAYS)
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
    args = parser.parse_args()
    print("| mentions | events | wall s | CPU s | mentions/CPU s | pairwise P | pairwise R |")
    print("|---|---|---|---|---|---|---|")
    times = []
    for n in args.sizes:
        mentions, truth = synthetic(n, args.seed)
        t0, c0 = time.perf_counter(), time.process_time()
        events = merge(mentions)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        times.append(cpu)
        p, r = pairwise(events, truth)
        print(f"| {n:,} | {len(events):,} | {secs:.1f} | {cpu:.1f} | {n / cpu:,.0f} | {p:.3f} | {r:.3f} |", flush=True)
    if len(times) >= 2:
        print(f"\nCPU time ratio for {args.sizes[-1] / args.sizes[0]:.0f}× the mentions: {times[-1] / times[0]:.2f}×")


if __name__ == "__main__":
    main()
