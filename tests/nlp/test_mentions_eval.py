"""Pieces of the mentions scorer that need no model run."""

from __future__ import annotations

import pytest

from warwire.evaluation.mentions import TRAP_REASON, acled_actor_country


def test_acled_actor_country():
    assert acled_actor_country("Military Forces of Syria (2000-)", "1", "Syria") == "SYR"
    assert acled_actor_country("Protesters (Iran)", "6", "Iran") == "IRN"
    assert acled_actor_country("Unidentified Armed Group (Iraq)", "3", "Iraq") is None
    assert acled_actor_country("Some Local Militia", "4", "Yemen") == "YEM"


def test_trap_reasons():
    assert TRAP_REASON.search("standing presence (state)")
    assert TRAP_REASON.search("offer, not a deployment")
    assert not TRAP_REASON.search("CONSULT - out of scope")


@pytest.mark.shared
@pytest.mark.slow
def test_seed_gold_floors(shared):
    """The seed gold stays above the acceptance floors (recall, precision, traps)."""
    from warwire.evaluation.mentions import evaluate_seeds

    scores = evaluate_seeds(shared)["scores"]
    assert scores["seeds_recall_core"] >= 0.85
    for t in ("ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"):
        assert scores[f"seeds_precision_{t}"] >= 0.75
    assert scores["seeds_modality_traps"] <= 3
