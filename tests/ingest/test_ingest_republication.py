"""Republication: a near-identical body under another header links to the earlier copy."""

from __future__ import annotations

from warwire.ingest import IngestOptions, RepublicationIndex, read
from warwire.ingest.describe import build_article
from warwire.ingest.readers import RawDocument

BODY = (
    "Artillery shells landed in a crowded market in the river town on Saturday morning, killing "
    "at least nine civilians and wounding dozens, according to the local health directorate. "
    "Witnesses described stalls overturned and cars burning along the main street as ambulances "
    "struggled to reach the wounded. The army blamed rebel gunners positioned in the hills to "
    "the east, while the rebels accused government forces of shelling their own side of the "
    "line to discredit them. A ceasefire brokered two months ago had largely held until last "
    "week, when fighting flared again around the hydroelectric dam north of the town."
)
OTHER = (
    "A convoy carrying food and medicine reached the besieged district on Sunday for the first "
    "time in three months, aid agencies said, after days of negotiations between the warring "
    "parties. The trucks unloaded flour, infant formula and surgical supplies at a warehouse run "
    "by volunteers, who said the stocks would last about two weeks. Residents queued for hours "
    "in the cold, and several told reporters they had been eating one meal a day since the "
    "autumn. The agencies appealed for a permanent corridor and warned that winter would make "
    "the roads impassable within weeks."
)


def _art(header: str, body: str, published: str | None = None, source: str = "x.txt"):
    meta = {"published": published} if published else {}
    return build_article(RawDocument(source, f"{header}\n\n{body}\n", meta), IngestOptions())


def test_ingest_republication_links_later_copy():
    index = RepublicationIndex()
    first = _art("Market shelled in river town\n\nBy Ana Ruiz", BODY, "2021-05-01", "a.txt")
    copy = _art("Nine killed as shells hit market\n\nReposted from the wires",
                BODY.replace("Saturday morning", "Saturday"), "2021-05-02", "b.txt")
    other = _art("Aid convoy reaches district", OTHER, "2021-05-02", "c.txt")
    assert index.link(first) is None
    assert index.link(copy) == first.doc_id and copy.republication_of == first.doc_id
    assert index.link(other) is None and other.republication_of is None


def test_ingest_republication_seeded_from_store():
    index = RepublicationIndex()
    index.add("d_stored0000000001", BODY, "2021-05-01")
    copy = _art("Another outlet's header", BODY, "2021-05-03")
    assert index.link(copy) == "d_stored0000000001"
    assert copy.doc_id in index and len(index) == 2


def test_ingest_republication_does_not_link_to_a_later_copy():
    index = RepublicationIndex()
    index.add("d_later00000000000", BODY, "2021-06-01")
    earlier = _art("Header", BODY, "2021-05-01")
    assert index.link(earlier) is None


def test_ingest_read_links_within_batch(tmp_path):
    (tmp_path / "1.txt").write_text("Market shelled\n\n" + BODY + "\n", encoding="utf-8")
    (tmp_path / "2.txt").write_text("Republished: market shelled\n\n" + BODY + "\n", encoding="utf-8")
    index = RepublicationIndex()
    arts = list(read([str(tmp_path)], IngestOptions(republications=index)))
    assert arts[0].republication_of is None
    assert arts[1].republication_of == arts[0].doc_id
