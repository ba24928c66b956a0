"""Refit the two small logistic models of ``warwire cluster`` on ECB+ *train* topics.

``python -m warwire.merge.coref_fit [SHARED]`` prints ``SINGLETON_WEIGHTS`` and ``WEIGHTS`` for
:mod:`warwire.merge.coref_features` (the constants shipped there were produced this way, on the
``train`` split only — never dev or test). Order matters: the singleton model is fit first,
because its probability is a feature of the pair model.

``python -m warwire.merge.coref_fit [SHARED] --folds 5`` instead cross-validates over the train
topics: the models are refit on four fifths of the topics and the held-out fifth is clustered,
for each pair threshold and singleton gate; the out-of-fold CoNLL F1 over all train topics is
how ``PAIR_THRESHOLD`` and ``SINGLETON_GATE`` were checked without looking at dev.

The fit is Newton's method (iteratively reweighted least squares) on the log loss with a small
L2 penalty — the same optimum as the gradient descent used before, in a few iterations; numpy is
imported here only (it comes with pyarrow), so the clustering itself does not need it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

__all__ = ["FitResult", "fit", "fit_records", "cross_validate"]

#: Newton iterations: the log loss of 17 features converges in well under 30.
MAX_ITERATIONS = 50
#: Stop when no weight moves by more than this (weights are shipped rounded to 3 decimals).
TOLERANCE = 1e-9
#: L2 penalty: keeps rare features (few pairs) from taking large weights.
L2 = 1e-3

#: The grid that ``--folds`` reports (pair threshold × singleton gate; gate 1.0 is "no gate").
THRESHOLDS = (0.35, 0.40, 0.45, 0.50)
GATES = (0.45, 0.5, 1.0)


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
    n, k = x.shape
    w = np.zeros(k)
    for _ in range(MAX_ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) / n + L2 * w
        hessian = (x * (p * (1.0 - p))[:, None]).T @ x / n + L2 * np.eye(k)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < TOLERANCE:
            break
    return tuple(round(float(v), 3) for v in w)


def fit_records(records: list[dict], key: dict[str, str], nlp) -> FitResult:  # type: ignore[no-untyped-def]
    """Fit both models on the candidate buckets of ``records`` (``key``: mention id → gold cluster)."""
    from .textcluster import ClusterOptions, candidate_buckets

    gold = [key[r["mention_id"]] for r in records]
    sizes = Counter(gold)
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


def _load(shared: Path, split: str):  # type: ignore[no-untyped-def]
    from ..evaluation.cluster import _Parsed, _records, read_ecbplus
    from ..nlp.loading import load_nlp

    docs = read_ecbplus(Path(shared) / "dev" / "ecbplus", split)
    records, key = _records(docs)
    return records, key, _Parsed(load_nlp(), [d.text for d in docs])


def fit(shared: Path, split: str = "train") -> FitResult:
    """Fit both models on the candidate buckets of ECB+ ``split`` (gold mentions, gold topics)."""
    return fit_records(*_load(shared, split))


def cross_validate(shared: Path, folds: int = 5, thresholds: Sequence[float] = THRESHOLDS,
                   gates: Sequence[float] = GATES, split: str = "train") -> dict[tuple[float, float], float]:
    """Out-of-fold CoNLL F1 over the topics of ``split`` for each (pair threshold, singleton gate).

    Topics are dealt to ``folds`` folds in numeric order (topic i → fold i mod folds); each fold is
    clustered with models fit on the other folds, and the folds' clusters are scored together.
    """
    from ..evaluation.cluster import conll
    from .textcluster import ClusterOptions, cluster

    records, key, nlp = _load(shared, split)
    topics = sorted({r["group"] for r in records}, key=lambda t: (len(t), t))
    parts = [[r for r in records if topics.index(r["group"]) % folds == f] for f in range(folds)]
    responses: dict[tuple[float, float], dict[str, str]] = {(t, g): {} for t in thresholds for g in gates}
    for f, held_out in enumerate(parts):
        rest = [r for g, part in enumerate(parts) if g != f for r in part]
        result = fit_records(rest, key, nlp)
        for t, g in responses:
            options = ClusterOptions(weights=result.pair_weights, singleton_weights=result.singleton_weights,
                                     pair_threshold=t, singleton_gate=g)
            responses[t, g].update({r["mention_id"]: f"{f}:{r['cluster_id']}" for r in cluster(held_out, options, nlp)})
    return {cfg: float(conll(key, resp)["conll_f1"]) for cfg, resp in responses.items()}


def main(argv: Sequence[str] | None = None) -> None:
    """Print refit weights, or with ``--folds K`` the cross-validated CoNLL F1 grid."""
    from ..evaluation import shared_dir

    parser = argparse.ArgumentParser(prog="python -m warwire.merge.coref_fit")
    parser.add_argument("shared", nargs="?", default=None, help="the ../shared folder")
    parser.add_argument("--folds", type=int, default=0, help="cross-validate over train topics instead")
    args = parser.parse_args(argv)
    shared = shared_dir(args.shared)
    if args.folds:
        scores = cross_validate(shared, args.folds)
        print(f"# out-of-fold CoNLL F1 over the train topics, {args.folds} folds")
        print("| pair threshold | " + " | ".join(f"gate {g}" for g in GATES) + " |")
        print("|---|" + "---|" * len(GATES))
        for t in THRESHOLDS:
            print(f"| {t:.2f} | " + " | ".join(f"{scores[t, g]:.4f}" for g in GATES) + " |")
        return
    result = fit(shared)
    print(f"# {result.mentions} candidate mentions, {result.pairs} candidate pairs")
    print("SINGLETON_WEIGHTS =", result.singleton_weights)
    print("WEIGHTS =", result.pair_weights)


if __name__ == "__main__":
    main()
