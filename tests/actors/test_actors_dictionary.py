"""The actor dictionary: aliases, transliterations, metonyms, sectors, backers."""

from __future__ import annotations

import pytest

from warwire.actors import find_actors, load_dictionary, resolve_actor
from warwire.actors.places import country_of_place


@pytest.mark.parametrize(
    "alias, name, country, sector",
    [
        ("Kata'ib Hezbollah", "Kata'ib Hezbollah", "IRQ", "UAF"),
        ("Kataib Hizbullah", "Kata'ib Hezbollah", "IRQ", "UAF"),
        ("Kata’ib Hizbullah", "Kata'ib Hezbollah", "IRQ", "UAF"),
        ("Qasem Suleimani", "Qassem Soleimani", "IRN", "MIL"),
        ("the Quds Force", "Quds Force", "IRN", "MIL"),
        ("IRGC", "Islamic Revolutionary Guard Corps", "IRN", "MIL"),
        ("CENTCOM", "United States Central Command", "USA", "MIL"),
        ("Ansar Allah", "Ansar Allah (Houthis)", "YEM", "REB"),
        ("the Pentagon", "United States Department of Defense", "USA", "MIL"),
        ("Hamas", "Hamas", "PSE", "REB"),
        ("IDF", "Israel Defense Forces", "ISR", "MIL"),
    ],
)
def test_lookup_aliases(alias, name, country, sector):
    entry = load_dictionary().lookup(alias)
    assert entry is not None
    assert (entry.name, entry.country, entry.sector) == (name, country, sector)


def test_short_capitals_are_case_sensitive():
    d = load_dictionary()
    assert d.lookup("US") is not None
    assert d.lookup("us") is None


def test_capitals_are_metonyms(nlp):
    doc = nlp("Tehran denied it, while Washington and the Kremlin said nothing.")
    found = {doc[m.start:m.end].text: (m.entry.country, m.role) for m in find_actors(doc)}
    assert found["Tehran"] == ("IRN", "country")
    assert found["Washington"] == ("USA", "country")
    assert found["Kremlin"][0] == "RUS"


def test_demonym_and_head_noun_give_country_and_sector(nlp):
    doc = nlp("Jordanian police detained two men.")
    matches = find_actors(doc)
    name, country, sector, backer = resolve_actor(doc, 0, 2, matches, doc[1])
    assert (country, sector, backer) == ("JOR", "COP", None)


def test_backer_is_read_from_backed(nlp):
    doc = nlp("Iranian-backed Kataib Hezbollah fighters fired rockets.")
    matches = find_actors(doc)
    head = [t for t in doc if t.text == "fighters"][0]
    name, country, sector, backer = resolve_actor(doc, 0, head.i + 1, matches, head)
    assert (name, country, backer) == ("Kata'ib Hezbollah", "IRQ", "IRN")


def test_country_of_place():
    assert country_of_place("Idleb") == "SYR"
    assert country_of_place("Mosul") == "IRQ"
    assert country_of_place("Tehran") == "IRN"
    assert country_of_place("Nowhereville") is None
