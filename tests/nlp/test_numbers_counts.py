"""Killed/injured counts on sentences written for these tests (warwire.nlp.numbers)."""

from __future__ import annotations

import pytest

from warwire.acled import mention_fatalities
from warwire.model import Article
from warwire.nlp import extract_mentions
from warwire.nlp.numbers import PLURAL, casualties_in


def _cas(nlp, text):
    return casualties_in(next(iter(nlp(text).sents)))


def _mentions(nlp, text):
    article = Article(doc_id="t", original=text, text=text, published="2021-03-02")
    return [m for m in extract_mentions(article, nlp(text)) if m.asserted]


def _killed(nlp, text):
    """Killed as the ACLED evaluation sums it: one figure per act, acts added up."""
    per_act = {}
    for m in _mentions(nlp, text):
        if m.killed is not None:
            key = (m.trigger.start, m.trigger.end)
            per_act[key] = max(per_act.get(key, 0), mention_fatalities(m) or 0)
    return sum(per_act.values())


@pytest.mark.parametrize("text, best", [
    # per-side counts listed in apposition add up
    ("Four Turkish soldiers, 9 rebel fighters, and 3 Kurdish fighters were confirmed killed "
     "in the fighting near Afrin.", 16),
    # listed victims, the last one hung on the verb by the parser
    ("Government shells hit the market, killing a vendor, a child, and at least one other "
     "shopper while injuring more.", 3),
    # all-caps IS read as a verb: the number before it still counts the noun after it
    ("On Tuesday, 12 IS fighters were killed after troops stormed a tunnel west of Mosul.", 12),
    ("Iraqi jets in a valley near the border killed at least 9 IS militants and destroyed two "
     "vehicles.", 9),
    # "or" joins alternatives, not more victims
    ("Rebels shelled army posts near the dam, killing 1 army or allied militia member.", 1),
    # a running total replaces the sentence's other figures
    ("Several patients succumbed to wounds from the car bomb, bringing the total to five people "
     "killed.", 5),
])
def test_killed_best(nlp, text, best):
    assert _cas(nlp, text).killed.best == best


def test_subjectless_passive_takes_the_list_before_it(nlp):
    text = ("During fighting between IRGC and ISIS members who crossed the border near the Iraqi "
            "frontier, 2 IRGC members and 5 ISIS members were killed.")
    assert _killed(nlp, text) == 7


def test_found_dead_is_an_event_with_one_killed(nlp):
    ms = _mentions(nlp, "A local council member was found dead near the market in Idlib.")
    assert [m.killed.best for m in ms if m.type == "ASSAULT"] == [1]


def test_succumbed_to_wounds_counts_one(nlp):
    assert _killed(nlp, "A boy succumbed to wounds received from artillery shelling of the "
                        "village.") == 1


def test_cumulative_toll_since_a_date_is_not_the_events(nlp):
    cas = _cas(nlp, "Hundreds of students rallied outside the ministry after five teachers have "
                    "been killed since early March.")
    assert cas.killed is None


def test_gerund_does_not_take_the_attacks_object_as_victim(nlp):
    cas = _cas(nlp, "The army repelled an infiltration attempt near the pass, killing and "
                    "wounding dozens.")
    assert cas.killed.vague == "dozens" and cas.killed.best is None


@pytest.mark.parametrize("text, wording, acled", [
    ("Militants ambushed the convoy, killing and wounding dozens of soldiers.", "dozens", 6),
    ("Dozens of police officers were killed or wounded in the assault on the post.", "dozens", 6),
    ("Rockets hit the camp on Sunday, leaving deaths and injuries among the troops.", PLURAL, 10),
    ("An unspecified number of guards were killed in the raid on the prison.",
     "an unspecified number", 10),
    ("Jets struck the base at dawn, killing a number of fighters.", "a number", 10),
])
def test_vague_counts_keep_the_wording_and_no_number(nlp, text, wording, acled):
    ms = [m for m in _mentions(nlp, text) if m.killed is not None]
    assert ms, text
    k = ms[0].killed
    assert (k.low, k.best, k.high) == (None, None, None)
    assert k.vague == wording
    assert text[k.start:k.end] == k.text
    assert mention_fatalities(ms[0]) == acled


def test_explicit_zero_outranks_a_bare_plural(nlp):
    cas = _cas(nlp, "Artillery hit the town of Kafr Zeita with no injuries or fatalities reported.")
    assert cas.killed.best == 0 and cas.killed.vague is None


def test_unknown_number_is_not_zero(nlp):
    cas = _cas(nlp, "No exact number of deaths was given by the hospital.")
    assert cas.killed is None or cas.killed.best != 0


def test_vague_follow_up_restates_an_earlier_figure(nlp):
    text = "Jets struck the fuel depot on Friday, killing 4 guards. Fatalities were reported."
    assert _killed(nlp, text) == 4


def test_numbered_list_with_a_conjunct_modifier_stays_numeric(nlp):
    cas = _cas(nlp, "The strikes killed at least 25 regime and allied militia fighters near the "
                    "river.")
    assert cas.killed.best == 25 and cas.killed.vague is None


def test_follow_up_toll_goes_to_the_strike_not_to_the_cause_it_answered(nlp):
    text = ("The Guard launched missiles at the desert base early on Tuesday, in retaliation for the "
            "assassination of a senior commander.\n\nState radio said at least 40 soldiers were "
            "killed in the operation.")
    killed = {m.trigger.text: m.killed.best for m in _mentions(nlp, text) if m.killed}
    assert killed == {"launched": 40}


def test_a_victim_inside_the_cause_phrase_is_the_cause_s_not_the_strike_s(nlp):
    text = ("Militia fighters fired rockets at the river garrison on Monday in retaliation for the "
            "killing of their commander.")
    killed = {m.trigger.text: m.killed.best for m in _mentions(nlp, text) if m.killed}
    assert killed.get("fired") is None and killed.get("killing") == 1
