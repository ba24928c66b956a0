"""A small demo store for the web tests, written through the store API (fixtures are code).

Three invented articles (texts written for these tests; places are real, events are not):

- A (Northern Courier): a rocket attack on an air base near Erbil; air strikes near Al-Qaim "in
  retaliation for" it; an older clash in Sinjar; a threat (not an event).
- B (Valley Monitor, scraped badly: its title and text carry ``<script>`` and ``<img onerror>``,
  its URL is ``javascript:``):
  the same air strikes with a disagreeing casualty claim; a drone attack on a border post near
  Rabia "in response to" the strikes.
- C (Desert Wire): the drone attack again with other figures; a protest in Basra; arrests in a
  village that could not be placed (an event without coordinates).

Six events: rocket → air strikes → drone attack is the retaliation chain; the air strikes and the
drone attack each have claims that disagree.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from warwire.model import (
    Actor,
    Article,
    Claim,
    Count,
    Event,
    Link,
    Mention,
    Place,
    Span,
    TimeValue,
)
from warwire.store import open_store

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(2)">'
BAD_URL = "javascript:alert(3)"

TEXT_A = """Rocket attack on air base near Erbil; government answers with air strikes

By a staff reporter
5 March 2024

Three rockets struck the Harir air base north of Erbil on Sunday, killing two soldiers, the Defence Ministry said. No group claimed the attack, which hit a fuel depot.

On Monday the air force carried out air strikes on militia positions near Al-Qaim in retaliation for the rocket attack. The ministry said the strikes killed 12 fighters.

The militia vowed to strike back at government bases within days.

The strikes follow a clash in Sinjar on 20 February in which one fighter was killed.
"""

TEXT_B = f"""Strikes near Al-Qaim killed civilians, militia says {IMG}

Valley Monitor, 6 March 2024

Share this story {SCRIPT}

A militia spokesman said Monday's air strikes near Al-Qaim killed four civilians {SCRIPT} and wounded nine, contradicting the ministry's account.

On Wednesday militia drones attacked a border post near Rabia in response to the air strikes, the border guard command said. Three guards were wounded.
"""

TEXT_C = """Drone attack on border post wounded five, officials say

Desert Wire, 8 March 2024

Officials in Nineveh said five border guards were wounded when drones attacked a post near Rabia on Wednesday.

In Basra, hundreds of people protested on Thursday against the escalation, demanding that both sides stop.

Police arrested eleven men in a village outside the city on Thursday, a local official said.
"""


@dataclass
class DemoStore:
    """Where the demo store was written and the ids the tests look for."""

    path: Path
    doc_ids: dict[str, str] = field(default_factory=dict)
    event_ids: dict[str, str] = field(default_factory=dict)


def _span(text: str, phrase: str, after: str | None = None) -> Span:
    """The first occurrence of ``phrase`` in ``text`` (after ``after`` when given)."""
    base = text.index(after) if after else 0
    start = text.index(phrase, base)
    return Span(start, start + len(phrase), phrase)


def _sentence(text: str, inside: Span) -> Span:
    """The sentence around ``inside``: from after the previous '. ' or line break to the next '.'."""
    start = max(text.rfind(". ", 0, inside.start) + 2, text.rfind("\n", 0, inside.start) + 1)
    end = text.index(".", inside.end) + 1
    return Span(start, end, text[start:end])


def _article(doc_id: str, text: str, outlet: str, title: str, published: str, url: str) -> Article:
    return Article(
        doc_id=doc_id,
        url=url,
        original=text,
        text=text,
        outlet=outlet,
        title=title,
        published=published,
        published_precision="day",
        language="en",
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _place(name: str, country: str, lat: float | None, lon: float | None, admin1: str | None = None) -> Place:
    return Place(
        text=name, name=name, country=country, admin1=admin1, lat=lat, lon=lon,
        precision="town" if lat is not None else None, role="target",
    )


def _mention(mid: str, doc_id: str, text: str, etype: str, trigger: str, *, after: str | None = None,
             mode: str | None = None, modality: str = "asserted", **extra) -> Mention:  # type: ignore[no-untyped-def]
    trig = _span(text, trigger, after)
    return Mention(
        mention_id=mid, doc_id=doc_id, type=etype, mode=mode, trigger=trig,
        sentence=_sentence(text, trig), modality=modality, **extra,
    )


def build_demo_store(path: str | Path) -> DemoStore:
    """Write the demo store at ``path`` (a new file) and return its ids."""
    path = Path(path)
    demo = DemoStore(path=path, doc_ids={"A": "d_demo_a", "B": "d_demo_b", "C": "d_demo_c"})
    a, b, c = demo.doc_ids["A"], demo.doc_ids["B"], demo.doc_ids["C"]
    ministry = Actor(text="the Defence Ministry", name="Iraqi Defence Ministry", country="IRQ", sector="GOV")
    air_force = Actor(text="the air force", name="Iraqi Air Force", country="IRQ", sector="MIL")
    militia = Actor(text="militia", name="Valley Brigades militia", country="IRQ", sector="REB")
    guards = Actor(text="border guard", name="Iraqi Border Guards", country="IRQ", sector="MIL")
    erbil = _place("Erbil", "IRQ", 36.19, 44.01, "Erbil")
    qaim = _place("Al-Qaim", "IRQ", 34.37, 41.09, "Anbar")
    rabia = _place("Rabia", "IRQ", 36.80, 42.10, "Nineveh")
    basra = _place("Basra", "IRQ", 30.51, 47.78, "Basra")
    sinjar = _place("Sinjar", "IRQ", 36.32, 41.88, "Nineveh")
    village = _place("a village outside the city", "IRQ", None, None)

    def day(d: str) -> TimeValue:
        return TimeValue(date=d, precision="day")

    m = {
        "rocket_a": _mention("m_a1", a, TEXT_A, "ASSAULT", "struck", mode="heavy-weapons",
                             actor2=air_force, location=erbil, date=day("2024-03-03"),
                             killed=Count(best=2, low=2, high=2, text="two"), claimant=ministry),
        "strike_a": _mention("m_a2", a, TEXT_A, "ASSAULT", "air strikes", after="On Monday",
                             mode="aerial", actor1=air_force, actor2=militia, location=qaim,
                             date=day("2024-03-04")),
        "strike_a_toll": _mention("m_a3", a, TEXT_A, "ASSAULT", "killed", after="The ministry said",
                                  mode="aerial", actor1=air_force, location=qaim, date=day("2024-03-04"),
                                  killed=Count(best=12, low=12, high=12, text="12"), claimant=ministry),
        "threat_a": _mention("m_a4", a, TEXT_A, "THREATEN", "vowed", mode="violence",
                             modality="vowed", actor1=militia),
        "clash_a": _mention("m_a5", a, TEXT_A, "ASSAULT", "clash", mode="firearms", location=sinjar,
                            date=day("2024-02-20"), killed=Count(best=1, low=1, high=1, text="one")),
        "strike_b": _mention("m_b1", b, TEXT_B, "ASSAULT", "air strikes", after="A militia spokesman",
                             mode="aerial", actor1=air_force, location=qaim, date=day("2024-03-04"),
                             killed=Count(best=4, low=4, high=4, text="four"),
                             injured=Count(best=9, low=9, high=9, text="nine"),
                             claimant=Actor(text="A militia spokesman", name="militia spokesman")),
        "drone_b": _mention("m_b2", b, TEXT_B, "ASSAULT", "attacked", mode="drone", actor1=militia,
                            actor2=guards, location=rabia, date=day("2024-03-06"),
                            injured=Count(best=3, low=3, high=3, text="Three")),
        "drone_c": _mention("m_c1", c, TEXT_C, "ASSAULT", "attacked", mode="drone", actor2=guards,
                            location=rabia, date=day("2024-03-06"),
                            injured=Count(best=5, low=5, high=5, text="five"),
                            claimant=Actor(text="Officials in Nineveh", name="Nineveh officials")),
        "protest_c": _mention("m_c2", c, TEXT_C, "PROTEST", "protested", mode="demo",
                              actor1=Actor(text="hundreds of people", name="Protesters", sector="CVL"),
                              location=basra, date=day("2024-03-07")),
        "arrest_c": _mention("m_c3", c, TEXT_C, "COERCE", "arrested", mode="arrest",
                             actor1=Actor(text="Police", name="Iraqi Police", country="IRQ", sector="COP"),
                             location=village, date=day("2024-03-07")),
    }
    articles = [
        (_article(a, TEXT_A, "Northern Courier", "Rocket attack on air base near Erbil; government answers with air strikes", "2024-03-05",
                  "https://courier.example/erbil-rockets"),
         [m["rocket_a"], m["strike_a"], m["strike_a_toll"], m["threat_a"], m["clash_a"]]),
        (_article(b, TEXT_B, "Valley Monitor", f"Strikes near Al-Qaim killed civilians, militia says {IMG}", "2024-03-06",
                  BAD_URL),
         [m["strike_b"], m["drone_b"]]),
        (_article(c, TEXT_C, "Desert Wire", "Drone attack on border post wounded five, officials say", "2024-03-08",
                  "https://desert-wire.example/rabia"),
         [m["drone_c"], m["protest_c"], m["arrest_c"]]),
    ]

    def claim(mention: Mention, claimant: str | None) -> Claim:
        sentence = mention.sentence
        return Claim(
            claimant=claimant,
            killed=mention.killed.best if mention.killed else None,
            injured=mention.injured.best if mention.injured else None,
            doc_id=mention.doc_id, quote=sentence.text, start=sentence.start, end=sentence.end,
        )

    def link(cue: str, doc_text: str, doc_id: str, cause: str) -> Link:
        cue_span = _span(doc_text, cue)
        sentence = _sentence(doc_text, cue_span)
        return Link(cue=cue, quote=sentence.text, doc_id=doc_id, start=sentence.start,
                    end=sentence.end, cause_event_id=cause)

    ev = demo.event_ids
    ev.update({"rocket": "ev_demo_rocket", "strikes": "ev_demo_strikes", "drones": "ev_demo_drones",
               "protest": "ev_demo_protest", "arrests": "ev_demo_arrests", "clash": "ev_demo_clash"})
    events = [
        Event(ev["clash"], "ASSAULT", mode="firearms", acled_event_type="Battles",
              acled_sub_event_type="Armed clash", date="2024-02-20", date_precision="day",
              location=sinjar, fatalities=Count(1, 1, 1), mentions=[m["clash_a"]], sources=[a],
              confidence=0.6),
        Event(ev["rocket"], "ASSAULT", mode="heavy-weapons",
              acled_event_type="Explosions/Remote violence", acled_sub_event_type="Shelling/artillery/missile attack",
              date="2024-03-03", date_precision="day", actor2=air_force, location=erbil,
              fatalities=Count(2, 2, 2), claims=[claim(m["rocket_a"], "Defence Ministry")],
              mentions=[m["rocket_a"]], sources=[a], confidence=0.8),
        Event(ev["strikes"], "ASSAULT", mode="aerial", acled_event_type="Explosions/Remote violence",
              acled_sub_event_type="Air/drone strike", date="2024-03-04", date_precision="day",
              actor1=air_force, actor2=militia, location=qaim,
              fatalities=Count(low=4, best=4, high=12), injured=Count(low=9, best=9, high=9),
              claims=[claim(m["strike_a_toll"], "Defence Ministry"), claim(m["strike_b"], "militia spokesman")],
              mentions=[m["strike_a"], m["strike_a_toll"], m["strike_b"]], sources=[a, b],
              caused_by=[link("in retaliation for", TEXT_A, a, ev["rocket"])], confidence=0.9),
        Event(ev["drones"], "ASSAULT", mode="drone", acled_event_type="Explosions/Remote violence",
              acled_sub_event_type="Air/drone strike", date="2024-03-06", date_precision="day",
              actor1=militia, actor2=guards, location=rabia, injured=Count(low=3, best=3, high=5),
              claims=[claim(m["drone_b"], "border guard command"), claim(m["drone_c"], "Nineveh officials")],
              mentions=[m["drone_b"], m["drone_c"]], sources=[b, c],
              caused_by=[link("in response to", TEXT_B, b, ev["strikes"])], confidence=0.85),
        Event(ev["protest"], "PROTEST", mode="demo", acled_event_type="Protests",
              acled_sub_event_type="Peaceful protest", date="2024-03-07", date_precision="day",
              actor1=m["protest_c"].actor1, location=basra, mentions=[m["protest_c"]], sources=[c],
              confidence=0.7),
        Event(ev["arrests"], "COERCE", mode="arrest", acled_event_type="Strategic developments",
              acled_sub_event_type="Arrests", date="2024-03-07", date_precision="day",
              actor1=m["arrest_c"].actor1, location=village, mentions=[m["arrest_c"]], sources=[c],
              confidence=0.6),
    ]
    store = open_store(path)
    try:
        for article, mentions in articles:
            store.save_document(article, mentions, f"demo/{article.doc_id}.txt")
        store.replace_events(events)
    finally:
        store.close()
    return demo


if __name__ == "__main__":  # pragma: no cover - write a demo store by hand: python fixture_store.py out.db
    import sys

    print(build_demo_store(sys.argv[1]).path)
