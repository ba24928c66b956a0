"""Killed and injured counts: digits and words, ranges, vague quantities, explicit zeros.

Works on one sentence of a parsed Doc and returns clean-text token spans; the caller maps them
to original offsets. A vague quantity ("several", "dozens", "an unspecified number of", a bare
plural such as "deaths and injuries") is kept as what the source says: its numbers stay None
(``low`` holds only the stated part of a mixed list, "9 fighters and several others" → 9) and
``vague`` holds the wording, as the gold keeps an unquantified claim. Turning such wording into
a figure is a coding convention, not a reading of the text: :mod:`warwire.acled` does it for the
ACLED-style column only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["CountSpan", "Casualties", "Quantity", "parse_number", "casualties_in", "VAGUE",
           "PLURAL"]

WORD_NUMBERS = {
    "zero": 0, "no": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
    "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "thousand": 1000, "dozen": 12, "couple": 2, "both": 2,
}

#: Vague quantity words: a count stated with them has no number of its own.
VAGUE = frozenset({"several", "many", "some", "numerous", "multiple", "few", "various", "tens",
                   "dozens", "scores", "hundreds", "thousands"})
#: Nouns that make a vague quantity with "of" ("a number of", "an unknown number of").
VAGUE_NOUNS = frozenset({"number", "numbers"})
#: Casualty nouns that name acts rather than victims: their bare plural is no count.
ACT_NOUNS = frozenset({"killing", "massacre", "murder", "execution", "assassination", "toll",
                       "life"})
#: Adjectives that make "an X of soldiers" a quantity whose size the source does not know.
UNSPECIFIED = frozenset({"unspecified", "unknown", "unidentified", "undetermined", "undisclosed",
                         "uncounted"})
#: Wording recorded for a bare plural victim noun ("killing regime fighters", "deaths and
#: injuries"): more than one, how many unsaid.
PLURAL = "plural"
#: Determiners/adjectives that make a bare plural a zero or a non-figure ("no deaths", "any
#: casualties", "other injuries" refers back to figures given elsewhere).
NOT_A_PLURAL = frozenset({"no", "any", "without", "zero", "neither", "nor", "other", "these",
                          "those", "such",
                          "their", "its", "his", "her", "the", "further", "more", "additional"})


#: Words before a number that make it a lower bound.
LOWER_BOUND = ("at least", "more than", "over", "upwards of", "no fewer than", "no less than",
               "at a minimum")
UPPER_BOUND = ("up to", "as many as", "less than", "fewer than", "nearly", "almost", "under")
APPROX = ("some", "about", "around", "approximately", "roughly", "an estimated", "nearly")

#: Governors under which a killing did not (yet) happen.
NOT_DONE = frozenset({"attempt", "try", "seek", "plan", "threaten", "vow", "want", "intend",
                      "aim", "fail", "prepare"})

KILL_LEMMAS = frozenset({"kill", "killing", "assassinate", "behead", "die", "dead", "death", "fatality", "slay", "martyr", "execute",
                         "massacre", "murder", "behead", "casualty", "life", "toll", "body",
                         "succumb"})
INJURE_LEMMAS = frozenset({"injuring", "wounding", "wound", "injure", "injury", "hurt", "maim", "injured", "wounded"})


@dataclass
class Quantity:
    """A parsed number phrase: low/best/high and, when it gives no number, its wording."""

    low: int | None
    best: int | None
    high: int | None
    vague: str | None = None


@dataclass
class CountSpan:
    """A parsed count with its clean-text character span."""

    low: int | None
    best: int | None
    high: int | None
    start: int
    end: int
    vague: str | None = None  # the wording of an unquantified count (see the module doc)


@dataclass
class Casualties:
    """Killed and injured counts found in a sentence (either may be None)."""

    killed: CountSpan | None = None
    injured: CountSpan | None = None
    # Figures of the same kind attributed to another source in the same sentence ("the monitor
    # reported 6 killed, while the local outlet reported 10 deaths"): (kind, reporting verb, count).
    alternatives: list = field(default_factory=list)
    reporter: object | None = None  # reporting verb of the main killed/injured figures


@dataclass
class _Victims:
    """The count of a victim noun phrase and the tokens it was read from."""

    quantity: Quantity
    tokens: list


_NUM_RE = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+$")


def _wording(tokens) -> str:  # type: ignore[no-untyped-def]
    """The words of a vague quantity as written, lowercased, without quotes."""
    return " ".join(t.lower_ for t in tokens if not t.is_punct)


def parse_number(tokens) -> Quantity | None:  # type: ignore[no-untyped-def]
    """Quantity of a number phrase given as tokens ("at least 26", "two", "dozens", "a number")."""
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
        if any(w in VAGUE or w in VAGUE_NOUNS for w in words):
            wording = _wording(tokens)
            return Quantity(None, None, None, wording)
        if words and words[0] in ("a", "an", "one", "single"):
            return Quantity(1, 1, 1)
        return None
    if any(text.startswith(p) or f" {p} " in f" {text} " for p in LOWER_BOUND):
        return Quantity(value, value, None)
    if any(f" {p} " in f" {text} " for p in UPPER_BOUND):
        return Quantity(None, value, value)
    return Quantity(value, value, value)


def _vague_number(noun) -> bool:  # type: ignore[no-untyped-def]
    """"a number", "an unspecified number": a vague quantity noun (not "the number of X", which
    names a figure given elsewhere)."""
    if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children):
        return False
    if noun.lemma_.lower() in VAGUE_NOUNS:
        return True
    # "an unspecified numer of soldiers" (any head noun, typos included): unspecified + "of"
    return any(c.dep_ == "amod" and c.lower_ in UNSPECIFIED for c in noun.children) and any(
        c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _quantity_tokens(noun):  # type: ignore[no-untyped-def]
    """The number phrase modifying a victim noun ("at least 26 people" → [at, least, 26])."""
    nums = [c for c in noun.children if c.dep_ in ("nummod", "quantmod") or (
        c.dep_ in ("amod", "det") and c.lower_ in VAGUE)]
    out = []
    for n in nums:
        out.extend(sorted(n.subtree, key=lambda t: t.i))
    # "dozens of people", "a number of fighters", "an unknown number of soldiers"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        q = noun.head.head
        if q.lower_ in VAGUE:
            out.append(q)
        elif _vague_number(q):
            out += [c for c in q.children if c.i < q.i] + [q]
    return sorted(set(out), key=lambda t: t.i)


#: Victim nouns that name a whole whose parts may follow in apposition ("three civilians, a
#: woman and two children" gives the total first): their appositions are a breakdown, not more.
GENERIC_VICTIMS = frozenset({"people", "person", "civilian", "individual", "resident",
                             "member", "casualty", "victim", "body"})
#: Acronyms the small model misreads as verbs ("30 IS militants"): a number before such a word
#: still counts the noun after it. At most this many such words are skipped.
STRAY_ACRONYM_WORDS = 2
#: A bare number from here up reads as a year before an acronym ("in 2017 UN staff …").
YEAR_LIKE = 1900


def _stray_number(noun):  # type: ignore[no-untyped-def]
    """A number the parser did not attach to the noun it counts: hung on a misread acronym
    right before it ("30 IS militants", *IS* read as "is"), or left before the noun phrase
    ("14 Jaysh al-Islam fighters were killed", *14* parsed as a sentence marker). Not a year
    ("in 2017 UN staff …") nor a date's day ("on March 3 soldiers …")."""
    doc = noun.doc
    for k in (noun.i - 1, noun.left_edge.i - 1):
        skipped = 0
        while k >= 0 and skipped < STRAY_ACRONYM_WORDS and doc[k].text.isupper() and \
                doc[k].is_alpha and len(doc[k].text) > 1:
            k -= 1
            skipped += 1
        if k < 0 or (k == noun.i - 1 and not skipped):
            continue  # right before the noun and not attached: nothing was misread here
        t = doc[k]
        if t.tag_ == "CD" and _NUM_RE.match(t.text) and int(t.text.replace(",", "")) < YEAR_LIKE \
                and not (t.dep_ == "nummod" and t.head is not noun):
            return t
    return None


def _or_joined(part, first) -> bool:  # type: ignore[no-untyped-def]
    """True when a conjunct is joined by "or"/"nor" (alternatives, not more victims)."""
    return any(t.dep_ == "cc" and t.lower_ in ("or", "nor") for t in part.doc[first.i:part.i])


def _parts(noun) -> list:  # type: ignore[no-untyped-def]
    """A victim noun and the nouns listed with it: conjuncts, and appositions that carry their
    own number ("8 soldiers, 11 fighters, and 6 policemen")."""
    skip = KILL_LEMMAS | INJURE_LEMMAS | {"injury", "damage", "destruction"}
    parts = [noun] + [c for c in noun.conjuncts if c.i > noun.i and c.lemma_.lower() not in skip
                      and not (_or_joined(c, noun) and not _quantity_tokens(c))]
    if noun.lemma_.lower() not in GENERIC_VICTIMS:
        for a in noun.children:
            if a.dep_ == "appos" and a.i > noun.i and a.lemma_.lower() not in skip and (
                _quantity_tokens(a) or any(c.lower_ in ("a", "an") for c in a.children)
            ):
                parts += [a] + [c for c in a.conjuncts if c.i > a.i and c.lemma_.lower() not in skip]
    return parts


def _bare_plural(p) -> bool:  # type: ignore[no-untyped-def]
    """A plural victim noun with no number ("killing regime fighters", "deaths and injuries")."""
    if p.tag_ not in ("NNS", "NNPS") or any(c.lower_ in NOT_A_PLURAL for c in p.children):
        return False
    if p.lemma_.lower() in ("wound", "injury") and p.dep_ != "conj":
        return False  # "suffered injuries" is one victim's; "deaths and injuries" is many
    if p.lower_ == "others":
        return False  # "killed one and injured others": the rest of a figure, not a new one
    if p.lemma_.lower() == "casualty":
        return False  # "causing casualties" may be wounded only: no death is stated
    if p.lemma_.lower() in ACT_NOUNS:
        return False  # "committed massacres": acts, not victims
    if any(c.lower_ in NOT_A_PLURAL for h in (p.head, *p.conjuncts) for c in h.children
           if c.dep_ in ("det", "preconj")):
        return False  # "no injuries or fatalities", "neither injuries nor fatalities"
    if any(c.dep_ == "neg" for a in p.ancestors for c in a.children):
        return False  # "did not specify that fatalities had occurred"
    if p.dep_ == "pobj":  # "the number of people killed": only after a casualty noun
        return p.head.lower_ == "of" and p.head.head.lemma_.lower() in KILL_LEMMAS | INJURE_LEMMAS
    return True


def _part_quantity(p, head: bool = True) -> tuple[Quantity | None, list]:  # type: ignore[no-untyped-def]
    """Quantity of one listed victim noun and the tokens that state it (``head``: the first
    noun of the list, the only one that may be a bare plural)."""
    q = _quantity_tokens(p)
    if p.lower_.strip('"\'“”') in VAGUE or p.lemma_.lower() == "dozen":  # "dozens were killed"
        word = p.lower_.strip('"\'“”')
        return Quantity(None, None, None, word if word in VAGUE else "dozens"), [p]
    if _vague_number(p):  # "an unspecified number (of soldiers) were killed"
        toks = [c for c in p.children if c.i < p.i] + [p]
        return Quantity(None, None, None, _wording(toks)), toks
    if q:
        return parse_number(q), q
    if p.tag_ == "CD":
        return parse_number([p]), [p]
    stray = _stray_number(p)
    if stray is not None:
        return parse_number([stray]), [stray]
    if p.tag_ in ("NN", "NNP") and any(c.lower_ in ("a", "an", "one") for c in p.children):
        return Quantity(1, 1, 1), [c for c in p.children if c.lower_ in ("a", "an", "one")]
    if p.tag_ in ("NN",) and p.lemma_.lower() not in ("people", "number", "civilian"):
        return Quantity(1, 1, 1), [p]  # "the pilot was killed", "a Saudi soldier was shot dead"
    if head and _bare_plural(p):  # not a listed part: "25 regime and militia fighters"
        return Quantity(None, None, None, PLURAL), [p]
    return None, []


def _victim_count(noun) -> _Victims | None:  # type: ignore[no-untyped-def]
    """Count of a victim noun phrase, summing listed parts ("two US troops and one medic").
    A part without a number makes the sum vague: ``best``/``high`` are None and ``low`` holds
    only the stated parts ("9 fighters and several others": low 9), None when there are none."""
    lows: list[int] = []
    bests: list[int | None] = []
    highs: list[int | None] = []
    vague = None
    span_toks: list = []
    for p in _parts(noun):
        r, toks = _part_quantity(p, head=p is noun)
        if r is None:
            continue
        if not r.vague:
            lows.append(r.low or 0)
        bests.append(None if r.vague else r.best or 0)
        highs.append(r.high)
        vague = vague or r.vague
        span_toks.extend(list(toks) + [p])
    if not span_toks:
        return None
    span_toks = sorted(set(span_toks), key=lambda t: t.i)
    best = None if any(b is None for b in bests) else sum(b or 0 for b in bests)
    high = None if any(h is None for h in highs) else sum(h or 0 for h in highs)
    return _Victims(Quantity(sum(lows) if lows else None, best, high, vague), span_toks)


_ZERO_PATTERNS = (
    r"\b(no|neither|without|zero)\b[^.;]{0,40}\b(fatalities|casualties|deaths|injuries|dead|killed|injured|wounded|lives)\b",
    r"\bno (one|body) was (killed|hurt|harmed|injured)",
    r"\bdid not cause any casualties",
    r"\b(casualties|fatalities) (were|was) not reported",
)


#: "No exact number", "no information on casualties": the figure is unknown, which is not zero.
_NOT_KNOWN = re.compile(r"\bno (exact |precise |clear |official |definite |confirmed |further )?"
                        r"(number|figure|toll|information|info|details|word)\b")

#: Every zero pattern contains one of these ("no" also covers "nor", "not", "nobody"): a
#: sentence without any of them is not a zero statement, and skips the regular expressions.
_ZERO_WORDS = ("no", "neither", "without", "zero")


def _zero_statement(sent) -> tuple[bool, bool, tuple[int, int] | None]:  # type: ignore[no-untyped-def]
    """'no fatalities', 'neither injuries nor fatalities were reported', 'no one was hurt'."""
    low = sent.text.lower()
    if not any(w in low for w in _ZERO_WORDS):
        return False, False, None
    if _NOT_KNOWN.search(low):
        return False, False, None  # "no exact number of fatalities": unknown, not zero
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


#: Verbs that carry a running total to a new figure ("bringing the toll to 12"): that figure
#: replaces the sentence's other figures of the same kind instead of adding to them.
TOTAL_VERBS = frozenset({"bring", "raise", "rise", "push", "climb", "increase", "take"})
#: Heads climbed from a victim noun to find such a verb ("bringing the total to three people
#: killed": people → killed → bringing).
TOTAL_DEPTH = 3


def _running_total(victim) -> bool:  # type: ignore[no-untyped-def]
    """"… bringing the total to three people killed": the victim noun is the new total."""
    for a in list(victim.ancestors)[:TOTAL_DEPTH]:
        if a.lemma_.lower() in TOTAL_VERBS and a.i < victim.i and any(
            t.lower_ == "to" for t in victim.doc[a.i + 1:victim.i]
        ):
            return True
    return False


def _since_toll(tok) -> bool:  # type: ignore[no-untyped-def]
    """"eight women have been killed since December": a cumulative toll, not one event's."""
    return any(c.lower_ == "since" and c.dep_ in ("prep", "mark") for c in tok.children) and any(
        c.lemma_.lower() == "have" and c.dep_ == "aux" for c in tok.children)


#: Words allowed between a casualty verb and a victim noun the parser did not attach to it
#: ("killed at least 17 IS militants"): bounds and numbers.
BOUND_WORDS = frozenset({"at", "least", "more", "than", "over", "about", "around", "some",
                         "nearly", "almost", "up", "to"})
#: Tokens looked at to the right of a casualty verb for such a victim.
MISPARSE_WINDOW = 6


def _misparsed_victims(tok) -> list:  # type: ignore[no-untyped-def]
    """Victims the parser lost. (1) A passive with no subject: the noun right before "were"
    ("… region, 3 IRGC members and 1 ISIS members were killed", the list hung on an earlier
    noun) climbing to the first numbered item of its list. (2) An acronym read as a verb
    after the verb ("killed at least 17 IS militants", *IS* as "is"): the noun after it."""
    doc = tok.doc
    aux = [c for c in tok.children if c.dep_ == "auxpass"]
    if aux and not any(c.dep_ == "nsubjpass" for c in tok.children):
        k = min(a.i for a in aux) - 1
        q = parse_number(_quantity_tokens(doc[k])) if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") \
            else None
        if q is not None and (q.best or q.low or 0) < YEAR_LIKE:  # not "In 2017 UN staff were"
            noun = doc[k]
            while noun.dep_ == "conj" and _quantity_tokens(noun.head):
                noun = noun.head
            return [noun]
    window = doc[tok.i + 1:min(len(doc), tok.i + 1 + MISPARSE_WINDOW)]
    seen_acronym = False
    for t in window:
        if t.text.isupper() and t.is_alpha and len(t.text) > 1 and t.pos_ in ("AUX", "VERB"):
            seen_acronym = True
        elif t.pos_ in ("NOUN", "PROPN") and t.tag_ in ("NNS", "NN"):
            return [t] if seen_acronym and _stray_number(t) is not None else []
        elif not (t.like_num or t.lower_ in BOUND_WORDS):
            return []
    return []


def _victims_of(tok, lemma: str) -> list:  # type: ignore[no-untyped-def]
    """The victim nouns of one casualty word, read off the parse."""
    victims: list = []
    if tok.pos_ in ("VERB", "ADJ") or tok.tag_ in ("VBN", "VBD"):
        # "killed 25 people", "25 people were killed", "killing two US troops"
        victims = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")]
        if not victims:  # "killing and wounding dozens": the object of the last conjunct
            victims = [g for c in tok.children if c.dep_ == "conj" and (
                c.lemma_.lower() in KILL_LEMMAS | INJURE_LEMMAS) for g in c.children
                if g.dep_ in ("dobj", "nsubjpass")]
        if not victims:
            victims = _misparsed_victims(tok)
        if not victims and tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass")
                                                         for c in tok.children):
            victims = [c for c in tok.children if c.dep_ == "nsubj"]  # "to three people killed"
        if not victims and tok.dep_ in ("acomp", "oprd", "xcomp", "conj", "advcl") and \
                tok.head.pos_ in ("VERB", "AUX") and tok.tag_ != "VBG":
            # "were shot dead", "was found dead", "left 3 dead" (not "shelled the town, killing":
            # a gerund's victims are its own object, never the attack's); the subject only when
            # there is no object ("gunmen shot dead a commander": the gunmen are the killers)
            victims = [c for c in tok.head.children if c.dep_ in ("nsubjpass", "dobj")] or [
                c for c in tok.head.children if c.dep_ == "nsubj"]
        if not victims and tok.dep_ == "conj":
            victims = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
        if not victims and tok.dep_ == "amod":
            victims = [tok.head]  # "26 dead civilians"
        if not victims and tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
            victims = [tok.head]  # "three people killed"
        if not victims and tok.dep_ == "nsubj" and tok.pos_ == "ADJ":
            victims = [tok]  # "the dead"
        if not victims and lemma in ("die", "succumb"):
            victims = [c for c in tok.children if c.dep_ == "nsubj"]
        # nouns the parser hung on the verb itself ("killing a woman, a child, and at least
        # one other civilian": the last one as a conjunct of "killing")
        # ("2 civilians were killed and 2 others injured": a noun with its own casualty word
        # belongs to that word)
        victims += [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN" and victims
                    and c.lemma_.lower() not in KILL_LEMMAS | INJURE_LEMMAS
                    and not any(g.lemma_.lower() in KILL_LEMMAS | INJURE_LEMMAS for g in c.children)]
    elif tok.pos_ in ("NOUN", "PROPN"):
        # "26 deaths", "a death toll of 80", "fatalities: 3", "deaths and injuries"
        if _quantity_tokens(tok) or tok.tag_ in ("NNS",):
            victims = [tok]
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                victims = [g for g in c.children if g.dep_ == "pobj"] or victims
    return victims


def _plus(prev: CountSpan, cs: CountSpan) -> CountSpan:
    """Two figures of the same kind that add up (a vague one keeps the sum vague)."""
    vague = prev.vague or cs.vague
    return CountSpan(
        None if prev.low is None and cs.low is None else (prev.low or 0) + (cs.low or 0),
        None if vague else (prev.best or 0) + (cs.best or 0),
        None if prev.high is None or cs.high is None else prev.high + cs.high,
        min(prev.start, cs.start), max(prev.end, cs.end), vague)


def casualties_in(sent) -> Casualties:  # type: ignore[no-untyped-def]
    """Killed/injured counts stated in a sentence (Span of a Doc)."""
    res = Casualties()
    totals: set[str] = set()  # kinds whose figure is a running total ("bringing the toll to")
    for tok in sent:
        lemma = tok.lemma_.lower()
        gunned_down = lemma == "gun" and any(c.lower_ == "down" for c in tok.children)
        kind = "killed" if lemma in KILL_LEMMAS or tok.lower_ in ("dead", "killed") or gunned_down else \
            "injured" if lemma in INJURE_LEMMAS or tok.lower_ in ("injured", "wounded") else None
        if kind is None:
            continue
        if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NOT_DONE:
            continue  # "attempted to kill a policeman", "vowed to kill"
        if _since_toll(tok):
            continue
        victims = _victims_of(tok, lemma)
        for extra in sent:
            # "killed 37 fighters in addition to 4 civilians"
            if extra.lower_ in ("addition", "besides") and victims and extra.head.i in (
                tok.i, *[c.i for c in tok.children]
            ) or (extra.lower_ == "addition" and victims and extra.head.head in victims):
                victims += [g for c in extra.children if c.dep_ == "prep"
                            for g in c.children if g.dep_ == "pobj"]
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
            q, toks = r.quantity, r.tokens
            cs = CountSpan(q.low, q.best, q.high, toks[0].idx, toks[-1].idx + len(toks[-1].text),
                           q.vague)
            prev = getattr(res, kind)
            reporter = _reporter(tok)
            if kind in totals:
                continue  # the running total already stands for the sentence
            if _running_total(v):
                setattr(res, kind, cs)
                totals.add(kind)
                res.reporter = res.reporter or reporter
            elif prev is None:
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
                if cs.start < prev.end and prev.start < cs.end:
                    continue  # the same words reached twice ("killed X or wounded X")
                setattr(res, kind, _plus(prev, cs))
    z_kill, z_inj, span = _zero_statement(sent)
    # An explicit zero outranks a bare plural read from the same words ("with no injuries or
    # fatalities reported" must not become "fatalities: more than one").
    if span and z_kill and (res.killed is None or res.killed.vague == PLURAL):
        res.killed = CountSpan(0, 0, 0, *span)
    if span and z_inj and (res.injured is None or res.injured.vague == PLURAL):
        res.injured = CountSpan(0, 0, 0, *span)
    return res
