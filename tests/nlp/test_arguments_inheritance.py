"""Initiators carried from one mention of an act to its back-references (extract stage)."""

from __future__ import annotations

from warwire.model import Article
from warwire.nlp import extract_mentions


def _mentions(nlp, text, published="2021-05-04"):  # type: ignore[no-untyped-def]
    article = Article(doc_id="t", original=text, text=text, published=published)
    return [m for m in extract_mentions(article, nlp(text)) if m.asserted]


def _by_trigger(ms, word):  # type: ignore[no-untyped-def]
    return next(m for m in ms if m.trigger.text == word)


def test_the_same_person_killed_means_the_same_initiator(nlp):
    text = ("A US drone strike killed Qassem Soleimani near the airport on Friday. Markets fell. "
            "Oil rose. Envoys met. Talks stalled. Beijing called Soleimani's assassination a "
            "dangerous escalation.")
    m = _by_trigger(_mentions(nlp, text), "assassination")
    assert m.actor1 is not None and m.actor1.country == "USA"
    assert m.actor2 is not None and m.actor2.name == "Qassem Soleimani"


def test_no_initiator_is_lent_within_one_sentence(nlp):
    text = "Iranian missiles hit two bases on Wednesday to avenge the murder of a general."
    m = _by_trigger(_mentions(nlp, text), "murder")
    assert m.actor1 is None


def test_a_weekday_possessive_refers_to_the_act_of_that_day(nlp):
    text = ("Rockets hit the camp on Wednesday, wounding two guards. The Syrian army shelled "
            "rebel positions near the town on Friday. Wednesday's attack was the third this "
            "month.")
    m = _by_trigger(_mentions(nlp, text), "attack")
    # the Wednesday rockets had no named launcher: the Friday shelling's army is not lent
    assert m.actor1 is None


def test_today_s_strikes_take_the_initiator_just_told(nlp):
    text = ("Jordanian warplanes struck smugglers near the border overnight. “Today's strikes "
            "were necessary to protect our soldiers,” a spokesman said.")
    m = _by_trigger(_mentions(nlp, text), "strikes")
    assert m.actor1 is not None and m.actor1.country == "JOR"


def test_a_protest_refers_back_to_the_crowd_named_long_before(nlp):
    filler = " ".join(f"Point {n} of the budget was debated." for n in range(6))
    text = ("Iraqi protesters besieged the consulate in Basra on Tuesday. " + filler +
            " Among those present at the consulate protest were two lawmakers.")
    m = _by_trigger(_mentions(nlp, text), "protest")
    assert m.actor1 is not None and m.actor1.country == "IRQ"


def test_the_blamed_group_is_kept_as_alleged(nlp):
    text = "Officials blamed the Kataib Hezbollah militia for the rocket attack on the base."
    m = _by_trigger(_mentions(nlp, text), "rocket attack")
    assert m.actor1 is not None and m.actor1.country == "IRQ"
    assert m.actor1.attribution == "alleged"
