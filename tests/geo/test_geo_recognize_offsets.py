"""Gazetteer n-grams are found by code-point offsets, also after non-ASCII and astral text."""

from __future__ import annotations

import pytest

from warwire.geo import Gazetteer
from warwire.geo.recognize import _gazetteer_matches, recognize


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load(user_db="/nonexistent/none.sqlite")


def test_names_after_non_ascii_text_keep_their_offsets(gaz, nlp):
    text = ("Ḥamā residents 😀 said “the strike” near Kirkuk and in Deir ez-Zor province "
            "hit depots; officials in Mosul confirmed it.")
    doc = nlp(text)
    found = _gazetteer_matches(text, doc, gaz)
    assert all(text[t.start:t.end] == t.text for t in found)
    assert {"Kirkuk", "Mosul"} <= {t.text for t in found}
    names = [t.text for t in recognize(text, doc, gaz).toponyms]
    assert "Kirkuk" in names and "Mosul" in names


def test_a_doc_of_another_text_uses_its_own_offsets(gaz, nlp):
    doc = nlp("Clashes were reported near Kirkuk.")
    found = _gazetteer_matches("something else entirely", doc, gaz)
    assert [t.text for t in found] == ["Kirkuk"]
