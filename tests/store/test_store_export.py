"""Exports (CONTRACTS §2, §3): shapes of documents, mentions and events in every format."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from store_factories import TEXTS, article, event, mention

from warwire.cli import cli
from warwire.store import open_store
from warwire.store.export import EVENT_CSV_COLUMNS, ExportOptions, export

DOC_FIELDS = {"doc_id", "source", "outlet", "title", "author", "published", "published_precision",
              "language", "republication_of", "text_sha256"}
EVENT_FIELDS = {"event_id", "type", "mode", "acled_event_type", "acled_sub_event_type", "date",
                "date_precision", "actor1", "actor2", "location", "fatalities", "injured",
                "claims", "mentions", "sources", "caused_by", "modality", "confidence"}
ACLED_COLUMNS = ["event_date", "event_type", "sub_event_type", "actor1", "actor2", "country",
                 "admin1", "location", "latitude", "longitude", "geo_precision", "fatalities",
                 "source", "notes"]
OUR_COLUMNS = ["event_id", "plover_type", "plover_mode", "fatalities_low", "fatalities_high",
               "num_sources", "caused_by"]


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "w.db"
    s = open_store(path)
    arts = [article(t, f"in/{i}.txt") for i, t in enumerate(TEXTS)]
    ms = [mention(a) for a in arts]
    for a, m in zip(arts, ms):
        s.save_document(a, [m], a.sources[0])
    ev_b = event("ev_b", [ms[2]], caused_by=["ev_a"])
    ev_b.location = None  # no coordinates: left out of GeoJSON
    ev_c = event("ev_c", [ms[1]])
    ev_c.modality = "threatened"  # never exported as an event
    ev_c.mentions = []
    s.replace_events([event("ev_a", ms[:2]), ev_b, ev_c])
    s.close()
    return path


def run(db, *args):
    result = CliRunner().invoke(cli, ["export", "--db", str(db), *args])
    return result


def test_documents_jsonl_has_contract_fields(db):
    result = run(db, "documents", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = [json.loads(x) for x in result.stdout.splitlines()]
    assert len(lines) == 3
    assert DOC_FIELDS <= set(lines[0])
    assert lines[0]["source"] == "in/0.txt" and lines[0]["published"] == "2020-01-06"


def test_events_jsonl_shape(db):
    events = [json.loads(x) for x in run(db, "events").stdout.splitlines()]
    assert [e["event_id"] for e in events] == ["ev_a", "ev_b"]
    ev = events[0]
    assert EVENT_FIELDS <= set(ev)
    assert set(ev["actor1"]) >= {"text", "name", "country", "sector"}
    assert set(ev["location"]) >= {"text", "name", "admin1", "country", "lat", "lon",
                                   "precision", "geonameid"}
    assert ev["fatalities"] == {"low": 3, "best": 4, "high": 4} and ev["injured"] is None
    assert len(ev["sources"]) == 2 and len(ev["claims"]) == 2
    for m in ev["mentions"]:
        assert {"doc_id", "start", "end", "text"} <= set(m)
        # Offsets point into the original text of the document.
        doc = next(t for t in TEXTS if t.startswith(m["text"][:10]))
        assert doc[m["start"]:m["end"]] == m["text"]
    assert events[1]["caused_by"][0]["event_id"] == "ev_a"
    assert set(events[1]["caused_by"][0]) >= {"event_id", "cue", "doc_id", "quote"}


def test_events_csv_columns(db, tmp_path):
    out = tmp_path / "ev.csv"
    assert run(db, "events", "--format", "csv", "--output", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    header = list(rows[0])
    assert header[: len(ACLED_COLUMNS)] == ACLED_COLUMNS
    assert set(OUR_COLUMNS) <= set(header) and header == list(EVENT_CSV_COLUMNS)
    assert rows[0]["event_date"] == "2020-01-06" and rows[0]["fatalities"] == "4"
    assert rows[0]["source"] == "Test Wire" and rows[0]["num_sources"] == "2"
    assert rows[1]["caused_by"] == "ev_a"


def test_events_geojson_only_with_coordinates(db):
    data = json.loads(run(db, "events", "--format", "geojson").stdout)
    assert data["type"] == "FeatureCollection"
    (feature,) = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [44.39, 35.47]}
    assert feature["properties"]["event_id"] == "ev_a"


def test_parquet_round_trip(db, tmp_path):
    import pyarrow.parquet as pq

    for kind in ("events", "mentions", "documents"):
        out = tmp_path / f"{kind}.parquet"
        result = run(db, kind, "--format", "parquet", "--output", str(out))
        assert result.exit_code == 0, result.output
        table = pq.read_table(out)
        assert table.num_rows == {"events": 2, "mentions": 3, "documents": 3}[kind]
        assert "record" in table.column_names
    assert run(db, "events", "--format", "parquet").exit_code == 2  # needs --output


def test_mentions_exports(db):
    lines = [json.loads(x) for x in run(db, "mentions").stdout.splitlines()]
    assert len(lines) == 3 and {m["event_id"] for m in lines} == {"ev_a", "ev_b"}
    assert lines[0]["trigger"]["text"] == "Drones"
    rows = list(csv.DictReader(io.StringIO(run(db, "mentions", "--format", "csv").stdout)))
    assert rows[0]["latitude"] == "35.47"
    assert len(json.loads(run(db, "mentions", "--format", "geojson").stdout)["features"]) == 3


def test_usage_errors(db, tmp_path):
    assert run(db, "documents", "--format", "geojson").exit_code == 2
    assert run(db, "places").exit_code == 2
    assert run(tmp_path / "none.db", "events").exit_code == 2


def test_export_function_with_memory_store():
    s = open_store(None)
    a = article(TEXTS[0])
    s.save_document(a, [mention(a)], "a.txt")
    out = io.StringIO()
    assert export(s, ExportOptions("mentions", "jsonl"), None, stdout=out) == 1
