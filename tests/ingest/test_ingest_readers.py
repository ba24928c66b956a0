"""Readers: every kind of bad input becomes one rejection; good documents are all kept."""

from __future__ import annotations

import io
import json

from warwire.ingest import IngestOptions, read
from warwire.ingest.readers import read_stdin
from warwire.model import Article, Rejection

BODY = (
    "Rockets struck a logistics base near the city late on Sunday, local officials said.\n\n"
    "Two guards were wounded and a fuel depot burned for several hours before firefighters "
    "brought the blaze under control, according to a provincial spokesman.\n"
)


def _split(items):
    arts = [i for i in items if isinstance(i, Article)]
    rej = [i for i in items if isinstance(i, Rejection)]
    return arts, rej


def test_ingest_bad_inputs_each_rejected_once_and_good_kept(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\n ", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "notes.docx").write_text(BODY, encoding="utf-8")
    (tmp_path / "garbage.txt").write_bytes(bytes(range(1, 9)) * 50 + b"\x81\x8d\x8f\x90\x9d" * 40)
    (tmp_path / "big.txt").write_text(BODY * 40, encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        encoding="utf-8",
    )
    lines = [
        json.dumps({"id": "a1", "text": BODY.replace("Sunday", "Monday"), "outlet": "Gulf Ledger"}),
        "{not json",
        json.dumps({"id": "a3", "title": "no body here"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "a5", "html": "<html><body><footer>Subscribe</footer></body></html>"}),
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    missing = str(tmp_path / "nowhere.txt")
    opts = IngestOptions(max_bytes=4000)
    arts, rej = _split(list(read([str(tmp_path), missing], opts)))
    codes = sorted((r.code, r.source.replace(str(tmp_path) + "/", "")) for r in rej)
    assert codes == [
        ("E001", "blank.txt"),
        ("E001", "empty.txt"),
        ("E002", "image.txt"),
        ("E003", "notes.docx"),
        ("E004", "garbage.txt"),
        ("E005", "big.txt"),
        ("E006", "feed.jsonl:2"),
        ("E006", "feed.jsonl:4"),
        ("E007", "feed.jsonl:3"),
        ("E008", "feed.jsonl:6"),
        ("E008", "page.html"),
        ("E009", missing.replace(str(tmp_path) + "/", "")),
    ]
    assert len(arts) == 2
    assert {a.metadata.get("id") for a in arts} == {None, "a1"}
    for r in rej:
        assert str(r).startswith("warwire: rejected ") and r.reason


def test_ingest_same_text_two_paths_same_doc_id(tmp_path):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BODY, encoding="utf-8")
    arts, rej = _split(list(read([str(tmp_path)])))
    assert not rej and len(arts) == 2
    assert arts[0].doc_id == arts[1].doc_id and arts[0].doc_id.startswith("d_")
    assert len(arts[0].doc_id) == 18
    assert arts[0].sources != arts[1].sources


def test_ingest_original_is_decoded_text_with_newlines(tmp_path):
    text = "Shelling hit the market.\r\n\r\nThree people were killed, medics said.\r\n"
    (tmp_path / "crlf.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "latin.txt").write_bytes("Café owners in Zürich said the façade was damaged.".encode("cp1252"))
    arts, rej = _split(list(read([str(tmp_path / "crlf.txt"), str(tmp_path / "latin.txt")])))
    assert not rej
    assert arts[0].original == text
    assert "Café" in arts[1].original and "façade" in arts[1].original


def test_ingest_jsonl_given_metadata_wins(tmp_path):
    rec = {
        "id": "x9", "url": "https://www.gulfledger.example/world/strike", "outlet": "Gulf Ledger",
        "title": "Given title", "author": "Mona Haddad", "published": "2020-01-09", "language": "en",
        "text": "By Someone Else\n2 March 2019\n\nA headline in the text\n\n" + BODY,
    }
    (tmp_path / "one.ndjson").write_text(json.dumps(rec) + "\n", encoding="utf-8")
    (art,) = list(read([str(tmp_path / "one.ndjson")]))
    assert isinstance(art, Article)
    assert (art.outlet, art.title, art.author) == ("Gulf Ledger", "Given title", "Mona Haddad")
    assert (art.published, art.published_precision) == ("2020-01-09", "day")
    assert art.url == rec["url"] and art.sources == [rec["url"]]
    assert art.original == rec["text"]


def test_ingest_stdin_jsonl():
    data = (json.dumps({"text": BODY}) + "\n" + "oops\n").encode("utf-8")
    arts, rej = _split(list(read_stdin(io.BytesIO(data), IngestOptions())))
    assert len(arts) == 0 and len(rej) == 1  # read_stdin yields raw documents, not articles
    from warwire.ingest.readers import RawDocument

    raws = list(read_stdin(io.BytesIO(data), IngestOptions()))
    assert isinstance(raws[0], RawDocument) and raws[0].source == "<stdin>:1"
    assert isinstance(raws[1], Rejection) and raws[1].source == "<stdin>:2"


def test_ingest_html_main_text_and_metadata(tmp_path):
    html = """<html><head><title>Drone hits depot | Gulf Ledger</title>
    <meta name="author" content="Mona Haddad">
    <meta property="article:published_time" content="2020-01-05T08:00:00Z">
    <meta property="og:site_name" content="Gulf Ledger"></head>
    <body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
    <article><h1>Drone hits depot</h1>
    <p>A drone struck an ammunition depot outside the town before dawn on Sunday, setting off
    secondary explosions that were heard for miles, two security officials said.</p>
    <p>No group claimed the attack. The officials said one soldier was lightly hurt and that an
    investigation into where the aircraft had been launched from was under way.</p></article>
    <div class="newsletter">Subscribe to our newsletter for daily updates</div>
    <footer>Contact us: desk@gulfledger.example | © Gulf Ledger. All rights reserved.</footer>
    </body></html>"""
    (tmp_path / "page.htm").write_text(html, encoding="utf-8")
    (art,) = list(read([str(tmp_path / "page.htm")]))
    assert isinstance(art, Article)
    assert "ammunition depot" in art.text and "Subscribe" not in art.text
    assert "All rights reserved" not in art.text
    assert art.author == "Mona Haddad" and art.published == "2020-01-05"
    assert art.outlet == "Gulf Ledger"


def test_ingest_read_dash_is_stdin(monkeypatch):
    import sys

    class _Stdin:
        buffer = io.BytesIO((json.dumps({"text": BODY, "outlet": "Gulf Ledger"}) + "\n").encode())

    monkeypatch.setattr(sys, "stdin", _Stdin())
    (art,) = list(read(["-"]))
    assert isinstance(art, Article) and art.sources == ["<stdin>:1"] and art.outlet == "Gulf Ledger"


def test_ingest_public_surface():
    import warwire.ingest as ingest

    for name in ingest.__all__:
        assert getattr(ingest, name).__doc__


def test_ingest_utf16_with_bom_is_text_not_binary(tmp_path):
    (tmp_path / "wide.txt").write_bytes(BODY.encode("utf-16"))
    (art,) = list(read([str(tmp_path / "wide.txt")]))
    assert isinstance(art, Article) and art.original.startswith("Rockets struck")


def test_ingest_directory_walk_skips_a_store_kept_beside_the_articles(tmp_path):
    import sqlite3

    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    db = sqlite3.connect(tmp_path / "warwire.db")
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("CREATE TABLE t (x)")
    db.commit()
    (tmp_path / "warwire.db-wal").write_bytes(b"\x00" * 32)  # as if the store were still open
    arts, rej = _split(list(read([str(tmp_path)])))
    db.close()
    assert len(arts) == 1 and not rej
    # named explicitly, the database is still refused with its one-line reason
    _, rej = _split(list(read([str(tmp_path / "warwire.db")])))
    assert [r.code for r in rej] == ["E003"]
