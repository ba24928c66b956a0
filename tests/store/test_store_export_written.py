"""Document exports say when the text was written, not only when the page is dated."""

from __future__ import annotations

from warwire.model import Article
from warwire.store.export import document_record


def test_a_republication_exports_the_day_it_was_written():
    art = Article(doc_id="d_1", original="x", text="x", published="2021-03-13",
                  metadata={"original_published": "2021-03-12"})
    record = document_record(art, include_text=False)
    assert (record["published"], record["written"], record["written_range"]) == ("2021-03-13", "2021-03-12", None)


def test_an_undated_article_exports_the_days_it_can_be_from():
    art = Article(doc_id="d_2", original="x", text="x", published=None,
                  metadata={"published_range": ["2022-08-17", "2022-08-31"],
                            "published_range_evidence": "Aug. 15; this month; Wednesday"})
    record = document_record(art, include_text=False)
    assert record["published"] is None and record["written"] is None
    assert record["written_range"] == ["2022-08-17", "2022-08-31"]
    assert "this month" in record["written_range_evidence"]
