#!/usr/bin/env python3
"""Whole ingest pipeline vs. spaCy alone on the same texts, and peak memory.

The product target (DEVELOPERS brief): the whole ingest — read, clean, parse, mentions, time,
places, links, store, merge — within 1.25× the time of running the same spaCy model alone over
the same (clean) text, and peak memory under 1.5 GB.

Corpus: the five seeds, the demo corpus and the 588 LGL news articles from ../shared (written to
a temporary directory as .txt files; nothing is copied into the project). Each side runs in its
own fresh process, so model loading is counted on both sides and neither warms the other; the
two sides run back to back, ``--repeat`` times, and the median ratio is reported.

Both sides use the same model configuration: ``warwire.nlp.loading.load_nlp()`` (every component
of the pinned model: tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner — the pipeline
uses all of them) and ``n_process`` processes. Besides wall time, the CPU time of each side
(the process and its workers) is reported, and peak memory is the whole process tree's RSS
(parent + workers), sampled every ``RSS_SAMPLE_S``.

    .venv/bin/python benchmarks/bench_pipeline.py [--limit N] [--n-process 1] [--repeat 3]

``--incremental-merge 20000 100000`` instead measures what an ingest's merge costs once the store
holds N mentions: the synthetic mentions of benchmarks/bench_merge.py, ``NEW_MENTIONS`` of them
(whole documents, drawn at random) held back as "the new ingest"; the N others merged first, then
the new ones merged into those events (``merge(new, events=…)``, what ``Pipeline.merge_store``
does) versus a full re-merge of all N + new; and whether both give the same events.
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


#: Started in both measured processes: samples the RSS of the process and its children (the
#: spaCy or pipeline workers) and keeps the peak of their sum.
TREE_RSS = r"""
import os, threading, time
PEAK = [0.0]
def _rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0
def _children(pid):
    out = []
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat") as f:
                    if int(f.read().rsplit(")", 1)[1].split()[1]) == pid:
                        out.append(int(name))
            except (OSError, ValueError, IndexError):
                pass
    return out
def _sample():
    me = os.getpid()
    while True:
        PEAK[0] = max(PEAK[0], (_rss_kb(me) + sum(_rss_kb(c) for c in _children(me))) / 1024)
        time.sleep(%s)
threading.Thread(target=_sample, daemon=True).start()
def cpu_s():
    import resource
    a, b = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime
"""

#: Seconds between two RSS samples: fine enough to catch the plateau of a run of a minute.
RSS_SAMPLE_S = 0.5

SPACY_ONLY = TREE_RSS % RSS_SAMPLE_S + r"""
import json, resource, sys, time
t0 = time.perf_counter()
from warwire.ingest import read
from warwire.nlp.loading import load_nlp
texts = [a.text for a in read([sys.argv[1]]) if hasattr(a, "text")]
t_read = time.perf_counter()
c_read = cpu_s()
nlp = load_nlp()
words = 0
t1 = time.perf_counter()
for doc in nlp.pipe(texts, batch_size=32, n_process=int(sys.argv[2])):
    words += len(doc)
t2 = time.perf_counter()
print(json.dumps({"parse_s": t2 - t1, "load_s": t1 - t_read, "words": words, "docs": len(texts),
                  "total_s": t2 - t_read, "cpu_s": cpu_s() - c_read, "tree_rss_mb": PEAK[0],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

PIPELINE = TREE_RSS % RSS_SAMPLE_S + r"""
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
                  "cpu_s": cpu_s(), "tree_rss_mb": PEAK[0],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "children_rss_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))
"""


def run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True, cwd=REPO)
    return json.loads(out.stdout.strip().splitlines()[-1])


def measure(corpus: Path, tmp: Path, n_process: int, run_no: int) -> dict:
    """One back-to-back pair: spaCy alone, then the whole ingest into a fresh store."""
    # spaCy alone: clean texts from the same reader, parsed with the same model.
    spacy_only = run(SPACY_ONLY, str(corpus), str(n_process))
    pipeline = run(PIPELINE, str(corpus), str(n_process), str(tmp / f"bench{run_no}.db"))
    # spaCy side: model load + parse (the reader time is excluded: it is part of ingest only).
    spacy_s = spacy_only["load_s"] + spacy_only["parse_s"]
    return {"spacy": spacy_only, "pipeline": pipeline, "spacy_s": spacy_s,
            "ratio": pipeline["total_s"] / spacy_s,
            "cpu_ratio": pipeline["cpu_s"] / spacy_only["cpu_s"]}


#: Mentions of one incremental ingest in ``--incremental-merge``: ~100 news articles' worth.
NEW_MENTIONS = 500


def incremental_merge(sizes: list[int], seed: int = 7) -> None:
    """Print the incremental-merge table (see the module docstring)."""
    import random

    sys.path.insert(0, str(REPO / "benchmarks"))
    from bench_merge import synthetic

    from warwire.merge import merge

    def parts(events: list) -> list:
        return sorted(tuple(sorted(m.mention_id for m in e.mentions)) for e in events)

    from warwire.merge.pairs import LINK_THRESHOLD
    from warwire.merge.reopen import plan_reopening

    print("| stored mentions | stored events | new mentions | events reopened | full re-merge CPU s | "
          "incremental CPU s | speed-up | same events |")
    print("|---|---|---|---|---|---|---|---|")
    for n in sizes:
        mentions, _ = synthetic(n + NEW_MENTIONS, seed)
        docs = sorted({m.doc_id for m in mentions})
        random.Random(seed).shuffle(docs)
        held: set[str] = set()
        count = {d: 0 for d in docs}
        for m in mentions:
            count[m.doc_id] += 1
        total = 0
        for d in docs:
            if total >= NEW_MENTIONS:
                break
            held.add(d)
            total += count[d]
        old = [m for m in mentions if m.doc_id not in held]
        new = [m for m in mentions if m.doc_id in held]
        stored = merge(old)
        c0 = time.process_time()
        full = merge(mentions)
        c1 = time.process_time()
        incremental = merge(new, events=stored)
        c2 = time.process_time()
        same = parts(full) == parts(incremental) and incremental == full  # ids, claims, links: every field
        reopened = plan_reopening(new, stored, LINK_THRESHOLD).reopened  # (not timed)
        print(f"| {len(old):,} | {len(stored):,} | {len(new):,} | {reopened:,} | {c1 - c0:.1f} | {c2 - c1:.1f} | "
              f"{(c1 - c0) / max(c2 - c1, 1e-9):.1f}× | {'yes' if same else 'NO'} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="LGL articles to use (default all 588)")
    ap.add_argument("--n-process", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=1, help="back-to-back pairs; the median is shown")
    ap.add_argument("--shared", default=None)
    ap.add_argument("--incremental-merge", type=int, nargs="+", metavar="N",
                    help="measure the merge of one ingest into a store of N mentions instead")
    args = ap.parse_args()
    sys.path.insert(0, str(REPO / "src"))
    if args.incremental_merge:
        incremental_merge(args.incremental_merge)
        return
    from warwire.evaluation import shared_dir

    shared = shared_dir(args.shared)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        n = build_corpus(shared, corpus, args.limit)
        runs = [measure(corpus, Path(tmp), args.n_process, i) for i in range(args.repeat)]
    runs.sort(key=lambda r: r["ratio"])
    med = runs[len(runs) // 2]
    spacy_only, pipeline, spacy_s = med["spacy"], med["pipeline"], med["spacy_s"]
    words = spacy_only["words"]
    print(f"| articles | words | n_process | spaCy load+parse s | whole ingest s | ratio | "
          f"CPU ratio | spaCy words/s | ingest words/s | peak RSS MB (ingest, all processes) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(f"| {n} | {words:,} | {args.n_process} | {spacy_s:.1f} | {pipeline['total_s']:.1f} | "
          f"**{med['ratio']:.2f}×** | {med['cpu_ratio']:.2f}× | {words / spacy_only['parse_s']:,.0f} | "
          f"{words / pipeline['total_s']:,.0f} | {pipeline['tree_rss_mb']:.0f} |")
    if len(runs) > 1:
        print(f"ratios of the {len(runs)} runs: " + ", ".join(f"{r['ratio']:.2f}×" for r in runs)
              + "; CPU ratios: " + ", ".join(f"{r['cpu_ratio']:.2f}×" for r in runs), file=sys.stderr)
    print(f"store: {pipeline['counts']}, rejections: {pipeline['rejections']}; "
          f"spaCy-alone peak RSS {spacy_only['tree_rss_mb']:.0f} MB", file=sys.stderr)


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
