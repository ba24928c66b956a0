"""The actor dictionary: who is who in Middle East conflict reporting.

States (names, demonyms, capitals used as metonyms), governments, armed forces and services,
named militias and armed groups, leaders and officials mapped to their organisation, each with
an ISO3 country and a PLOVER sector, with aliases and transliterations. The data lives in
``warwire/data/actors_dictionary.json`` and is written by hand.

Matching runs over a spaCy ``Doc`` once (:func:`find_actors`) and then each argument span is
resolved against those matches (:func:`resolve_actor`); unknown actors keep their text.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["ActorEntry", "ActorDictionary", "ActorMatch", "load_dictionary", "find_actors",
           "resolve_actor", "normalize_alias"]

#: The packaged data files.
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Aliases this short and all in capitals are matched case-sensitively ("US" ≠ "us").
CASE_SENSITIVE_MAX_LEN = 4


@dataclass(frozen=True)
class ActorEntry:
    """One dictionary entry (an organisation, a person, or a state)."""

    name: str
    country: str | None
    sector: str | None
    kind: str
    member_of: str | None = None
    backer: str | None = None
    by_place_country: tuple[tuple[str, str], ...] = ()  # ISO3 of the place → entry name


@dataclass(frozen=True)
class ActorMatch:
    """A dictionary hit in a Doc: tokens [start, end) and what they name.

    ``role`` is ``actor`` (a named organisation/person), ``country`` (a state name or capital) or
    ``demonym`` (an adjective such as "Iranian" that qualifies a head noun).
    """

    start: int
    end: int
    entry: ActorEntry
    role: str


_SPACES = re.compile(r"\s+")


def normalize_alias(text: str) -> str:
    """Lowercase, unify apostrophes and hyphens/spaces, drop a leading "the "."""
    t = text.lower().strip()
    if "’" in t or "‘" in t or "`" in t:
        t = t.replace("’", "'").replace("‘", "'").replace("`", "'")
    if "  " in t or "\n" in t or "\t" in t:
        t = _SPACES.sub(" ", t)
    return t[4:] if t.startswith("the ") else t


@dataclass
class ActorDictionary:
    """Aliases → entries, and head nouns → sectors."""

    aliases: dict[str, tuple[ActorEntry, str]] = field(default_factory=dict)
    exact_aliases: dict[str, tuple[ActorEntry, str]] = field(default_factory=dict)
    sector_nouns: dict[str, str] = field(default_factory=dict)
    by_name: dict[str, ActorEntry] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)  # lowercase first word of every alias

    def lookup(self, text: str) -> ActorEntry | None:
        """The entry whose alias is exactly ``text`` (case-insensitive), or None."""
        bare = text.strip()
        bare = bare[4:] if bare.lower().startswith("the ") else bare
        hit = self.exact_aliases.get(bare) or self.aliases.get(normalize_alias(text))
        return hit[0] if hit else None

    def sector_of_noun(self, lemma_or_text: str) -> str | None:
        """PLOVER sector of a generic head noun ("forces" → MIL, "protesters" → CVL)."""
        return self.sector_nouns.get(lemma_or_text.lower())

    def add(self, alias: str, entry: ActorEntry, role: str) -> None:
        """Register ``alias`` (short all-caps aliases are kept case-sensitive)."""
        first = normalize_alias(alias).split(" ")[0]
        self.first_words.add(re.split(r"[-'.]", first)[0] or first)
        bare = alias[4:] if alias.lower().startswith("the ") else alias
        if bare.isupper() and len(bare.replace(".", "")) <= CASE_SENSITIVE_MAX_LEN:
            self.exact_aliases.setdefault(bare, (entry, role))
        else:
            self.aliases.setdefault(normalize_alias(alias), (entry, role))


@functools.lru_cache(maxsize=1)
def load_dictionary() -> ActorDictionary:
    """Load the packaged actor dictionary (once per process)."""
    raw = json.loads((DATA_DIR / "actors_dictionary.json").read_text("utf-8"))
    d = ActorDictionary()
    for a in raw["actors"]:
        entry = ActorEntry(a["name"], a.get("country"), a.get("sector"), a.get("kind", "group"),
                           a.get("member_of"), a.get("backer"),
                           tuple(sorted((a.get("by_place_country") or {}).items())))
        d.by_name[entry.name] = entry
        for alias in [a["name"], *a.get("aliases", [])]:
            d.add(alias, entry, "actor")
    for c in raw["countries"]:
        state = ActorEntry(c["names"][0], c["iso3"], "GOV", "state")
        for n in c["names"]:
            d.add(n, state, "country")
        for n in c.get("capitals", []):
            d.add(n, state, "country")
        adj = ActorEntry(c["names"][0], c["iso3"], None, "state")
        for n in c.get("demonyms", []):
            # A demonym alone ("the Iranians") is the state's people/forces; as a modifier it
            # qualifies the head noun. The alias table keeps the first role added for a text,
            # so "US" stays a country name.
            d.add(n, adj, "demonym")
    for sector, nouns in raw["sector_nouns"].items():
        for n in nouns:
            d.sector_nouns.setdefault(n.lower(), sector)
    return d


_FIRST_SPLIT = re.compile(r"[-'.]")

#: Longest alias, in tokens, tried at each position (aliases are at most this many words).
MAX_ALIAS_TOKENS = 8


def find_actors(doc, text: str | None = None) -> list[ActorMatch]:  # type: ignore[no-untyped-def]
    """All dictionary hits in ``doc``, longest first, non-overlapping, in text order.

    Token windows are compared by their text, so tokenization differences between the alias and
    the article ("Kata'ib" vs "Kata’ib") do not matter. ``text``: the text ``doc`` was parsed
    from, when the caller has it (else it is rebuilt from the tokens).
    """
    import numpy as np
    from spacy.attrs import IDX, LENGTH, LOWER, ORTH, SPACY

    d = load_dictionary()
    out: list[ActorMatch] = []
    if len(doc) == 0:
        return out
    # Token columns read as arrays: building a Token object per word costs more than the match.
    table = doc.to_array([LOWER, IDX, LENGTH, ORTH, SPACY])
    strings = doc.vocab.strings
    n = len(table)
    starts = table[:, 1].tolist()
    ends = (table[:, 1] + table[:, 2]).tolist()
    last_orth, last_space = (int(v) for v in table[-1, 3:5])
    if text is None or len(text) != ends[-1] + last_space or (
            text[starts[-1]:ends[-1]] != strings[last_orth]):  # not the parsed text: rebuild it
        text = "".join(strings[o] + " " if sp else strings[o] for o, sp in table[:, 3:5].tolist())
    # whether a word can start an alias, decided once per distinct word of the document
    words, where = np.unique(table[:, 0], return_inverse=True)
    can_start = np.fromiter((_can_start(strings[w], d) for w in words.tolist()), dtype=bool,
                            count=len(words))
    nxt = 0
    for i in np.flatnonzero(can_start[where.reshape(-1)]).tolist():
        if i < nxt:
            continue  # inside the previous match
        found = None
        for k in range(min(MAX_ALIAS_TOKENS, n - i), 0, -1):
            span_text = text[starts[i]: ends[i + k - 1]]
            hit = d.exact_aliases.get(span_text) or (
                None if span_text.isupper() and len(span_text) <= CASE_SENSITIVE_MAX_LEN
                else d.aliases.get(normalize_alias(span_text))
            )
            if hit:
                found = ActorMatch(i, i + k, hit[0], hit[1])
                break
        if found:
            out.append(found)
            nxt = found.end
    return out


def _can_start(lower: str, d: ActorDictionary) -> bool:
    """True when a word (lowercase) is the first word of some alias."""
    first = lower.replace("’", "'")
    return first != "the" and (_FIRST_SPLIT.split(first)[0] or first) in d.first_words


def resolve_actor(doc, start: int, end: int, matches: list[ActorMatch], head=None):  # type: ignore[no-untyped-def]
    """Best dictionary reading of the tokens [start, end) of ``doc``.

    Returns ``(entry_name, country, sector, backer)`` (all may be None). Order of preference:
    a named actor inside the span; else a state/demonym qualifying the head noun, with the head
    noun's sector ("Iranian forces" → IRN MIL); else just the head noun's sector.
    ``backer`` is the state named in "Iranian-backed"/"Iran-backed" inside the span.
    """
    d = load_dictionary()
    inside = [m for m in matches if m.start >= start and m.end <= end]
    backer = None
    sponsor = None  # the match that names the backer ("Tehran" in "Tehran-backed militias")
    for m in inside:
        nxt = doc[m.end] if m.end < len(doc) else None
        after = doc[m.end + 1] if m.end + 1 < len(doc) else None
        if m.role in ("country", "demonym") and nxt is not None and (
            nxt.lower_ in ("-backed", "backed", "-supported", "-sponsored", "-aligned", "-allied")
            or (nxt.text == "-" and after is not None and after.lower_ in (
                "backed", "supported", "sponsored", "aligned", "allied", "led"))
        ):
            if after is not None and after.lower_ == "led":
                continue
            backer, sponsor = m.entry.country, m
    named = [m for m in inside if m.role == "actor"]
    head_sector = None
    if head is not None:
        head_sector = d.sector_of_noun(head.lemma_) or d.sector_of_noun(head.text)
    if named:
        # The syntactic head's own match wins over a modifier's ("Hezbollah's Iranian backers").
        best = next((m for m in named if head is not None and m.start <= head.i < m.end), named[0])
        e = best.entry
        return e.name, e.country, e.sector, backer or e.backer
    # the sponsor is not the actor, but the same state named apart is ("Iran and Tehran-backed
    # militias" → Iran)
    states = [m for m in inside if m.role in ("country", "demonym") and m is not sponsor]
    if states:
        m = next((s for s in states if head is not None and s.start <= head.i < s.end), states[0])
        is_head = head is not None and m.start <= head.i < m.end
        if is_head:
            sector = "GOV" if m.role == "country" else None
            return m.entry.name, m.entry.country, sector, backer
        return None, m.entry.country, head_sector, backer
    return None, None, head_sector, backer
