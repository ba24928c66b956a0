"""A mention does not take a date that belongs to another act of its sentence."""

from __future__ import annotations

from warwire.model import Article, Mention, Span
from warwire.timex import date_mentions


def _mention(article: Article, mid: str, trigger: str, sentence: str) -> Mention:
    s = article.original.index(trigger)
    s0 = article.original.index(sentence)
    return Mention(mention_id=mid, doc_id=article.doc_id, type="ASSAULT",
                   trigger=Span(s, s + len(trigger), trigger),
                   sentence=Span(s0, s0 + len(sentence), sentence))


def test_a_date_inside_another_noun_phrase_does_not_date_the_mention(nlp):
    body = "Crowds besieged the consulate, angered by the March 3 air strikes on the port."
    art = Article(doc_id="d1", original=body, text=body, published="2021-03-12")
    siege = _mention(art, "m1", "besieged", body)
    date_mentions(art, nlp(body), [siege])
    assert siege.date is not None and siege.date.fallback  # not March 3: that is the strikes' date


def test_a_date_governing_another_act_does_not_date_the_mention(nlp):
    body = ("Jets conducted strikes last night on the militants it blamed for the recent attack "
            "on a convoy.")
    art = Article(doc_id="d1", original=body, text=body, published="2021-03-12")
    strikes = _mention(art, "m1", "strikes", body)
    attack = _mention(art, "m2", "attack", body)
    date_mentions(art, nlp(body), [strikes, attack])
    assert strikes.date.date == "2021-03-11"
    assert attack.date is None or attack.date.date != "2021-03-11"


def test_follows_uses_the_date_of_the_followed_act_with_a_parse(nlp):
    body = "The curfew follows Monday's riot at the prison."
    art = Article(doc_id="d1", original=body, text=body, published="2021-03-12")
    curfew = _mention(art, "m1", "curfew", body)
    date_mentions(art, nlp(body), [curfew])
    assert (curfew.date.date, curfew.date.basis) == ("2021-03-08/2021-03-12", "follows")
