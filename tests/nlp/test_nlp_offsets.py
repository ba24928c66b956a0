"""original_token_spans gives what article.to_original gives, token by token."""

from __future__ import annotations

from warwire.model import Article, OffsetMap
from warwire.nlp.offsets import original_token_spans


def _expected(doc, article):  # type: ignore[no-untyped-def]
    spans = [article.to_original(t.idx, t.idx + len(t)) for t in doc]
    return [s for s, _ in spans], [e for _, e in spans]


def test_spans_with_removed_text(nlp):
    original = "Rockets hit -- PAGE 2 -- the base on Monday.\n\nNo one was hurt."
    text = "Rockets hit the base on Monday.\n\nNo one was hurt."
    # clean "the base…" starts at 12; in the original it starts at 25
    article = Article("t", original, text, offset_map=OffsetMap([(0, 0), (12, 25)]))
    doc = nlp(text)
    got = original_token_spans(doc, article)
    assert (got.starts, got.ends) == _expected(doc, article)
    i = next(t.i for t in doc if t.text == "Monday")
    assert original[got.starts[i]:got.ends[i]] == "Monday"


def test_spans_identity_and_empty(nlp):
    text = "Jets struck a convoy."
    article = Article("t", text, text)
    doc = nlp(text)
    got = original_token_spans(doc, article)
    assert (got.starts, got.ends) == _expected(doc, article)
    empty = original_token_spans(nlp(""), Article("e", "", ""))
    assert (empty.starts, empty.ends) == ([], [])


def test_offset_map_to_clean_inverts_to_original():
    # clean "Headline. Body text" from original "Headline.\nBY A WRITER\nBody text": 12 chars dropped
    om = OffsetMap([(0, 0), (10, 22)])
    assert [om.to_clean(om.to_original(i), 19) for i in range(19)] == list(range(19))
    assert om.to_clean(14, 19) == 10  # inside the dropped byline: the next kept character
