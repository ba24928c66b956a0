"""A casualty claim that gives words, not numbers ("dozens"), through the store and exports."""

from __future__ import annotations

import csv
import io
import json

from store_factories import article, event, mention

from warwire.model import Claim, Count
from warwire.store import open_store
from warwire.store.export import ExportOptions, export

TEXT = "Shelling hit a market in Tal Afar on Sunday; dozens were killed, residents said."


def _store(path):  # type: ignore[no-untyped-def]
    art = article(TEXT)
    m = mention(art, trigger="Shelling", killed=Count(text="dozens", vague="dozens"),
                claimant=None)
    ev = event("ev_vague", [m])
    ev.fatalities = None
    ev.claims = [Claim(claimant="residents", killed=None, injured=None, doc_id=art.doc_id,
                       quote=TEXT, start=0, end=len(TEXT),
                       killed_count=Count(text="dozens", vague="dozens"))]
    s = open_store(path)
    s.save_document(art, [m], art.sources[0])
    s.replace_events([ev])
    return s


def test_a_claim_with_null_numbers_is_stored_and_read_back(tmp_path):
    s = _store(tmp_path / "w.db")
    try:
        rows = s.execute("SELECT claimant, killed, injured FROM claims")
        assert [tuple(r) for r in rows] == [("residents", None, None)]
        (ev,) = list(s.iter_events())
        assert ev.claims[0].killed is None and ev.claims[0].killed_count.vague == "dozens"
        fat = s.execute("SELECT fatalities_low, fatalities_best, fatalities_high FROM events")[0]
        assert tuple(fat) == (None, None, None)
    finally:
        s.close()


def test_exports_carry_the_wording(tmp_path):
    s = _store(tmp_path / "w.db")
    try:
        out = io.StringIO()
        assert export(s, ExportOptions(kind="events", format="jsonl"), None, stdout=out) == 1
        record = json.loads(out.getvalue())
        assert record["claims"][0]["killed"] is None
        assert record["claims"][0]["killed_vague"] == "dozens"
        out = io.StringIO()
        export(s, ExportOptions(kind="events", format="csv"), None, stdout=out)
        (row,) = list(csv.DictReader(io.StringIO(out.getvalue())))
        assert row["num_claims"] == "1" and row["fatalities_low"] == ""
    finally:
        s.close()
