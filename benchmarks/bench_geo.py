"""Benchmark of the geo stage: gazetteer load, and geoparsing the 588 LGL articles.

    .venv/bin/python benchmarks/bench_geo.py [--shared ../shared] [--json]

Measures, each in a fresh process so nothing is warm by accident:
1. ``Gazetteer.load()`` wall time and peak RSS (the index is built first if absent, untimed);
2. LGL (588 articles): spaCy parse time (``nlp.pipe``), geoparse time given the parse, and
   geoparse of the gold spans only (resolution alone).
Targets (issue 5): load ≤ 1 s and ≤ 500 MB RSS; all 588 LGL articles < 60 s; the geo stage
< 25 % of the spaCy parse.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

LOAD = """
import json, resource, time
t = time.perf_counter()
from warwire.geo import Gazetteer
g = Gazetteer.load()
g.lookup("Baghdad")
print(json.dumps({"load_s": time.perf_counter() - t,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

LGL = """
import json, sys, time
from pathlib import Path
from warwire.evaluation.geo import load_lgl
from warwire.geo import Gazetteer, geoparse
from warwire.geo.geoparse import load_geoparse_nlp
from warwire.nlp.loading import load_nlp
docs = load_lgl(Path(sys.argv[1]) / "dev" / "geoparsing" / "LGL_lgl.xml")
gaz = Gazetteer.load()
nlp = load_geoparse_nlp() if sys.argv[2] == "ner" else load_nlp()
t = time.perf_counter()
parsed = list(nlp.pipe((d.text for d in docs), batch_size=32))
parse_s = time.perf_counter() - t
t = time.perf_counter()
n = sum(len(geoparse(d.text, gaz, doc=doc)) for d, doc in zip(docs, parsed))
geo_s = time.perf_counter() - t
t = time.perf_counter()
for d in docs:
    geoparse(d.text, gaz, spans=[(x.start, x.end) for x in d.toponyms])
spans_s = time.perf_counter() - t
print(json.dumps({"articles": len(docs), "toponyms": n, "parse_s": parse_s, "geo_s": geo_s,
                  "spans_s": spans_s}))
"""


def _run(code: str, *args: str) -> dict:
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    """Run the measurements and print a markdown table (or JSON)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=None)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from warwire.evaluation import shared_dir
    from warwire.geo.build import ensure_index

    shared = str(shared_dir(args.shared))
    t = time.perf_counter()
    ensure_index()
    build_s = time.perf_counter() - t
    load = _run(LOAD)
    lgl = _run(LGL, shared, "ner")  # what `warwire geoparse` runs: NER-only parse
    full = _run(LGL, shared, "full")  # what the pipeline pays: the full parse, geo on top
    result = {"index_ready_s": build_s, **load, **lgl,
              "total_s": lgl["parse_s"] + lgl["geo_s"],
              "full_parse_s": full["parse_s"], "full_geo_s": full["geo_s"],
              "geo_over_parse": full["geo_s"] / full["parse_s"]}
    if args.json:
        print(json.dumps(result, indent=2))
        return
    rows = [
        ("Gazetteer.load() wall time", f"{result['load_s']:.2f} s", "≤ 1 s"),
        ("Gazetteer.load() peak RSS", f"{result['rss_mb']:.0f} MB", "≤ 500 MB"),
        ("LGL 588 articles: NER-only spaCy parse", f"{result['parse_s']:.1f} s", ""),
        ("LGL 588 articles: geoparse given that parse", f"{result['geo_s']:.1f} s", ""),
        ("LGL 588 articles: `warwire geoparse` (parse + geoparse)",
         f"{result['total_s']:.1f} s", "< 60 s"),
        ("LGL gold spans: resolution only", f"{result['spans_s']:.1f} s", ""),
        ("LGL 588 articles: full spaCy parse (pipeline)", f"{result['full_parse_s']:.1f} s", ""),
        ("LGL 588 articles: geoparse given the full parse", f"{result['full_geo_s']:.1f} s", ""),
        ("geo stage / full spaCy parse", f"{100 * result['geo_over_parse']:.0f} %", "< 25 %"),
    ]
    print("| measure | value | target |\n|---|---|---|")
    for name, value, target in rows:
        print(f"| {name} | {value} | {target} |")


if __name__ == "__main__":
    main()
