"""The merge: one event per act across articles, order-independent, incremental."""

from __future__ import annotations

import random

from warwire.merge import MergeOptions, merge


def _reports(mk):  # type: ignore[no-untyped-def]
    """Three articles on one drone strike near Kirkuk, one on a rocket attack on Basra."""
    return [
        mk("a:m1", "a", "A drone strike hit a militia convoy near Kirkuk on Friday, killing four.",
           "drone strike", place="Kirkuk", actor1=("United States", "USA"), killed=4),
        mk("b:m1", "b", "Four fighters died when a drone strike struck their convoy outside Kirkuk.",
           "drone strike", place="Kirkuk", actor1=("United States", "USA"), killed=4),
        mk("c:m1", "c", "Militia leaders condemned the drone attack on the Kirkuk convoy.",
           "drone attack", place="Kirkuk", date="2021-04", precision="month"),
        mk("d:m1", "d", "Rocket fire struck an airbase near Basra on Friday.", "Rocket fire",
           place="Basra"),
    ]


def _groups(events):  # type: ignore[no-untyped-def]
    return sorted(sorted(m.mention_id for m in e.mentions) for e in events)


def test_merge_joins_reports_of_one_act_across_articles(mk):
    events = merge(_reports(mk))
    assert _groups(events) == [["a:m1", "b:m1", "c:m1"], ["d:m1"]]
    strike = next(e for e in events if len(e.mentions) == 3)
    assert strike.sources == ["a", "b", "c"]
    assert strike.date == "2021-04-02" and strike.date_precision == "day"
    assert strike.location is not None and strike.location.name == "Kirkuk"


def test_merge_ignores_mentions_that_are_not_asserted(mk):
    threat = mk("e:m1", "e", "The militia vowed a drone strike on Kirkuk.", "drone strike",
                place="Kirkuk", modality="vowed")
    events = merge([*_reports(mk), threat])
    assert all(m.mention_id != "e:m1" for e in events for m in e.mentions)


def test_merge_keeps_apart_acts_far_apart_in_time_or_of_another_kind(mk):
    a = mk("a:m1", "a", "A drone strike hit a convoy near Mosul.", "drone strike", place="Mosul")
    later = mk("b:m1", "b", "A drone strike hit a convoy near Mosul.", "drone strike",
               place="Mosul", date="2021-06-20")
    shelling = mk("c:m1", "c", "Artillery shelling hit a convoy near Mosul.", "shelling", place="Mosul")
    assert len(merge([a, later, shelling])) == 3


def test_merge_keeps_two_acts_of_one_sentence_apart(mk):
    s = "Missiles struck the base at dawn, and drone strikes followed an hour later."
    first = mk("a:m1", "a", s, "Missiles", place="Homs")
    second = mk("a:m2", "a", s, "drone strikes", place="Homs")
    assert len(merge([first, second])) == 2


def test_merge_result_does_not_depend_on_input_order(mk):
    mentions = _reports(mk)
    expected = [(e.event_id, [m.mention_id for m in e.mentions]) for e in merge(mentions)]
    for seed in range(5):
        shuffled = mentions[:]
        random.Random(seed).shuffle(shuffled)
        got = [(e.event_id, [m.mention_id for m in e.mentions]) for e in merge(shuffled)]
        assert got == expected


def test_merge_is_incremental(mk):
    mentions = _reports(mk)
    batch = merge(mentions)
    first = merge(mentions[:2])
    step = merge(mentions[2:], events=first)
    assert _groups(step) == _groups(batch)
    assert [e.event_id for e in step] == [e.event_id for e in batch]


def test_merge_counts_a_republication_once(mk):
    mentions = _reports(mk)
    copy = mk("z:m1", "z", mentions[0].sentence.text, "drone strike", place="Kirkuk",
              actor1=("United States", "USA"), killed=4)
    events = merge([*mentions, copy], options=MergeOptions(republications={"z": "a"}))
    strike = next(e for e in events if len(e.mentions) == 4)
    assert strike.sources == ["a", "b", "c"]
    assert len([c for c in strike.claims if c.killed == 4]) == 2  # a (with its copy z) and b
