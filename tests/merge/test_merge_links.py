"""Explicit cause cues between mentions, lifted to events, and escalation chains."""

from __future__ import annotations

from warwire.merge import escalation_chain, find_cause_links, merge
from warwire.merge.chain import format_chain
from warwire.cues import find_cues
from warwire.model import Article

TEXT = (
    "Rockets hit a base near Kirkuk on Thursday. "
    "On Friday warplanes bombed militia depots near Mosul in retaliation for the rocket attack on the Kirkuk base. "
    "The bombing provoked protests in Basra."
)


def _article() -> Article:
    return Article(doc_id="a", original=TEXT, text=TEXT)


def _mentions(mk):  # type: ignore[no-untyped-def]
    s1 = TEXT.index("Rockets")
    s2 = TEXT.index("On Friday")
    s3 = TEXT.index("The bombing")
    sent1, sent2, sent3 = TEXT[s1:s2 - 1], TEXT[s2:s3 - 1], TEXT[s3:]
    return [
        mk("a:m1", "a", sent1, "Rockets", offset=s1, place="Kirkuk", date="2021-04-01"),
        mk("a:m2", "a", sent2, "bombed", offset=s2, place="Mosul"),
        mk("a:m3", "a", sent3, "bombing", offset=s3, place="Mosul"),
        mk("a:m4", "a", sent3, "protests", offset=s3, type="PROTEST", place="Basra"),
    ]


def test_find_cues_reads_direction_and_explicitness():
    cues = find_cues("Troops fired in response to the shelling, after talks failed.")
    assert [c.cue.name for c in cues] == ["in response to"]
    assert find_cues("Following the raid, crowds gathered.")[0].cue.explicit is False


def test_find_cause_links_records_cue_quote_and_cause(mk):
    mentions = _mentions(mk)
    find_cause_links(_article(), mentions)
    link = mentions[1].cue_links[0]
    assert link.cue == "in retaliation for" and link.explicit
    assert TEXT[link.start:link.end] == link.quote
    assert "in retaliation for the rocket attack" in link.quote
    assert link.cause_mention_id is None and "rocket attack" in link.cause_text
    provoked = mentions[3].cue_links[0]
    assert provoked.cue == "provoked" and provoked.cause_mention_id == "a:m3"


def test_merge_lifts_links_to_events_and_resolves_cause_phrases(mk):
    mentions = _mentions(mk)
    find_cause_links(_article(), mentions)
    events = merge(mentions)
    owner = {m.mention_id: e.event_id for e in events for m in e.mentions}
    strikes = next(e for e in events if any(m.mention_id == "a:m2" for m in e.mentions))
    assert [l.cause_event_id for l in strikes.caused_by] == [owner["a:m1"]]
    protest = next(e for e in events if e.type == "PROTEST")
    assert [l.cause_event_id for l in protest.caused_by] == [owner["a:m3"]]


def test_escalation_chain_walks_back_and_forth(mk):
    mentions = _mentions(mk)
    find_cause_links(_article(), mentions)
    events = merge(mentions)
    owner = {m.mention_id: e.event_id for e in events for m in e.mentions}
    chain = escalation_chain(owner["a:m2"], events)
    depth = {s.event.event_id: s.depth for s in chain.steps}
    assert depth[owner["a:m1"]] == -1 and depth[owner["a:m2"]] == 0 and depth[owner["a:m4"]] >= 1
    text = format_chain(chain)
    assert "in retaliation for" in text and "2021-04-01" in text


def test_chain_command_prints_the_timeline_from_a_store(mk, tmp_path):
    from click.testing import CliRunner

    from warwire.merge.commands import chain as command
    from warwire.store import open_store

    article = _article()
    mentions = _mentions(mk)
    find_cause_links(article, mentions)
    events = merge(mentions)
    db = tmp_path / "chain.db"
    store = open_store(str(db))
    try:
        store.save_document(article, mentions, "test.txt")
        store.replace_events(events)
    finally:
        store.close()
    owner = {m.mention_id: e.event_id for e in events for m in e.mentions}
    result = CliRunner().invoke(command, [owner["a:m2"], "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "in retaliation for" in result.output and ">>" in result.output and "<-" in result.output
    missing = CliRunner().invoke(command, ["ev_nothing", "--db", str(db)])
    assert missing.exit_code == 2
