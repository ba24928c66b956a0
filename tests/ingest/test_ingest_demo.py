"""The bundled demo corpus reads cleanly and shows each ingest feature once."""

from __future__ import annotations

from pathlib import Path

import pytest

from warwire.ingest import IngestOptions, RepublicationIndex, read
from warwire.model import Article

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus"


@pytest.fixture(scope="module")
def demo() -> dict[str, Article]:
    items = list(read([str(DEMO)], IngestOptions(republications=RepublicationIndex())))
    assert all(isinstance(i, Article) for i in items), [i for i in items if not isinstance(i, Article)]
    return {Path(a.sources[0]).name if "/" in a.sources[0] else a.sources[0]: a for a in items}


def test_ingest_demo_small_and_complete(demo):
    size = sum(p.stat().st_size for p in DEMO.rglob("*") if p.is_file())
    assert size < 60_000
    assert len(demo) == 12
    assert all(a.text and a.language == "en" for a in demo.values())


def test_ingest_demo_republication_and_undated(demo):
    copy = next(a for k, a in demo.items() if "northern-gazette" in k)
    original = next(a for k, a in demo.items() if "capital-observer_no-casualties" in k)
    assert copy.republication_of == original.doc_id
    assert copy.metadata["original_outlet"] == "The Capital Observer"
    undated = next(a for k, a in demo.items() if k.startswith("undated"))
    assert undated.published_precision == "inferred"
    assert undated.metadata["published_range"][0] == "2020-01-08"


def test_ingest_demo_html_and_jsonl(demo):
    page = next(a for k, a in demo.items() if k.endswith(".html"))
    assert page.author == "Hannah Whitcombe" and page.published == "2020-01-01"
    for gone in ("Subscribe", "Privacy policy", "Sign in"):
        assert gone not in page.text
    tbi = next(a for a in demo.values() if a.metadata.get("id") == "mw-20200222-tbi")
    assert tbi.published == "2020-02-21" and tbi.outlet == "Meridian Wire"
    assert "110" in tbi.text
