"""Original-text offsets of every token of a parsed article, computed without Token objects.

``timex.mentions._TokenIndex`` maps each token with ``article.to_original`` (a bisection and a
Token object per word). The same numbers come from two token arrays and one vectorized search
over the offset map's breakpoints, which costs a small fraction of that.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article

__all__ = ["TokenSpans", "original_token_spans"]


@dataclass
class TokenSpans:
    """Original (start, end) of token i of a Doc: ``starts[i]``, ``ends[i]``."""

    starts: list[int]
    ends: list[int]


def original_token_spans(doc, article: Article) -> TokenSpans:  # type: ignore[no-untyped-def]
    """What ``[article.to_original(t.idx, t.idx + len(t)) for t in doc]`` gives, as two lists.

    ``doc`` is the parse of ``article.text``. Tokens are never empty, so each end maps from the
    token's last character plus one, as ``OffsetMap.span_to_original`` does.
    """
    import numpy as np
    from spacy.attrs import IDX, LENGTH

    if len(doc) == 0:
        return TokenSpans([], [])
    table = doc.to_array([IDX, LENGTH]).astype(np.int64)
    idx, last = table[:, 0], table[:, 0] + table[:, 1] - 1
    pairs = article.offset_map.to_json()
    if len(pairs) == 1:  # one breakpoint (most articles): a constant shift
        shift = pairs[0][1] - pairs[0][0]
        return TokenSpans((idx + shift).tolist(), (last + (shift + 1)).tolist())
    pairs = np.asarray(pairs, dtype=np.int64).reshape(-1, 2)
    clean, orig = pairs[:, 0], pairs[:, 1]
    at = np.searchsorted(clean, idx, side="right") - 1
    starts = orig[at] + (idx - clean[at])
    at = np.searchsorted(clean, last, side="right") - 1
    ends = orig[at] + (last - clean[at]) + 1
    return TokenSpans(starts.tolist(), ends.tolist())
