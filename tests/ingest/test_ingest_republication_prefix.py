"""MinHash input hashes: the first four bytes of each shingle's SHA-1, little-endian."""

from __future__ import annotations

import hashlib

import numpy as np

from warwire.ingest.republication import _fmix32, _permutations, signature


def test_signature_reads_sha1_prefixes_little_endian():
    grams = {"the convoy was shelled", "shelled near the border", "near the border crossing"}
    hv = np.array([int.from_bytes(hashlib.sha1(g.encode("utf-8")).digest()[:4], "little")
                   for g in grams], dtype=np.uint32)
    a, b = _permutations(8, 1)
    with np.errstate(over="ignore"):
        expected = (_fmix32(hv).reshape(-1, 1) * a + b).min(axis=0)
    assert (signature(grams, num_perm=8, seed=1) == expected).all()
