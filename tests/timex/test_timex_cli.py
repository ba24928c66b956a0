"""``warwire timex``: JSONL in, JSONL out; bad lines reported and skipped (CONTRACTS §5)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from warwire.timex.commands import timex


def test_jsonl_in_jsonl_out_and_bad_lines_exit_1():
    lines = [
        json.dumps({"doc_id": "a", "text": "Jets struck early Monday morning.", "dct": "2018-10-02"}),
        "{not json",
        json.dumps({"doc_id": "b", "dct": "2018-10-02"}),
        json.dumps({"doc_id": "c", "text": "Nothing happened.", "dct": None}),
    ]
    result = CliRunner().invoke(timex, input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    out = [json.loads(x) for x in result.stdout.splitlines()]
    assert [o["doc_id"] for o in out] == ["a", "c"]
    t = out[0]["timexes"][0]
    assert (t["start"], t["end"], t["text"], t["type"], t["value"]) == (
        12, 32, "early Monday morning", "DATE", "2018-10-01")
    assert out[1]["timexes"] == []
    assert "line 2" in result.stderr and "line 3" in result.stderr


def test_all_good_lines_exit_0():
    line = json.dumps({"doc_id": "a", "text": "It ended in 2011.", "dct": "2020-01-03"})
    result = CliRunner().invoke(timex, input=line + "\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["timexes"][0]["value"] == "2011"
