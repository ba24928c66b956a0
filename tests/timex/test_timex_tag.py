"""Behaviour of the temporal tagger on sentences written for these tests."""

from __future__ import annotations

import pytest

from warwire.timex import tag

#: A Tuesday, so that weekday words have a clear past and future.
DCT = "2018-10-02"


def one(text: str, dct: str | None = DCT):
    found = tag(text, dct)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start:t.end] == t.text
    return t


@pytest.mark.parametrize(
    ("text", "span", "value", "date", "precision"),
    [
        ("Rebels shelled the town early Monday morning.", "early Monday morning",
         "2018-10-01", "2018-10-01", "day"),
        ("The convoy was ambushed late Thursday.", "late Thursday", "2018-09-27", "2018-09-27",
         "day"),
        ("Envoys will meet on Monday in Geneva.", "Monday", "2018-10-08", "2018-10-08", "day"),
        ("Troops withdrew on Tuesday.", "Tuesday", "2018-10-02", "2018-10-02", "day"),
        ("A drone hit the depot last month.", "last month", "2018-09", "2018-09", "month"),
        ("The army pulled out last May.", "last May", "2018-05", "2018-05", "month"),
        ("The raid on Aug. 15 killed four.", "Aug. 15", "2018-08-15", "2018-08-15", "day"),
        ("The September 22 bombing shocked the city.", "September 22", "2018-09-22",
         "2018-09-22", "day"),
        ("Protests have grown since March.", "March", "2018-03", "2018-03/2018-10-02", "range"),
        ("Sales fell in the first quarter.", "the first quarter", "2018-Q1",
         "2018-01/2018-03", "range"),
        ("It was a war of 1980-88 that bled both states.", "1980-88", "1980/1988",
         "1980/1988", "range"),
        ("Fighting spread in the 1990s.", "the 1990s", "199", "1990/1999", "range"),
        ("Shelling continued overnight.", "overnight", "2018-10-01TNI",
         "2018-10-01/2018-10-02", "range"),
        ("The talks resume next year.", "next year", "2019", "2019", "year"),
        ("Aid arrived this summer.", "this summer", "2018-SU", "2018-06/2018-08", "range"),
    ],
)
def test_dates_resolve_against_the_dct(text, span, value, date, precision):
    t = one(text)
    assert (t.text, t.value, t.date, t.precision) == (span, value, date, precision)


def test_this_week_is_an_iso_week_ending_at_the_dct():
    t = one("Militias attacked the base twice this week.")
    assert t.value == "2018-W40"
    assert (t.date, t.precision) == ("2018-10-01/2018-10-02", "range")


def test_month_day_without_year_crosses_the_new_year():
    assert one("The strikes of December 29 hit five sites.", "2020-01-03").value == "2019-12-29"
    assert one("He was killed on 3rd January.", "2020-01-10").value == "2020-01-03"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("Jets have struck the area over the past nine years.", "DURATION", "P9Y"),
        ("Prices rose for the past three years.", "DURATION", "P3Y"),
        ("The siege lasted two weeks.", "DURATION", "P2W"),
        ("The ceasefire held for several months.", "DURATION", "PXM"),
        ("Convoys cross the border daily.", "SET", "P1D"),
        ("The town is now under curfew.", "DATE", "PRESENT_REF"),
        ("Clashes were frequent in recent years.", "DATE", "PAST_REF"),
        ("Peace may come in the future.", "DATE", "FUTURE_REF"),
    ],
)
def test_durations_sets_and_references(text, kind, value):
    t = one(text)
    assert (t.type, t.value) == (kind, value)


def test_the_day_before_uses_a_date_of_the_same_paragraph():
    found = tag("The ministry said it was attacked on Sept. 20. The day before, a convoy "
                "had been stopped.", DCT)
    assert [t.value for t in found] == ["2018-09-20", "2018-09-19"]


def test_a_day_earlier_without_anchor_counts_back_from_the_dct():
    found = tag("The day before, gunmen raided a checkpoint.", DCT)
    assert found[0].value == "2018-10-01"


def test_clock_time_and_day_merge_into_one_time():
    t = one("The deadline is 5 p.m. EST, Nov. 6.")
    assert (t.type, t.value, t.text) == ("TIME", "2018-11-06T17:00", "5 p.m. EST, Nov. 6")


def test_full_dates_and_numeric_dates():
    assert one("Published 14.03.2020 by the site.").value == "2020-03-14"
    assert one("The accord of March 5, 1946 ended it.").value == "1946-03-05"
    assert one("It happened on 2019-12-31 at dawn.").value == "2019-12-31"


def test_words_that_only_look_like_time_are_left_alone():
    assert tag("Soldiers may march to the 6-year-old girl's house.", DCT) == []
    assert tag("He sold 2000 shares and 1500 troops arrived.", DCT) == []


def test_without_dct_relative_values_stay_unresolved():
    t = one("The town fell on Monday.", None)
    assert t.value == "XXXX-WXX-1" and t.date is None


def test_offsets_index_the_given_text():
    text = "On Friday, a year after the war of 2003, troops left.\nToday they returned."
    for t in tag(text, DCT):
        assert text[t.start:t.end] == t.text
