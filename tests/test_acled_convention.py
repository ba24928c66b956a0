"""warwire.acled: ACLED's convention for tolls given without a number (no spaCy needed)."""

from __future__ import annotations

import pytest

from warwire.acled import acled_fatalities, event_fatalities
from warwire.model import Claim, Count, Event
from warwire.store.export import event_row


def vague(wording, low=None, start=10, end=16):
    """A count with no number of its own; ``low`` is the stated part of a mixed list."""
    return Count(low=low, best=None, high=None, text=wording, start=start, end=end, vague=wording)


@pytest.mark.parametrize("count, figure", [
    (Count(low=7, best=7, high=7), 7),               # a stated number is used as stated
    (Count(low=5, best=5, high=None), 5),            # "at least 5"
    (Count(low=None, best=None, high=80), 80),       # only a bound given
    (vague("dozens"), 12),                           # a magnitude counts its unit once
    (vague("hundreds"), 100),
    (vague("tens"), 10),
    (vague("several"), 10),                          # any other plural without a number
    (vague("an unknown number"), 10),
    (vague("plural"), 10),                           # "killing regime fighters"
    (vague("several", 9), 19),                       # "9 fighters and several others"
    (None, None),
])
def test_one_count(count, figure):
    assert acled_fatalities(count) == figure


def test_killed_and_wounded_from_the_same_words_halves_a_magnitude():
    both = vague("dozens")
    assert acled_fatalities(both, vague("dozens")) == 6
    # the unknown-number figure is not halved
    assert acled_fatalities(vague("a number"), vague("a number")) == 10
    # separate words for the wounded: no halving
    assert acled_fatalities(both, vague("dozens", start=40, end=46)) == 12


def test_the_count_itself_keeps_no_number():
    c = vague("dozens")
    acled_fatalities(c)
    assert c.best is None and c.vague == "dozens"
    assert Count.from_dict(c.to_dict()) == c
    assert Count.from_dict({"low": 1, "best": 1, "high": 1}).vague is None  # older records


def _claim(killed, count, doc="d_1", claimant=None):
    return Claim(claimant=claimant, killed=killed, injured=None, doc_id=doc, quote="q",
                 killed_count=count)


def test_event_figure_values_vague_claims_by_the_convention():
    # a vague claim next to a numeric one (from another source): lower median of 12 and 30
    ev = Event(event_id="ev_1", type="ASSAULT", fatalities=Count(low=30, best=30, high=30),
               claims=[_claim(None, vague("dozens")), _claim(30, Count(30, 30, 30), doc="d_2")])
    assert event_fatalities(ev) == 12
    assert event_row(ev)["fatalities"] == 12
    assert event_row(ev)["fatalities_low"] == 30  # our own columns are unchanged


def test_event_figure_is_the_best_when_every_claim_is_a_number():
    ev = Event(event_id="ev_2", type="ASSAULT", fatalities=Count(low=3, best=4, high=6),
               claims=[_claim(3, Count(3, 3, 3)), _claim(6, Count(6, 6, 6), doc="d_2")])
    assert event_fatalities(ev) == 4
    assert event_row(ev)["fatalities"] == 4
    assert event_fatalities(Event(event_id="ev_3", type="ASSAULT")) is None


def test_event_without_a_numeric_claim_uses_its_mentions_vague_counts():
    from warwire.model import Mention, Span

    text = "Shelling killed and wounded dozens."
    m = Mention(mention_id="d_1:m0", doc_id="d_1", type="ASSAULT", trigger=Span(0, 8, "Shelling"),
                sentence=Span(0, len(text), text), killed=vague("dozens", None, 28, 34),
                injured=vague("dozens", None, 28, 34))
    ev = Event(event_id="ev_4", type="ASSAULT", mentions=[m])
    assert event_fatalities(ev) == 6
