"""The event location vote: own-sentence places before borrowed ones, then precision."""

from warwire.merge.build import _location
from warwire.model import Mention, Place, Span


def _mention(n: int, sentence: tuple[int, int], place: Place) -> Mention:
    s, e = sentence
    return Mention(mention_id=f"d:m{n}", doc_id="d", type="ASSAULT", trigger=Span(s, s + 3, "hit"),
                   sentence=Span(s, e, "x" * (e - s)), location=place)


def test_a_place_from_the_mentions_own_sentence_beats_a_borrowed_site():
    own_country = Place(text="Iraq", start=30, end=34, country="IRQ", lat=33.0, lon=44.0,
                        precision="country")
    borrowed_site = Place(text="the embassy", start=5, end=16, country="IRQ", lat=33.3,
                          lon=44.4, precision="site")
    mentions = [_mention(0, (20, 60), own_country), _mention(1, (61, 90), borrowed_site)]
    assert _location(mentions).text == "Iraq"


def test_among_own_sentence_places_the_most_precise_wins():
    town = Place(text="Erbil", start=30, end=35, country="IRQ", lat=36.2, lon=44.0, precision="town")
    country = Place(text="Iraq", start=70, end=74, country="IRQ", lat=33.0, lon=44.0,
                    precision="country")
    mentions = [_mention(0, (20, 60), town), _mention(1, (61, 90), country)]
    assert _location(mentions).text == "Erbil"
