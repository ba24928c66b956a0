"""The trigger lexicon (``data/nlp_triggers.json``) compiled into fast lookups and a Matcher.

Single-word triggers are dictionary lookups on the token lemma (and lowercase form, to survive
lemmatizer slips); multi-word triggers are matched over inflected lowercase forms indexed by
their first word, so no lemmatizer quirk can make a phrase unmatchable.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["Lexicon", "TriggerSense", "PhrasePattern", "load_lexicon", "phrase_index",
           "match_phrases", "acled_for"]

DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Determiners/possessives allowed (optionally) between the words of a phrase trigger.
PHRASE_FILLERS = ["a", "an", "the", "its", "their", "his", "her", "new", "fresh"]

#: Irregular forms needed by the phrase triggers (the regular ones are generated).
IRREGULAR = {
    "take": ["took", "taken", "taking", "takes"], "shoot": ["shot", "shooting", "shoots"],
    "blow": ["blew", "blown"], "set": ["sets", "setting"], "go": ["went", "gone", "goes"],
    "hold": ["held"], "put": ["puts", "putting"], "send": ["sent"], "bring": ["brought"],
    "fight": ["fought"], "cut": ["cuts", "cutting"], "throw": ["threw", "thrown"],
    "gun": ["gunned", "gunning"], "stop": ["stopped"], "step": ["stepped", "stepping"],
    "sever": ["severed"], "pull": ["pulled"], "open": ["opened", "opening"],
    "swap": ["swapped"], "be": ["is", "are", "was", "were", "been", "being"],
    "strike": ["struck", "striking"], "lay": ["laid"], "leave": ["left"], "gain": ["gained"],
    "place": ["placed", "placing"], "hurl": ["hurled"], "stage": ["staged"],
    "hold talks": [],
}


def inflect(word: str) -> list[str]:
    """Lowercase surface forms of ``word`` (regular inflections plus a few irregular ones)."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("e"):
        forms |= {word[:-1] + "ing", word + "d"}
    if word.endswith("y"):
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if len(word) > 2 and word[-1] not in "aeiouwy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    forms |= set(IRREGULAR.get(word, []))
    return sorted(forms)


@dataclass(frozen=True)
class TriggerSense:
    """What a trigger word means: PLOVER type and mode ("_" = decide from mode cues)."""

    type: str
    mode: str


@dataclass
class Lexicon:
    """Compiled trigger lexicon."""

    verbs: dict[str, list[TriggerSense]] = field(default_factory=dict)
    nouns: dict[str, list[TriggerSense]] = field(default_factory=dict)
    phrases: dict[str, TriggerSense] = field(default_factory=dict)  # matcher key → sense
    phrase_words: dict[str, list[str]] = field(default_factory=dict)
    acled: dict[tuple[str, str], tuple[str, str] | None] = field(default_factory=dict)
    requires_object: dict[str, frozenset[str]] = field(default_factory=dict)
    mode_cues: list[tuple[str, frozenset[str]]] = field(default_factory=list)
    cue_lemmas: dict[str, str] = field(default_factory=dict)  # lemma → first (strongest) mode
    light_verbs: frozenset[str] = frozenset()
    casualty_verbs: frozenset[str] = frozenset()
    grenade: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and compile the packaged trigger lexicon (once per process)."""
    raw = json.loads((DATA_DIR / "nlp_triggers.json").read_text("utf-8"))
    lex = Lexicon()
    for etype, modes in raw["types"].items():
        for mode, spec in modes.items():
            sense = TriggerSense(etype, mode)
            acled = spec.get("acled")
            lex.acled[(etype, mode)] = tuple(acled) if acled else None  # type: ignore[assignment]
            for v in spec.get("verbs", []):
                lex.verbs.setdefault(v, []).append(sense)
            for n in spec.get("nouns", []):
                lex.nouns.setdefault(n, []).append(sense)
            for p in spec.get("phrases", []):
                key = f"{etype}|{mode}|{p}"
                lex.phrases[key] = sense
                lex.phrase_words[key] = p.split()
    lex.requires_object = {k: frozenset(v) for k, v in raw["requires_object"].items()}
    lex.mode_cues = [(c["mode"], frozenset(c["lemmas"])) for c in raw["mode_cues"]]
    for mode, lemmas in lex.mode_cues:
        for lemma in lemmas:
            lex.cue_lemmas.setdefault(lemma, mode)
    lex.light_verbs = frozenset(raw["light_verbs"])
    lex.casualty_verbs = frozenset(raw["casualty_verbs"])
    lex.grenade = frozenset(raw["grenade_lemmas"])
    return lex


@dataclass(frozen=True)
class PhrasePattern:
    """One phrase trigger: its key and, per word, the allowed lowercase forms (None = filler)."""

    key: str
    words: tuple[frozenset[str] | None, ...]


@functools.lru_cache(maxsize=1)
def phrase_index() -> dict[str, tuple[PhrasePattern, ...]]:
    """Phrase patterns indexed by the lowercase forms of their first word.

    A hand-rolled scan over this index replaced spaCy's Matcher: with optional filler tokens the
    Matcher kept many partial states alive at every token and cost more than the parse itself.
    """
    lex = load_lexicon()
    index: dict[str, list[PhrasePattern]] = {}
    for key, words in lex.phrase_words.items():
        forms = tuple(None if w in PHRASE_FILLERS and j > 0 else frozenset(inflect(w))
                      for j, w in enumerate(words))
        pat = PhrasePattern(key, forms)
        for f in forms[0] or ():
            index.setdefault(f, []).append(pat)
    return {k: tuple(v) for k, v in index.items()}


def match_phrases(doc) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    """(key, start, end) of every phrase trigger in ``doc`` (token offsets, end exclusive).

    Between two words of a phrase, one determiner/possessive ("open *their* fire", "impose
    *new* sanctions") may appear; a filler word in the phrase itself is optional.
    """
    from spacy.attrs import LOWER

    index = phrase_index()
    strings = doc.vocab.strings
    lowers = [strings[h] for h in doc.to_array(LOWER).tolist()]  # no Token object per word
    n = len(lowers)
    out = []
    for i, w in enumerate(lowers):
        pats = index.get(w)
        if not pats:
            continue
        for pat in pats:
            j = i + 1
            ok = True
            for forms in pat.words[1:]:
                if forms is None:  # optional filler in the phrase
                    if j < n and lowers[j] in PHRASE_FILLERS:
                        j += 1
                    continue
                if j < n and lowers[j] not in forms and lowers[j] in PHRASE_FILLERS:
                    j += 1
                if j < n and lowers[j] in forms:
                    j += 1
                else:
                    ok = False
                    break
            if ok:
                out.append((pat.key, i, j))
    return out


def acled_for(etype: str, mode: str | None) -> tuple[str, str] | None:
    """ACLED (event type, sub-event type) of a PLOVER type+mode, from the lexicon."""
    lex = load_lexicon()
    return lex.acled.get((etype, mode or "_"))
