"""``warwire eval events --details``: per core gold event, the warwire events holding it."""

from __future__ import annotations

from warwire.evaluation.events import GoldEvent, score_events
from warwire.merge import merge


def test_details_list_the_events_of_each_core_gold_event(mk):
    text = "Rockets hit a base near Kirkuk on Friday."
    m1 = mk("a:m1", "a", text, "Rockets", place="Kirkuk")
    m2 = mk("b:m1", "b", "A drone struck a car in Basra.", "struck", place="Basra", date="2021-05-02")
    events = merge([m1, m2])
    gold = [GoldEvent(event_id="G1", tier="core", type="ASSAULT", date="2021-04-02", precision="day",
                      docs={"a", "b"}, spans=[("a", 0, 7), ("b", 2, 25)],
                      location={"name": "Kirkuk", "country_iso3": "IRQ", "precision": "town",
                                "lat": 35.47, "lon": 44.39})]
    result = score_events(events, gold)
    assert result["scores"]["seeds_multi_article_exactly_one"] == 0.0
    lines = result["details"].splitlines()
    assert lines[0].startswith("G1 [ASSAULT 2021-04-02 day] gold place: Kirkuk (IRQ, town)")
    assert sum(line.startswith("  * ") for line in lines) == 1  # the best event is marked
    assert any("'Rockets'" in line and line.strip().startswith("+") for line in lines)
    assert any("'struck'" in line for line in lines)
