"""Killed and injured counts: digits and words, ranges, vague quantities, explicit zeros.

Works on one sentence of a parsed Doc and returns clean-text token spans; the caller maps them
to original offsets. Vague quantities follow the conventions conflict coders use so that counts
compare with hand-coded data: "several"/"many" → 10, "dozens" → 12, "hundreds" → 100
(the low bound stays the smallest reading: 2, 24, 200).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["CountSpan", "Casualties", "parse_number", "casualties_in"]

WORD_NUMBERS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000, "dozen": 12, "couple": 2, "both": 2,
}

#: Vague quantities → (low, best, high); best follows common coding conventions (see module doc).
VAGUE = {
    "several": (2, 10, None), "many": (2, 10, None), "some": (2, 10, None), "scores": (40, 40, None),
    "dozens": (24, 12, None), "hundreds": (200, 100, None), "thousands": (2000, 1000, None),
    "tens": (20, 10, None), "numerous": (2, 10, None), "multiple": (2, 10, None),
    "few": (2, 3, None), "a few": (2, 3, None),
}

#: Words before a number that make it a lower bound.
LOWER_BOUND = ("at least", "more than", "over", "upwards of", "no fewer than", "no less than",
               "at a minimum")
UPPER_BOUND = ("up to", "as many as", "less than", "fewer than", "nearly", "almost", "under")
APPROX = ("some", "about", "around", "approximately", "roughly", "an estimated", "nearly")

#: Governors under which a killing did not (yet) happen.
NOT_DONE = frozenset({"attempt", "try", "seek", "plan", "threaten", "vow", "want", "intend",
                      "aim", "fail", "prepare"})

KILL_LEMMAS = frozenset({"kill", "killing", "assassinate", "behead", "die", "dead", "death", "fatality", "slay", "martyr", "execute",
                         "massacre", "murder", "behead", "casualty", "life", "toll", "body"})
INJURE_LEMMAS = frozenset({"injuring", "wounding", "wound", "injure", "injury", "hurt", "maim", "injured", "wounded"})


@dataclass
class CountSpan:
    """A parsed count with its clean-text character span."""

    low: int | None
    best: int | None
    high: int | None
    start: int
    end: int


@dataclass
class Casualties:
    """Killed and injured counts found in a sentence (either may be None)."""

    killed: CountSpan | None = None
    injured: CountSpan | None = None
    # Figures of the same kind attributed to another source in the same sentence ("the monitor
    # reported 6 killed, while the local outlet reported 10 deaths"): (kind, reporting verb, count).
    alternatives: list = field(default_factory=list)
    reporter: object | None = None  # reporting verb of the main killed/injured figures


_NUM_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


def parse_number(tokens) -> tuple[int | None, int | None, int | None] | None:  # type: ignore[no-untyped-def]
    """(low, best, high) of a number phrase given as tokens ("at least 26", "two", "dozens")."""
    words = [t.lower_ for t in tokens]
    text = " ".join(words)
    value = None
    for w in words:
        if _NUM_RE.match(w):
            value = int(w.replace(",", ""))
            break
        if w in WORD_NUMBERS and w not in ("a", "an", "no"):
            value = WORD_NUMBERS[w] if value is None else value * WORD_NUMBERS[w] \
                if WORD_NUMBERS[w] in (100, 1000) else value + WORD_NUMBERS[w]
    if value is None:
        for w in words:
            if w in VAGUE:
                return VAGUE[w]
        if words and words[0] in ("a", "an", "one", "single"):
            return (1, 1, 1)
        return None
    if any(text.startswith(p) or f" {p} " in f" {text} " for p in LOWER_BOUND):
        return (value, value, None)
    if any(f" {p} " in f" {text} " for p in UPPER_BOUND):
        return (None, value, value)
    return (value, value, value)


def _quantity_tokens(noun):  # type: ignore[no-untyped-def]
    """The number phrase modifying a victim noun ("at least 26 people" → [at, least, 26])."""
    nums = [c for c in noun.children if c.dep_ in ("nummod", "quantmod") or (
        c.dep_ in ("amod", "det") and c.lower_ in VAGUE)]
    out = []
    for n in nums:
        out.extend(sorted(n.subtree, key=lambda t: t.i))
    # "dozens of people", "a number of"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in VAGUE:
        out.append(noun.head.head)
    return sorted(set(out), key=lambda t: t.i)


def _victim_count(noun):  # type: ignore[no-untyped-def]
    """Count of a victim noun phrase, summing coordinated parts ("two US troops and one medic")."""
    parts = [noun] + [c for c in noun.conjuncts if c.i > noun.i and c.lemma_.lower() not in
                      KILL_LEMMAS | INJURE_LEMMAS | {"injury", "damage", "destruction"}]
    total_lo = total_best = total_hi = 0
    span_toks = []
    got = False
    for p in parts:
        q = _quantity_tokens(p)
        if p.lower_ in VAGUE or p.lemma_.lower() in ("dozen",):  # "dozens were killed"
            r = VAGUE.get(p.lower_) or (12, 12, 12)
            q = [p]
        elif q:
            r = parse_number(q)
        elif p.tag_ == "CD":
            r = parse_number([p])
            q = [p]
        elif p.tag_ in ("NN", "NNP") and any(c.lower_ in ("a", "an", "one") for c in p.children):
            r = (1, 1, 1)
            q = [c for c in p.children if c.lower_ in ("a", "an", "one")]
        elif p.tag_ in ("NN",) and p.lemma_.lower() not in ("people", "number", "civilian"):
            r = (1, 1, 1)  # "the pilot was killed", "a Saudi soldier was shot dead"
            q = [p]
        else:
            r = None
        if r is None:
            continue
        got = True
        lo, best, hi = r
        total_lo += lo or 0
        total_best += best or 0
        total_hi = None if (hi is None or total_hi is None) else total_hi + hi
        span_toks.extend(list(q) + [p])
    if not got:
        return None
    span_toks.sort(key=lambda t: t.i)
    return total_lo, total_best, total_hi, span_toks


_ZERO_PATTERNS = (
    r"\b(no|neither|without|zero)\b[^.;]{0,40}\b(fatalities|casualties|deaths|injuries|dead|killed|injured|wounded|lives)\b",
    r"\bno (one|body) was (killed|hurt|harmed|injured)",
    r"\bdid not cause any casualties",
    r"\b(casualties|fatalities) (were|was) not reported",
)


#: Every zero pattern contains one of these ("no" also covers "nor", "not", "nobody"): a
#: sentence without any of them is not a zero statement, and skips the regular expressions.
_ZERO_WORDS = ("no", "neither", "without", "zero")


def _zero_statement(sent) -> tuple[bool, bool, tuple[int, int] | None]:  # type: ignore[no-untyped-def]
    """'no fatalities', 'neither injuries nor fatalities were reported', 'no one was hurt'."""
    low = sent.text.lower()
    if not any(w in low for w in _ZERO_WORDS):
        return False, False, None
    z_kill = z_inj = False
    hits = [m for m in (re.search(p, low) for p in _ZERO_PATTERNS) if m]
    if re.search(r"\b(no|neither|without|zero|nor)\b[^.;]{0,40}\b(fatalit|casualt|death|dead|killed|deaths|lives)", low) \
            or re.search(r"\bno (one|body) was (killed|hurt|harmed)", low) \
            or re.search(r"\bdid not cause any casualt", low) \
            or re.search(r"\b(casualties|fatalities) (were|was) not reported", low):
        z_kill = True
    if re.search(r"\b(no|neither|without|zero|nor)\b[^.;]{0,40}\b(injur|wound|casualt|hurt)", low) \
            or re.search(r"\bno (one|body) was (hurt|injured|harmed)", low) \
            or re.search(r"\bdid not cause any casualt", low):
        z_inj = True
    if not (z_kill or z_inj):
        return False, False, None
    if not hits:
        return z_kill, z_inj, (sent.start_char, sent.end_char)
    start = min(m.start() for m in hits)
    end = max(m.end() for m in hits)
    return z_kill, z_inj, (sent.start_char + start, sent.start_char + end)


#: Verbs that attribute a figure to a source (kept in step with attribution.REPORTING_VERBS).
REPORTERS = frozenset({"say", "report", "claim", "announce", "confirm", "state", "tell", "add",
                       "put", "estimate", "cite", "count", "document", "record", "quote"})


def _reporter(tok):  # type: ignore[no-untyped-def]
    """The nearest reporting verb governing a casualty word, or None."""
    for a in tok.ancestors:
        if a.pos_ in ("VERB", "AUX") and a.lemma_.lower() in REPORTERS:
            return a
    return None


def casualties_in(sent) -> Casualties:  # type: ignore[no-untyped-def]
    """Killed/injured counts stated in a sentence (Span of a Doc)."""
    res = Casualties()
    for tok in sent:
        lemma = tok.lemma_.lower()
        gunned_down = lemma == "gun" and any(c.lower_ == "down" for c in tok.children)
        kind = "killed" if lemma in KILL_LEMMAS or tok.lower_ in ("dead", "killed") or gunned_down else \
            "injured" if lemma in INJURE_LEMMAS or tok.lower_ in ("injured", "wounded") else None
        if kind is None:
            continue
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NOT_DONE:
            continue  # "attempted to kill a policeman", "vowed to kill"
        victims = []
        if tok.pos_ in ("VERB", "ADJ") or tok.tag_ in ("VBN", "VBD"):
            # "killed 25 people", "25 people were killed", "killing two US troops"
            victims = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
            if not victims and tok.dep_ in ("acomp", "oprd", "xcomp", "conj", "advcl") and tok.head.pos_ in ("VERB", "AUX"):
                # "were shot dead", "was found dead", "left 3 dead"
                victims = [c for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
            if not victims and tok.dep_ == "conj":
                victims = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
            if not victims and tok.dep_ == "amod":
                victims = [tok.head]  # "26 dead civilians"
            if not victims and tok.dep_ == "nsubj" and tok.pos_ == "ADJ":
                victims = [tok]  # "the dead"
            if not victims and lemma == "die":
                victims = [c for c in tok.children if c.dep_ == "nsubj"]
        elif tok.pos_ in ("NOUN", "PROPN"):
            # "26 deaths", "a death toll of 80", "fatalities: 3"
            if _quantity_tokens(tok) or tok.tag_ in ("NNS",):
                victims = [tok]
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    victims = [g for g in c.children if g.dep_ == "pobj"] or victims
        for extra in sent:
            # "killed 37 fighters in addition to 4 civilians"
            if extra.lower_ in ("addition", "besides") and victims and extra.head.i in (
                tok.i, *[c.i for c in tok.children]
            ) or (extra.lower_ == "addition" and victims and extra.head.head in victims):
                victims += [g for c in extra.children if c.dep_ == "prep"
                            for g in c.children if g.dep_ == "pobj"]
        counted = False
        for v in victims:
            if v.lower_ in ("another", "him", "her"):
                cs = CountSpan(1, 1, 1, v.idx, v.idx + len(v.text))
                if getattr(res, kind) is None:
                    setattr(res, kind, cs)
                break
            if v.lower_ in ("who", "that", "which") or v.pos_ == "PRON" and v.lower_ not in (
                "dozens", "hundreds", "scores"
            ):
                continue
            r = _victim_count(v)
            if r is None:
                continue
            lo, best, hi, toks = r
            # "No fatalities": a number-less plural with 'no' is a zero, handled below.
            cs = CountSpan(lo, best, hi, toks[0].idx, toks[-1].idx + len(toks[-1].text))
            prev = getattr(res, kind)
            reporter = _reporter(tok)
            if prev is None:
                setattr(res, kind, cs)
                res.reporter = res.reporter or reporter
            elif reporter is not None and res.reporter is not None and reporter is not res.reporter:
                res.alternatives.append((kind, reporter, cs))  # another source's figure
            elif cs.start != prev.start:
                # A second figure for the same kind in the sentence: "37 fighters ... in
                # addition to 4 civilians" adds; "including 20 women" is a subset and does not.
                if any(t.lower_ in ("including", "among") for t in sent
                       if prev.end <= t.idx < cs.start):
                    continue
                setattr(res, kind, CountSpan(
                    (prev.low or 0) + (cs.low or 0), (prev.best or 0) + (cs.best or 0),
                    None if prev.high is None or cs.high is None else prev.high + cs.high,
                    min(prev.start, cs.start), max(prev.end, cs.end)))
            counted = True
        del counted
    z_kill, z_inj, span = _zero_statement(sent)
    if span and z_kill and res.killed is None:
        res.killed = CountSpan(0, 0, 0, *span)
    if span and z_inj and res.injured is None:
        res.injured = CountSpan(0, 0, 0, *span)
    return res
