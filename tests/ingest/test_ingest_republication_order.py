"""Republication links do not depend on the order the copies are read in."""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from warwire.ingest import IngestOptions, RepublicationIndex
from warwire.ingest.describe import build_article
from warwire.ingest.readers import RawDocument
from warwire.pipeline import ingest
from warwire.store import open_store

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"

BODY = (
    "Drones struck a fuel depot on the edge of the port city before dawn on Tuesday, setting "
    "storage tanks ablaze and sending a column of black smoke over the harbour, the provincial "
    "governor said. Two night watchmen were killed and four firefighters were treated for burns. "
    "No group claimed the attack, but the interior ministry pointed to a militia that has "
    "threatened the port's operators for months. Ships waiting to dock were diverted to an "
    "anchorage further south while crews fought the fire through the morning."
)


def _art(header: str, published: str | None, source: str, tail: str = ""):
    meta = {"published": published} if published else {}
    return build_article(RawDocument(source, f"{header}\n\n{BODY}\n{tail}", meta), IngestOptions())


def _links(order):
    index = RepublicationIndex()
    for article in order:
        article.republication_of = None
    for article in order:
        index.link(article)
    final = {a.doc_id: a.republication_of for a in order}
    final.update(index.relinked())
    return final


def test_every_reading_order_links_the_copies_to_the_earliest():
    original = _art("Depot burns after drone strike", "2021-03-02", "a.txt")
    copy = _art("Port fire: drones hit depot", "2021-03-03", "b.txt")
    late = _art("Reposted: depot strike", "2021-03-05", "c.txt")
    results = {tuple(sorted(_links(list(p)).items())) for p in itertools.permutations([original, copy, late])}
    assert results == {tuple(sorted({original.doc_id: None, copy.doc_id: original.doc_id,
                                     late.doc_id: original.doc_id}.items()))}


def test_undated_near_duplicates_prefer_the_one_that_does_not_say_it_is_a_copy():
    original = _art("Depot burns after drone strike", None, "a.txt")
    copy = _art("Port fire", None, "b.txt", tail="\nHarbour Courier 2 March 2021\n")
    assert copy.metadata.get("original_outlet")  # the source line was read
    for order in ([original, copy], [copy, original]):
        links = _links(order)
        assert links == {original.doc_id: None, copy.doc_id: original.doc_id}


def test_a_copy_stored_before_its_original_is_linked_when_the_original_arrives(tmp_path):
    copy_dir, original_dir = tmp_path / "first", tmp_path / "second"
    copy_dir.mkdir()
    original_dir.mkdir()
    shutil.copy(DEMO / "republished" / "2020-01-10_northern-gazette_no-casualties.txt", copy_dir)
    shutil.copy(DEMO / "2020-01-09_capital-observer_no-casualties.txt", original_dir)
    store = open_store(tmp_path / "w.db")
    ingest([copy_dir], store)
    (copy,) = store.iter_articles()
    assert copy.republication_of is None
    ingest([original_dir], store)
    by_source = {Path(a.sources[0]).parent.name: a for a in store.iter_articles()}
    assert by_source["first"].republication_of == by_source["second"].doc_id
    assert by_source["second"].republication_of is None
    # the merge folded the copy into its original's events: no event counts both as sources
    for event in store.iter_events():
        assert not {by_source["first"].doc_id, by_source["second"].doc_id} <= set(event.sources)
    store.close()
