"""Named conflict periods: the table, matching and the dates they give mentions."""

from __future__ import annotations

import datetime as dt
import json

from warwire.model import Article, Mention, Span
from warwire.timex import date_mentions
from warwire.timex.periods import DATA_FILE, find_periods, load_periods, period_date


def _date(body: str, trigger: str, published: str = "2021-06-10"):
    art = Article(doc_id="d", original=body, text=body, published=published)
    s = body.index(trigger)
    m = Mention(mention_id="m", doc_id="d", type="ASSAULT", trigger=Span(s, s + len(trigger), trigger),
                sentence=Span(0, len(body), body))
    date_mentions(art, None, [m])
    return m.date


def test_every_period_cites_a_source_and_has_ordered_dates():
    raw = json.loads(DATA_FILE.read_text("utf-8"))
    assert len(load_periods()) == len(raw["periods"])
    for p in load_periods():
        assert p.source, p.id
        assert p.end is None or p.start[:4] <= p.end[:4], p.id


def test_longest_name_wins_where_names_overlap():
    text = "veterans of the Iran-Iraq war returned"
    hits = find_periods(text)
    assert [h.period.id for h in hits] == ["iran_iraq_war"]


def test_ongoing_period_ends_at_publication_and_is_cut_there():
    hit = find_periods("the civil war in Syria")[0]
    got = period_date(hit, dt.date(2016, 5, 2))
    assert (got.date, got.precision, got.basis, got.value) == ("2011/2016-05-02", "range", "period", "syrian_civil_war")
    occupation = find_periods("the US occupation of Iraq")[0]
    assert period_date(occupation, dt.date(2007, 3, 1)).date == "2003/2007-03-01"
    assert period_date(occupation, dt.date(1999, 1, 1)) is None  # the article predates it


def test_mention_in_a_named_campaign_takes_its_period():
    got = _date("Local units did most of the fighting in the campaign against ISIS, officials say.",
                "fighting")
    assert (got.date, got.precision, got.basis) == ("2014/2019", "range", "period")


def test_an_own_date_of_the_act_beats_the_period():
    got = _date("Militia fighters were killed in 2016 in the war against ISIS.", "killed")
    assert (got.date, got.precision, got.basis) == ("2016", "year", None)


def test_a_year_that_names_the_period_does_not_count_as_own_date():
    got = _date("Many units formed to fight occupation troops after the invasion of Iraq in 2003.",
                "fight")
    assert (got.date, got.basis) == ("2003/2011", "period")
    invasion = _date("Many units formed after the invasion of Iraq in 2003.", "invasion")
    assert (invasion.date, invasion.precision) == ("2003", "year")
