"""Parser slips the small model makes with all-caps names: "IS" read as an auxiliary."""

from __future__ import annotations

from warwire.model import Article
from warwire.nlp import extract_mentions


def _mentions(nlp, text):  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", original=text, text=text, published="2018-02-10")
    return [m for m in extract_mentions(article, nlp(text)) if m.asserted]


def test_is_before_a_noun_is_the_group_not_a_passive(nlp):
    ms = _mentions(nlp, "IS militants blew up a house near the market in Kirkuk.")
    a1 = ms[0].actor1
    assert a1 is not None and a1.text == "IS militants" and a1.name == "Islamic State"
    assert a1.country == "IRQ"  # based where it acts: Kirkuk


def test_an_is_bomb_is_owned_by_the_group(nlp):
    ms = _mentions(nlp, "A remnant IS IED exploded inside a school yard in Mosul.")
    assert any(m.actor1 is not None and m.actor1.name == "Islamic State" for m in ms)
