"""`warwire geoparse`: JSONL in, JSONL out, bad lines reported and skipped."""

import json

from click.testing import CliRunner

from warwire.geo.commands import geoparse


def test_geoparse_command_spans_mode_and_bad_line():
    lines = [
        json.dumps({"doc_id": "a", "text": "Rockets hit Erbil and Kirkuk.", "spans": [[12, 17], [22, 28]]}),
        "{not json",
        json.dumps({"doc_id": "b", "text": "Nothing here.", "spans": []}),
        json.dumps({"doc_id": "c", "spans": [[0, 1]]}),
    ]
    result = CliRunner().invoke(geoparse, [], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["doc_id"] for o in out] == ["a", "b"]
    erbil, kirkuk = out[0]["toponyms"]
    assert erbil["text"] == "Erbil" and erbil["country"] == "IRQ" and erbil["lat"] is not None
    assert set(erbil) >= {"start", "end", "text", "name", "country", "admin1", "lat", "lon",
                          "geonameid", "feature"}
    assert out[1]["toponyms"] == []
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2 and "line 2" in errors[0] and "line 4" in errors[1]
