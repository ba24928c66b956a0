#!/usr/bin/env python3
"""Regression gate over the ../shared gold sets.

Runs every scorer (``warwire.evaluation.<name>.evaluate``), compares each score with the floor
pinned in ``eval/baseline.json`` and fails when one drops below its floor by more than
``NOISE_MARGIN`` (scores where lower is better, such as median error in km, have a ceiling
instead; counts reported for context are not gated). Floors only move up by themselves (``--raise-floors`` writes improved scores);
lowering one needs ``--lower NAME.SCORE`` said explicitly. A digest of the gold data is pinned
too, so a changed gold set is noticed instead of silently moving every score.

Usage::

    python eval/gate.py                  # check; exit 1 on a drop, 0 otherwise
    python eval/gate.py --raise-floors   # check, then raise floors to improved scores
    python eval/gate.py --only timex     # one scorer

Skips cleanly (exit 0, with a message) when ../shared is absent.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import json
import re
import sys
import time
from pathlib import Path

#: A score may sit this far under its floor before the gate fails: the scorers are
#: deterministic, so this only absorbs float formatting and tiny rule-order effects.
NOISE_MARGIN = 0.005

BASELINE = Path(__file__).with_name("baseline.json")

#: Scores where lower is better: the gate pins a ceiling for them instead of a floor.
LOWER_IS_BETTER = re.compile(r"(median_km|with_two_core|modality_traps$|_errors$)")
#: Counts and timings reported for context only: never gated (they change with the data, not
#: with quality).
INFORMATIONAL = re.compile(r"(\.n$|_n$|_predicted_|_candidates$|seconds|\.count$)")

#: Scorer name → files under ../shared whose digest is pinned with the floors.
GOLD_FILES = {
    "documents": ["gold/seeds/documents.jsonl"],
    "mentions": ["gold/seeds/events.jsonl", "gold/seeds/excluded_candidates.jsonl",
                 "dev/acled_me_2018/train/acled_me_2018_train.csv"],
    "timex": ["dev/tempeval3/train"],
    "geo": ["dev/geoparsing/LGL_lgl.xml", "dev/geoparsing/GeoVirus.xml"],
    "cluster": ["dev/ecbplus/dev"],
    "events": ["gold/seeds/events.jsonl"],
}


def digest(shared: Path, rels: list[str]) -> str:
    h = hashlib.sha256()
    for rel in rels:
        p = shared / rel
        files = sorted(p.rglob("*")) if p.is_dir() else [p]
        for f in files:
            if f.is_file():
                h.update(str(f.relative_to(shared)).encode())
                h.update(f.read_bytes())
    return h.hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", action="append", help="run only this scorer (repeatable)")
    ap.add_argument("--raise-floors", action="store_true", help="write improved scores as floors")
    ap.add_argument("--lower", action="append", default=[], metavar="SCORER.SCORE",
                    help="allow this floor to be lowered to the measured score")
    ap.add_argument("--shared", help="path of ../shared")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from warwire.errors import DataMissing
    from warwire.evaluation import shared_dir

    try:
        shared = shared_dir(args.shared)
    except DataMissing as exc:
        print(f"eval gate: skipped ({exc})")
        return 0

    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    names = args.only or list(GOLD_FILES)
    failures: list[str] = []
    rows: list[tuple[str, str, float, float | None, str]] = []
    changed = False
    for name in names:
        entry = baseline.setdefault(name, {"floors": {}, "digest": None})
        gold_digest = digest(shared, GOLD_FILES[name])
        if entry.get("digest") not in (None, gold_digest):
            failures.append(f"{name}: gold data changed (digest {gold_digest} != pinned {entry['digest']})")
        t0 = time.time()
        try:
            module = importlib.import_module(f"warwire.evaluation.{name}")
            result = module.evaluate(shared)
        except Exception as exc:  # a scorer that crashes is a failure, not a skip
            failures.append(f"{name}: scorer failed: {type(exc).__name__}: {exc}")
            continue
        elapsed = time.time() - t0
        scores = result.get("scores", {})
        for score, value in sorted(scores.items()):
            if INFORMATIONAL.search(score) or not isinstance(value, (int, float)):
                continue
            lower = bool(LOWER_IS_BETTER.search(score))
            floor = entry["floors"].get(score)
            status = "new"
            if floor is not None:
                if lower:  # a ceiling: a small relative margin, since these are counts or km
                    status = "ok" if value <= floor * (1 + NOISE_MARGIN) + NOISE_MARGIN else "DROP"
                else:
                    status = "ok" if value >= floor - NOISE_MARGIN else "DROP"
                if status == "DROP":
                    key = f"{name}.{score}"
                    if key in args.lower:
                        entry["floors"][score] = round(value, 4)
                        status, changed = "lowered", True
                    else:
                        bound = "ceiling" if lower else "floor"
                        failures.append(f"{key}: {value:.4f} beyond {bound} {floor:.4f}")
            improved = floor is None or (value < floor if lower else value > floor)
            if args.raise_floors and improved:
                entry["floors"][score] = round(value, 4)
                changed = True
            rows.append((name, score, value, floor, status))
        if entry.get("digest") is None or args.raise_floors:
            entry["digest"] = gold_digest
            changed = True
        print(f"eval gate: {name} scored in {elapsed:.1f}s", file=sys.stderr)

    width = max((len(f"{n}.{s}") for n, s, *_ in rows), default=10)
    print(f"{'score':<{width}}  {'value':>7}  {'bound':>7}  status")
    for name, score, value, floor, status in rows:
        fl = f"{floor:7.4f}" if floor is not None else "      –"
        print(f"{name + '.' + score:<{width}}  {value:7.4f}  {fl}  {status}")
    if changed and (args.raise_floors or args.lower):
        BASELINE.write_text(json.dumps(baseline, indent=2, sort_keys=True) + "\n")
        print(f"eval gate: floors written to {BASELINE}")
    for f in failures:
        print(f"eval gate: FAIL {f}", file=sys.stderr)
    print(f"eval gate: {'FAILED' if failures else 'passed'} ({len(rows)} scores, {len(failures)} failures)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
