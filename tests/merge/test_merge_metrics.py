"""MUC, B³ and CEAF-e on hand-computed examples."""

from __future__ import annotations

import pytest

from warwire.evaluation.cluster import b_cubed, ceaf_e, conll, muc

KEY = {"1": "A", "2": "A", "3": "A", "4": "B", "5": "B"}
RESPONSE = {"1": "x", "2": "x", "3": "y", "4": "y", "5": "z"}


def test_muc_counts_links():
    m = muc(KEY, RESPONSE)
    # key {123}{45}: recall = (3-2 + 2-2) / (2 + 1) = 1/3; response {12}{34}{5}: precision = (1 + 0) / 2
    assert m.r == pytest.approx(1 / 3) and m.p == pytest.approx(1 / 2)


def test_b_cubed_averages_per_mention():
    b = b_cubed(KEY, RESPONSE)
    # recall: 1,2 → 2/3; 3 → 1/3; 4 → 1/2; 5 → 1/2  → (2/3+2/3+1/3+1/2+1/2)/5
    assert b.r == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 0.5 + 0.5) / 5)
    # precision: 1,2 → 1; 3 → 1/2; 4 → 1/2; 5 → 1 → 4/5
    assert b.p == pytest.approx(4 / 5)


def test_ceaf_e_matches_entities_one_to_one():
    c = ceaf_e(KEY, RESPONSE)
    # best alignment: A↔x (2·2/5 = 0.8) and B↔z (2·1/3) (or B↔y 2·1/4): total 0.8 + 2/3
    assert c.r == pytest.approx((0.8 + 2 / 3) / 2)
    assert c.p == pytest.approx((0.8 + 2 / 3) / 3)


def test_perfect_response_scores_one_and_conll_is_the_mean():
    r = conll(KEY, KEY)
    assert r["conll_f1"] == pytest.approx(1.0)
    r = conll(KEY, RESPONSE)
    assert r["conll_f1"] == pytest.approx((r["muc"].f1 + r["b3"].f1 + r["ceaf_e"].f1) / 3)
