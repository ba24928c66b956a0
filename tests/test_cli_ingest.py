"""``warwire ingest``/``demo`` end to end: bad inputs, idempotence, a kill mid-batch."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from warwire.cli import cli
from warwire.store import open_store

# Short articles written for these tests (facts invented, no copied sentences).
GOOD = {
    "kirkuk.txt": (
        "Drone strike hits depot near Kirkuk\n\nBy Lena Ortiz\n\n6 January 2020\n\n"
        "A drone struck a fuel depot on the edge of Kirkuk early on Monday, killing four guards "
        "and setting two tankers on fire, provincial police said. No group claimed the attack.\n"
    ),
    "basra.txt": (
        "Protesters gather outside Basra consulate\n\n"
        "Several hundred demonstrators rallied outside a foreign consulate in Basra on Friday, "
        "chanting against recent air raids. Police formed a line at the gate and the crowd left "
        "peacefully by the evening, according to local reporters.\n"
    ),
}
GOOD_HTML = (
    "<html><head><title>Shelling reported in Idlib</title></head><body><nav>Home | World</nav>"
    "<article><h1>Shelling reported in Idlib</h1><p>Artillery shells landed on the outskirts of "
    "Idlib city on Sunday morning, damaging a school and a bakery, residents told reporters by "
    "telephone.</p><p>Two civilians were wounded, according to a local rescue team, which said "
    "its volunteers cleared rubble from the road for several hours afterwards.</p></article>"
    "<footer>Contact us</footer></body></html>"
)
GOOD_JSONL = {
    "text": "Gunmen ambushed an army patrol near Tikrit on Tuesday, officials said, and two "
            "soldiers were killed in the exchange of fire that followed.",
    "outlet": "Test Wire", "published": "2020-01-07", "url": "https://example.org/tikrit",
}


def _write_bad_corpus(root: Path) -> dict[str, str]:
    """Every kind of bad input, next to good ones; returns source → expected reason prefix."""
    (root / "empty.txt").write_bytes(b"")
    (root / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(300))
    # Given explicitly (outside the directory): whether a directory walk skips or rejects
    # unsupported files is the reader's choice; a named unsupported file is always rejected.
    (root.parent / "notes.docx").write_bytes(b"PK\x03\x04 a word file")
    (root / "garbled.txt").write_bytes(bytes(b for b in range(1, 256) if b not in (9, 10, 13)) * 10)
    (root / "huge.txt").write_text("Word " * 2000)  # 10,000 bytes > --max-size 5000
    (root / "nomain.html").write_text("<html><body><nav>Home</nav></body></html>")
    lines = [json.dumps(GOOD_JSONL), "{not json", json.dumps({"title": "no text here"})]
    (root / "batch.jsonl").write_text("\n".join(lines) + "\n")
    for name, text in GOOD.items():
        (root / name).write_text(text)
    (root / "idlib.html").write_text(GOOD_HTML)
    return {
        str(root / "empty.txt"): "empty file",
        str(root / "image.txt"): "binary file",
        str(root.parent / "notes.docx"): "unknown file type",
        str(root / "garbled.txt"): "cannot decode",
        str(root / "huge.txt"): "file larger than the size limit",
        str(root / "nomain.html"): "HTML page has no main text",
        f"{root / 'batch.jsonl'}:2": "malformed JSON line",
        f"{root / 'batch.jsonl'}:3": "JSON record has neither",
    }


def _ingest(db: Path, *args: str):
    return CliRunner().invoke(cli, ["ingest", "--db", str(db), *args])


def test_bad_inputs_are_rejected_one_line_each_and_the_rest_is_stored(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    expected = _write_bad_corpus(corpus)
    db = tmp_path / "w.db"
    result = _ingest(db, "--max-size", "5000", "--stages", "documents,republication", str(corpus),
                     str(tmp_path / "notes.docx"))
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert len(lines) == len(expected), result.stderr
    found = {}
    for line in lines:
        assert line.startswith("warwire: rejected ")
        source, _, reason = line[len("warwire: rejected "):].rpartition(": ")
        if source not in expected:  # a reason may itself contain ": "
            source, _, reason = line[len("warwire: rejected "):].partition(": ")
        found[source] = reason
    assert set(found) == set(expected)
    for source, prefix in expected.items():
        assert found[source].startswith(prefix), (source, found[source])
    store = open_store(db)
    assert store.counts()["documents"] == 4  # 2 txt + 1 html + 1 jsonl record
    titles = {a.title for a in store.iter_articles()}
    assert "Shelling reported in Idlib" in titles
    assert "documents: 4 new" in result.stdout
    store.close()


def test_ingest_twice_changes_nothing_and_two_paths_are_one_document(tmp_path):
    for name, text in GOOD.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "copy").mkdir()
    (tmp_path / "copy" / "kirkuk.txt").write_text(GOOD["kirkuk.txt"])
    db = tmp_path / "w.db"
    first = _ingest(db, "--stages", "documents", str(tmp_path / "kirkuk.txt"), str(tmp_path / "basra.txt"))
    assert first.exit_code == 0, first.output
    snapshot = _dump(db)
    again = _ingest(db, "--stages", "documents", str(tmp_path / "kirkuk.txt"), str(tmp_path / "basra.txt"))
    assert again.exit_code == 0 and "0 new, 2 already stored" in again.stdout
    assert _dump(db) == snapshot
    _ingest(db, "--stages", "documents", str(tmp_path / "copy"))
    store = open_store(db)
    assert store.counts()["documents"] == 2 and store.counts()["sources"] == 3
    store.close()


def _dump(db: Path) -> list:
    conn = sqlite3.connect(db)
    rows = [conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("documents", "mentions", "events", "claims", "links")]
    rows.append(conn.execute("SELECT doc_id, source FROM sources ORDER BY 1, 2").fetchall())
    conn.close()
    return rows


def test_usage_errors(tmp_path):
    assert _ingest(tmp_path / "w.db").exit_code == 2  # no INPUT
    assert _ingest(tmp_path / "w.db", "--stages", "telepathy", str(tmp_path)).exit_code == 2
    assert _ingest(tmp_path / "w.db", "--max-size", "lots", str(tmp_path)).exit_code == 2


#: Documents in the kill test: enough that the process is still writing when it is killed.
KILL_DOCS = 200


def _article(i: int) -> str:
    return (f"Report {i}: shelling near the village of Kafr {i}\n\nBy Test Desk\n\n"
            f"{1 + i % 28} March 2021\n\nResidents of Kafr {i} said that {i % 7 + 2} shells fell "
            f"near the market on day {i}, damaging {i % 5 + 1} shops; local officials counted "
            f"{i % 3} wounded. Witness number {i} described the scene to our correspondent.\n")


def test_kill_mid_batch_leaves_only_whole_documents(tmp_path):
    corpus = tmp_path / "many.jsonl"
    with corpus.open("w") as fh:
        for i in range(KILL_DOCS):
            fh.write(json.dumps({"text": _article(i), "url": f"https://example.org/{i}"}) + "\n")
    db = tmp_path / "w.db"
    cmd = [sys.executable, "-m", "warwire.cli", "ingest", "--db", str(db), "--stages",
           "documents", "--batch-size", "8", str(corpus)]
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    try:
        landed = _wait_for_documents(db, proc, at_least=8)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    if not landed:
        pytest.fail("the ingest finished or failed before it could be killed: "
                    + proc.stderr.read().decode(errors="replace"))
    proc.stderr.close()

    store = open_store(db)
    assert store.execute("PRAGMA integrity_check")[0][0] == "ok"
    n = store.counts()["documents"]
    assert 0 < n < KILL_DOCS
    for article in store.iter_articles():
        assert article.original and article.text
        assert store.sources(article.doc_id), article.doc_id
    store.close()

    rerun = subprocess.run(cmd, capture_output=True, env=env, timeout=600)
    assert rerun.returncode == 0, rerun.stderr.decode()
    store = open_store(db)
    assert store.counts()["documents"] == KILL_DOCS
    assert store.counts()["sources"] == KILL_DOCS
    store.close()


def _wait_for_documents(db: Path, proc: subprocess.Popen, at_least: int) -> bool:
    """Poll the store (read-only) until ``at_least`` documents landed; False if proc ended."""
    while proc.poll() is None:
        if db.exists():
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                n = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
                conn.close()
                if n >= at_least:
                    return True
            except sqlite3.OperationalError:
                pass  # schema not created yet
        time.sleep(0.02)
    return False


def test_demo_documents_only(tmp_path):
    result = CliRunner().invoke(cli, ["demo", "--db", str(tmp_path / "d.db"), "--stages", "documents"])
    assert result.exit_code == 0, result.output + result.stderr
    assert "documents: " in result.stdout and " new" in result.stdout
    store = open_store(tmp_path / "d.db")
    assert store.counts()["documents"] >= 10
    store.close()


def test_summary_lists_top_events():
    from warwire.ingest.commands import summary
    from warwire.model import Count, Event, Place
    from warwire.pipeline import IngestReport

    events = [Event(event_id=f"ev_{i}", type="ASSAULT", mode="aerial", date=f"2020-01-0{i}",
                    location=Place(text="Erbil", name="Erbil", country="IRQ"),
                    fatalities=Count(low=i, best=i * 2, high=i * 3), sources=["d_1", "d_2"])
              for i in range(1, 8)]
    text = summary(IngestReport(new=3, duplicates=1, mentions=9, events=7, stages=("nlp",)), events)
    lines = text.splitlines()
    assert lines[0] == "documents: 3 new, 1 already stored"
    assert lines[3] == "top events:" and len(lines) == 4 + 5
    assert lines[4].split()[:4] == ["2020-01-07", "ASSAULT/aerial", "Erbil,", "IRQ"]
    assert "14 killed (7-21)" in lines[4] and "[2 sources]" in lines[4]
