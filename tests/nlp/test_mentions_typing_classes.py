"""Typing classes: a storming coordinated with a protest is a riot; a "demonstration of power"
and a label given to an act already named ("described X as an assault") are no acts."""

from __future__ import annotations

from warwire.model import Article
from warwire.nlp import extract_mentions


def _mentions(nlp, text):  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", original=text, text=text, published="2021-05-04")
    return [m for m in extract_mentions(article, nlp(text)) if m.asserted]


def test_storming_coordinated_with_protests_is_a_riot(nlp):
    text = "Furious rallies in Basra and the storming of the provincial council followed on Sunday."
    typed = {m.trigger.text: m.type for m in _mentions(nlp, text)}
    assert typed.get("storming") == "PROTEST"


def test_demonstration_of_power_is_not_a_protest(nlp):
    text = "The naval drills on Monday were a demonstration of Chinese power in the strait."
    assert not any(m.type == "PROTEST" for m in _mentions(nlp, text))


def test_a_label_given_to_a_named_act_is_not_another_act(nlp):
    text = "On Friday the ministry described the air strikes as an unprovoked assault on its territory."
    triggers = [m.trigger.text for m in _mentions(nlp, text)]
    assert "air strikes" in triggers and "assault" not in triggers


def test_storming_after_protests_provoked_by_an_act_is_a_riot(nlp):
    text = "The raid led to furious protests in Basra and the storming of the governor's office on Sunday."
    typed = {m.trigger.text: m.type for m in _mentions(nlp, text)}
    assert typed.get("storming") == "PROTEST"


def test_a_subjunctive_clause_asks_for_an_act_and_does_not_assert_it(nlp):
    text = "Lawmakers renewed their demand that all foreign troops be withdrawn from the country."
    assert not any(m.trigger.text == "withdrawn" for m in _mentions(nlp, text))
