"""Which act a place belongs to: temporal clauses, causes, speech acts, facility targets."""

import pytest

from warwire.geo import Gazetteer, locate_mentions
from warwire.geo.locate import is_locative
from warwire.model import Actor, Article, Mention, Place, Span


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load(user_db="/nonexistent/none.sqlite")


def _mention(text: str, mid: str, sentence: str, trigger: str, type: str = "ASSAULT",
             actor1: Actor | None = None, actor2: Actor | None = None) -> Mention:
    s = text.index(sentence)
    t = text.index(trigger, s)
    return Mention(mention_id=mid, doc_id="d", type=type, trigger=Span(t, t + len(trigger), trigger),
                   sentence=Span(s, s + len(sentence), sentence), actor1=actor1, actor2=actor2)


def _locate(text: str, mentions: list[Mention], gaz, nlp) -> None:  # type: ignore[no-untyped-def]
    locate_mentions(Article(doc_id="d", original=text, text=text), nlp(text), mentions, gaz)


def test_a_place_in_a_temporal_clause_after_the_trigger_is_the_other_acts(gaz, nlp):
    text = "Drones struck targets in Iraq hours before the coffin of the general was carried through Kerman."
    m = _mention(text, "m1", text, "struck")
    _locate(text, [m], gaz, nlp)
    assert m.location is not None and m.location.country == "IRQ"


def test_coordinated_capitals_that_act_are_governments_not_places():
    text = "After the raid, both Washington and Tehran appeared to step back from the brink."
    start = text.index("Washington")
    place = Place(text="Washington", start=start, end=start + 10, feature="city", precision="town")
    assert not is_locative(text, place)
    start = text.index("Tehran")
    assert not is_locative(text, Place(text="Tehran", start=start, end=start + 6, feature="city"))


def test_a_cause_named_inside_the_effects_sentence_takes_no_borrowed_place(gaz, nlp):
    text = ("Gunmen ambushed a police convoy in Mosul on Monday. "
            "On Tuesday militias shelled a garrison in Syria in retaliation for an attack on a wedding.")
    second = text[text.index("On Tuesday"):]
    effect = _mention(text, "m2", second, "shelled")
    cause = _mention(text, "m3", second, "attack")
    _locate(text, [_mention(text, "m1", text[:text.index(" On Tuesday")], "ambushed"), effect, cause],
            gaz, nlp)
    assert effect.location is not None and effect.location.country == "SYR"
    assert cause.location is None  # not Syria (the effect's), not Mosul, not the focus country


def test_the_target_of_response_to_is_not_the_cause_location(gaz, nlp):
    text = ("Tehran's immediate response to the killing of the general was a missile barrage on "
            "the Ain al-Asad air base in Iraq.")
    cause = _mention(text, "m1", text, "killing")
    effect = _mention(text, "m2", text, "missile barrage")
    _locate(text, [cause, effect], gaz, nlp)
    assert effect.location is not None and effect.location.precision == "site"
    assert cause.location is None


def test_a_target_named_like_a_facility_is_resolved_as_a_place(gaz, nlp):
    text = "Iran answered with a ballistic missile attack on the al-Asad Airbase last week."
    start = text.index("al-Asad")
    target = Actor(text="al-Asad Airbase", start=start, end=start + len("al-Asad Airbase"))
    m = _mention(text, "m1", text, "missile attack", actor2=target)
    _locate(text, [m], gaz, nlp)
    assert m.location is not None and m.location.precision == "site"
    assert m.location.country == "IRQ" and text[m.location.start:m.location.end] == "al-Asad Airbase"


def test_a_demand_happens_at_the_speakers_venue_not_where_it_is_about(gaz, nlp):
    text = ("Foreign Minister Karim Haddad addressed the UN General Assembly on Friday. "
            "He said the war had lasted too long. "
            "Haddad went on to demand the withdrawal of foreign troops from Syria.")
    sentence = text[text.index("Haddad went"):]
    speaker = Actor(text="Haddad", name="Karim Haddad", country="SYR")
    m = _mention(text, "m1", sentence, "demand", type="REQUEST", actor1=speaker)
    _locate(text, [m], gaz, nlp)
    assert m.location is not None and m.location.country == "USA" and m.location.precision == "site"


def test_a_demand_without_a_venue_is_placed_in_the_speakers_country_not_the_demanded_place(gaz, nlp):
    text = "The minister demanded that Turkey withdraw its troops from Syria."
    m = _mention(text, "m1", text, "demanded", type="REQUEST",
                 actor1=Actor(text="The minister", country="IRQ"))
    _locate(text, [m], gaz, nlp)
    assert m.location is not None and m.location.country == "IRQ"
    assert m.location.precision == "country"
    m = _mention(text, "m2", text, "demanded", type="REQUEST", actor1=Actor(text="The minister"))
    _locate(text, [m], gaz, nlp)
    assert m.location is None  # no venue, no known speaker country: nothing rather than Syria


def test_a_dateline_is_where_the_report_was_filed_not_where_the_act_happened():
    from warwire.geo.locate import is_dateline

    text = "Pentagon update\n\nBAGHDAD (Wire Service) — Rockets hit a base in Anbar on Monday."
    start = text.index("BAGHDAD")
    assert is_dateline(text, Place(text="BAGHDAD", start=start, end=start + 7, role="target"))
    start = text.index("Anbar")
    assert not is_dateline(text, Place(text="Anbar", start=start, end=start + 5))


def test_a_venue_in_the_demands_own_sentence_is_its_location(gaz, nlp):
    text = "Speaking at a news conference in Baghdad, the minister demanded that Turkey leave Syria."
    m = _mention(text, "m1", text, "demanded", type="REQUEST")
    _locate(text, [m], gaz, nlp)
    assert m.location is not None and m.location.name == "Baghdad"


def test_where_the_tellers_are_is_not_where_the_act_happened(gaz, nlp):
    text = "Officials in Washington also cited the rocket attack on the K-1 base last week."
    start = text.index("K-1 base")
    m = _mention(text, "m1", text, "rocket attack",
                 actor2=Actor(text="K-1 base", start=start, end=start + 8))
    start = text.index("Washington")
    m.places = [Place(text="Washington", start=start, end=start + 10, role="target")]
    _locate(text, [m], gaz, nlp)
    assert m.location is not None and m.location.country == "IRQ" and m.location.precision == "site"


def test_a_country_word_modifying_people_is_never_the_event_location_even_as_a_target():
    from warwire.geo.locate import pick_location
    from warwire.model import Place, Span

    text = "The rocket attack on the depot killed a US contractor and wounded Iraqi guards in Iraq."
    us = Place(text="US", start=text.index("US"), end=text.index("US") + 2, name="United States",
               country="USA", lat=39.76, lon=-98.5, feature="country", precision="country", role="target")
    iraq_at = text.rindex("Iraq")
    iraq = Place(text="Iraq", start=iraq_at, end=iraq_at + 4, name="Iraq", country="IRQ", lat=33.0,
                 lon=44.0, feature="country", precision="country", role=None)
    trigger = Span(text.index("attack"), text.index("attack") + 6, "attack")
    assert pick_location(text, [us, iraq], trigger).location.country == "IRQ"
