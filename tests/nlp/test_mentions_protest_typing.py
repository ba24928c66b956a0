"""Typing of crowd acts: a storming coordinated with a protest is a riot; a "demonstration of
power" is no protest at all."""

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
