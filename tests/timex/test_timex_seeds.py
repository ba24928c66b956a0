"""Seed gold dates and the TimeML reader, over ../shared (skipped when absent)."""

from __future__ import annotations

from warwire.evaluation.timex import evaluate_seed_dates, load_tml

#: Seed phrases that must resolve exactly (the issue's own examples and the plain cases).
MUST_PASS = {
    "E02_irgc_missile_strike_deir_ezzor",  # "early Monday morning" → 2018-10-01
    "E04_israeli_attack_latakia",  # "last month's" → 2018-09 (month)
    "E08_us_withdrawal_from_jcpoa",  # "last May"
    "E11_us_airstrikes_kataib_hezbollah_dec29",  # "the December 29 …" across the new year
    "E12_us_embassy_baghdad_siege",  # "On Tuesday"
    "E24_us_uk_retaliatory_strikes_kataib_hezbollah",  # "Thursday night’s"
    "E26_al_tanf_drone_attack",  # "Aug. 15"
    "E27_us_airstrikes_deir_ezzor_ayash",  # "overnight" → range
    "B42_iran_iraq_war",  # "1980-88"
}

#: Floor on the share of all 45 phrases resolved exactly (29–30 of 45 measured; the rest need
#: discourse reasoning or are open ranges such as "../2020-03-13").
MIN_ACCURACY = 0.6


def test_seed_date_evidence_phrases(shared):
    result = evaluate_seed_dates(shared)
    ok = {r["event_id"] for r in result["rows"] if r["ok"]}
    assert MUST_PASS <= ok, MUST_PASS - ok
    assert result["accuracy"] >= MIN_ACCURACY


def test_timeml_reader_offsets_match_the_gold_text(shared):
    path = next((shared / "dev" / "tempeval3" / "train" / "TimeBank").glob("*.tml"))
    doc = load_tml(path, "TimeBank")
    assert doc.dct and doc.gold
    for g in doc.gold:
        assert doc.text[g.start:g.end].strip() == doc.text[g.start:g.end]
