"""Event locations a reader would call wrong: facilities in the act's own phrase, owners,
travellers, acts named in passing and definite back-references."""

import pytest

from warwire.geo import Gazetteer, locate_mentions, pick_location
from warwire.geo.locate import is_locative
from warwire.geo.locate_facility import is_owner_word, travel_cue
from warwire.model import Actor, Article, Mention, Place, Span


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load(user_db="/nonexistent/none.sqlite")


def _mention(text: str, mid: str, sentence: str, trigger: str, type: str = "ASSAULT",
             actor1: Actor | None = None) -> Mention:
    s = text.index(sentence)
    t = text.index(trigger, s)
    return Mention(mention_id=mid, doc_id="d", type=type, trigger=Span(t, t + len(trigger), trigger),
                   sentence=Span(s, s + len(sentence), sentence), actor1=actor1)


def _locate(text: str, mentions: list[Mention], gaz, nlp) -> None:  # type: ignore[no-untyped-def]
    locate_mentions(Article(doc_id="d", original=text, text=text), nlp(text), mentions, gaz)


def _country(text: str, word: str, iso3: str, role: str | None = None, nth: int = 0) -> Place:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Place(text=word, start=start, end=start + len(word), name=word, country=iso3, lat=33.0,
                 lon=44.0, feature="country", precision="country", role=role)


def test_the_embassy_in_the_acts_own_phrase_beats_a_base_of_a_neighbouring_act(gaz, nlp):
    first = "Militias in Baghdad have grown bolder this winter."
    second = ("Diplomats in Ankara listed the mortar attack on Camp Taji and the siege of the US "
              "embassy among their worries.")
    text = f"{first} {second}"
    attack = _mention(text, "m1", second, "mortar attack")
    siege = _mention(text, "m2", second, "siege", type="PROTEST")
    _locate(text, [attack, siege], gaz, nlp)
    assert attack.location is not None and attack.location.name == "Camp Taji"
    # a US embassy in a story about Iraq is the one in its capital, not in the United States
    assert siege.location is not None and siege.location.name == "US Embassy Baghdad"
    assert siege.location.precision == "site"


def test_an_embassy_followed_by_its_city_is_the_site_in_that_city(gaz, nlp):
    text = "Hundreds of demonstrators stormed the US embassy in Baghdad on Tuesday night."
    m = _mention(text, "m1", text, "stormed", type="PROTEST")
    _locate(text, [m], gaz, nlp)
    assert m.location is not None and m.location.name == "US Embassy Baghdad"


def test_an_embassy_the_project_has_no_site_for_is_placed_in_its_city(gaz, nlp):
    text = "Students besieged the British embassy in Tehran for two days."
    m = _mention(text, "m1", text, "besieged", type="PROTEST")
    _locate(text, [m], gaz, nlp)
    assert m.location is not None and m.location.name == "Tehran" and m.location.country == "IRN"
    assert m.location.precision == "town"


def test_the_attack_on_the_embassy_is_at_the_embassy_named_before_not_the_blamed_country(gaz, nlp):
    first = "Rioters set fire to the gates of the US embassy in Baghdad on Monday."
    second = "The White House blamed Iran for the attack on the embassy."
    text = f"{first} {second}"
    m = _mention(text, "m2", second, "attack")
    _locate(text, [_mention(text, "m1", first, "set fire"), m], gaz, nlp)
    assert m.location is not None and m.location.name == "US Embassy Baghdad"
    iran = _country(text, "Iran", "IRN")
    assert not is_locative(text, iran)  # "blamed Iran for": who is blamed, not where


def test_a_country_word_before_bases_or_an_embassy_says_whose_not_where():
    text = "Missiles struck US bases overnight, and later the US embassy."
    us = _country(text, "US", "USA", role="target")
    assert is_owner_word(text, us)
    assert not is_locative(text, us)
    trigger = Span(text.index("struck"), text.index("struck") + 6, "struck")
    assert pick_location(text, [us], trigger).location is None  # even as the parse's target
    text = "Missiles struck US bases in Syria."
    us, syria = _country(text, "US", "USA", role="target"), _country(text, "Syria", "SYR", role="target")
    assert pick_location(text, [us, syria], trigger).location.country == "SYR"


def test_a_named_site_beats_two_coarse_targets_of_the_same_country():
    text = "Eleven rockets hit Taji base in central Iraq and one struck near Kirkuk in the north."
    site_at = text.index("Taji base")
    site = Place(text="Taji base", start=site_at, end=site_at + 9, name="Camp Taji", country="IRQ",
                 lat=33.53, lon=44.28, feature="site", precision="site")
    kirkuk_at = text.index("Kirkuk")
    kirkuk = Place(text="Kirkuk", start=kirkuk_at, end=kirkuk_at + 6, name="Kirkuk", country="IRQ",
                   lat=35.47, lon=44.39, feature="city", precision="town", role="target")
    iraq = _country(text, "Iraq", "IRQ", role="target")
    trigger = Span(text.index("hit"), text.index("hit") + 3, "hit")
    choice = pick_location(text, [iraq, kirkuk, site], trigger)
    assert choice.location is not None and choice.location.name == "Camp Taji"


def test_where_a_victim_had_just_left_is_near_the_act_and_not_its_origin():
    text = "The airliner was shot down minutes after it took off from Tehran, killing everyone."
    at = text.index("Tehran")
    tehran = Place(text="Tehran", start=at, end=at + 6, name="Tehran", country="IRN", lat=35.69,
                   lon=51.42, feature="city", precision="town", role="origin")
    assert travel_cue(text, tehran) == "departure"
    choice = pick_location(text, [tehran], Span(17, 27, "shot down"))
    assert choice.origin is None
    assert choice.location is not None and choice.location.name == "Tehran"
    assert choice.location.precision == "admin1"  # near the city, not in it


def test_where_a_traveller_came_from_or_was_going_is_no_place_of_the_act():
    text = ("Missiles fired from the drone hit his car shortly after the commander arrived on a "
            "flight from Damascus.")
    at = text.index("Damascus")
    damascus = Place(text="Damascus", start=at, end=at + 8, name="Damascus", country="SYR",
                     lat=33.51, lon=36.29, feature="city", precision="town", role="origin")
    assert travel_cue(text, damascus) == "arrival"
    choice = pick_location(text, [damascus], Span(text.index("hit"), text.index("hit") + 3, "hit"))
    assert choice.origin is None and choice.location is None
    text = "The jet, bound for Kyiv, was hit by a missile."
    at = text.index("Kyiv")
    kyiv = Place(text="Kyiv", start=at, end=at + 4, name="Kyiv", country="UKR", lat=50.45,
                 lon=30.52, feature="city", precision="town")
    assert travel_cue(text, kyiv) == "destination"
    assert pick_location(text, [kyiv], Span(text.index("hit"), text.index("hit") + 3, "hit")).location is None


def test_places_of_an_earlier_act_named_after_a_temporal_preposition_are_not_this_acts(gaz, nlp):
    first = "Air defence units across Iran were told to shoot at anything approaching Tehran."
    second = "One unit was on high alert after Iran's missile strikes on US bases in Iraq."
    text = f"{first} {second}"
    alert = _mention(text, "m1", second, "high alert", type="MOBILIZE")
    strikes = _mention(text, "m2", second, "missile strikes")
    _locate(text, [alert, strikes], gaz, nlp)
    assert strikes.location is not None and strikes.location.country == "IRQ"
    assert alert.location is None or alert.location.country != "IRQ"


def test_the_strike_without_a_place_is_where_the_strike_named_before_happened(gaz, nlp):
    first = "Rockets slammed into Camp Taji on Monday, wounding three soldiers."
    second = "Officials in London said the strike had been expected for weeks."
    text = f"{first}\n\n{second}"
    rockets = _mention(text, "m1", first, "slammed")
    strike = _mention(text, "m2", second, "strike")
    _locate(text, [rockets, strike], gaz, nlp)
    assert rockets.location is not None and rockets.location.name == "Camp Taji"
    assert strike.location is not None and strike.location.name == "Camp Taji"

