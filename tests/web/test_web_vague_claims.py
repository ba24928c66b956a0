"""The event page shows a claim that gives words, not numbers: "dozens, according to X"."""

from __future__ import annotations

import asyncio
import hashlib

import pytest

from warwire.model import Article, Claim, Count, Event, Mention, Span
from warwire.store import open_store
from warwire.web.app import ServeOptions, build_datasette

TEXT = ("Shelling hit a market in Tal Afar on Sunday. Dozens were killed, residents said. "
        "The governor said 14 people died.")


def _span(phrase: str) -> Span:
    start = TEXT.index(phrase)
    return Span(start, start + len(phrase), phrase)


@pytest.fixture(scope="module")
def ds(tmp_path_factory):
    path = tmp_path_factory.mktemp("vague") / "w.db"
    art = Article(doc_id="d_vague", original=TEXT, text=TEXT, outlet="Plain Wire",
                  published="2024-05-06", published_precision="day", language="en",
                  text_sha256=hashlib.sha256(TEXT.encode()).hexdigest())
    first = _span("Dozens were killed, residents said.")
    second = _span("The governor said 14 people died.")
    m = Mention(mention_id="m_v1", doc_id="d_vague", type="ASSAULT", trigger=_span("Shelling"),
                sentence=_span("Shelling hit a market in Tal Afar on Sunday."))
    words = Claim(claimant="residents", killed=None, injured=None, doc_id="d_vague",
                  quote=first.text, start=first.start, end=first.end,
                  killed_count=Count(text="Dozens", vague="dozens"))
    number = Claim(claimant="the governor", killed=14, injured=None, doc_id="d_vague",
                   quote=second.text, start=second.start, end=second.end,
                   killed_count=Count(low=14, best=14, high=14))
    only_words = Event("ev_words", "ASSAULT", date="2024-05-05", date_precision="day",
                       claims=[words], mentions=[m], sources=["d_vague"])
    m2 = Mention(mention_id="m_v2", doc_id="d_vague", type="ASSAULT", trigger=_span("killed"),
                 sentence=first)
    both = Event("ev_both", "ASSAULT", date="2024-05-05", date_precision="day",
                 fatalities=Count(14, 14, 14), claims=[words, number], mentions=[m2],
                 sources=["d_vague"])
    store = open_store(path)
    try:
        store.save_document(art, [m, m2], "vague.txt")
        store.replace_events([only_words, both])
    finally:
        store.close()
    return build_datasette(ServeOptions(db=path))


def get(ds, path: str):  # type: ignore[no-untyped-def]
    return asyncio.run(ds.client.get(path))


def test_web_event_page_shows_the_wording_of_a_claim_without_numbers(ds):
    r = get(ds, "/-/warwire/event/ev_words")
    assert r.status_code == 200
    html = r.text
    assert '<dd class="ww-killed"><span class="ww-vague">dozens</span></dd>' in html
    assert "residents" in html
    # the facts box says what the sources said, not "not reported"
    facts = html.split('id="fatalities">', 1)[1].split("</dd>", 1)[0]
    assert "dozens" in facts and "not reported" not in facts
    data = get(ds, "/-/warwire/event/ev_words.json").json()
    assert [(c["claimant"], c["killed"], c["killed_vague"]) for c in data["claims"]] == [
        ("residents", None, "dozens")]


def test_web_words_stand_beside_numbers(ds):
    html = get(ds, "/-/warwire/event/ev_both").text
    assert html.count('<section class="ww-claim">') == 2
    assert '<dd class="ww-killed">14</dd>' in html and '<span class="ww-vague">dozens</span>' in html
    facts = html.split('id="fatalities">', 1)[1].split("</dd>", 1)[0]
    assert "<strong>14</strong>" in facts and "dozens" not in facts
