"""Within-article coreference and weakly dated reports in the merge."""

from __future__ import annotations

from warwire.merge import merge
from warwire.model import TimeValue


def _groups(events):  # type: ignore[no-untyped-def]
    return sorted(sorted(m.mention_id for m in e.mentions) for e in events)


def test_a_definite_nominal_joins_its_antecedent_in_the_article(mk):
    first = mk("a:m1", "a", "A drone strike killed a militia commander near Mosul on Monday.",
               "drone strike", place="Mosul")
    later = mk("a:m2", "a", "Two of his guards also died in the same drone strike, officials said.",
               "drone strike", offset=200, date=None)
    rockets = mk("a:m3", "a", "Separately, a rocket attack hit an airport in Basra.",
                 "rocket attack", offset=400, date=None, place="Basra")
    assert _groups(merge([first, later, rockets])) == [["a:m1", "a:m2"], ["a:m3"]]


def test_a_publication_date_only_report_may_look_back_at_an_earlier_act(mk):
    strike = mk("a:m1", "a", "A US drone strike killed General Farouk Haddad near Mosul.",
                "drone strike", place="Mosul", date="2021-01-03")
    later = mk("b:m1", "b", "Militias vowed again to avenge the killing of Farouk Haddad near Mosul.",
               "killing", place="Mosul", published="2021-03-20")
    later.date = TimeValue(date="2021-03", precision="month", fallback=True)
    assert _groups(merge([strike, later])) == [["a:m1", "b:m1"]]
    # but never forward: a report published before the act is another act
    early = mk("c:m1", "c", "Militias mourned the killing of Farouk Haddad near Mosul.",
               "killing", place="Mosul", published="2020-10-20")
    early.date = TimeValue(date="2020-10", precision="month", fallback=True)
    assert ["c:m1"] in _groups(merge([strike, early]))


def test_names_in_the_cause_phrase_belong_to_the_cause(mk):
    from warwire.model import Link

    drone = mk("a:m1", "a", "A US drone strike killed General Farouk Haddad near Mosul.", "drone strike",
               place="Mosul", actor1=("United States", "USA"), date="2021-01-03")
    sentence = "The Iranian strikes were launched to avenge the killing of Farouk Haddad near Mosul."
    answer = mk("b:m1", "b", sentence, "strikes", place="Mosul", actor1=("Iran", "IRN"), date=None,
                published="2021-01-09")
    answer.cue_links.append(Link(cue="to avenge", quote=sentence[12:], doc_id="b"))
    assert _groups(merge([drone, answer])) == [["a:m1"], ["b:m1"]]


def test_a_named_initiator_joins_undated_reports_of_a_kindless_act(mk):
    a = mk("a:m1", "a", "The Iraqi parliament voted a call for the withdrawal of foreign troops.",
           "call for", type="REQUEST", actor1=("Iraqi parliament", "IRQ"), place="Kirkuk", date=None)
    b = mk("b:m1", "b", "The demand of the Iraqi parliament for a withdrawal stands.",
           "demand", type="REQUEST", actor1=("Iraqi parliament", "IRQ"), place="Kirkuk",
           date="2021-04", precision="month")
    other = mk("c:m1", "c", "The Basra council issued a demand for new elections.", "demand",
               type="REQUEST", actor1=("Basra council", "IRQ"), place="Basra", date="2021-04",
               precision="month")
    assert _groups(merge([a, b, other])) == [["a:m1", "b:m1"], ["c:m1"]]


def test_killed_in_the_attack_is_the_toll_of_the_act_just_told(mk):
    strike = mk("a:m1", "a", "A missile strike hit a convoy near Mosul on Monday.", "missile strike",
                place="Mosul")
    toll = mk("a:m2", "a", "Also killed in the attack was a senior commander.", "attack", offset=100,
              date=None)
    assert _groups(merge([strike, toll])) == [["a:m1", "a:m2"]]
