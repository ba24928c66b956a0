"""Resolution with given spans (no spaCy): context, hierarchy, variants, failures."""

import pytest

from warwire.geo import Gazetteer, geoparse


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load(user_db="/nonexistent/none.sqlite")


def spans_of(text, *names):
    out, pos = [], 0
    for name in names:
        start = text.index(name, pos)
        out.append((start, start + len(name)))
        pos = start + len(name)
    return out


def parse(text, gaz, *names):
    return geoparse(text, gaz, spans=spans_of(text, *names))


def test_state_qualifier_and_document_focus(gaz):
    text = "The fair in Paris, Texas, drew visitors from Dallas and Tyler, Texas."
    places = parse(text, gaz, "Paris", "Texas", "Dallas", "Tyler", "Texas")
    assert places[0].country == "USA" and places[0].admin1 == "Texas"
    assert all(p.country == "USA" for p in places)


def test_georgia_the_state_or_the_country(gaz):
    us = "Atlanta police said the suspect fled Georgia for Alabama."
    assert parse(us, gaz, "Atlanta", "Georgia", "Alabama")[1].country == "USA"
    caucasus = "Russian troops near Tbilisi and Gori pushed deeper into Georgia."
    assert parse(caucasus, gaz, "Tbilisi", "Gori", "Georgia")[2].country == "GEO"


def test_transliteration_variants_resolve_to_one_place(gaz):
    ids = set()
    for name in ("Al Bukamal", "Abu Kamal", "Albu Kamal"):
        text = f"Air strikes hit {name} in eastern Syria."
        place = parse(text, gaz, name)[0]
        assert place.country == "SYR", name
        ids.add(place.geonameid)
    assert len(ids) == 1
    assert parse("Shelling in Dar'a.", gaz, "Dar'a")[0].country == "SYR"
    assert parse("Shelling in Daraa.", gaz, "Daraa")[0].country == "SYR"


def test_province_suffix_and_site_names(gaz):
    text = "Drones struck Deir Ezzor province and the Ain al-Asad airbase."
    province, base = parse(text, gaz, "Deir Ezzor province", "Ain al-Asad")
    assert province.feature == "admin1" and province.country == "SYR"
    assert base.feature == "site" and base.precision == "site"
    assert abs(base.lat - 33.79) < 0.1


def test_city_beats_its_namesake_province(gaz):
    place = parse("A rocket hit Kirkuk on Sunday.", gaz, "Kirkuk")[0]
    assert place.feature == "city" and place.precision == "town"


def test_demonyms_and_abbreviations(gaz):
    assert parse("Iranian officials spoke.", gaz, "Iranian")[0].country == "IRN"
    place = parse("He lives in Macon, Ga.", gaz, "Macon", "Ga.")
    assert place[1].admin1 == "Georgia" and place[0].admin1 == "Georgia"


def test_unresolvable_name_keeps_text_and_does_not_empty_the_rest(gaz):
    text = "Fighting near Qzxwvbt and in Mosul and Erbil."
    places = parse(text, gaz, "Qzxwvbt", "Mosul", "Erbil")
    assert places[0].text == "Qzxwvbt" and places[0].lat is None and places[0].lon is None
    assert places[1].name and places[1].country == "IRQ"
    assert places[2].country == "IRQ"


def test_spans_are_resolved_exactly_as_given(gaz):
    text = "Baghdad and Basra"
    places = geoparse(text, gaz, spans=[(0, 7), (12, 17)])
    assert [(p.start, p.end, p.text) for p in places] == [(0, 7, "Baghdad"), (12, 17, "Basra")]
