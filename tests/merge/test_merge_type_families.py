"""Compatibility the merge adds on top of the extractors' typing: agreement withdrawals,
loose "last year" dates, storming of buildings, and acts continued by definite participants."""

from __future__ import annotations

from warwire.merge import merge
from warwire.merge.features import features
from warwire.model import TimeValue


def _groups(events):  # type: ignore[no-untyped-def]
    return sorted(sorted(m.mention_id for m in e.mentions) for e in events)


def _last_year(mention, year: str):  # type: ignore[no-untyped-def]
    start = mention.sentence.start + mention.sentence.text.index("last year")
    mention.date = TimeValue(text="last year", start=start, end=start + 9, date=year, precision="year")
    return mention


def test_last_year_said_in_early_january_is_weak_evidence(mk):
    text = "The ministry said the budget for the pact was cut last year."
    early = _last_year(mk("a:m1", "a", text, "cut", type="SANCTION", published="2022-01-06"), "2021")
    late = _last_year(mk("b:m1", "b", text, "cut", type="SANCTION", published="2022-06-06"), "2021")
    assert features(early).weak_date
    assert not features(late).weak_date


def test_a_treaty_withdrawal_typed_retreat_joins_the_abrogation_of_that_treaty(mk):
    october = mk("a:m1", "a", "Sanctions followed the arms control treaty from which Ruritania withdrew last March.",
                 "withdrew", type="RETREAT", date="2030-03", precision="month",
                 actor1=("Ruritania", "RUR"), published="2030-10-10")
    january = _last_year(mk("b:m1", "b", "Ruritania's abrogation last year of the arms control treaty angered allies.",
                            "abrogation", type="SANCTION", actor1=("Ruritania", "RUR"),
                            published="2032-01-04"), "2031")
    assert features(october).family == "SANCTION"
    assert _groups(merge([october, january])) == [["a:m1", "b:m1"]]


def test_a_troop_withdrawal_is_not_an_agreement_withdrawal(mk):
    troops = mk("a:m1", "a", "Ruritania withdrew its troops from the border despite the ceasefire deal.",
                "withdrew", type="RETREAT")
    assert features(troops).family == "RETREAT"


def test_an_embassy_invasion_is_a_crowd_act_whatever_its_type(mk):
    invasion = mk("a:m1", "a", "Officials condemned an embassy invasion by the crowd.", "invasion")
    assert features(invasion).trigger_kind == "protest"
    war = mk("a:m2", "a", "The invasion of the country began in spring.", "invasion")
    assert features(war).trigger_kind != "protest"


def test_the_protesters_storming_continue_the_protest_told_before(mk):
    siege = mk("a:m1", "a", "Thousands of protesters laid siege to the consulate in Basra on Friday.",
               "siege", type="PROTEST", place="Basra")
    storm = mk("a:m2", "a", "Hours later the protesters managed to storm the main gate.", "storm",
               type="PROTEST", offset=300, date=None)
    other = mk("a:m3", "a", "In Mosul, a separate rally stormed a police post.", "stormed",
               type="PROTEST", offset=600, date=None, place="Mosul")
    assert _groups(merge([siege, storm, other])) == [["a:m1", "a:m2"], ["a:m3"]]


def test_an_indefinite_storming_of_the_same_building_is_the_storming_told_before(mk):
    siege = mk("a:m1", "a", "On Friday crowds stormed the Ruritanian Embassy in Basra, burning its gate.",
               "stormed", type="PROTEST", place="Basra")
    rhetoric = mk("a:m2", "a", "Officials in Basra complain of an embassy invasion by crowds.", "invasion",
                  offset=400, date=None, place="Basra")
    again = mk("a:m3", "a", "Officials now fear another embassy invasion.", "invasion", offset=800, date=None)
    feats = features(again)
    assert feats.new_act and feats.site_names
    groups = _groups(merge([siege, rhetoric, again]))
    assert ["a:m1", "a:m2"] in [g[:2] for g in groups]
    assert ["a:m3"] in groups


def test_reports_of_one_named_sanctions_campaign_join_across_years_and_places(mk):
    early = mk("a:m1", "a", "Ruritania is already imposing harsh sanctions in violation of the grain export treaty.",
               "sanctions", type="SANCTION", date="2030-05", precision="month", place="Kirkuk")
    middle = mk("b:m1", "b", "Talks collapsed over the grain export treaty, followed by the “iron fist” campaign "
                "against Freedonia.", "iron fist", type="SANCTION", date="2031", precision="year", place="Homs")
    late = mk("c:m1", "c", "The punishing “iron fist” campaign by Ruritania has emptied the markets.",
              "iron fist", type="SANCTION", date="2032-03-02", place="Basra")
    assert features(early).ongoing and features(late).ongoing
    assert _groups(merge([early, middle, late])) == [["a:m1", "b:m1", "c:m1"]]


def test_one_off_sanctions_keep_their_dates(mk):
    first = mk("a:m1", "a", "Ruritania imposed sanctions on Freedonian banks on Monday.", "sanctions",
               type="SANCTION", date="2030-05-06", place="Kirkuk")
    later = mk("b:m1", "b", "Ruritania imposed sanctions on Freedonian banks on Tuesday.", "sanctions",
               type="SANCTION", date="2031-09-09", place="Kirkuk")
    assert not features(first).ongoing
    assert _groups(merge([first, later])) == [["a:m1"], ["b:m1"]]
