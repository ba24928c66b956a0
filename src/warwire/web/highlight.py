"""Source quotes in their paragraph, and the escaped HTML that highlights them.

Article text is untrusted input (it comes from the web). Nothing here ever marks article text as
safe: every piece of it passes through :func:`markupsafe.escape` and only the ``<mark>`` tags we
write ourselves are trusted. The plain (unhighlighted) structures are what the JSON twins return.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

#: A paragraph longer than this is cut to a window around the quote, so one wall-of-text article
#: (no blank lines at all) does not fill the event page. 1,200 characters is about two screen
#: paragraphs, enough context to judge the quote.
MAX_PARAGRAPH_CHARS = 1200

#: Characters kept on each side of the quote when a paragraph is cut.
CONTEXT_CHARS = 450

ELLIPSIS = "…"

#: A line longer than this is running prose, not hard-wrapped text (hard wraps sit at 60–80).
HARD_WRAP_WIDTH = 100

#: A text in which fewer than this share of its lines are longer than HARD_WRAP_WIDTH is taken
#: as hard-wrapped: its paragraphs are separated by blank lines, not by line breaks.
HARD_WRAPPED_SHARE = 0.1


@dataclass
class Passage:
    """A stretch of a document's original text around a quote, with offsets into the original.

    ``quote_*`` is the sentence (or claim quote) that reports the event and ``trigger_*`` the
    word(s) that name it; either may be ``None``. All offsets index the document's original text.
    """

    doc_id: str
    start: int
    end: int
    text: str
    quote_start: int | None = None
    quote_end: int | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None
    cut_before: bool = False
    cut_after: bool = False

    def to_dict(self) -> dict:
        """JSON form (plain text, no HTML)."""
        return {
            "doc_id": self.doc_id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "quote": _span_dict(self.quote_start, self.quote_end, self.start, self.text),
            "trigger": _span_dict(self.trigger_start, self.trigger_end, self.start, self.text),
            "cut_before": self.cut_before,
            "cut_after": self.cut_after,
        }

    @classmethod
    def from_dict(cls, data: dict) -> Passage:
        """Read back :meth:`to_dict`."""
        quote, trigger = data.get("quote") or {}, data.get("trigger") or {}
        return cls(
            doc_id=data["doc_id"],
            start=data["start"],
            end=data["end"],
            text=data["text"],
            quote_start=quote.get("start"),
            quote_end=quote.get("end"),
            trigger_start=trigger.get("start"),
            trigger_end=trigger.get("end"),
            cut_before=bool(data.get("cut_before")),
            cut_after=bool(data.get("cut_after")),
        )


def _span_dict(start: int | None, end: int | None, base: int, text: str) -> dict | None:
    if start is None or end is None:
        return None
    return {"start": start, "end": end, "text": text[start - base : end - base]}


def paragraph_bounds(original: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph of ``original`` that contains ``[start, end)``.

    Every line is a paragraph (news copy puts one paragraph per line, with or without blank lines
    between), except in hard-wrapped text, where paragraphs are separated by blank lines. A span
    that crosses a paragraph break (a page-break repair) gets the union of the paragraphs it
    touches.
    """
    sep = "\n\n" if _hard_wrapped(original) else "\n"
    para_start = original.rfind(sep, 0, start)
    para_start = 0 if para_start < 0 else para_start + len(sep)
    para_end = original.find(sep, max(end, para_start))
    para_end = len(original) if para_end < 0 else para_end
    # Trim surrounding whitespace without moving past the quote.
    while para_start < start and original[para_start].isspace():
        para_start += 1
    while para_end > end and original[para_end - 1].isspace():
        para_end -= 1
    return para_start, para_end


def _hard_wrapped(original: str) -> bool:
    """True when the text has blank lines and almost no long lines (it was wrapped by width)."""
    if "\n\n" not in original:
        return False
    lines = [line for line in original.split("\n") if line.strip()]
    long_lines = sum(1 for line in lines if len(line) > HARD_WRAP_WIDTH)
    return long_lines < HARD_WRAPPED_SHARE * len(lines)


def passage(
    doc_id: str,
    original: str,
    quote: tuple[int, int] | None,
    trigger: tuple[int, int] | None = None,
) -> Passage | None:
    """The paragraph around ``quote`` (and ``trigger``), cut to :data:`MAX_PARAGRAPH_CHARS`.

    Offsets that do not fit the text (a store written by an older version) are dropped rather
    than shown at the wrong place; returns ``None`` when nothing valid is left.
    """
    quote = _valid(quote, original)
    trigger = _valid(trigger, original)
    anchor = quote or trigger
    if anchor is None:
        return None
    lo = min(x[0] for x in (quote, trigger) if x is not None)
    hi = max(x[1] for x in (quote, trigger) if x is not None)
    start, end = paragraph_bounds(original, lo, hi)
    cut_before = cut_after = False
    if end - start > MAX_PARAGRAPH_CHARS:
        if lo - CONTEXT_CHARS > start:
            start, cut_before = _word_start(original, lo - CONTEXT_CHARS), True
        if hi + CONTEXT_CHARS < end:
            end, cut_after = _word_end(original, hi + CONTEXT_CHARS), True
    return Passage(
        doc_id=doc_id,
        start=start,
        end=end,
        text=original[start:end],
        quote_start=quote[0] if quote else None,
        quote_end=quote[1] if quote else None,
        trigger_start=trigger[0] if trigger else None,
        trigger_end=trigger[1] if trigger else None,
        cut_before=cut_before,
        cut_after=cut_after,
    )


def _valid(span: tuple[int, int] | None, original: str) -> tuple[int, int] | None:
    if span is None or span[0] is None or span[1] is None:
        return None
    s, e = int(span[0]), int(span[1])
    if 0 <= s < e <= len(original):
        return s, e
    return None


def _word_start(text: str, index: int) -> int:
    """Move ``index`` forward to the start of the next word (cuts never split a word)."""
    while index < len(text) and not text[index - 1].isspace():
        index += 1
    return index


def _word_end(text: str, index: int) -> int:
    """Move ``index`` back to the end of the previous word."""
    while index > 0 and not text[index].isspace():
        index -= 1
    return index


def highlight(p: Passage) -> Markup:
    """HTML of a passage: the quote in ``<mark class="quote">`` with the trigger in a nested
    ``<mark class="trigger">``; every piece of article text escaped."""
    spans = [
        (s, e, cls)
        for s, e, cls in (
            (p.quote_start, p.quote_end, "quote"),
            (p.trigger_start, p.trigger_end, "trigger"),
        )
        if s is not None and e is not None
    ]
    body = _render(p.text, p.start, p.start, p.end, spans)
    return Markup("").join(
        [Markup(ELLIPSIS) if p.cut_before else Markup(""), body, Markup(ELLIPSIS) if p.cut_after else Markup("")]
    )


def _render(text: str, base: int, start: int, end: int, spans: list[tuple[int, int, str]]) -> Markup:
    """Escaped ``text[start:end]`` (offsets relative to ``base``) with ``spans`` wrapped in
    ``<mark>``; a span inside another is nested, one that overlaps a previous one is clipped."""
    spans = sorted(
        ((max(s, start), min(e, end), cls) for s, e, cls in spans if s < end and e > start),
        key=lambda x: (x[0], -x[1]),
    )
    out: list[Markup] = []
    pos = start
    while spans:
        s, e, cls = spans.pop(0)
        if s < pos:
            s = pos
        if s >= e:
            continue
        inner = [x for x in spans if x[0] >= s and x[1] <= e]
        spans = [(max(x[0], e), x[1], x[2]) for x in spans if x not in inner and x[1] > e]
        out.append(escape(text[pos - base : s - base]))
        out.append(Markup('<mark class="{}">{}</mark>').format(cls, _render(text, base, s, e, inner)))
        pos = e
    out.append(escape(text[pos - base : end - base]))
    return Markup("").join(out)
