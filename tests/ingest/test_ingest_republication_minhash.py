"""The project's own MinHash/LSH: the banding datasketch would pick, sound estimates, no scipy."""

from __future__ import annotations

import subprocess
import sys

from warwire.ingest.republication import NUM_PERM, optimal_bands, shingles, signature

WORDS = ("convoy shelling checkpoint ceasefire brigade village militia airstrike district "
         "governor hospital refugees border artillery drone patrol mortar bridge market "
         "curfew").split()


def _text(seed: int, n: int = 200) -> str:
    # A deterministic pseudo-random word sequence written for this test.
    return " ".join(WORDS[(i * i * 7 + seed * 13 + i * seed) % len(WORDS)] for i in range(n))


def test_republication_bands_for_the_default_threshold():
    # 25 bands of 5 rows: the choice MinHashLSH(threshold=0.5, num_perm=128) makes.
    assert optimal_bands(0.5, NUM_PERM) == (25, 5)
    bands, rows = optimal_bands(0.8, NUM_PERM)
    assert bands * rows <= NUM_PERM and rows > 5  # a stricter threshold: longer bands


def test_republication_signature_estimates_jaccard():
    a = shingles(_text(1))
    same = signature(a)
    assert same.dtype.name == "uint32" and len(same) == NUM_PERM
    assert (signature(set(a)) == same).all()  # deterministic across calls and set orders
    b = shingles(_text(2))
    overlap = float((signature(b) == same).mean())
    exact = len(a & b) / len(a | b)
    assert abs(overlap - exact) < 0.2


def test_republication_import_does_not_pull_scipy():
    code = ("import sys, warwire.ingest.republication as r; r.optimal_bands(0.5, 128); "
            "print('scipy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
