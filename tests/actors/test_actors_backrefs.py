"""Countries of actors across the mentions of one article (``warwire.actors.backrefs``)."""

from __future__ import annotations

from warwire.actors.backrefs import same_head_countries
from warwire.model import Actor, Mention, Span


def _mention(n: int, actor1: Actor) -> Mention:
    span = Span(0, 1, "x")
    return Mention(mention_id=f"t:m{n}", doc_id="t", type="PROTEST", trigger=span, sentence=span,
                   actor1=actor1)


def test_an_unnamed_actor_written_the_same_way_keeps_its_country():
    first = _mention(0, Actor(text="protesters", country="IRQ", sector="CVL"))
    later = _mention(1, Actor(text="The protesters", sector="CVL"))
    other = _mention(2, Actor(text="students", sector="CVL"))
    same_head_countries([first, later, other])
    assert later.actor1.country == "IRQ"
    assert other.actor1.country is None
