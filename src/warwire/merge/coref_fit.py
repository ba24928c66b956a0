"""Refit the two small logistic models of ``warwire cluster`` on ECB+ *train* topics.

``python -m warwire.merge.coref_fit [SHARED]`` prints ``SINGLETON_WEIGHTS`` and ``WEIGHTS`` for
:mod:`warwire.merge.coref_features` (the constants shipped there were produced this way, on the
``train`` split only — never dev or test). Order matters: the singleton model is fit first,
because its probability is a feature of the pair model.

The fit is plain full-batch gradient descent on the log loss with a small L2 penalty; numpy is
imported here only (it comes with pyarrow), so the clustering itself does not need it.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = ["FitResult", "fit"]

#: Gradient-descent steps and step size: the log loss stops moving well before 8,000 steps.
STEPS, STEP_SIZE = 8000, 1.0
#: L2 penalty: keeps rare features (few pairs) from taking large weights.
L2 = 1e-3


@dataclass
class FitResult:
    """Fitted weights and the number of training examples behind them."""

    singleton_weights: tuple[float, ...]
    pair_weights: tuple[float, ...]
    mentions: int
    pairs: int


def _logistic(rows: list[tuple[float, ...]], labels: list[bool]) -> tuple[float, ...]:
    import numpy as np

    x = np.array(rows, dtype=float)
    y = np.array(labels, dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        w -= STEP_SIZE * (x.T @ (p - y) / len(y) + L2 * w)
    return tuple(round(float(v), 3) for v in w)


def fit(shared: Path, split: str = "train") -> FitResult:
    """Fit both models on the candidate buckets of ECB+ ``split`` (gold mentions, gold topics)."""
    from ..evaluation.cluster import _Parsed, _records, read_ecbplus
    from ..nlp.loading import load_nlp
    from .textcluster import ClusterOptions, candidate_buckets

    docs = read_ecbplus(Path(shared) / "dev" / "ecbplus", split)
    records, key = _records(docs)
    gold = [key[r["mention_id"]] for r in records]
    sizes = Counter(gold)
    nlp = _Parsed(load_nlp(), [d.text for d in docs])
    options = ClusterOptions()
    rows, labels = [], []
    for bucket in candidate_buckets(records, options, nlp):
        for i, f in zip(bucket.indices, bucket.singleton_inputs):
            rows.append(f)
            labels.append(sizes[gold[i]] == 1)
    singleton = _logistic(rows, labels)
    options = replace(options, singleton_weights=singleton)
    pair_rows, pair_labels = [], []
    for bucket in candidate_buckets(records, options, nlp):
        for (a, b), f in bucket.features.items():
            pair_rows.append(f)
            pair_labels.append(gold[bucket.indices[a]] == gold[bucket.indices[b]])
    return FitResult(singleton, _logistic(pair_rows, pair_labels), len(rows), len(pair_rows))


if __name__ == "__main__":
    from ..evaluation import shared_dir

    result = fit(shared_dir(sys.argv[1] if len(sys.argv) > 1 else None))
    print(f"# {result.mentions} candidate mentions, {result.pairs} candidate pairs")
    print("SINGLETON_WEIGHTS =", result.singleton_weights)
    print("WEIGHTS =", result.pair_weights)
