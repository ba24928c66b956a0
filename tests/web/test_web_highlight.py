"""Quotes in their paragraph, and the escaped HTML that highlights them."""

from __future__ import annotations

from warwire.web.highlight import (
    CONTEXT_CHARS,
    MAX_PARAGRAPH_CHARS,
    Passage,
    highlight,
    paragraph_bounds,
    passage,
)

TEXT = "Headline\n\nFirst paragraph. Rockets hit the base. More.\n\nSecond paragraph here.\n"


def test_web_paragraph_bounds_blank_lines():
    start = TEXT.index("Rockets")
    s, e = paragraph_bounds(TEXT, start, start + 7)
    assert TEXT[s:e] == "First paragraph. Rockets hit the base. More."


def test_web_paragraph_bounds_hard_wrapped_text_uses_blank_lines():
    text = "Title\n\nThe first line of a wrapped\nparagraph that goes on here.\n\nNext one.\n"
    start = text.index("goes")
    s, e = paragraph_bounds(text, start, start + 4)
    assert text[s:e] == "The first line of a wrapped\nparagraph that goes on here."


def test_web_paragraph_bounds_one_paragraph_per_line():
    long = "x" * 150
    text = f"Title\n\n{long} one.\n{long} the quote.\n{long} three.\n"
    start = text.index("the quote")
    s, e = paragraph_bounds(text, start, start + 9)
    assert text[s:e] == f"{long} the quote."


def test_web_paragraph_bounds_single_lines_when_no_blank_line():
    text = "one line\nthe quote is here\nlast line"
    start = text.index("quote")
    s, e = paragraph_bounds(text, start, start + 5)
    assert text[s:e] == "the quote is here"


def test_web_passage_marks_quote_with_nested_trigger():
    q0 = TEXT.index("Rockets")
    q1 = TEXT.index("base.") + 5
    t0 = TEXT.index("hit")
    p = passage("d_1", TEXT, (q0, q1), (t0, t0 + 3))
    assert p is not None and p.text == "First paragraph. Rockets hit the base. More."
    html = str(highlight(p))
    assert html == (
        'First paragraph. <mark class="quote">Rockets <mark class="trigger">hit</mark> the base.'
        "</mark> More."
    )
    d = p.to_dict()
    assert d["quote"]["text"] == "Rockets hit the base."
    assert d["trigger"]["text"] == "hit"
    assert Passage.from_dict(d) == p


def test_web_highlight_escapes_every_piece_of_article_text():
    text = 'Before <script>alert(1)</script> the <img src=x onerror="alert(2)"> strike & after.'
    t0 = text.index("strike")
    p = passage("d_x", text, (0, len(text)), (t0, t0 + 6))
    html = str(highlight(p))
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;alert(2)&#34;&gt;" in html
    assert "&amp; after" in html
    assert '<mark class="trigger">strike</mark>' in html


def test_web_trigger_outside_quote_and_overlaps():
    text = "Alpha beta gamma delta."
    p = passage("d", text, (0, 10), (6, 16))  # trigger overlaps the end of the quote
    html = str(highlight(p))
    assert html.count("<mark") == html.count("</mark>")
    # The overlapping trigger is clipped to what follows the quote: tags never interleave.
    assert html == '<mark class="quote">Alpha beta</mark><mark class="trigger"> gamma</mark> delta.'


def test_web_long_paragraph_is_cut_around_the_quote():
    words = ("word " * 600).strip()
    text = words + " THE QUOTE " + words
    q0 = text.index("THE QUOTE")
    p = passage("d", text, (q0, q0 + 9))
    assert p.cut_before and p.cut_after
    assert len(p.text) <= 2 * CONTEXT_CHARS + 9 + 20
    assert len(text) > MAX_PARAGRAPH_CHARS
    assert "THE QUOTE" in p.text and not p.text.startswith(" ")
    assert str(highlight(p)).startswith("…") and str(highlight(p)).endswith("…")


def test_web_bad_offsets_are_dropped_not_shown_wrong():
    assert passage("d", "short", (3, 99)) is None
    assert passage("d", "short", (None, None), None) is None
    p = passage("d", "short text", (90, 99), (0, 5))
    assert p is not None and p.quote_start is None and p.trigger_end == 5
