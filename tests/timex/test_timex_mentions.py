"""Event dates of mentions: attached time words, sentence, paragraph, publication date."""

from __future__ import annotations

from warwire.model import Article, Mention, OffsetMap, Span, TimeValue
from warwire.timex import date_mentions
from warwire.timex.mentions import _attached, _TokenIndex


def _article(body: str, header: str = "", published: str | None = "2020-01-03") -> Article:
    """An article whose original text has ``header`` before the clean ``body``."""
    return Article(doc_id="d1", original=header + body, text=body,
                   offset_map=OffsetMap([(0, len(header))]), published=published)


def _mention(article: Article, trigger: str, sentence: str | None = None) -> Mention:
    s = article.original.index(trigger)
    sent = sentence or trigger
    s0 = article.original.index(sent)
    return Mention(mention_id="m1", doc_id=article.doc_id, type="ASSAULT",
                   trigger=Span(s, s + len(trigger), trigger),
                   sentence=Span(s0, s0 + len(sent), sent))


def test_date_from_the_sentence_with_original_offsets():
    body = "Militants stormed the embassy on Tuesday. Officials condemned it."
    art = _article(body, header="SITE NAME\n\n")
    m = _mention(art, "stormed", "Militants stormed the embassy on Tuesday.")
    date_mentions(art, None, [m])
    assert (m.date.date, m.date.precision, m.date.fallback) == ("2019-12-31", "day", False)
    assert art.original[m.date.start:m.date.end] == "Tuesday"


def test_attached_time_words_are_resolved_first():
    body = "On Thursday the agency said a rocket hit the base on Wednesday."
    art = _article(body)
    m = _mention(art, "hit", body)
    th, w = art.original.index("Thursday"), art.original.index("Wednesday")
    m.times = [TimeValue(text="Thursday", start=th, end=th + 8),
               TimeValue(text="Wednesday", start=w, end=w + 9)]
    date_mentions(art, None, [m])
    assert m.date.date == "2020-01-01"  # the one nearest the trigger
    assert [t.value for t in m.times] == ["2020-01-02", "2020-01-01"]  # both resolved


def test_a_date_after_a_speech_verb_is_the_statement_date():
    body = "The ministry said Thursday that rockets struck the airport overnight."
    art = _article(body)
    m = _mention(art, "struck", body)
    date_mentions(art, None, [m])
    assert (m.date.date, m.date.precision) == ("2020-01-02/2020-01-03", "range")


def test_paragraph_then_publication_date_fallback():
    body = ("Five soldiers died in clashes last month.\n\nThe fighting displaced thousands.\n\n"
            "Another convoy was hit.")
    art = _article(body)
    in_paragraph = _mention(art, "clashes", "Five soldiers died in clashes last month.")
    fallback = _mention(art, "hit", "Another convoy was hit.")
    date_mentions(art, None, [in_paragraph, fallback])
    assert (in_paragraph.date.date, in_paragraph.date.precision) == ("2019-12", "month")
    assert (fallback.date.date, fallback.date.precision, fallback.date.fallback) == (
        "2020-01", "month", True)


def test_no_publication_date_and_no_time_words_leaves_no_date():
    art = _article("A convoy was hit.", published=None)
    m = _mention(art, "hit", "A convoy was hit.")
    date_mentions(art, None, [m])
    assert m.date is None


def test_with_a_parse_the_attached_expression_wins(nlp):
    body = "The attack on Wednesday was condemned by the ministry."
    art = _article(body)
    doc = nlp(body)
    m = _mention(art, "attack", body)
    wednesday = body.index("Wednesday")
    assert _attached(_TokenIndex(doc, art), m, [TimeValue(text="Wednesday", start=wednesday,
                                             end=wednesday + 9)]) == {0}
    date_mentions(art, doc, [m])
    assert m.date.date == "2020-01-01"
