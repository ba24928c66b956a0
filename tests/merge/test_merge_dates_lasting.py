"""Event dates of lasting acts: the union of what each report says (merge/dates.py, build.py)."""

from __future__ import annotations

from warwire.merge.build import build_event
from warwire.merge.dates import Bound, SpanOfDays, lasting, parse_interval, span_of, union_date
from warwire.model import TimeValue


def _dated(m, date: str, precision: str, basis: str | None = None):  # type: ignore[no-untyped-def]
    m.date = TimeValue(text="x", start=m.sentence.start, end=m.sentence.start + 1, date=date,
                       precision=precision, basis=basis)
    return m


def _span_text(start: str | None, end: str) -> SpanOfDays:
    """A SpanOfDays from written end points (days from the module's own parser)."""
    first = Bound(start, parse_interval(start).start) if start else None
    return SpanOfDays(first, Bound(end, parse_interval(end).end))


def test_a_range_up_to_its_publication_date_is_lasting_but_a_bounded_day_is_not(mk):
    since = _dated(mk("a:1", "a", "Crowds have filled the squares since last September.", "filled",
                      published="2020-01-05"), "2019-09/2020-01-05", "range")
    follows = _dated(mk("a:2", "a", "The raid followed the shelling of 27 December.", "raid",
                        published="2020-01-05"), "2019-12-27/2020-01-05", "range", basis="follows")
    said = _dated(mk("a:3", "a", "The mayor said on Friday that the depot was hit.", "hit",
                     published="2020-01-05"), "../2020-01-03", "range", basis="statement")
    day = mk("a:4", "a", "The depot was hit on 2 January.", "hit", date="2020-01-02",
             published="2020-01-05")
    assert lasting(since) and not lasting(follows) and not lasting(said) and not lasting(day)
    assert lasting(day, running=True)


def test_span_of_a_running_report_ends_at_its_publication_date(mk):
    m = mk("a:1", "a", "Ankara is already enforcing the sanctions it imposed in June 2017.",
           "sanctions", type="SANCTION", date="2017-06", precision="month", published="2017-09-01")
    span = span_of(m, running=True)
    assert span is not None and (span.start.text, span.end.text) == ("2017-06", "2017-09-01")
    assert span_of(m).end.text == "2017-06"  # not running: the month only


def test_union_keeps_a_known_start_and_an_unknown_one_open():
    got = union_date([_span_text("2019-09", "2020-01-05"), _span_text(None, "2020-03-01")])
    assert got == ("2019-09/2020-03-01", "range")
    assert union_date([_span_text(None, "2020-01-05"), _span_text(None, "2020-03-01")]) == (
        "../2020-03-01", "range")
    assert union_date([]) is None


def test_a_sanctions_campaign_reported_over_two_years_spans_all_reports(mk):
    first = mk("a:1", "a", "Ankara is already enforcing sweeping sanctions on the shipping lines, "
               "first imposed in June 2017.", "sanctions", type="SANCTION", date="2017-06",
               precision="month", published="2017-09-01")
    later = mk("b:1", "b", "Ankara is still enforcing the sanctions on the shipping lines.",
               "sanctions", type="SANCTION", date=None, published="2019-02-10")
    ev = build_event([first, later])
    assert (ev.date, ev.date_precision) == ("2017-06/2019-02-10", "range")


def test_a_movement_since_a_month_and_still_going_spans_both_reports(mk):
    since = _dated(mk("a:1", "a", "Protesters have filled the squares of the capital since last "
                      "September.", "Protesters", type="PROTEST", published="2020-01-05"),
                   "2019-09/2020-01-05", "range")
    still = _dated(mk("b:1", "b", "The protests are continuing in the capital.", "protests",
                      type="PROTEST", published="2020-03-01"), "../2020-03-01", "range", basis="ongoing")
    ev = build_event([since, still])
    assert (ev.date, ev.date_precision) == ("2019-09/2020-03-01", "range")
    only_open = build_event([still])
    assert (only_open.date, only_open.date_precision) == ("../2020-03-01", "range")


def test_a_discrete_act_keeps_its_day_beside_a_lasting_looking_report(mk):
    day = mk("a:1", "a", "Jets struck the depot on 2 January.", "struck", date="2020-01-02",
             published="2020-01-05")
    vague = _dated(mk("a:2", "a", "The strikes came amid protests that have run since October.",
                      "strikes", offset=60, published="2020-01-05"), "2019-10/2020-01-05", "range")
    ev = build_event([day, vague])
    assert (ev.date, ev.date_precision) == ("2020-01-02", "day")


def test_two_day_reports_of_one_act_keep_todays_rule(mk):
    a = mk("a:1", "a", "Jets struck the depot on 2 January.", "struck", date="2020-01-02")
    b = mk("b:1", "b", "The depot was struck in early January.", "struck", date="2020-01",
           precision="month")
    ev = build_event([a, b])
    assert (ev.date, ev.date_precision) == ("2020-01-02", "day")


def test_a_background_year_does_not_stretch_a_lasting_act(mk):
    since = _dated(mk("a:1", "a", "Protesters have filled the squares of the capital since last "
                      "September.", "Protesters", type="PROTEST", published="2020-01-05"),
                   "2019-09/2020-01-05", "range")
    year = mk("b:1", "b", "The state, shaken by protests, was built after the war of 2003.", "protests",
              type="PROTEST", date="2003", precision="year", published="2020-03-01")
    month = mk("c:1", "c", "In August the first protests gathered in the capital.", "protests",
               type="PROTEST", date="2019-08", precision="month", published="2020-02-01")
    assert build_event([since, year]).date == "2019-09/2020-01-05"
    assert build_event([since, year, month]).date == "2019-08/2020-01-05"
