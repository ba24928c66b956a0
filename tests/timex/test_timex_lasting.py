"""Dates of lasting acts and of dates that belong elsewhere in the sentence: habits and series up
to now, "the past N years", "since" phrases, appositions, "X of <year>", quoted "last night",
single-newline paragraphs and the date a republished text was written."""

from __future__ import annotations

import datetime as dt

from warwire.evaluation.timex import same_date
from warwire.merge.build import event_date
from warwire.model import Article, Mention, Span
from warwire.timex import date_mentions
from warwire.timex.calendar import past_range


def _mention(body: str, trigger: str, published: str | None = "2021-06-10", metadata=None,
             doc=None) -> Mention:
    """Date the first ``trigger`` of ``body``; sentences end at ". " or a newline."""
    art = Article(doc_id="d", original=body, text=body, published=published, metadata=metadata or {})
    s = body.index(trigger)
    dot = body.rfind(". ", 0, s)
    s0 = max(dot + 2 if dot >= 0 else 0, body.rfind("\n", 0, s) + 1)
    ends = [i for i in (body.find(". ", s), body.find("\n", s)) if i >= 0]
    s1 = min(ends) + 1 if ends else len(body)
    m = Mention(mention_id=f"m{s}", doc_id="d", type="ASSAULT", trigger=Span(s, s + len(trigger), trigger),
                sentence=Span(s0, s1, body[s0:s1]), published=art.written)
    date_mentions(art, doc, [m])
    return m


def test_the_past_several_years_start_at_a_year_and_run_to_the_day_of_writing():
    assert past_range(9, "Y", dt.date(2020, 3, 13)).date == "2011/2020-03-13"
    assert past_range(1, "Y", dt.date(2022, 8, 24)).date == "2021-08/2022-08-24"
    assert past_range(3, "M", dt.date(2022, 8, 24)).date == "2022-05/2022-08-24"


def test_a_habit_or_a_series_up_to_now_is_open_to_publication():
    got = _mention("The depots have often been the target of rocket fire.", "target").date
    assert (got.date, got.basis) == ("../2021-06-10", "state")
    got = _mention("The brigade has fought numerous battles in the hills.", "battles").date
    assert (got.date, got.basis) == ("../2021-06-10", "state")


def test_a_since_phrase_dates_its_own_state_not_the_next_sentence():
    body = ("She has led the militia since the border war of 1998-2000. As its leader, she "
            "organised the defence of the valley.")
    got = _mention(body, "defence").date
    assert got.date != "1998/2000"
    assert got.fallback  # nothing else in the paragraph dates it


def test_wire_copy_paragraphs_are_single_lines():
    body = ("Rebels attacked a convoy on 4 May 2021.\n"
            "The hills have often been the target of raids in earlier fighting.\n"
            "Troops entered the province in 2016.")
    got = _mention(body, "raids").date
    assert (got.date, got.basis) == ("../2021-06-10", "state")
    body = ("Rebels attacked a convoy on 4 May 2021.\n"
            "Convoys were looted in the district.\n"
            "Troops entered the province in 2016.")
    got = _mention(body, "looted").date
    assert got.fallback and got.date == "2021-06"  # neither line's date is borrowed


def test_a_date_of_the_main_clause_does_not_date_an_apposition():
    body = ("Colonel Aziz, the commander of the volunteers fighting the insurgents in the north, "
            "was killed in a drone strike on 3 June 2021.")
    got = _mention(body, "fighting").date
    assert got.date != "2021-06-03"
    got = _mention(body, "drone strike").date
    assert got.date == "2021-06-03"


def test_list_commas_do_not_close_an_apposition():
    body = ("The governor, who resigned in the face of protests against hunger, poverty and "
            "graft that have swept the region since last October, spoke on Monday.")
    got = _mention(body, "protests").date
    assert got.date.startswith("2020-10")


def test_a_year_after_of_names_its_own_noun(nlp):
    body = ("The council has been besieged by protests against a system that was built by the "
            "occupation of 2004 and its courts.")
    art_doc = nlp(body)
    got = _mention(body, "besieged", doc=art_doc).date
    assert (got.date, got.basis) == ("../2021-06-10", "state")


def test_quoted_last_night_is_counted_from_an_undated_speech():
    body = "The cleric told the crowd that “last night’s raid was only a warning”."
    got = _mention(body, "raid").date
    assert (got.date, got.basis) == ("../2021-06-09", "quoted")


def test_a_republication_is_dated_against_the_day_it_was_written():
    body = "The militia shelled the camp late Thursday."
    # page dated Saturday 13 March 2021, original written Friday 12 March
    m = _mention(body, "shelled", published="2021-03-13", metadata={"original_published": "2021-03-12"})
    assert m.published == "2021-03-12"
    assert m.date.date == "2021-03-11"
    body = "The blockade is still strangling the port."
    m = _mention(body, "blockade", published="2021-03-13", metadata={"original_published": "2021-03-12"})
    assert m.date.date == "../2021-03-12"


def test_a_lasting_act_is_dated_by_the_union_of_its_reports():
    early = _mention("Protests have swept the capital since last October.", "Protests", published="2020-01-03")
    late = _mention("The cabinet has been besieged by protests.", "besieged", published="2020-03-13")
    assert event_date([early, late]) == ("2019-10/2020-03-13", "range")


def test_dates_compare_at_the_gold_precision():
    assert same_date("2011/2022-08-24", "range", "2011/2022-08", "range")
    assert same_date("../2022-08-24", "range", "../2022-08-24", "range")
    assert not same_date("2011/2022-08", "range", "2011/2022-08-24", "range")  # coarser is not enough
    assert not same_date("2022-08-24", "day", "2022-08", "month")  # the precision itself must match
