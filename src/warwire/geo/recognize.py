"""Toponym recognition: spaCy's GPE/LOC/FAC entities plus gazetteer matching with context cues.

The small English model misses or mislabels many names of the region (Kermanshah as ORG or
PERSON, Albu Kamal split in two). So every capitalised n-gram that the gazetteer knows is a
candidate too, kept when the text around it says it is a place:

1. spaCy GPE/LOC entities are toponyms (resolvable or not); FAC only when the gazetteer knows it;
2. a gazetteer name preceded by a place cue ("in", "near", "town of" …) or followed by one
   ("province", "base", "countryside" …), or followed by ", <known place>", is a toponym even if
   spaCy tagged it ORG/PERSON or nothing;
3. a gazetteer name that is a country, an admin1 region, a site from the project's table or a
   city of ≥ ``BIG_CITY`` people is a toponym without a cue unless spaCy calls it a PERSON.

Demonyms ("Iranian") are returned apart: they inform the document's country focus but are not
toponyms (they name a people, not a place; LGL annotates them, GeoVirus and GeoWebNews' "literal"
toponyms do not — see docs/stages/geo.md).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from .gazetteer import SUFFIX_FEATURES, Gazetteer

__all__ = ["Toponym", "Recognition", "recognize", "split_suffix", "is_modifier"]

#: Cities at least this populous are recognised without a context cue: the name is the place
#: in almost every sentence that writes it capitalised.
BIG_CITY = 100_000

#: A city this big, a country, an admin1 region or a known site is a place even when spaCy calls
#: the single word a PERSON ("Kirkuk was hit"); a person's full name is a longer entity.
FAMOUS_CITY = 500_000

#: Longest name tried, in tokens ("Dayr az Zawr", "Bab al-Hawa border crossing").
MAX_TOKENS = 6

#: Words right before a name that make it a place.
CUES_BEFORE = frozenset(
    "in near at from outside into across toward towards to of around inside via between "
    "through hit struck targeted targeting entered east west north south northern southern "
    "eastern western central".split()
)
#: Words right after a name that make it a place.
CUES_AFTER = frozenset(set(SUFFIX_FEATURES) | {"area", "border", "crossing", "airfield",
                                               "governorate", "outskirts", "suburb"})
#: Lower-case words allowed inside a name ("Dayr az Zawr", "Bab al-Hawa", "Isle of Man").
CONNECTORS = frozenset("al el ez az as ad ar ash at an ad-d of de la du le da del des di bin "
                       "bani abu umm ibn and in".split())
#: Capitalised words that are never places on their own in news, though the gazetteer has
#: towns of that name (months, weekdays, institutions, titles).
STOP = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday God Congress Parliament Senate House
    Police Army Navy Church University College Court Christmas Easter Ramadan President Mr Mrs Ms
    Dr Gov Sen Rep King Prince General Lieutenant Colonel Major Captain Sergeant Officer Chief
    State City County Town Village Street Road Avenue North South East West Central New Old
    Saint St Mount Lake River Union Republic National International Council Ministry Minister
    Office Department Sheriff Mayor Justice Federal Democrat Democrats Republican Republicans
    Islamic Muslim Christian Jewish Shiite Sunni Kurdish Arab Arabic English Media Press News
    Times Post Journal Reuters Associated Hospital School Center Centre Today Tonight Man Woman
    Will Hope Liberty Friendship Unity Victory Justice Peace Freedom Independence Wall Bank
    Hamas Hezbollah Hizbullah Hizballah Taliban ISIS ISIL Daesh Houthi Houthis Fatah Quds
    Kataib Hashd Gen Lt Col Maj Sgt Adm Capt Brig Cmdr Gov Northwest Northeast Southwest
    Southeast Northern Southern Eastern Western Metro
    Commerce Highway Highways Section Comfort Lane Cedar Toyota Titan Subway Mercy Providence
    Trinity Grace Faith Harmony Concord Progress Enterprise Industry Opportunity""".split()
)
_STOP_KEYS = frozenset(w.lower() for w in STOP)


def _stopped(word: str) -> bool:
    """True for a STOP word in any case, with or without a final dot ("Gen.", "ISIS", "WEST")."""
    return word.rstrip(".").lower() in _STOP_KEYS
#: Entity labels that are places.
PLACE_LABELS = frozenset({"GPE", "LOC"})


@dataclass
class Toponym:
    """A place name found in the text (offsets into that text)."""

    start: int
    end: int
    text: str
    source: str  # ner | gazetteer | given
    cue: bool = False  # a context cue confirms it


@dataclass
class Recognition:
    """What recognition found: toponyms and, apart, country demonyms (ISO2 per occurrence)."""

    toponyms: list[Toponym] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)


@functools.lru_cache(maxsize=1 << 14)  # pure; called for every n-gram and every name
def split_suffix(text: str) -> tuple[str, str | None]:
    """``"Deir Ezzor province"`` → ``("Deir Ezzor", "province")``; names without one unchanged.

    The suffix is the last word or the last two words ("air base"), the longer one first.
    """
    low = text.lower()
    head, space, last = low.rpartition(" ")
    if not space:
        return text, None
    _, space2, before = head.rpartition(" ")
    for suffix in ((before + " " + last) if space2 else None, last):
        if suffix in SUFFIX_FEATURES and len(text) > len(suffix) + 2:
            return text[: -len(suffix) - 1].rstrip(" ,"), suffix
    return text, None


#: Words after a place name that make it a modifier ("US troops", "Iranian-backed"), which
#: says who, not where.
_MODIFIED = re.compile(  # used with .match(text, pos): anchored at pos, so no "^"
    r"[\s-]+(?:troops|forces|military|embassy|Embassy|officials?|government|president|army|"
    r"Army|navy|Navy|air|Air|Marines?|warplanes|jets|drones?|soldiers|personnel|bases?|strikes?|"
    r"sanctions|administration|Secretary|secretary|Central|Defen[cs]e|Department|State|"
    r"Treasury|Congress|Senate|Special|contractors?|citizens|diplomats|backed|allied|led|"
    r"funded|supported|sponsored|aligned|media|state|television|TV|news|authorities|"
    r"militia|militias|proxies|interests|assets|commander|commanders|general|leaders?)\b"
)


def is_modifier(text: str, end: int) -> bool:
    """True when the place word ending at ``end`` modifies an actor ("US troops")."""
    return bool(_MODIFIED.match(text, end))


def _strip_article(text: str, start: int) -> tuple[str, int]:
    for art in ("the ", "The "):
        if text.startswith(art):
            return text[len(art):], start + len(art)
    return text, start


_POSSESSIVE_END = re.compile(r"['’]s$")


def _strip_possessive(text: str) -> str:
    return _POSSESSIVE_END.sub("", text)


@functools.lru_cache(maxsize=1 << 16)  # pure; the same n-grams recur across a corpus
def _name_part(span: str) -> str:
    """The part of an n-gram looked up in the gazetteer: no possessive, no "province" suffix."""
    return split_suffix(_strip_possessive(span))[0]


def _cue_before(text: str, start: int) -> bool:
    before = text[max(0, start - 30):start].split()
    return bool(before) and before[-1].lower().strip(",") in CUES_BEFORE


def _cue_after(text: str, end: int, gazetteer: Gazetteer) -> bool:
    after = text[end:end + 40]
    m = re.match(r"\s+([a-z]+(?: base)?)", after)
    if m and m.group(1) in CUES_AFTER:
        return True
    m = re.match(r",\s+([A-Z][\w.]+(?: [A-Z][\w.]+)?)", after)
    return bool(m) and gazetteer.has_name(m.group(1))


#: Lower-case words that may sit inside a name: connectors ("al", "of") and CUES_AFTER words
#: ("province"), besides capitalised words, hyphens and apostrophes.
_INSIDE_WORDS = CONNECTORS | CUES_AFTER


def _gazetteer_matches(  # type: ignore[no-untyped-def]
    text: str, doc, gazetteer: Gazetteer
) -> list[Toponym]:
    """Capitalised n-grams the gazetteer knows, longest first, left to right."""
    import numpy as np
    from spacy.attrs import IDX, LENGTH  # here: the spans-only path never imports spaCy

    if not len(doc):
        return []
    # Token offsets in one array call, token texts sliced from ``text`` only where needed (the
    # Doc's own ``text`` and iteration build a Token object per token); ``doc`` must be the
    # parse of ``text``.
    table = doc.to_array([IDX, LENGTH])
    starts, lengths = table[:, 0].tolist(), table[:, 1].tolist()
    if text[starts[-1]:starts[-1] + lengths[-1]] != doc[-1].text:
        text = doc.text  # not the parse of this text after all: trust the Doc's own offsets
    n_tokens = len(starts)

    def word(j: int) -> str:
        return text[starts[j]:starts[j] + lengths[j]]

    # A name starts with a capital A-Z: those tokens are picked out in one array operation over
    # the code points, the others (~85 %) are never looked at.
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    first = codes[table[:, 0]]
    found: list[Toponym] = []
    free = 0  # first token not consumed by an earlier match
    for i in np.flatnonzero((first >= ord("A")) & (first <= ord("Z"))).tolist():
        if i < free:
            continue
        start, head = starts[i], word(i)
        # Every token of an n-gram may sit inside a name, so it is at most `run` tokens long.
        run = 1  # the capitalised first token
        for j in range(i + 1, min(i + MAX_TOKENS, n_tokens)):
            w = word(j)
            if not (w[:1].isupper() or w in "-'" or w.lower() in _INSIDE_WORDS):
                break
            run += 1
        # Longest name first; a STOP word may start a longer name ("West Bank", "South Ossetia")
        # but is never a name alone. The last token must be able to end a name.
        for n in range(run, 1 if _stopped(head) else 0, -1):
            last_start, last = starts[i + n - 1], word(i + n - 1)
            if not last[:1].isupper() and last.lower() not in CUES_AFTER:
                continue
            span = text[start:last_start + len(last)]
            if n == 1 and len(span) < 3:
                continue
            if gazetteer.has_name(_name_part(span)):
                end = start + len(_strip_possessive(span))
                found.append(Toponym(start, end, text[start:end], "gazetteer"))
                free = i + n
                break
    return found


def _accept(top: Toponym, ent_label: str, text: str, gazetteer: Gazetteer,
            whole_entity: bool = False) -> bool:
    """Rule 2/3 of the module docstring for a gazetteer-only match (``whole_entity``: spaCy's
    entity is exactly this name, as when it calls "Kirkuk" a PERSON)."""
    top.cue = _cue_before(text, top.start) or _cue_after(text, top.end, gazetteer)
    if top.cue and ent_label != "PERSON":
        return True
    base, suffix = split_suffix(top.text)
    if suffix:
        return True
    cands = gazetteer.lookup(base)
    strong = any(
        c.feature in ("country", "admin1", "site", "region")
        or (c.feature == "city" and c.population >= BIG_CITY)
        for c in cands if c.main
    )
    if ent_label == "PERSON":
        famous = any(
            c.feature in ("country", "admin1", "site", "region")
            or (c.feature == "city" and c.population >= FAMOUS_CITY)
            for c in cands if c.main
        )
        return (top.cue and strong) or (whole_entity and famous)
    return strong


def recognize(text: str, doc, gazetteer: Gazetteer) -> Recognition:  # type: ignore[no-untyped-def]
    """Toponyms of ``text`` (``doc`` is its spaCy parse), sorted, non-overlapping."""
    result = Recognition()
    spans: list[Toponym] = []
    ents = doc.ents  # built anew on every access
    for ent in ents:
        if ent.label_ == "NORP" or (ent.label_ in PLACE_LABELS and gazetteer.demonym(ent.text)):
            iso2 = gazetteer.demonym(ent.text)
            if iso2:
                result.demonyms.append(iso2)
            continue
        if ent.label_ not in PLACE_LABELS and ent.label_ != "FAC":
            continue
        body, start = _strip_article(ent.text, ent.start_char)
        body = _strip_possessive(body)
        if not body or _stopped(body):
            continue
        if ent.label_ == "FAC" and not gazetteer.has_name(split_suffix(body)[0]):
            continue
        end = start + len(body)
        cue = _cue_before(text, start) or _cue_after(text, end, gazetteer)
        spans.append(Toponym(start, end, body, "ner", cue))
    labels, entity_spans = {}, {}
    for ent in ents:
        start, end, label = ent.start_char, ent.end_char, ent.label_  # Span properties: read once
        entity_spans[start] = end
        for k in range(start, end):
            labels[k] = label
    taken = [False] * (len(text) + 1)
    for top in spans:
        for k in range(top.start, top.end):
            taken[k] = True
    for top in _gazetteer_matches(text, doc, gazetteer):
        if any(taken[top.start:top.end]):
            inside = [t for t in spans if t.start < top.end and top.start < t.end]
            # "the US Embassy in Baghdad": one known site beats the NER pieces it contains.
            if not all(top.start <= t.start and t.end <= top.end for t in inside) or \
                    not any(c.feature == "site" for c in gazetteer.lookup(top.text)):
                continue
            spans = [t for t in spans if t not in inside]
            spans.append(top)
            continue
        whole = entity_spans.get(top.start) == top.end
        if _accept(top, labels.get(top.start, ""), text, gazetteer, whole):
            spans.append(top)
            for k in range(top.start, top.end):
                taken[k] = True
    spans.sort(key=lambda t: t.start)
    result.toponyms = spans
    return result
