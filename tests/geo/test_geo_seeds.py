"""Seeds: core gold events with site/town coordinates are located within 25 km."""

import pytest

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def test_seed_event_locations_within_25_km(shared, nlp):
    from warwire.evaluation.geo import evaluate_seeds

    results = evaluate_seeds(shared, nlp=nlp)
    assert len(results) >= 10
    share = sum(r.ok for r in results) / len(results)
    assert share >= 0.85, [(r.event_id, r.name, r.km) for r in results if not r.ok]


def test_eval_geo_scorer_shape(shared):
    from warwire.evaluation.geo import evaluate

    result = evaluate(shared, datasets=("lgl",), modes=("spans",), limit=5)
    assert {"lgl.spans.acc161", "lgl.spans.country_acc", "lgl.spans.median_km"} <= set(result["scores"])
    assert result["table"].startswith("| dataset")
