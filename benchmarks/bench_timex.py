"""Throughput of the temporal tagger: all TempEval-3 train documents (256) normalized.

Target: under 20 s on the project machine. Usage::

    .venv/bin/python benchmarks/bench_timex.py [--shared PATH] [--repeat N]
"""

from __future__ import annotations

import argparse
import time

from warwire.evaluation import shared_dir
from warwire.evaluation.timex import load_tempeval
from warwire.timex import tag


def main() -> None:
    """Time ``tag`` over every TempEval-3 train document and print one markdown table row."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=None)
    parser.add_argument("--repeat", type=int, default=3, help="runs; the best one is reported")
    args = parser.parse_args()
    t0 = time.perf_counter()
    docs = load_tempeval(shared_dir(args.shared))
    load_s = time.perf_counter() - t0
    chars = sum(len(d.text) for d in docs)
    best = float("inf")
    found = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        found = sum(len(tag(d.text, d.dct)) for d in docs)
        best = min(best, time.perf_counter() - t0)
    print("| docs | characters | timexes | load (s) | tag, best of "
          f"{args.repeat} (s) | docs/s | chars/s |")
    print("|---|---|---|---|---|---|---|")
    print(f"| {len(docs)} | {chars:,} | {found} | {load_s:.2f} | {best:.2f} | "
          f"{len(docs) / best:,.0f} | {chars / best:,.0f} |")


if __name__ == "__main__":
    main()
