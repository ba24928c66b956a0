"""Cleaning as a mechanism: classify every line of an article by position, shape and content.

Each line becomes a :class:`~warwire.model.Block` of one kind — headline, byline, dateline, deck,
body, source-line or boilerplate — with the reason for the decision. The decision uses, in order:

1. **corpus repetition** — a line seen in many documents of the batch is a template (masthead,
   footer), whatever it says (``IngestOptions.line_frequencies``);
2. **position** — the body runs from the first to the last *body-like* line (a sentence of some
   length in the document's language, without links). Above it is the header: dateline, byline,
   the headline nearest the body, decks between them and the body; whatever is above those is the
   site header. Below it is the footer, where only full sentences stay body;
3. **link density and furniture words** — URLs, e-mail, short links, "contact", "subscribe"…;
4. **repetition inside the document** — a short line (highlight bullet, deck, pull quote) most
   of whose word 3-grams occur in longer body lines is a repeat: the body occurrence is kept;
5. **language** — lines in another language than the body's stay in ``blocks`` with their
   language, out of the NLP text;
6. **shape** — length, final punctuation, bullets, a short label line heading a removed box.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from . import language as lang_mod
from .dates import DateMatch, SourceLine, find_dates, parse_date_line, parse_source_line
from .lines import (
    FURNITURE, LINK, Line, ends_sentence, has_bullet, norm,
    split_lines, strip_bullet,
)


#: A body-like line has at least this many words and ends a sentence (shorter sentences exist in
#: bodies, but a header or footer line this long *and* punctuated is rare).
BODY_MIN_WORDS = 8
#: ... or is this long whatever its punctuation (a paragraph whose final stop was lost).
BODY_LONG_WORDS = 25
#: Headlines are short: longer "title-like" lines above the body are decks or teasers.
HEADLINE_MAX_WORDS = 30
#: A line that is mostly links (by characters) is navigation or a footer even in the body.
MAX_LINK_SHARE = 0.3
#: Lines up to this long may be dropped as repeats of the body (highlight boxes, decks, pull
#: quotes); longer ones are paragraphs in their own right.
REPEAT_MAX_WORDS = 80
#: Word 3-grams compare a box or deck with the body: they survive light rewording ("Deir Ezzor is
#: a strategically important" vs "Deir Ez-Zor is a strategic") while independent sentences of one
#: article share almost none. On the seeds repeats score 0.7–1.0 and real paragraphs ≤ 0.2.
REPEAT_GRAM = 3
#: Share of a line's 3-grams found in longer body lines above which the line is a repeat.
REPEAT_MIN_CONTAINMENT = 0.5
#: Lines with fewer 3-grams than this are too short to prove a repeat ("He said so.").
REPEAT_MIN_GRAMS = 3
#: Latin-script lines of fewer words get no language of their own: lingua calls "By Olena
#: Marchenko" German and a short link Spanish, and a wrong "foreign" would drop a body line.
#: Other scripts are told apart reliably even in two words.
MIN_LANGUAGE_WORDS = 6
#: When more than this share of a document's long lines are frequent in the batch, the
#: document is a syndicated copy and the corpus table is ignored for it (else its whole body
#: would count as template).
SYNDICATED_SHARE = 0.5
#: A box label ("HIGHLIGHTS", "Read also") has at most this many words.
LABEL_MAX_WORDS = 3

_BYLINE = re.compile(r"^(?:by|written\s+by|words\s+by|reporting\s+by|von|par|por)\s+(?P<who>.+)$", re.I)
_STAFF_BYLINE = re.compile(
    r"\b(?:staff|correspondents?|reporters?|news\s+desk|bureau|agencies|wire\s+services?)$", re.I
)
#: Words of section labels and outlet names that title case makes look like a person's name.
_NOT_NAME_WORDS = frozenset(
    """news world live politics opinion middle east west north south business sport sports home
    latest breaking video analysis features feature region international national local edition
    english service desk staff today daily weekly times post herald gazette tribune observer wire
    press agency online media network report reports update updates""".split()
)
_CREDIT_LINE = re.compile(r"^(?:reporting|writing|written|additional\s+reporting)\s+by\s+(?P<who>[^;|]+)", re.I)
_NAME_PARTICLES = frozenset("van von der den de del della da dos du la le al el bin ibn abu ben st".split())
_MASTHEAD_NOISE = re.compile(r"\s+(?:banner|logo|header|masthead|home(?:page)?)$", re.I)
_NON_PERSON = frozenset("our a an the staff correspondent reporter reporters editor agencies wire".split())


@dataclass
class Structure:
    """What the cleaner found: classified lines and the header/footer elements."""

    lines: list[Line]
    language: str | None
    headline: Line | None = None
    byline: Line | None = None
    author: str | None = None
    author_text: str | None = None
    dateline: DateMatch | None = None
    dateline_line: Line | None = None
    source_line: SourceLine | None = None
    outlet_hints: list[str] = field(default_factory=list)


def is_person_name(text: str) -> bool:
    """True for "Bill Van Auken", "Nasser al-Kanaani": 2–5 capitalised words or name particles."""
    words = text.replace(",", " ").split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    caps = 0
    for w in words:
        core = w.strip(".")
        if core.lower() in _NOT_NAME_WORDS:
            return False
        if core.lower() in _NAME_PARTICLES or core.lower().split("-")[0] in _NAME_PARTICLES:
            continue
        if not core[:1].isupper() or not core.replace("-", "").replace("'", "").isalpha():
            return False
        caps += 1
    return caps >= 2 and not text.isupper()


def _names_only(text: str) -> bool:
    """True for "Jane Roe, John Doe" / "Jane Roe and John Doe": two or more person names."""
    parts = [p for p in re.split(r"\s*,\s*|\s+and\s+|\s*&\s*", text.strip()) if p]
    return len(parts) >= 2 and all(is_person_name(p) for p in parts)


def author_from_byline(who: str) -> str | None:
    """The person named by a byline's "who" part, or None ("our Arab Affairs correspondent")."""
    who = re.split(r"\s*(?:[,|/–—]|\bin\b|\bfor\b)\s*", who.strip())[0]
    first = who.split()[0].lower() if who.split() else ""
    if first in _NON_PERSON:
        return None
    names = [n.strip() for n in re.split(r"\s+and\s+|\s*&\s*", who)]
    if names and all(is_person_name(n) or (len(n.split()) == 1 and n[:1].isupper()) for n in names):
        return " and ".join(names) if all(is_person_name(n) for n in names) else None
    return None


def _grams(text: str) -> set[tuple[str, ...]]:
    words = norm(strip_bullet(text)).split()
    return {tuple(words[i : i + REPEAT_GRAM]) for i in range(len(words) - REPEAT_GRAM + 1)}


#: What every alternative of ``LINK`` contains (a scheme's "://", "www.", "@", "<", "[", or a
#: dot before one of its top-level domains): a line without any of these has no link, and the
#: full pattern (slow: it tries an address or a domain at every word) need not run over it.
#: Case-insensitive like ``LINK``; a dot before any word ("U.S.", "3.5") is not enough.
_LINK_HINT = re.compile(
    r"://|www\.|[@<\[]|\.(?:com|org|net|news|info|io|co|uk|ir|af|gov|edu|int|tv|me)\b", re.I
)


def _is_link_line(line: Line) -> bool:
    text = line.text
    if not _LINK_HINT.search(text):
        return False
    spans = [len(m.group(0)) for m in LINK.finditer(text)]  # one scan: share and presence
    return sum(spans) / max(1, len(text)) > MAX_LINK_SHARE or (
        bool(spans) and line.words < BODY_MIN_WORDS
    )


def _is_furniture(line: Line) -> bool:
    return bool(FURNITURE.search(line.text)) and (
        not ends_sentence(line.text) or line.words < BODY_MIN_WORDS * 2
    )


def _title_like(line: Line) -> bool:
    return (
        1 <= line.words <= HEADLINE_MAX_WORDS
        and not has_bullet(line.text)
        and not line.text.endswith((".", ":", ";", ","))
        and lang_mod.letters(line.text) >= 3
    )


def _is_label(line: Line) -> bool:
    return line.words <= LABEL_MAX_WORDS and not ends_sentence(line.text) and not has_bullet(line.text)


def _mark(line: Line, kind: str, reason: str | None, keep: bool) -> None:
    line.kind, line.reason, line.keep = kind, reason, keep


class _Classifier:
    """One document's classification (state for the passes of :func:`classify`)."""

    def __init__(self, text: str, languages: tuple[str, ...], freq: Mapping[str, int] | None,
                 min_repeats: int, day_first: bool | None):
        self.text = text
        self.languages = languages
        self.freq = freq or {}
        self.min_repeats = min_repeats
        self.day_first = day_first
        self.lines = split_lines(text)
        # Per-line answers asked for by several passes (header, body, footer), computed once.
        self._norms: dict[int, str] = {}  # line index → norm(text), filled by _frequent
        self._links: dict[int, bool] = {}  # line index → _is_link_line
        self._furnitures: dict[int, bool] = {}  # line index → _is_furniture
        self.doc_language = self._document_language()
        english = self.doc_language == "en" and "en" in languages
        for line in self.lines:
            # Names, links and two-word labels give lingua nothing to go on, unless the script
            # itself tells (Persian, Arabic, Cyrillic…).
            if line.words >= MIN_LANGUAGE_WORDS or lang_mod.latin_share(line.text) < 0.5:
                if english and lang_mod.looks_english(line.text):
                    line.language = "en"
                else:
                    line.language = lang_mod.detect(LINK.sub(" ", line.text), languages)
        if self.freq and self._syndicated():
            self.freq = {}

    def _syndicated(self) -> bool:
        """True when most long lines are frequent in the batch: this document is one of several
        copies of a wire story (republication detection deals with it), not a template user."""
        long_lines = [ln for ln in self.lines if ln.words >= BODY_MIN_WORDS]
        frequent = [ln for ln in long_lines if self._frequent(ln) >= self.min_repeats]
        return bool(long_lines) and len(frequent) > SYNDICATED_SHARE * len(long_lines)

    def _document_language(self) -> str | None:
        long_lines = sorted(self.lines, key=lambda ln: -ln.words)[:12]
        sample = " ".join(ln.text for ln in long_lines if ln.words >= BODY_MIN_WORDS)[:3000]
        if not sample:
            return None
        # English prose is told by its function words at no cost; lingua (and loading its
        # models, seconds on first use) is kept for text that is not plainly English.
        if "en" in self.languages and lang_mod.looks_english(sample):
            return "en"
        return lang_mod.detect(sample, self.languages)

    def _foreign(self, line: Line) -> bool:
        return line.language is not None and self.doc_language is not None and (
            line.language != self.doc_language
        )

    def _link(self, line: Line) -> bool:
        if line.index not in self._links:
            self._links[line.index] = _is_link_line(line)
        return self._links[line.index]

    def _furniture(self, line: Line) -> bool:
        if line.index not in self._furnitures:
            self._furnitures[line.index] = _is_furniture(line)
        return self._furnitures[line.index]

    def _frequent(self, line: Line) -> int:
        if not self.freq:
            return 0
        key = self._norms.get(line.index)
        if key is None:  # asked for by several passes: normalise each line once
            key = self._norms[line.index] = norm(line.text)
        return self.freq.get(key, 0)

    def _body_like(self, line: Line) -> bool:
        if self._link(line) or self._foreign(line) or self._frequent(line) >= self.min_repeats:
            return False
        if self._furniture(line) or has_bullet(line.text):
            return False  # a list item or box bullet does not open or close the body
        return (line.words >= BODY_MIN_WORDS and ends_sentence(line.text)) or (
            line.words >= BODY_LONG_WORDS
        )

    def run(self) -> Structure:
        st = Structure(self.lines, self.doc_language)
        body_idx = [ln.index for ln in self.lines if self._body_like(ln)]
        if not body_idx:  # a note or a headline alone: keep what is not furniture
            for ln in self.lines:
                self._middle(ln, st)
            return st
        first, last = body_idx[0], body_idx[-1]
        self._header(self.lines[:first], st)
        for ln in self.lines[first : last + 1]:
            self._middle(ln, st)
        self._repeats(self.lines[: last + 1])
        self._labels(self.lines[first : last + 1])
        self._footer(self.lines[last + 1 :], st)
        return st

    # -- the header: everything above the first body-like line ---------------------------
    def _header(self, header: list[Line], st: Structure) -> None:
        for ln in header:
            d = parse_date_line(ln.text, self.day_first)
            if d is not None:
                _mark(ln, "dateline", "a date alone on a line", False)
                if st.dateline is None:
                    st.dateline, st.dateline_line = d, ln
                continue
            m = _BYLINE.match(ln.text)
            if m and ln.words <= 16 and not ends_sentence(ln.text):
                _mark(ln, "byline", "starts with 'by'", False)
                self._set_author(st, ln, m.group("who"))
                dates = find_dates(ln.text, self.day_first)  # "By Jane Roe | January 3, 2020"
                if dates and st.dateline is None:
                    st.dateline, st.dateline_line = dates[0], ln
            elif _STAFF_BYLINE.search(ln.text) and ln.words <= 6 and not ends_sentence(ln.text):
                _mark(ln, "byline", "names a staff desk or correspondent", False)
                self._set_author(st, ln, ln.text)
        for i, ln in enumerate(header):  # a bare name next to the dateline is a byline
            if ln.kind != "body" or not is_person_name(ln.text):
                continue
            near = [header[j] for j in (i - 1, i + 1) if 0 <= j < len(header)]
            if any(n.kind == "dateline" for n in near):
                _mark(ln, "byline", "a name beside the dateline", False)
                self._set_author(st, ln, ln.text)
        stop = len(header)
        decks: list[Line] = []
        for ln in reversed(header):  # from the body upwards: decks, then the headline
            if ln.kind in ("dateline", "byline"):
                stop = ln.index - header[0].index
                continue
            if self._frequent(ln) >= self.min_repeats or self._link(ln) or self._foreign(ln):
                break
            if st.headline is None and self._furniture(ln):  # "3 min read", "Skip to content"
                _mark(ln, "boilerplate", "site furniture between the headline and the body", False)
                continue
            if st.headline is None and _names_only(ln.text):  # "Jane Roe, John Doe"
                _mark(ln, "byline", "names between the headline and the body", False)
                self._set_author(st, ln, ln.text.replace(",", " and "))
                stop = ln.index - header[0].index
                continue
            if st.headline is None and (has_bullet(ln.text) or ends_sentence(ln.text)):
                _mark(ln, "deck", "between the headline and the body", True)
                decks.append(ln)
                stop = ln.index - header[0].index
                continue
            if _is_label(ln) and decks and all(has_bullet(d.text) for d in decks):
                # "KEY POINTS" over bullets: a highlight box, not a headline with decks
                _mark(ln, "boilerplate", "label of a highlight box", False)
                for d in decks:
                    _mark(d, "boilerplate", "highlight box above the body", False)
                decks = []
                stop = ln.index - header[0].index
                continue
            if st.headline is None and _title_like(ln) and not self._furniture(ln):
                _mark(ln, "headline", "title-like line nearest the body", True)
                st.headline = ln
                stop = ln.index - header[0].index
            break
        for ln in header[:stop]:
            if ln.kind == "body":
                _mark(ln, "boilerplate", self._header_reason(ln), False)
        for ln in header:
            if ln.kind == "boilerplate":
                st.outlet_hints.extend(_outlet_hints(ln, masthead=ln.index == 0))

    def _header_reason(self, ln: Line) -> str:
        if self._frequent(ln) >= self.min_repeats:
            return f"site header: seen in {self._frequent(ln)} documents of the batch"
        if self._link(ln):
            return "site header: link or address"
        if self._foreign(ln):
            return f"site header: in {ln.language}, not the body's {self.doc_language}"
        return "site header: above the headline"

    def _set_author(self, st: Structure, ln: Line, who: str) -> None:
        if st.byline is None:
            st.byline = ln
            st.author_text = ln.text
            st.author = author_from_byline(who)

    # -- the body ----------------------------------------------------------------------
    def _middle(self, ln: Line, st: Structure | None = None) -> None:
        if ln.words <= 12 and (d := parse_date_line(ln.text, self.day_first)) is not None:
            # a date alone on a line below a standfirst ("8 Jan 2020"): still the dateline
            _mark(ln, "dateline", "a date alone on a line", False)
            if st is not None and st.dateline is None and ln.start < len(self.text) // 2:
                st.dateline, st.dateline_line = d, ln
            return
        n = self._frequent(ln)
        # Inside the body only a template-shaped line ("Advertisement", "Read more") is dropped
        # for being frequent; a full sentence repeated across outlets is still reporting.
        if n >= self.min_repeats and not (ends_sentence(ln.text) and ln.words >= BODY_MIN_WORDS):
            _mark(ln, "boilerplate", f"seen in {n} documents of the batch", False)
        elif self._link(ln):
            _mark(ln, "boilerplate", "link or address", False)
        elif self._furniture(ln):
            _mark(ln, "boilerplate", "contact, subscription or navigation prompt", False)
        elif self._foreign(ln):
            _mark(ln, "body", f"in {ln.language}, not the body's {self.doc_language}: kept out of the NLP text", False)
        else:
            _mark(ln, "body", None, True)

    def _repeats(self, lines: list[Line]) -> None:
        """Mark short lines most of whose 3-grams occur in an outranking body line.

        A body line outranks another when it is longer (ties: the earlier one); a deck is
        outranked by every body line. One pass builds gram → best-ranked body line, so the
        check is linear in the size of the text.
        """
        kept = [ln for ln in lines if ln.keep and ln.kind in ("body", "deck")]
        grams = {ln.index: _grams(ln.text) for ln in kept}
        best: dict[tuple[str, ...], tuple[int, int]] = {}  # gram → (words, -index) of its owner
        for ln in kept:
            if ln.kind != "body":
                continue
            rank = (ln.words, -ln.index)
            for g in grams[ln.index]:
                if best.get(g, (-1, 0)) < rank:
                    best[g] = rank
        for ln in kept:
            own = grams[ln.index]
            if ln.words > REPEAT_MAX_WORDS or len(own) < REPEAT_MIN_GRAMS:
                continue
            rank = (ln.words, -ln.index)
            if ln.kind == "deck":
                shared = sum(1 for g in own if g in best)
            else:
                shared = sum(1 for g in own if best.get(g, (-1, 0)) > rank)
            if shared / len(own) >= REPEAT_MIN_CONTAINMENT:
                if ln.kind == "deck":
                    _mark(ln, "deck", "repeats a body sentence: kept out of the NLP text", False)
                else:
                    _mark(ln, "boilerplate", "repeats body text (highlight box or pull quote)", False)

    def _labels(self, lines: list[Line]) -> None:
        for i, ln in enumerate(lines[:-1]):
            nxt = lines[i + 1]
            if ln.keep and _is_label(ln) and not nxt.keep and nxt.kind == "boilerplate":
                _mark(ln, "boilerplate", "label of a removed box", False)

    # -- the footer: everything below the last body-like line ----------------------------
    def _footer(self, footer: list[Line], st: Structure) -> None:
        for ln in footer:
            src = parse_source_line(ln.text)
            if src is not None and st.source_line is None:
                _mark(ln, "source-line", "outlet and date of the original", False)
                st.source_line = src
            elif self._frequent(ln) >= self.min_repeats:
                _mark(ln, "boilerplate", f"footer: seen in {self._frequent(ln)} documents of the batch", False)
            elif self._link(ln) or self._furniture(ln):
                _mark(ln, "boilerplate", "footer: link, contact or subscription", False)
            elif not ends_sentence(ln.text) or ln.words < 3 or self._foreign(ln):
                _mark(ln, "boilerplate", "footer: not a sentence", False)
            else:
                _mark(ln, "body", None, True)
            if ln.kind == "boilerplate":
                st.outlet_hints.extend(_outlet_hints(ln, masthead=False))
                credit = _CREDIT_LINE.match(ln.text)
                if credit and st.author is None:  # "Reporting by Jane Roe; Editing by …"
                    st.author = author_from_byline(credit.group("who"))


_DOMAIN = re.compile(r"(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?=[/\s>)\]]|$)", re.I)
_WEBMAIL = frozenset({"gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "proton.me", "protonmail.com"})


def _outlet_hints(ln: Line, masthead: bool) -> list[str]:
    """Candidate outlet names from a boilerplate line: its domains, else (for the first line of
    the document) a masthead name."""
    hints = []
    for m in LINK.finditer(ln.text):
        if "@" in m.group(0):
            continue
        d = _DOMAIN.search(m.group(0))
        if d and d.group(1).lower() not in _WEBMAIL:
            hints.append(d.group(1).lower())
    if masthead and not hints and ln.words <= 6 and lang_mod.latin_share(ln.text) > 0.9 and ln.text[:1].isupper():
        # "Meridian Wire | World | Middle East", "TEHRAN BULLETIN — English Service": the name
        # comes first; a shouted masthead is written in title case.
        name = re.split(r"\s+[|—–-]\s+|\s*\|\s*", ln.text)[0]
        name = _MASTHEAD_NOISE.sub("", name).strip()
        if name.isupper():
            name = name.title()
        if all(w.lower() in _NOT_NAME_WORDS for w in name.split()):
            return hints  # "World News", "Live": a section label, not the outlet
        if name and not FURNITURE.search(name) and not ends_sentence(name):
            hints.append("name:" + name)
    return hints


def classify(text: str, languages: tuple[str, ...], freq: Mapping[str, int] | None = None,
             min_repeats: int = 3, day_first: bool | None = None) -> Structure:
    """Classify every line of ``text`` (see the module docstring for the mechanism)."""
    return _Classifier(text, languages, freq, min_repeats, day_first).run()
