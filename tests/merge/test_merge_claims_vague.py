"""Unquantified casualty claims ("dozens, according to X") kept beside numeric ones."""

from __future__ import annotations

from warwire.merge.build import build_event
from warwire.merge.claims import claims_of, figures
from warwire.model import Count
from warwire.store.export import event_record, event_row


def _vague(m, killed: str | None = None, injured: str | None = None):  # type: ignore[no-untyped-def]
    """``m`` with counts that give only words (the numbers stay None, as the counts stage does)."""
    m.killed = Count(text=killed, vague=killed) if killed else None
    m.injured = Count(text=injured, vague=injured) if injured else None
    return m


def test_a_claim_without_a_number_keeps_wording_claimant_and_quote(mk):
    m = _vague(mk("a:1", "a", "Dozens were killed in the shelling, the health ministry said.",
                  "shelling", claimant="the health ministry"), killed="dozens")
    (claim,) = claims_of([m])
    assert (claim.killed, claim.injured, claim.claimant) == (None, None, "the health ministry")
    assert claim.killed_count.vague == "dozens" and claim.injured_count is None
    assert claim.quote == m.sentence.text and (claim.start, claim.end) == (m.sentence.start, m.sentence.end)


def test_an_event_whose_only_toll_is_words_has_a_claim_and_no_figures(mk):
    m = _vague(mk("a:1", "a", "Several guards were wounded when the post was shelled.", "shelled"),
               injured="several")
    ev = build_event([m])
    assert len(ev.claims) == 1 and ev.claims[0].injured_count.vague == "several"
    assert ev.fatalities is None and ev.injured is None


def test_words_beside_numbers_leave_low_best_high_unchanged(mk):
    numbers = [mk("a:1", "a", "The strike killed 12 people, police said.", "strike", killed=12,
                  claimant="police"),
               mk("b:1", "b", "The strike killed 15, a medic said.", "strike", killed=15, claimant="a medic")]
    words = _vague(mk("c:1", "c", "Dozens died in the strike, residents said.", "strike",
                      claimant="residents"), killed="dozens")
    before = build_event(numbers)
    after = build_event(numbers + [words])
    assert len(after.claims) == 3
    f = after.fatalities
    assert (f.low, f.best, f.high) == (before.fatalities.low, before.fatalities.best,
                                       before.fatalities.high) == (12, 12, 15)
    assert figures([c for c in after.claims if c.killed is None], "killed") is None


def test_the_same_wording_twice_in_one_article_is_one_claim_other_wording_another(mk):
    one = _vague(mk("a:1", "a", "Dozens were killed, officials said.", "killed", claimant="officials"),
                 killed="dozens")
    again = _vague(mk("a:2", "a", "Officials said dozens were killed.", "killed", offset=50,
                      claimant="officials"), killed="Dozens")
    other = _vague(mk("a:3", "a", "Scores were killed, officials said later.", "killed", offset=100,
                      claimant="officials"), killed="scores")
    assert [c.killed_count.vague for c in claims_of([one, again, other])] == ["dozens", "scores"]


def test_exports_show_the_wording_of_a_claim_without_numbers(mk):
    m = _vague(mk("a:1", "a", "Dozens were killed in the shelling, the health ministry said.",
                  "shelling", claimant="the health ministry"), killed="dozens")
    ev = build_event([m])
    record = event_record(ev)
    assert record["fatalities"] is None
    assert record["claims"][0]["killed"] is None
    assert (record["claims"][0]["killed_vague"], record["claims"][0]["injured_vague"]) == ("dozens", None)
    row = event_row(ev)
    assert row["num_claims"] == 1 and row["fatalities_low"] is None
