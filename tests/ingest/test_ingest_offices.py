"""Undated articles: office holders bound the year of partial dates, and the days the text can
have been written on date its mentions as a range."""

from __future__ import annotations

import datetime as dt

from warwire.ingest.dates import infer_written_range
from warwire.ingest.offices import named_in_office, term_window
from warwire.model import Article, Mention, Span
from warwire.timex import date_mentions

TODAY = dt.date(2026, 11, 21)

#: An undated wire story written for these tests: three office holders, a partial date, "this
#: month" and the weekday of the briefing.
WIRE = (
    "WASHINGTON: The Pentagon said Wednesday that warplanes struck two depots overnight.\n"
    "Colin Kahl, the undersecretary of defense for policy, said the raids answered the drone "
    "attack on Aug. 15 at a desert outpost, the second this month.\n"
    "Foreign Ministry spokesman Nasser Kanaani condemned the raids, which came at the orders of "
    "President Joe Biden.\n"
)


def _ids(text: str) -> set[str]:
    return {n.holder.id for n in named_in_office(text)}


def test_a_holder_counts_only_when_named_with_the_office():
    assert _ids("Defense Secretary Mark Esper visited the base.") == {"us_secdef_esper"}
    assert _ids("Mark Esper, the defense secretary, visited the base.") == {"us_secdef_esper"}
    assert _ids("Esper visited the base.") == set()
    assert _ids("Former Defense Secretary Mark Esper visited the base.") == set()
    assert _ids("President-elect Joe Biden spoke.") == set()


def test_the_window_is_where_every_term_overlaps():
    window = term_window(named_in_office(WIRE), TODAY)
    assert window == [(dt.date(2022, 6, 27), dt.date(2023, 7, 31))]
    # terms that never overlap say nothing
    assert term_window(named_in_office("President Barack Obama met Iraqi Prime Minister "
                                       "Mustafa al-Kadhimi."), TODAY) is None


def test_a_holder_who_died_in_office_bounds_only_the_start():
    window = term_window(named_in_office("Quds Force commander Qasem Soleimani was buried."), TODAY)
    assert window == [(dt.date(1998, 1, 1), TODAY)]


def test_partial_dates_get_the_one_year_the_window_allows():
    got = infer_written_range(WIRE, TODAY)
    assert (got.low, got.high) == (dt.date(2022, 8, 17), dt.date(2022, 8, 31))
    assert "Aug. 15" in got.evidence and "this month" in got.evidence


def test_no_range_without_a_cue_tying_the_date_to_the_time_of_writing():
    assert infer_written_range(WIRE.replace(", the second this month", ""), TODAY) is None


def _mention(body: str, trigger: str, article: Article) -> Mention:
    s = body.index(trigger)
    s0 = body.rfind("\n", 0, s) + 1
    s1 = body.find("\n", s)
    return Mention(mention_id=f"m{s}", doc_id="d", type="ASSAULT", trigger=Span(s, s + len(trigger), trigger),
                   sentence=Span(s0, s1, body[s0:s1]))


def test_an_undated_article_is_dated_on_the_first_and_the_last_day_it_can_be_from():
    art = Article(doc_id="d", original=WIRE, text=WIRE, published=None,
                  metadata={"published_range": ["2022-08-17", "2022-08-31"]})
    assert art.written is None and art.written_range == ("2022-08-17", "2022-08-31")
    drone = _mention(WIRE, "drone attack", art)
    struck = _mention(WIRE, "struck", art)
    date_mentions(art, None, [drone, struck])
    assert (drone.date.date, drone.date.precision) == ("2022-08-15", "day")
    assert (struck.date.date, struck.date.precision) == ("2022-08-16/2022-08-31", "range")


def test_an_undated_relative_time_is_not_replaced_by_another_sentences_date():
    body = "Navies held drills in the gulf last month.\nThe 2015 accord was signed in Vienna."
    art = Article(doc_id="d", original=body, text=body, published=None)
    drills = _mention(body, "drills", art)
    date_mentions(art, None, [drills])
    assert drills.date is None


def test_a_date_right_after_another_acts_noun_is_that_acts():
    body = "The decision to launch the raids answered the rocket attacks on 15 August 2022.\n"
    art = Article(doc_id="d", original=body, text=body, published="2022-08-24")
    launch = _mention(body, "launch", art)
    attacks = _mention(body, "attacks", art)
    date_mentions(art, None, [launch, attacks])
    assert attacks.date.date == "2022-08-15"
    assert launch.date.date != "2022-08-15"
