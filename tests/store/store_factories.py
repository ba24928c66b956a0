"""Small model objects written for the store tests (texts invented for the tests)."""

from __future__ import annotations

import hashlib

from warwire.model import Actor, Article, Claim, Count, Event, Link, Mention, Place, Span, TimeValue

TEXTS = [
    "Drones struck a fuel depot near Kirkuk on Monday, killing 4 guards, police said.",
    "Rockets hit an air base in Anbar late on Tuesday; officials said 11 soldiers were hurt.",
    "Protesters stormed a consulate gate in Basra on Friday after a week of strikes.",
]


def article(text: str, source: str = "a.txt") -> Article:
    """An Article for ``text`` with a content-hash id, as the reader makes them."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Article(doc_id="d_" + sha[:16], original=text, text=text, sources=[source],
                   text_sha256=sha, outlet="Test Wire", title=text[:20], published="2020-01-06",
                   published_precision="day", language="en")


def mention(art: Article, n: int = 0, trigger: str | None = None, **kw) -> Mention:
    """A mention on the first word (or ``trigger``) of the article, sentence = the whole text."""
    word = trigger or art.text.split()[0]
    s = art.text.index(word)
    place = Place(text="Kirkuk", name="Kirkuk", country="IRQ", admin1="Kirkuk", lat=35.47,
                  lon=44.39, precision="town", geonameid=94787)
    fields = dict(
        mention_id=f"m_{art.doc_id[2:10]}_{n}", doc_id=art.doc_id, type="ASSAULT",
        mode="drone", trigger=Span(s, s + len(word), word),
        sentence=Span(0, len(art.text), art.text),
        actor1=Actor(text="Drones", name="Unknown drone operators"), location=place,
        date=TimeValue(date="2020-01-06", precision="day"), killed=Count(low=4, best=4, high=4),
        claimant=Actor(text="police"),
    )
    fields.update(kw)
    return Mention(**fields)


def event(event_id: str, mentions: list[Mention], caused_by: list[str] = ()) -> Event:
    """An event over ``mentions`` with one claim per mention."""
    m0 = mentions[0]
    return Event(
        event_id=event_id, type=m0.type, mode=m0.mode,
        acled_event_type="Explosions/Remote violence", acled_sub_event_type="Air/drone strike",
        date="2020-01-06", date_precision="day", actor1=m0.actor1, location=m0.location,
        fatalities=Count(low=3, best=4, high=4), injured=None,
        claims=[Claim(claimant="police", killed=4, injured=None, doc_id=m.doc_id,
                      quote=m.sentence.text, start=m.sentence.start, end=m.sentence.end)
                for m in mentions],
        mentions=mentions, sources=list(dict.fromkeys(m.doc_id for m in mentions)),
        caused_by=[Link(cue="in retaliation for", quote="in retaliation for the raid",
                        doc_id=m0.doc_id, cause_event_id=c) for c in caused_by],
        confidence=0.8,
    )
