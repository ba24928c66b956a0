"""Finding event triggers in a sentence and deciding their mode.

A trigger is a verb ("shelled"), a noun ("the airstrike") or a phrase ("opened fire") from the
lexicon, filtered by rules a word list alone gets wrong: objects required for ambiguous verbs
("fired missiles", not "fired an official"), names that contain trigger words ("Popular
Mobilization Forces", "strike group"), and mode cues read from the trigger's neighbourhood.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import Lexicon, TriggerSense

__all__ = ["Trigger", "find_triggers", "could_trigger", "candidate_tokens", "mode_for",
           "MODE_PRIORITY"]

#: Order in which cues decide the mode when several are present: the most specific weapon wins.
MODE_PRIORITY = ("suicide-attack", "drone", "aerial", "heavy-weapons", "explosives", "firearms",
                 "beat")

#: Nouns that only trigger with a qualifying dependent ("military exercise", "call for withdrawal").
NOUNS_NEEDING_OBJECT = frozenset({"exercise", "drill", "maneuver", "manoeuvre", "call", "release",
                                  "capture", "exchange", "operation"})

#: Objects that make "fight" a metaphor, not combat ("fight terrorism").
ABSTRACT_OBJECTS = frozenset({"terrorism", "extremism", "corruption", "poverty", "crime",
                              "disease", "drug", "inflation", "battle", "war", "cause", "case"})
#: Objects of "demonstration/show/display of …" that make the noun a display of capability, not a
#: protest ("the strikes were meant as a demonstration of US power").
DISPLAY_OBJECTS = frozenset({"power", "force", "strength", "resolve", "might", "capability",
                             "determination", "superiority", "will", "prowess"})
#: Protest nouns that can name a display of capability instead.
DISPLAY_NOUNS = frozenset({"demonstration", "show", "display"})
#: Verbs that characterise an act already named ("described the strikes as an assault", "called
#: the assassination a military operation"): their predicate noun is a label, not another act.
LABEL_VERBS = frozenset({"describe", "call", "label", "term", "brand", "characterize",
                         "characterise", "dub", "denounce", "condemn", "decry", "view", "regard",
                         "consider", "deem"})
#: Dependencies of a token that is used as a noun even when the tagger calls it a verb.
NOMINAL_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "pobj", "attr", "appos", "compound"})
#: Nouns that are a cue phrase, not an event, after these prepositions ("in retaliation for").
CUE_NOUNS = frozenset({"retaliation", "reprisal", "response", "revenge"})

#: Lemma → mode when no cue is found around a generic trigger.
DEFAULT_MODES = {"bomb": "explosives", "bombard": "heavy-weapons", "shoot": "firearms",
                 "gun": "firearms", "down": "heavy-weapons", "fire": "heavy-weapons",
                 "strike": "aerial", "airstrike": "aerial", "target": "heavy-weapons",
                 "drop": "aerial", "open": "firearms", "rain": "heavy-weapons",
                 "fall": "heavy-weapons", "land": "heavy-weapons"}
#: Ground attacks that name no weapon anywhere in the sentence read as small-arms attacks
#: (ACLED's default for an attack without a weapon is an armed clash); marked as a weak mode.
GROUND_ATTACKS = frozenset({"attack", "assault", "ambush", "kill", "storm", "repel", "murder",
                            "execute", "slay", "killing", "counterattack", "counter-attack"})

#: Dependencies through which a trigger's neighbourhood is searched for mode cues.
CUE_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "compound", "amod", "pobj", "prep", "agent",
                      "nmod", "conj", "poss", "npadvmod", "appos", "acomp", "attr"})

#: Verbs whose subject is a weapon or means rather than an actor ("a rocket hit").
WEAPON_SUBJECT_OK = frozenset({"hit", "strike", "target", "kill", "wound", "injure", "land",
                               "explode", "fall", "destroy"})


@dataclass
class Trigger:
    """One trigger: its head token, all its tokens, and its sense."""

    head: object  # spacy Token
    tokens: list = field(default_factory=list)  # spacy Tokens (phrase triggers: several)
    sense: TriggerSense | None = None
    phrase: bool = False

    @property
    def start(self) -> int:
        return min(t.i for t in self.tokens)

    @property
    def end(self) -> int:
        return max(t.i for t in self.tokens) + 1


def _dependents(tok):  # type: ignore[no-untyped-def]
    """Lemmas of direct dependents and of prepositional objects one level down."""
    out = set()
    for c in tok.children:
        out.add(c.lemma_.lower())
        if c.dep_ in ("prep", "agent"):
            out.update(g.lemma_.lower() for g in c.children)
        if c.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr"):
            out.update(g.lemma_.lower() for g in c.children if g.dep_ in ("compound", "amod"))
            for g in c.children:  # "fired dozens of artillery shells"
                if g.dep_ == "prep" and g.lower_ == "of":
                    out.update(x.lemma_.lower() for x in g.children if x.dep_ == "pobj")
    if tok.dep_ in ("amod", "compound", "acl") and tok.pos_ in ("VERB", "ADJ", "NOUN"):
        out.add(tok.head.lemma_.lower())
    return out


def _requirement_ok(tok, lemma: str, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    need = lex.requires_object.get(lemma)
    if need is None:
        return True
    deps = _dependents(tok)
    if deps & need:
        return True
    if any(c.dep_ == "dobj" and (c.tag_ == "CD" or c.lower_ in ("that", "which", "whom")) for c in tok.children):
        if tok.dep_ == "relcl" and tok.head.lemma_.lower() not in ("time", "day"):
            return True  # "the militias that Iran targeted"
        return lemma in ("strike", "hit", "target")  # "ended up striking nine"
    # a weapon as subject/object also qualifies ("the missiles hit", "fired two rockets")
    return bool(any(d in lex.cue_lemmas for d in deps) and lemma in (
        "hit", "strike", "target", "fire", "launch", "down", "burn", "station", "exercise", "drill"))


def _is_label(tok) -> bool:  # type: ignore[no-untyped-def]
    """A predicate noun of a characterising verb whose object is named: "described the strikes
    as an assault" (pobj of "as"), "called the assassination a military operation" (oprd)."""
    head = tok.head
    if tok.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep":
        verb = head.head
    elif tok.dep_ in ("oprd", "xcomp"):
        verb = head
    else:
        return False
    return verb.lemma_.lower() in LABEL_VERBS and any(c.dep_ == "dobj" for c in verb.children)


def _stems(word: str) -> list[str]:
    """Candidate base forms of an inflected verb the lemmatizer missed ("rioting" → "riot")."""
    out = []
    for suf, reps in (("ing", ("", "e")), ("ed", ("", "e")), ("es", ("",)), ("s", ("",))):
        if word.endswith(suf) and len(word) > len(suf) + 2:
            base = word[: -len(suf)]
            out += [base + r for r in reps]
            if len(base) > 2 and base[-1] == base[-2]:
                out.append(base[:-1])
    return out


#: Last letters of the words ``_stems`` can shorten (-ing, -ed, -es, -s).
STEM_FINALS = frozenset("gds")


def _stem_lookup(word: str, table):  # type: ignore[no-untyped-def]
    for s in _stems(word):
        if s in table:
            return table[s]
    return None


def could_trigger(lemma: str, lower: str, lex: Lexicon) -> bool:
    """True when a word has a verb or noun sense under some reading (lemma, form, or a stem of
    the form): the only words :func:`find_triggers` can take as single-word triggers."""
    return _lemma_could(lemma, lex) or _form_could(lower, lex)


def _lemma_could(lemma: str, lex: Lexicon) -> bool:
    """The half of :func:`could_trigger` that reads the lemma."""
    return lemma in lex.verbs or lemma in lex.nouns


def _form_could(lower: str, lex: Lexicon) -> bool:
    """The half of :func:`could_trigger` that reads the lower-case form."""
    return lower in lex.verbs or lower in lex.nouns or (
        lower[-1:] in STEM_FINALS and _stem_lookup(lower, lex.verbs) is not None)


def candidate_tokens(doc, lex: Lexicon) -> list[int]:  # type: ignore[no-untyped-def]
    """Indices (ascending) of the tokens of ``doc`` for which :func:`could_trigger` holds.

    Read from token arrays, once per document, so that sentences with no candidate and no phrase
    hit can skip :func:`find_triggers` (and its Token objects) altogether.
    """
    import numpy as np
    from spacy.attrs import LEMMA, LOWER

    if len(doc) == 0:
        return []
    strings = doc.vocab.strings
    table = doc.to_array([LEMMA, LOWER])
    # could_trigger is (lemma test) or (form test): each distinct lemma and each distinct form
    # is decided once (two flat np.unique calls; a unique over (lemma, form) rows costs 3x more)
    lemmas, lemma_at = np.unique(table[:, 0], return_inverse=True)
    forms, form_at = np.unique(table[:, 1], return_inverse=True)
    by_lemma = np.fromiter((_lemma_could(strings[h].lower(), lex) for h in lemmas.tolist()),
                           dtype=bool, count=len(lemmas))
    by_form = np.fromiter((_form_could(strings[h], lex) for h in forms.tolist()),
                          dtype=bool, count=len(forms))
    return np.flatnonzero(by_lemma[lemma_at.reshape(-1)] | by_form[form_at.reshape(-1)]).tolist()


def find_triggers(sent, phrase_hits, blocked: set[int], lex: Lexicon,  # type: ignore[no-untyped-def]
                  candidates: list[int] | None = None) -> list[Trigger]:
    """Triggers in one sentence. ``phrase_hits``: (key, start, end) Matcher hits in the sentence;
    ``blocked``: token indices inside actor names, never triggers; ``candidates``: when given,
    the sentence's tokens from :func:`candidate_tokens` (the only ones single-word triggers can
    come from, so the others are not visited)."""
    found: list[Trigger] = []
    covered: set[int] = set()
    # Longest phrase first, no overlaps.
    for key, s, e in sorted(phrase_hits, key=lambda h: (-(h[2] - h[1]), h[1])):
        if any(i in covered for i in range(s, e)) or any(i in blocked for i in range(s, e)):
            continue
        sense = lex.phrases[key]
        span = sent.doc[s:e]
        found.append(Trigger(span.root, list(span), sense, phrase=True))
        covered.update(range(s, e))
    doc = sent.doc
    for tok in (sent if candidates is None else (doc[i] for i in candidates)):
        if tok.i in covered or tok.i in blocked:
            continue
        lemma = tok.lemma_.lower()
        lower = tok.lower_
        if candidates is None and not could_trigger(lemma, lower, lex):
            continue  # no sense under any reading: most words, spared the parse checks below
        senses = None
        if tok.ent_type_ in ("DATE", "TIME", "PERSON", "CARDINAL", "ORDINAL", "MONEY"):
            continue
        nominal = tok.pos_ in ("NOUN", "PROPN") or (
            tok.dep_ in NOMINAL_DEPS and tok.tag_ not in ("VBG",) and lemma in lex.nouns)
        if not nominal and (tok.pos_ == "VERB" or (tok.tag_ in ("VBN", "VBD", "VBG") and tok.pos_ != "NOUN")):
            senses = lex.verbs.get(lemma) or lex.verbs.get(lower) or _stem_lookup(lower, lex.verbs)
            if senses and lemma not in lex.verbs:
                lemma = next((s for s in _stems(lower) if s in lex.verbs), lemma)
            if senses and not _requirement_ok(tok, lemma, lex):
                senses = None
            if senses and lemma == "fight" and any(
                c.lemma_.lower() in ABSTRACT_OBJECTS for c in tok.subtree if c.dep_ in ("dobj", "pobj")
            ):
                senses = None
        elif nominal:
            senses = lex.nouns.get(lemma) or lex.nouns.get(lower)
            if senses and tok.dep_ == "compound" and (lex.nouns.get(tok.head.lemma_.lower()) is None):
                senses = None  # "strike group", "attack helicopter", "protest movement"
            if senses and lemma in NOUNS_NEEDING_OBJECT and not _requirement_ok(tok, lemma, lex):
                senses = None
            if senses and lemma in CUE_NOUNS and tok.head.pos_ == "ADP":
                senses = None
            if senses and _is_label(tok):
                senses = None  # "described the strikes as an assault": a label of another act
            if senses and lemma in DISPLAY_NOUNS and any(
                c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.dep_ == "pobj" and g.lemma_.lower() in DISPLAY_OBJECTS for g in c.children)
                for c in tok.children
            ):
                senses = None  # "a demonstration of US power": a display, not a protest
        if not senses:
            continue
        found.append(Trigger(tok, [tok], senses[0]))
    found.sort(key=lambda t: t.start)
    return found


def _cue_tokens(trig: Trigger, lex: Lexicon):  # type: ignore[no-untyped-def]
    """Tokens near the trigger that may name the weapon or means."""
    head = trig.head
    toks = list(trig.tokens)
    frontier = [head]
    for depth in range(2):
        nxt = []
        for t in frontier:
            for c in t.children:
                if c.dep_ in CUE_DEPS:
                    toks.append(c)
                    nxt.append(c)
        frontier = nxt
    gov = head.head
    if gov is not head and (gov.lemma_.lower() in lex.light_verbs or head.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj")):
        toks.append(gov)
        for c in gov.children:
            if c.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "prep"):
                toks.extend(list(c.subtree)[:8])
    return toks


def mode_for(trig: Trigger, sent, lex: Lexicon) -> tuple[str | None, bool]:  # type: ignore[no-untyped-def]
    """(mode, from_sentence): the trigger's own mode, else the strongest cue near it, else in
    the sentence (``from_sentence`` True, a weaker reading)."""
    sense = trig.sense
    assert sense is not None
    if sense.mode not in ("_", "territory") and sense.type == "ASSAULT" and sense.mode not in (
        "firearms", "explosives", "destroy"
    ):
        return sense.mode, False
    if sense.type != "ASSAULT":
        return (None if sense.mode == "_" else sense.mode), False

    def best(tokens) -> str | None:  # type: ignore[no-untyped-def]
        modes = {lex.cue_lemmas.get(t.lemma_.lower()) or lex.cue_lemmas.get(t.lower_) for t in tokens}
        for m in MODE_PRIORITY:
            if m in modes:
                return m
        return None

    near = best(_cue_tokens(trig, lex))
    own = None if sense.mode in ("_", "territory") else sense.mode
    def rank(m: str) -> int:
        return MODE_PRIORITY.index(m) if m in MODE_PRIORITY else len(MODE_PRIORITY)

    if own and (near is None or rank(own) <= rank(near)):
        return own, False
    if near:
        if own == "firearms" and trig.head.lemma_.lower() in ("clash", "fight", "battle", "fighting"):
            return own, False  # a clash stays a clash even when shelling accompanies it
        return near, False
    if own:
        return own, False
    default = DEFAULT_MODES.get(trig.head.lemma_.lower())
    if default:
        return default, False
    fallback = best(sent)
    if fallback is None and trig.head.lemma_.lower() in GROUND_ATTACKS:
        return "firearms", True
    return fallback, True
