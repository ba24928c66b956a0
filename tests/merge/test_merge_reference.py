"""Reference in the merge: "this strike", results told before their act ("destroyed … in the
attacks"), the same unnamed target, named targets as blocks, copular cause links."""

from __future__ import annotations

from warwire.merge import find_cause_links, merge
from warwire.merge.features import features
from warwire.merge.pairs import block_keys, pair_score
from warwire.model import Actor, Article


def _groups(events):  # type: ignore[no-untyped-def]
    return sorted(sorted(m.mention_id for m in e.mentions) for e in events)


def test_a_demonstrative_refers_to_the_act_just_told(mk):
    first = mk("a:m1", "a", "The militia's answer was a rocket barrage on the airport near Kirkuk.",
               "rocket barrage", place="Kirkuk", date=None)
    later = mk("a:m2", "a", "In the aftermath of this strike, both governments stepped back.",
               "strike", offset=100, date=None)
    assert features(later).demonstrative and features(later).anaphoric
    assert _groups(merge([first, later])) == [["a:m1", "a:m2"]]


def test_a_result_told_before_its_act_refers_back_across_other_kinds_of_act(mk):
    hit = mk("a:m1", "a", "Waves of rockets hit the army base near Kirkuk.", "hit", place="Kirkuk",
             date=None)
    # a long sentence about something else: the result is not "recent" by distance alone
    demand = ("The governor has told all foreign workers to leave the province at once, following a "
              "council call for the withdrawal of every foreign contractor from the oil fields, and "
              "the unions of the region have vowed to support the call until the last contract ends "
              "and the companies have left the fields of the province for good, one way or another.")
    call = mk("a:m2", "a", demand, "call for", offset=60, type="REQUEST", date=None)
    destroyed = mk("a:m3", "a", "Officials say that two helicopters were destroyed, and five soldiers "
                   "were killed, in the attacks that took place overnight.", "destroyed",
                   offset=520, date=None)
    showed = mk("a:m4", "a", "The commander said that the attacks showed the reach of the militia.",
                "attacks", offset=900, date=None)
    f = features(destroyed)
    assert f.casualty_frame and f.frame_key == "attack"
    assert f.sentence_start - features(hit).sentence_end > 400  # further back than "recent"
    groups = _groups(merge([hit, call, destroyed, showed]))
    assert ["a:m1", "a:m3", "a:m4"] in groups


def test_the_same_unnamed_target_speaks_for_one_act(mk):
    early = mk("a:m1", "a", "Police blamed exiles for a bomb attack on a wedding party last month.",
               "attack", date="2021-03", precision="month", actor2=("wedding party", "IRQ"))
    early.actor2 = Actor(text="wedding party", country="IRQ")
    later = mk("a:m2", "a", "The March 12 bomb attack on a wedding party in Mosul killed 12 people.",
               "attack", offset=200, date="2021-03-12", place="Mosul")
    later.actor1 = Actor(text="March 12", country="IRQ")  # a nationality slip of an extractor
    later.actor2 = Actor(text="wedding party", country="IRQ")
    fa, fb = features(early), features(later)
    assert fa.target_head == fb.target_head == "party"
    assert _groups(merge([early, later])) == [["a:m1", "a:m2"]]
    # without the shared target the two reports stay apart
    later.actor2 = Actor(text="convoy", country="IRQ")
    assert pair_score(fa, features(later)) < pair_score(fa, fb)


def test_a_named_target_is_a_block_of_its_own(mk):
    m = mk("a:m1", "a", "General Karim Haddad was killed in a drone strike.", "drone strike",
           date=None)
    m.actor2 = Actor(text="Karim Haddad", name="Karim Haddad", country="SYR")
    assert ("target", "ASSAULT", "karim haddad") in block_keys(features(m))


def test_a_copular_response_links_the_predicate_to_the_cause(mk):
    text = "The militia's immediate response to the killing of its commander was a rocket attack on the base."
    article = Article(doc_id="a", original=text, text=text)
    cause = mk("a:m1", "a", text, "killing", date=None)
    effect = mk("a:m2", "a", text, "rocket attack", date=None)
    find_cause_links(article, [cause, effect])
    assert not cause.cue_links
    assert [link.cause_mention_id for link in effect.cue_links] == ["a:m1"]
    assert text[effect.cue_links[0].start:effect.cue_links[0].end] == effect.cue_links[0].quote
