#!/usr/bin/env python3
"""Whole ingest pipeline vs. spaCy alone on the same texts, and peak memory.

The product target (DEVELOPERS brief): the whole ingest — read, clean, parse, mentions, time,
places, links, store, merge — within 1.25× the time of running the same spaCy model alone over
the same (clean) text, and peak memory under 1.5 GB.

Corpus: the five seeds, the demo corpus and the 588 LGL news articles from ../shared (written to
a temporary directory as .txt files; nothing is copied into the project). Each side runs in its
own fresh process, so model loading is counted on both sides and neither warms the other.

    .venv/bin/python benchmarks/bench_pipeline.py [--limit N] [--n-process 1]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def build_corpus(shared: Path, out: Path, limit: int | None) -> int:
    """Write the benchmark articles as .txt files into ``out``; returns how many."""
    n = 0
    for f in sorted((shared / "corpus" / "seeds").glob("*.txt")):
        (out / f.name).write_bytes(f.read_bytes())
        n += 1
    for f in sorted((REPO / "demo" / "corpus").rglob("*.txt")):
        (out / f"demo_{f.name}").write_bytes(f.read_bytes())
        n += 1
    lgl = (shared / "dev" / "geoparsing" / "LGL_lgl.xml").read_text(encoding="utf-8")
    for i, m in enumerate(re.finditer(r"<text>(.*?)</text>", lgl, re.S)):
        if limit is not None and i >= limit:
            break
        text = m.group(1).replace("<![CDATA[", "").replace("]]>", "").strip()
        (out / f"lgl_{i:04d}.txt").write_text(text + "\n", encoding="utf-8")
        n += 1
    return n


SPACY_ONLY = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from warwire.ingest import read
from warwire.nlp.loading import load_nlp
texts = [a.text for a in read([sys.argv[1]]) if hasattr(a, "text")]
t_read = time.perf_counter()
nlp = load_nlp()
words = 0
t1 = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    words += len(doc)
t2 = time.perf_counter()
print(json.dumps({"parse_s": t2 - t1, "load_s": t1 - t_read, "words": words, "docs": len(texts),
                  "total_s": t2 - t_read,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PIPELINE = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from warwire.pipeline import PipelineOptions, ingest
from warwire.store import open_store
store = open_store(sys.argv[3])
report = ingest([sys.argv[1]], store, PipelineOptions(n_process=int(sys.argv[2])))
t1 = time.perf_counter()
counts = store.counts()
store.close()
print(json.dumps({"total_s": t1 - t0, "counts": counts, "rejections": len(report.rejections),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "children_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="LGL articles to use (default all 588)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--shared", default=None)
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    from warwire.evaluation import shared_dir

    shared = shared_dir(args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        n = build_corpus(shared, corpus, args.limit)
        # spaCy alone: clean texts from the same reader, parsed with the same model.
        spacy_only = run(SPACY_ONLY, str(corpus), str(args.n_process))
        db = str(Path(tmp) / "bench.db")
        pipeline = run(PIPELINE, str(corpus), str(args.n_process), db)
    # spaCy side: model load + parse (the reader time is excluded: it is part of ingest only).
    spacy_s = spacy_only["load_s"] + spacy_only["parse_s"]
    ratio = pipeline["total_s"] / spacy_s
    words = spacy_only["words"]
    print(f"| articles | words | n_process | spaCy load+parse s | whole ingest s | ratio | "
          f"spaCy words/s | ingest words/s | peak RSS MB (ingest) |")
    print("|---|---|---|---|---|---|---|---|---|")
    print(f"| {n} | {words} | {args.n_process} | {spacy_s:.1f} | {pipeline['total_s']:.1f} | "
          f"{ratio:.2f}× | {words / spacy_only['parse_s']:.0f} | {words / pipeline['total_s']:.0f} | "
          f"{max(pipeline['rss_mb'], pipeline['children_rss_mb']):.0f} |")
    print(f"store: {pipeline['counts']}, rejections: {pipeline['rejections']}", file=sys.stderr)


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
