"""Fixtures of the merge tests: a factory of small hand-written mentions."""

from __future__ import annotations

import pytest

from warwire.model import Actor, Count, Mention, Place, Span, TimeValue

#: Places the tests use (coordinates are real, the sentences are written for the tests).
PLACES = {
    "Kirkuk": ("IRQ", 35.47, 44.39),
    "Mosul": ("IRQ", 36.34, 43.13),
    "Basra": ("IRQ", 30.51, 47.78),
    "Homs": ("SYR", 34.73, 36.72),
}


def make_mention(
    mention_id: str,
    doc_id: str,
    sentence: str,
    trigger: str,
    *,
    offset: int = 0,
    type: str = "ASSAULT",
    date: str | None = "2021-04-02",
    precision: str = "day",
    place: str | None = None,
    actor1: tuple[str, str] | None = None,
    actor2: tuple[str, str] | None = None,
    killed: int | None = None,
    claimant: str | None = None,
    modality: str = "asserted",
    published: str | None = "2021-04-03",
) -> Mention:
    """A mention whose sentence starts at ``offset`` of its document and holds ``trigger``."""
    t = sentence.index(trigger)
    loc = None
    if place:
        country, lat, lon = PLACES[place]
        loc = Place(text=place, name=place, country=country, lat=lat, lon=lon, precision="town")
    return Mention(
        mention_id=mention_id,
        doc_id=doc_id,
        type=type,
        trigger=Span(offset + t, offset + t + len(trigger), trigger),
        sentence=Span(offset, offset + len(sentence), sentence),
        modality=modality,
        actor1=Actor(text=actor1[0], name=actor1[0], country=actor1[1]) if actor1 else None,
        actor2=Actor(text=actor2[0], name=actor2[0], country=actor2[1]) if actor2 else None,
        location=loc,
        date=TimeValue(date=date, precision=precision) if date else None,
        killed=Count(best=killed, low=killed, high=killed) if killed is not None else None,
        claimant=Actor(text=claimant, name=claimant) if claimant else None,
        published=published,
        confidence=0.6,
    )


@pytest.fixture
def mk():
    """The :func:`make_mention` factory."""
    return make_mention
