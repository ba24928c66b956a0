"""Selective reopening: merging new mentions into stored events equals one merge of everything."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from warwire.merge import merge, pairs, reopen
from warwire.merge.core import _features_in_date_order
from warwire.merge.features import block_features
from warwire.model import Actor, Count, Link, Mention, Place, Span, TimeValue

#: Towns of the test feed: two countries, so that country-week blocks are crowded.
TOWNS = [("Kirkuk", "IRQ", 35.47, 44.39), ("Mosul", "IRQ", 36.34, 43.13), ("Tikrit", "IRQ", 34.6, 43.68),
         ("Homs", "SYR", 34.73, 36.72), ("Aleppo", "SYR", 36.2, 37.16)]
KINDS = {"ASSAULT": ["airstrike", "drone strike", "rocket attack", "attack", "shelling", "bombing"],
         "PROTEST": ["protest", "demonstration", "rally"]}
PEOPLE = ["Haddad", "Karimi", "Nasser", "Salehi", "Tarek", "Obeidi"]
SYLLABLES = ["ka", "ri", "mo", "sa", "lu", "ne", "to", "ba", "di", "fe", "gu", "ho"]
GROUPS = ["militants", "gunmen", "insurgents", "army units", "rebels", "police", "tribesmen",
          "guards", "fighters", "volunteers"]
#: Words the reports of one act share (what was hit), so that not every pair of reports links.
DETAILS = ["checkpoint", "convoy", "market", "bridge", "depot", "hospital", "school", "mosque",
           "airfield", "barracks", "pipeline", "warehouse", "station", "farm", "village", "camp"]
#: Words each report draws a few of: reports differ in wording, as real ones do.
FILLER = """witnesses reported heavy damage residents fled officials confirmed local sources medics
arrived smoke rose sirens sounded roads closed power cut families gathered police cordoned
investigators collected debris aid workers described chaos overnight morning afternoon evening
statement footage shared online""".split()
START = dt.date(2021, 3, 1).toordinal()
#: Days the acts of the feed spread over: a few crowded weeks.
SPAN_DAYS = 35


def _feed(n_acts: int, seed: int, span_days: int = SPAN_DAYS) -> list[Mention]:
    """Reports of ``n_acts`` acts crowded into a few weeks and two countries: many candidate
    pairs between different acts, anaphors ("the attack"), unplaced reports and cause links."""
    rng = random.Random(seed)
    out: list[Mention] = []
    for act in range(n_acts):
        typ = rng.choice(list(KINDS))
        word = rng.choice(KINDS[typ])
        town = rng.choice(TOWNS) if rng.random() < 0.8 else None
        day = START + rng.randrange(span_days)
        # the person targeted: one of a few well-known names, or a name of this act only
        person = rng.choice(PEOPLE) if rng.random() < 0.2 else "".join(rng.sample(SYLLABLES, 3)).capitalize()
        group = rng.choice(GROUPS)
        detail = " and ".join(rng.sample(DETAILS, 2))
        killed = rng.choice([None, 2, 3, 5])
        for k in range(rng.randint(1, 4)):
            doc = f"{rng.randrange(16**6):06x}"
            text, offset, mentions = "", 0, []
            first = (f"On {dt.date.fromordinal(day).isoformat()} {group} carried out a {word} "
                     f"{'near ' + town[0] if town else 'in the area'} on the {detail} of {person}, "
                     + " ".join(rng.sample(FILLER, 5)) + ". ")
            mentions.append(_mention(doc, len(mentions), offset, first, word, typ, town, day, (group, person),
                                     killed, dated=rng.random() < 0.85))
            offset += len(first)
            if rng.random() < 0.5:
                second = f"The {word} " + " ".join(rng.sample(FILLER, 4)) + f" {person}. "
                mentions.append(_mention(doc, len(mentions), offset, second, word, typ, town, day, (group, person),
                                         None, dated=False))
                offset += len(second)
            if rng.random() < 0.3:
                other = rng.choice(KINDS["ASSAULT"])
                third = (f"It came after a {other} that killed {rng.randint(1, 9)} "
                         + " ".join(rng.sample(FILLER, 5)) + ". ")
                cause = _mention(doc, len(mentions), offset, third, other, "ASSAULT", town,
                                 day - rng.randint(0, 3), (rng.choice(GROUPS), person), None,
                                 dated=rng.random() < 0.5)
                mentions[0].cue_links.append(Link(cue="after", quote=third[:20], doc_id=doc,
                                                  start=offset, end=offset + 8,
                                                  cause_mention_id=cause.mention_id))
                mentions.append(cause)
            out += mentions
    return out


def _mention(doc: str, k: int, offset: int, sentence: str, word: str, typ: str, town, day: int,
             who: tuple[str, str], killed, dated: bool) -> Mention:  # type: ignore[no-untyped-def]
    group, person = who
    t = sentence.index(word)
    loc = Place(text=town[0], name=town[0], country=town[1], lat=town[2], lon=town[3], precision="town") if town else None
    date = None
    if dated:
        date = TimeValue(date=dt.date.fromordinal(day).isoformat(), precision="day", start=offset + 3,
                         end=offset + 13, text=dt.date.fromordinal(day).isoformat())
    return Mention(
        mention_id=f"{doc}:m{k}", doc_id=doc, type=typ,
        trigger=Span(offset + t, offset + t + len(word), word),
        sentence=Span(offset, offset + len(sentence), sentence),
        modality="asserted",
        actor1=Actor(text=group, name=group, country=None),
        actor2=Actor(text=person, name=person, country=town[1] if town else None),
        location=loc, date=date,
        killed=Count(best=killed, low=killed, high=killed) if killed else None,
        published=dt.date.fromordinal(day + 1).isoformat(), confidence=0.6,
    )


def _ingests(mentions: list[Mention], parts: int, seed: int) -> list[list[Mention]]:
    """The mentions split into ``parts`` ingests of whole documents, in a shuffled order."""
    docs = sorted({m.doc_id for m in mentions})
    random.Random(seed).shuffle(docs)
    at = {d: n * parts // len(docs) for n, d in enumerate(docs)}
    return [[m for m in mentions if at[m.doc_id] == p] for p in range(parts)]


def _step_by_step(batches: list[list[Mention]]):  # type: ignore[no-untyped-def]
    events = merge(batches[0])
    for batch in batches[1:]:
        events = merge(batch, events=events)
    return events


@pytest.fixture(scope="module")
def feed() -> list[Mention]:
    return _feed(160, 3)


@pytest.mark.parametrize("parts,seed", [(2, 1), (4, 2), (6, 3)])
def test_ingests_in_any_order_equal_one_merge(feed, parts, seed):
    once = merge(feed)
    stepped = _step_by_step(_ingests(feed, parts, seed))
    assert [e.event_id for e in stepped] == [e.event_id for e in once]
    assert stepped == once  # mentions, claims, dates, places, cause links: every field


@pytest.fixture
def narrow_window(monkeypatch):
    """A window of 2 neighbours: new mentions often push stored pairs out of each other's window."""
    monkeypatch.setattr(pairs, "BLOCK_WINDOW", 2)
    monkeypatch.setattr(reopen, "BLOCK_WINDOW", 2)


@pytest.mark.parametrize("parts,seed", [(2, 4), (5, 5)])
def test_pairs_pushed_out_of_a_window_reopen_their_event(feed, narrow_window, parts, seed):
    once = merge(feed)
    assert _step_by_step(_ingests(feed, parts, seed)) == once


def test_partners_are_the_candidate_pairs(feed, narrow_window):
    mentions = sorted(feed, key=lambda m: m.mention_id)
    feats = _features_in_date_order(mentions)
    expected = {frozenset(p) for p in pairs.candidate_pairs(feats)}
    graph = reopen._graph(mentions, [block_features(m) for m in mentions])
    found = {frozenset((i, j)) for i in range(len(mentions)) for j in graph.partners(i)}
    assert found == expected


def test_a_small_ingest_reopens_only_what_it_touches():
    feed = _feed(160, 7, span_days=720)  # a sparser feed: acts seldom chain into one another
    first, second = _ingests(feed, 2, 6)
    stored = merge(first)
    small = [m for m in second if m.doc_id == second[0].doc_id]
    plan = reopen.plan_reopening(small, stored, pairs.LINK_THRESHOLD)
    assert plan.reopened < len(stored) // 4
    assert {m.mention_id for m in small} <= {m.mention_id for m in plan.mentions}
    assert merge(small, events=stored) == merge(first + small)


def test_mentions_added_to_a_stored_document(feed):
    by_doc: dict[str, list[Mention]] = {}
    for m in feed:
        by_doc.setdefault(m.doc_id, []).append(m)
    split = [ms for ms in by_doc.values() if len(ms) > 1]
    late = [ms[-1] for ms in split]  # the last mention of each document arrives later
    early = [m for m in feed if m not in late]
    assert merge(late, events=merge(early)) == merge(feed)


def test_a_re_extracted_mention_re_merges_everything(feed):
    stored = merge(feed)
    again = feed[0]
    assert merge([again], events=stored) == merge(feed)


def test_a_document_with_new_mentions_reopens_all_its_events(feed):
    doc = next(d for d in sorted({m.doc_id for m in feed}) if sum(m.doc_id == d for m in feed) > 1)
    late = [m for m in feed if m.doc_id == doc][-1:]
    early = [m for m in feed if m not in late]
    plan = reopen.plan_reopening(late, merge(early), pairs.LINK_THRESHOLD)
    # its anaphors may now resolve otherwise: every mention of the document is clustered again
    assert {m.mention_id for m in feed if m.doc_id == doc} <= {m.mention_id for m in plan.mentions}
