"""The public surface: ``warwire.__all__``, the CLI's command list, the model's JSON round trip."""

from __future__ import annotations

import json

from click.testing import CliRunner

import warwire
from warwire.cli import COMMANDS, SHORT_HELP, cli
from warwire.model import (
    Actor, Article, Count, Event, Link, Mention, OffsetMap, Place, Span, TimeValue,
)


def test_public_names_are_exactly_the_documented_ones():
    assert sorted(warwire.__all__) == ["__version__", "extract"]
    assert callable(warwire.extract)


def test_every_command_is_listed_with_help_and_imports():
    assert set(COMMANDS) == set(SHORT_HELP)
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output
        command = cli.get_command(None, name)  # type: ignore[arg-type]
        assert command is not None, name


def test_unknown_command_is_a_usage_error():
    result = CliRunner().invoke(cli, ["no-such-command"])
    assert result.exit_code == 2


def test_offset_map_round_trips_and_maps_joined_page_breaks():
    original = "The rockets hit the\n\nbase on Friday."
    clean = "The rockets hit the base on Friday."
    # clean[0:19] == original[0:19]; the "\n\n" became one space at clean 19 / original 19-20.
    om = OffsetMap([(0, 0), (20, 21)])
    start, end = om.span_to_original(clean.index("base"), clean.index("base") + 4)
    assert original[start:end] == "base"
    start, end = om.span_to_original(clean.index("hit"), clean.index("Friday") + 6)
    assert original[start:end] == "hit the\n\nbase on Friday"
    assert OffsetMap.from_json(json.loads(json.dumps(om.to_json()))) == om


def test_event_json_round_trip_keeps_nested_objects():
    mention = Mention(
        mention_id="d_1:m0", doc_id="d_1", type="ASSAULT", mode="drone",
        trigger=Span(4, 10, "strike"), sentence=Span(0, 30, "A drone strike hit the convoy."),
        actor1=Actor("US forces", name="United States armed forces", country="USA", sector="MIL"),
        places=[Place("Baghdad", 40, 47, country="IRQ", lat=33.3, lon=44.4)],
        times=[TimeValue("Friday", 50, 56, type="DATE", value="2020-01-03")],
        killed=Count(10, 10, 10), cue_links=[Link(cue="in retaliation for", quote="q", doc_id="d_1")],
    )
    event = Event(event_id="ev_1", type="ASSAULT", mentions=[mention], fatalities=Count(8, 10, 12))
    again = Event.from_dict(json.loads(json.dumps(event.to_dict())))
    assert again == event
    article = Article(doc_id="d_1", original="a\n\nb", text="a b", offset_map=OffsetMap([(0, 0), (2, 3)]))
    assert Article.from_dict(json.loads(json.dumps(article.to_dict()))) == article
