"""Recognition over text (spaCy) and event location from mentions."""

import pytest

from warwire.geo import Gazetteer, geoparse, locate_mentions
from warwire.model import Article, Mention, OffsetMap, Place, Span


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load(user_db="/nonexistent/none.sqlite")


def test_recognition_finds_regional_names_spacy_mislabels(gaz, nlp):
    text = "Missiles fired from Kermanshah hit targets in Deir Ezzor, near Albu Kamal."
    places = geoparse(text, gaz, doc=nlp(text))
    names = {p.text: p for p in places}
    assert {"Kermanshah", "Deir Ezzor", "Albu Kamal"} <= set(names)
    assert names["Kermanshah"].country == "IRN"
    for p in places:
        assert text[p.start:p.end] == p.text


def _mention(article, start, end, places=()):
    sentence = Span(start, end, article.original[start:end])
    return Mention(mention_id="m1", doc_id=article.doc_id, type="ASSAULT", trigger=sentence,
                   sentence=sentence, places=list(places))


def test_target_not_launch_site_with_original_offsets(gaz, nlp):
    header = "SITE HEADER\n\n"
    body = "Missiles fired from Kermanshah hit targets in Deir Ezzor on Monday."
    original = header + body
    article = Article(doc_id="d1", original=original, text=body,
                      offset_map=OffsetMap([(0, len(header))]))
    mention = _mention(article, len(header), len(original))
    locate_mentions(article, nlp(body), [mention], gaz)
    assert mention.location.country == "SYR" and mention.location.role == "target"
    assert mention.origin.country == "IRN" and mention.origin.text == "Kermanshah"
    loc = mention.location
    assert original[loc.start:loc.end] == loc.text == "Deir Ezzor"


def test_given_places_keep_their_roles(gaz, nlp):
    text = "Rockets launched from Basra struck Camp Taji north of Baghdad."
    article = Article(doc_id="d2", original=text, text=text)
    given = [Place(text="Basra", start=22, end=27, role="origin"),
             Place(text="Camp Taji", start=35, end=44, role="target")]
    mention = _mention(article, 0, len(text), given)
    locate_mentions(article, nlp(text), [mention], gaz)
    assert mention.location.name and mention.location.precision == "site"
    assert mention.origin.text == "Basra" and mention.origin.lat is not None
    assert all(p.lat is not None for p in mention.places)


def test_direction_lowers_precision_and_metonymy_is_skipped(gaz, nlp):
    text = "Washington said a drone hit a convoy north of Baghdad."
    article = Article(doc_id="d3", original=text, text=text)
    mention = _mention(article, 0, len(text))
    locate_mentions(article, nlp(text), [mention], gaz)
    assert mention.location.text == "Baghdad"
    assert mention.location.precision == "admin1"  # town, one level lower for "north of"


def test_sentence_without_place_falls_back_to_focus_country(gaz, nlp):
    text = "Clashes erupted in Mosul and Tikrit in Iraq.\n\nSeveral people were wounded."
    article = Article(doc_id="d4", original=text, text=text)
    start = text.index("Several")
    mention = _mention(article, start, len(text))
    locate_mentions(article, nlp(text), [mention], gaz)
    assert mention.location.country == "IRQ" and mention.location.precision == "country"


def test_pick_location_prefers_precise_target_over_origin():
    from warwire.geo import pick_location

    text = "Drones launched from Iraq hit the Al-Tanf garrison in Syria."
    places = [
        Place(text="Iraq", start=21, end=25, country="IRQ", lat=33.0, lon=44.0,
              feature="country", precision="country"),
        Place(text="Al-Tanf garrison", start=34, end=50, country="SYR", lat=33.5, lon=38.6,
              feature="site", precision="site"),
        Place(text="Syria", start=54, end=59, country="SYR", lat=35.0, lon=38.0,
              feature="country", precision="country"),
    ]
    choice = pick_location(text, places)
    assert choice.origin.text == "Iraq" and choice.origin.role == "origin"
    assert choice.location.text == "Al-Tanf garrison" and choice.location.role == "target"


def test_place_of_the_cause_is_not_the_place_of_the_retaliation():
    from warwire.geo import pick_location

    text = "Rockets struck a base near Erbil in retaliation for the raid on a convoy in Mosul."
    trigger = Span(8, 14, "struck")
    places = [
        Place(text="Erbil", start=27, end=32, country="IRQ", lat=36.19, lon=44.01,
              feature="city", precision="town"),
        Place(text="Mosul", start=76, end=81, country="IRQ", lat=36.34, lon=43.13,
              feature="city", precision="town"),
    ]
    assert text[27:32] == "Erbil" and text[76:81] == "Mosul"
    choice = pick_location(text, places, trigger)
    assert choice.location.text == "Erbil"
    only_cause = pick_location(text, places[1:], trigger)
    assert only_cause.location is None
    # the trigger of the cause ("raid") is not placed where the retaliation happened
    raid = Span(text.index("raid"), text.index("raid") + 4, "raid")
    assert pick_location(text, places, raid).location.text == "Mosul"


def test_a_site_inside_the_explicit_target_country_wins():
    from warwire.geo import pick_location

    text = "Missiles hit the airbase of Ain al-Asad in western Iraq."
    places = [
        Place(text="Ain al-Asad", start=28, end=39, country="IRQ", lat=33.8, lon=42.44,
              feature="site", precision="site"),
        Place(text="Iraq", start=51, end=55, country="IRQ", lat=33.0, lon=44.0,
              feature="country", precision="country", role="target"),
    ]
    assert text[28:39] == "Ain al-Asad" and text[51:55] == "Iraq"
    assert pick_location(text, places, Span(9, 12, "hit")).location.text == "Ain al-Asad"


def test_public_surface():
    import warwire.geo as geo

    assert set(geo.__all__) == {"Gazetteer", "geoparse", "locate_mentions", "pick_location"}


def test_passive_sentence_keeps_its_place_and_actor_use_is_skipped(gaz, nlp):
    text = "Kirkuk was hit by rockets. Iran launched missiles at the K-1 base."
    article = Article(doc_id="d5", original=text, text=text)
    first = _mention(article, 0, 26)
    second = _mention(article, 27, len(text))
    locate_mentions(article, nlp(text), [first, second], gaz)
    assert first.location.text == "Kirkuk"
    assert second.location.precision == "site" and second.location.country == "IRQ"
