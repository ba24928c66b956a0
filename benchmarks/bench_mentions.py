"""Throughput of the mention stage against spaCy's own ``nlp.pipe`` on the same texts.

Texts: the five seed articles repeated, plus a fixed sample of ACLED notes (news-like prose of
both lengths). For 1 and 2 processes it times (a) ``nlp.pipe`` alone and (b) ``nlp.pipe`` followed
by ``extract_mentions`` on each doc (the extraction runs in the parent process, as the pipeline
does), and prints a markdown table with words/s and the ratio (b)/(a) — the product target for
the whole pipeline is at most 1.25× spaCy alone. Loaders (model, lexicon, actor dictionary, place
index) are warmed up before timing. Usage::

    .venv/bin/python benchmarks/bench_mentions.py [--shared PATH] [--repeat N] [--notes N]
"""

from __future__ import annotations

import argparse
import csv
import random
import time

from warwire.evaluation import shared_dir
from warwire.model import Article
from warwire.nlp import extract_mentions, load_nlp, parse

#: Seed articles are repeated so that long texts weigh about as much as the short notes.
SEED_REPEATS = 8
#: Random seed of the ACLED note sample (not the evaluation sample: any notes will do).
NOTES_SEED = 7


def _texts(shared, notes: int) -> list[str]:
    seeds = [p.read_text("utf-8") for p in sorted((shared / "corpus/seeds").glob("*.txt"))]
    with (shared / "dev/acled_me_2018/train/acled_me_2018_train.csv").open(encoding="utf-8") as fh:
        rows = [r["notes"] for r in csv.DictReader(fh)]
    return seeds * SEED_REPEATS + random.Random(NOTES_SEED).sample(rows, notes)


def _time(nlp, articles: list[Article], n_process: int, extract: bool) -> float:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    for article, doc in parse(articles, nlp, n_process=n_process):
        if extract:
            extract_mentions(article, doc)
    return time.perf_counter() - t0


def main() -> None:
    """Print one table row per (processes, stage)."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", default=None)
    parser.add_argument("--repeat", type=int, default=2, help="runs; the best one is reported")
    parser.add_argument("--notes", type=int, default=400, help="ACLED notes in the text set")
    args = parser.parse_args()
    texts = _texts(shared_dir(args.shared), args.notes)
    articles = [Article(doc_id=str(i), original=t, text=t) for i, t in enumerate(texts)]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    for a, doc in parse(articles[:3], nlp):  # warm up every loader
        extract_mentions(a, doc)
    print(f"{len(texts)} texts, {words:,} words")
    print("| processes | spaCy nlp.pipe (words/s) | nlp.pipe + extract_mentions (words/s) | ratio |")
    print("|---|---|---|---|")
    for n_process in (1, 2):
        base = min(_time(nlp, articles, n_process, False) for _ in range(args.repeat))
        full = min(_time(nlp, articles, n_process, True) for _ in range(args.repeat))
        print(f"| {n_process} | {words / base:,.0f} | {words / full:,.0f} | {full / base:.2f}× |")
    # The same cost measured without the noise of two separate pipe runs: parse once, then time
    # the extraction alone on the stored docs.
    pairs = list(parse(articles, nlp))
    t0 = time.perf_counter()
    parse_s = _time(nlp, articles, 1, False)
    t0 = time.perf_counter()
    for article, doc in pairs:
        extract_mentions(article, doc)
    extract_s = time.perf_counter() - t0
    print()
    print("| stage alone, 1 process | words/s | seconds |")
    print("|---|---|---|")
    print(f"| spaCy nlp.pipe | {words / parse_s:,.0f} | {parse_s:.1f} |")
    print(f"| extract_mentions on the parsed docs | {words / extract_s:,.0f} | {extract_s:.1f} |")
    print(f"| implied (pipe + extract) / pipe | {(parse_s + extract_s) / parse_s:.2f}× | |")


if __name__ == "__main__":
    main()
