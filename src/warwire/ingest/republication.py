"""Republication detection: near-duplicate bodies via MinHash LSH over word shingles.

A republished copy (another outlet's header, the same body) must not be counted as a second
report of the same events. :class:`RepublicationIndex` links a later copy to the earliest
earlier one; the store seeds it with already stored documents (``add``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass
class _Entry:
    doc_id: str
    published: str | None
    order: int


def shingles(text: str) -> set[str]:
    """The set of lower-cased word ``SHINGLE_WORDS``-grams of ``text``."""
    words = re.findall(r"[^\W_]+", text.lower())
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


class RepublicationIndex:
    """MinHash LSH index of article bodies (``datasketch``), threshold :data:`THRESHOLD`."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        from datasketch import MinHashLSH

        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._entries: dict[str, _Entry] = {}
        self._hashes: dict[str, object] = {}

    def _minhash(self, text: str):  # type: ignore[no-untyped-def]
        from datasketch import MinHash

        grams = shingles(text)
        if len(grams) < MIN_WORDS - SHINGLE_WORDS + 1:
            return None
        m = MinHash(num_perm=self.num_perm, seed=_SEED)
        m.update_batch([g.encode("utf-8") for g in grams])
        return m

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def add(self, doc_id: str, text: str, published: str | None = None) -> None:
        """Index a body (a stored document, or an article just read). Adding twice is a no-op."""
        if doc_id in self._entries:
            return
        self._add_hash(doc_id, self._minhash(text), published)

    def _add_hash(self, doc_id: str, m, published: str | None) -> None:  # type: ignore[no-untyped-def]
        self._entries[doc_id] = _Entry(doc_id, published, len(self._entries))
        if m is not None:
            self._lsh.insert(doc_id, m)
            self._hashes[doc_id] = m

    def similar(self, text: str) -> list[tuple[str, float]]:
        """Indexed documents whose bodies are near-duplicates of ``text``, with their Jaccard
        estimate, most similar first."""
        return self._similar_to(self._minhash(text))

    def _similar_to(self, m) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
        if m is None:
            return []
        out = []
        for doc_id in self._lsh.query(m):
            score = m.jaccard(self._hashes[doc_id])  # type: ignore[attr-defined]
            if score >= self.threshold:
                out.append((doc_id, score))
        return sorted(out, key=lambda x: -x[1])

    def link(self, article: Article) -> str | None:
        """Set and return ``article.republication_of``: the earliest indexed near-duplicate that
        is not published after it (dates unknown: the one indexed first). Then index the article."""
        if article.republication_of:
            self.add(article.doc_id, article.text, article.published)
            return article.republication_of
        if article.doc_id in self._entries:
            return None
        m = self._minhash(article.text)  # computed once: used to query, then to index
        candidates = []
        for doc_id, _score in self._similar_to(m):
            if doc_id == article.doc_id:
                continue
            e = self._entries[doc_id]
            if article.published and e.published and e.published > article.published:
                continue  # the indexed one is the later copy
            candidates.append(e)
        self._add_hash(article.doc_id, m, article.published)
        if not candidates:
            return None
        first = min(candidates, key=lambda e: (e.published or "9999", e.order))
        article.republication_of = first.doc_id
        return first.doc_id
