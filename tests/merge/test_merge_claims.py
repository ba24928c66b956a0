"""Casualty claims side by side, and the low/best/high rule."""

from __future__ import annotations

from warwire.merge.claims import claims_of, figures
from warwire.model import Claim, Count


def _claim(doc, claimant, killed, low=None, high=None):  # type: ignore[no-untyped-def]
    count = Count(low=low if low is not None else killed, best=killed, high=high if high is not None else killed)
    return Claim(claimant=claimant, killed=killed, injured=None, doc_id=doc, quote="q", killed_count=count)


def test_figures_best_is_the_lower_median_of_independent_sources():
    claims = [_claim("a", "state television", 80), _claim("b", "the Pentagon", 0), _claim("c", None, 0)]
    f = figures(claims, "killed")
    assert (f.low, f.best, f.high) == (0, 0, 80)


def test_figures_with_two_sources_takes_the_more_conservative_best():
    f = figures([_claim("a", None, 25, low=25, high=30), _claim("b", None, 27)], "killed")
    assert (f.low, f.best, f.high) == (25, 25, 30)


def test_figures_fold_republications_and_are_none_without_claims():
    claims = [_claim("a", None, 10), _claim("copy", None, 10), _claim("b", None, 14)]
    f = figures(claims, "killed", {"copy": "a"})
    assert (f.low, f.best, f.high) == (10, 10, 14)
    assert figures([], "killed") is None
    assert figures(claims, "injured") is None


def test_claims_keep_claimant_quote_and_drop_repeats(mk):
    one = mk("a:m1", "a", "Officials said the strike killed six people.", "strike", killed=6,
             claimant="officials")
    again = mk("a:m2", "a", "The strike killed six, officials repeated.", "strike", killed=6,
               claimant="officials", offset=60)
    other = mk("b:m1", "b", "Rebels said the strike killed nine.", "strike", killed=9, claimant="rebels")
    claims = claims_of([one, again, other])
    assert [(c.doc_id, c.claimant, c.killed) for c in claims] == [("a", "officials", 6), ("b", "rebels", 9)]
    assert claims[0].quote == one.sentence.text
