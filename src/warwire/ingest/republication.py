"""Republication detection: near-duplicate bodies via MinHash LSH over word shingles.

A republished copy (another outlet's header, the same body) must not be counted as a second
report of the same events. :class:`RepublicationIndex` links every copy to the first of its
near-duplicates in :func:`precedence` order (an article that does not say it is a copy, then
the earliest publication date, then doc_id), whatever the order they are read in: when an original
arrives after its copy, the copy is linked again (:meth:`RepublicationIndex.relinked`). The
store seeds the index with already stored documents (``add``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..model import Article

#: Words per shingle. Five-word shingles almost never repeat across independent reports of the
#: same event (which share names and figures, not runs of five words), yet survive small edits.
SHINGLE_WORDS = 5
#: MinHash permutations: 128 gives a Jaccard estimate within about ±0.09 (1/√128).
NUM_PERM = 128
#: Jaccard similarity of shingle sets above which one body is a copy of the other. A copy with a
#: different header/footer and a few edits scores 0.8–1.0; two outlets' own reports of one event
#: score below 0.1. 0.5 leaves room for trimmed or lightly edited republications.
THRESHOLD = 0.5
#: Bodies shorter than this many words are not indexed: a few shared shingles prove nothing.
MIN_WORDS = 40
_SEED = 1  # fixed so that signatures are the same in every process
#: Gauss–Legendre nodes for the band-choice integrals: the integrands are polynomials of degree
#: ≤ ``num_perm``, which n nodes integrate exactly up to degree 2n − 1 (so up to 159 > 128).
_QUAD_NODES = 80
#: MurmurHash3 32-bit finalizer constants (shift, multiplier, shift, multiplier, shift): a fixed
#: bijection that spreads the SHA-1 prefix before the affine permutations.
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))

# The MinHash and the LSH banding below are the algorithm of ``datasketch`` 2.x (default
# "affine32" scheme: SHA-1's first 4 bytes, MurmurHash3 finalizer, odd-multiplier affine
# permutations mod 2^32 drawn from ``RandomState(seed)``; bands chosen to minimise the
# equally weighted false-positive and false-negative areas), written here with numpy only:
# importing datasketch imports scipy (for one integral), about a second per process. Same
# seed, same signatures, same candidates, so the links are the same as with datasketch.


@lru_cache(maxsize=4)
def _permutations(num_perm: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The affine permutations ``h -> a*h + b (mod 2^32)``, ``a`` odd (a bijection)."""
    gen = np.random.RandomState(seed)
    a = gen.randint(0, 1 << 31, num_perm, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
    b = gen.randint(0, 1 << 32, num_perm, dtype=np.uint32)
    return a, b


def _fmix32(hv: np.ndarray) -> np.ndarray:
    s1, m1, s2, m2, s3 = _FMIX32
    hv = hv ^ (hv >> s1)
    hv = hv * m1
    hv = hv ^ (hv >> s2)
    hv = hv * m2
    return hv ^ (hv >> s3)


def signature(grams: set[str], num_perm: int = NUM_PERM, seed: int = _SEED) -> np.ndarray:
    """The MinHash signature (``num_perm`` uint32 minima) of a set of shingles."""
    # the first 4 bytes of each SHA-1 as a little-endian uint32, read in one call from the
    # joined prefixes (an int per shingle built in Python cost twice as much)
    sha1 = hashlib.sha1
    prefixes = b"".join([sha1(g.encode("utf-8")).digest()[:4] for g in grams])
    hv = np.frombuffer(prefixes, dtype="<u4").astype(np.uint32)
    a, b = _permutations(num_perm, seed)
    with np.errstate(over="ignore"):  # wrap-around is the intended arithmetic mod 2^32
        phv = _fmix32(hv).reshape(-1, 1) * a + b
    return phv.min(axis=0)


@lru_cache(maxsize=8)
def optimal_bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(bands, rows per band) minimising the mean of the false-positive area below
    ``threshold`` and the false-negative area above it (the choice ``MinHashLSH`` makes)."""
    x, w = np.polynomial.legendre.leggauss(_QUAD_NODES)

    def area(f, lo: float, hi: float) -> float:
        s = (hi - lo) / 2 * x + (hi + lo) / 2
        return float((hi - lo) / 2 * np.sum(w * f(s)))

    best, opt = float("inf"), (0, 0)
    for b in range(1, num_perm + 1):
        for r in range(1, num_perm // b + 1):
            fp = area(lambda s: 1 - (1 - s**r) ** b, 0.0, threshold)
            fn = area(lambda s: (1 - s**r) ** b, threshold, 1.0)
            error = 0.5 * fp + 0.5 * fn
            if error < best:
                best, opt = error, (b, r)
    return opt


@dataclass
class _Entry:
    doc_id: str
    published: str | None
    says_copy: bool = False  # a source line names the original ("World Socialist 13 March 2020")
    original: str | None = None  # the entry it is linked to as a republication


def precedence(published: str | None, says_copy: bool, doc_id: str) -> tuple[bool, str, str]:
    """Sort key of near-duplicates: the first one is the original. A text that says it is a copy
    comes after those that do not (its date is often the original's, read off its source line),
    then the earlier publication date, an undated text last, and the doc_id (a content hash)
    breaks the last ties, so that the answer never depends on the order the texts were read in."""
    return (says_copy, published or "9999-99-99", doc_id)


#: A headline that announces a copy ("Republished: …", "Reposted from …").
_COPY_HEADLINE = re.compile(r"^\s*(?:republished|reposted|repost|reprinted|originally published|via)\b",
                            re.IGNORECASE)


def says_copy(article: Article) -> bool:
    """True when the article says it is a copy: a source line names its original, or its
    headline announces a repost."""
    return bool(article.metadata.get("original_outlet") or article.metadata.get("original_published")
                or _COPY_HEADLINE.match(article.title or ""))


def shingles(text: str) -> set[str]:
    """The set of lower-cased word ``SHINGLE_WORDS``-grams of ``text``."""
    words = re.findall(r"[^\W_]+", text.lower())
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


class RepublicationIndex:
    """MinHash LSH index of article bodies (banded signatures), threshold :data:`THRESHOLD`."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        bands, rows = optimal_bands(threshold, num_perm)
        self._ranges = [(i * rows, (i + 1) * rows) for i in range(bands)]
        self._buckets: list[dict[bytes, list[str]]] = [{} for _ in self._ranges]
        self._entries: dict[str, _Entry] = {}
        self._hashes: dict[str, np.ndarray] = {}
        self._relinked: dict[str, str] = {}

    def _minhash(self, text: str) -> np.ndarray | None:
        grams = shingles(text)
        if len(grams) < MIN_WORDS - SHINGLE_WORDS + 1:
            return None
        return signature(grams, self.num_perm, _SEED)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, doc_id: str, text: str, published: str | None = None,
            republication_of: str | None = None, says_copy: bool = False) -> None:
        """Index a body (a stored document, or an article just read) with the link it already
        has. Adding twice is a no-op."""
        if doc_id in self._entries:
            return
        self._add_hash(doc_id, self._minhash(text), published, says_copy, republication_of)

    def add_article(self, article: Article) -> None:
        """Index a stored article with the link it has and whether it says it is a copy."""
        self.add(article.doc_id, article.text, article.published, article.republication_of,
                 says_copy(article))

    def _add_hash(self, doc_id: str, m: np.ndarray | None, published: str | None,
                  says_copy: bool = False, original: str | None = None) -> None:
        self._entries[doc_id] = _Entry(doc_id, published, says_copy, original)
        if m is not None:
            for (start, end), bucket in zip(self._ranges, self._buckets):
                bucket.setdefault(m[start:end].tobytes(), []).append(doc_id)
            self._hashes[doc_id] = m

    def similar(self, text: str) -> list[tuple[str, float]]:
        """Indexed documents whose bodies are near-duplicates of ``text``, with their Jaccard
        estimate, most similar first."""
        return self._similar_to(self._minhash(text))

    def _similar_to(self, m: np.ndarray | None) -> list[tuple[str, float]]:
        if m is None:
            return []
        found: dict[str, None] = {}  # candidates sharing at least one band, in a stable order
        for (start, end), bucket in zip(self._ranges, self._buckets):
            found.update(dict.fromkeys(bucket.get(m[start:end].tobytes(), ())))
        out = []
        for doc_id in found:
            score = float(np.count_nonzero(m == self._hashes[doc_id])) / self.num_perm
            if score >= self.threshold:
                out.append((doc_id, score))
        return sorted(out, key=lambda x: -x[1])

    def _key(self, e: _Entry) -> tuple[bool, str, str]:
        return precedence(e.published, e.says_copy, e.doc_id)

    def link(self, article: Article) -> str | None:
        """Set and return ``article.republication_of``: the first of its indexed near-duplicates
        in :func:`precedence` order, when that one precedes it. Indexed near-duplicates that the
        article precedes, and that are not linked to one preceding it, are linked to it instead
        (:meth:`relinked`). Then index the article."""
        if article.doc_id in self._entries:
            return None
        m = self._minhash(article.text)  # computed once: used to query, then to index
        self._add_hash(article.doc_id, m, article.published, says_copy(article), article.republication_of)
        me = self._entries[article.doc_id]
        mine = self._key(me)
        earlier, later = [], []
        for doc_id, _score in self._similar_to(m):
            if doc_id != article.doc_id:
                e = self._entries[doc_id]
                (earlier if self._key(e) < mine else later).append(e)
        for e in later:
            current = self._entries.get(e.original) if e.original else None
            if current is None or self._key(current) > mine:
                e.original = article.doc_id
                self._relinked[e.doc_id] = article.doc_id
        if article.republication_of:  # given with the input
            return article.republication_of
        if not earlier:
            return None
        me.original = article.republication_of = min(earlier, key=self._key).doc_id
        return me.original

    def relinked(self) -> dict[str, str]:
        """doc_id → new original of every article linked before its original was read (its
        stored ``republication_of`` must change); cleared by the call."""
        out, self._relinked = self._relinked, {}
        return out
