"""``warwire cluster`` (CONTRACTS §6) over text spans."""

from __future__ import annotations

import json

from click.testing import CliRunner

from warwire.merge import ClusterOptions, cluster

DOC1 = "An earthquake shook the coast of Peru on Monday. The quake destroyed houses."
DOC2 = "The earthquake near the Peruvian coast left hundreds homeless."


def _rec(mid, doc, text, word, group="t1", nth=0):  # type: ignore[no-untyped-def]
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return {"mention_id": mid, "doc_id": doc, "text": text, "start": start,
            "end": start + len(word), "published": None, "group": group}


def test_cluster_joins_synonymous_heads_and_respects_groups():
    records = [
        _rec("m1", "d1", DOC1, "earthquake"),
        _rec("m2", "d1", DOC1, "quake", nth=1),
        _rec("m3", "d1", DOC1, "destroyed"),
        _rec("m4", "d2", DOC2, "earthquake"),
        _rec("m5", "d3", DOC2, "earthquake", group="t2"),
    ]
    out = {r["mention_id"]: r["cluster_id"] for r in cluster(records, ClusterOptions(cluster_documents=False))}
    assert set(out) == {"m1", "m2", "m3", "m4", "m5"}
    assert out["m1"] == out["m2"] == out["m4"]
    assert out["m3"] != out["m1"]
    assert out["m5"] != out["m4"]  # another group is never joined


def test_cluster_command_reads_and_writes_jsonl():
    from warwire.merge.commands import cluster as command

    lines = "\n".join(json.dumps(r) for r in [_rec("m1", "d1", DOC1, "earthquake"),
                                               _rec("m2", "d2", DOC2, "earthquake")])
    result = CliRunner().invoke(command, ["--no-lemmas"], input=lines + "\n{broken\n")
    assert result.exit_code == 1
    rows = [json.loads(l) for l in result.stdout.splitlines() if l.startswith("{")]
    assert [r["mention_id"] for r in rows] == ["m1", "m2"]
    assert rows[0]["cluster_id"] == rows[1]["cluster_id"]
