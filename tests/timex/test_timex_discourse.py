"""Event dates from aspect, statements, quotations, continuation, "follows" and anaphora."""

from __future__ import annotations

from warwire.model import Article, Mention, Span
from warwire.timex import date_mentions
from warwire.timex.calendar import bounds, vague_past_range


def _date(body: str, trigger: str, published: str = "2021-06-10", occurrence: int = 0):
    """Date the ``occurrence``-th ``trigger`` of ``body``; sentences end at ". " or a newline."""
    art = Article(doc_id="d", original=body, text=body, published=published)
    s = -1
    for _ in range(occurrence + 1):
        s = body.index(trigger, s + 1)
    dot = body.rfind(". ", 0, s)
    s0 = max(dot + 2 if dot >= 0 else 0, body.rfind("\n", 0, s) + 1)
    ends = [i for i in (body.find(". ", s), body.find("\n", s)) if i >= 0]
    s1 = min(ends) + 1 if ends else len(body)
    m = Mention(mention_id="m", doc_id="d", type="ASSAULT", trigger=Span(s, s + len(trigger), trigger),
                sentence=Span(s0, s1, body[s0:s1]))
    date_mentions(art, None, [m])
    return m.date


def test_present_progressive_without_a_time_is_open_to_publication():
    got = _date("The government is still besieging the northern towns.", "besieging")
    assert (got.date, got.precision, got.basis) == ("../2021-06-10", "range", "ongoing")
    got = _date("Donors fund the conflict being fought in the valley.", "conflict")
    assert got.date == "../2021-06-10"


def test_lasting_state_in_the_present_perfect_is_open_to_publication():
    got = _date("Two brigades have been stationed along the river.", "stationed")
    assert (got.date, got.basis) == ("../2021-06-10", "state")


def test_recent_act_in_the_present_perfect_keeps_the_publication_month():
    got = _date("The minister has ordered all reservists to report.", "ordered")
    assert (got.date, got.precision, got.fallback) == ("2021-06", "month", True)


def test_date_of_a_statement_bounds_the_reported_act():
    body = "The general told reporters on Tuesday that the army had shelled the depot."
    got = _date(body, "shelled")
    assert (got.date, got.precision, got.basis) == ("../2021-06-08", "range", "statement")
    body = "The general told reporters on Tuesday that the army was moving artillery north."
    got = _date(body, "moving artillery")
    assert (got.date, got.precision, got.basis) == ("2021-06", "month", "statement")


def test_quoted_claim_dated_by_the_speech_in_its_paragraph():
    body = ("The envoy gave a speech to the council on Monday. “The militia burned the market,” "
            "he said.")
    got = _date(body, "burned")
    assert (got.date, got.precision, got.basis) == ("../2021-06-07", "range", "quoted")


def test_continuation_carries_the_date_of_the_earlier_act():
    body = ("Rebels early Sunday shelled the airport, days after a raid last month.\n\n"
            "The shells, fired from the hills, were followed up with a ground assault.")
    got = _date(body, "ground assault")
    assert (got.date, got.precision, got.basis) == ("2021-06-06", "day", "carried")


def test_follows_starts_at_the_followed_act_made_precise_elsewhere():
    body = ("The new curfew follows this week's attack on the Central Market in Kano.\n\n"
            "On Tuesday, gunmen opened fire at the Central Market in Kano.")
    got = _date(body, "curfew")
    assert (got.date, got.precision, got.basis) == ("2021-06-08/2021-06-10", "range", "follows")


def test_possessive_week_is_made_precise_by_a_day_of_the_same_act():
    body = ("Leaders condemned this week's bombing of the Kano bus station.\n\n"
            "On Wednesday, a bomb exploded at the Kano bus station.")
    got = _date(body, "bombing")
    assert (got.date, got.precision, got.basis) == ("2021-06-09", "day", "refined")


def test_acts_that_came_before_a_dated_act_end_the_day_before_it():
    body = ("Friday's raid on the camp came after a dozen others on aid convoys "
            "over the past several months.")
    got = _date(body, "a dozen others")
    assert (got.date, got.precision) == ("2021/2021-06-03", "range")


def test_next_sentence_anaphor_dates_the_act():
    body = ("Another 300 police were put on standby for redeployment to the border.\n\n"
            "The redeployment follows Monday's riot at the crossing.")
    got = _date(body, "put on standby")
    assert (got.date, got.basis) == ("2021-06-07/2021-06-10", "anaphor")


def test_vague_past_range_and_bounds():
    import datetime as dt

    assert vague_past_range("M", dt.date(2020, 3, 13)).date == "2019/2020-03-13"
    assert vague_past_range("W", dt.date(2020, 3, 13)).date == "2020-02/2020-03-13"
    assert bounds("2019-12") == (dt.date(2019, 12, 1), dt.date(2019, 12, 31))
    assert bounds("../2020-01-03") is None


def test_an_act_dated_by_its_own_possessive_does_not_take_what_it_came_after():
    body = "Friday’s raid on the camp came after a dozen others over the past several months."
    got = _date(body, "raid")
    assert (got.date, got.precision) == ("2021-06-04", "day")


def test_a_speech_act_keeps_the_date_of_the_speech():
    body = "The envoy gave a speech on Monday in which he warned the militias."
    got = _date(body, "warned")
    assert (got.date, got.precision, got.basis) == ("2021-06-07", "day", None)


def test_a_cause_named_after_a_retaliation_cue_is_dated_before_the_act_it_caused(nlp):
    from warwire.model import Article
    from warwire.nlp import extract_mentions
    from warwire.timex.mentions import date_mentions

    text = ("The Guard launched missiles at the desert base early on Tuesday. The strikes were "
            "launched to avenge the assassination of a senior commander.")
    article = Article(doc_id="t", original=text, text=text, published="2021-03-04")
    doc = nlp(text)
    mentions = extract_mentions(article, doc)
    date_mentions(article, doc, mentions)
    dates = {m.trigger.text: (m.date.date, m.date.basis) for m in mentions}
    assert dates["assassination"] == ("../2021-03-02", "before")
    assert ("2021-03-02", None) in dates.values() or ("2021-03-02", "anaphor") in dates.values()
