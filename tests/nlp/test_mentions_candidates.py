"""The per-sentence candidate tokens give find_triggers exactly the triggers of a full scan."""

from __future__ import annotations

import bisect

from warwire.actors import find_actors
from warwire.nlp.lexicon import load_lexicon, match_phrases
from warwire.nlp.triggers import candidate_tokens, could_trigger, find_triggers

TEXT = ("Gunmen attacked a checkpoint near the border on Tuesday, killing two guards. "
        "The ministry said rioting had spread, and police arrested dozens of protesters. "
        "Residents fled as artillery shelled the outskirts. The weather stayed calm.")


def _key(triggers):
    return [(t.start, t.end, t.sense.type, t.phrase) for t in triggers]


def test_candidates_are_exactly_the_words_that_could_trigger(nlp):
    doc = nlp(TEXT)
    lex = load_lexicon()
    expected = [t.i for t in doc if could_trigger(t.lemma_.lower(), t.lower_, lex)]
    assert candidate_tokens(doc, lex) == expected


def test_find_triggers_over_candidates_equals_the_full_scan(nlp):
    doc = nlp(TEXT)
    lex = load_lexicon()
    cands = candidate_tokens(doc, lex)
    hits = match_phrases(doc)
    total = 0
    for sent in doc.sents:
        own = cands[bisect.bisect_left(cands, sent.start):bisect.bisect_left(cands, sent.end)]
        sent_hits = [h for h in hits if sent.start <= h[1] and h[2] <= sent.end]
        full = find_triggers(sent, sent_hits, set(), lex)
        assert _key(find_triggers(sent, sent_hits, set(), lex, own)) == _key(full)
        total += len(full)
    assert total >= 4


def test_find_actors_with_or_without_the_text(nlp):
    text = "Iranian-backed militias and the Islamic Revolutionary Guard Corps denied it. "
    doc = nlp(text)
    found = find_actors(doc)
    assert found and find_actors(doc, text) == found
    assert find_actors(doc, text.upper()) == found  # not the parsed text: rebuilt from tokens
    assert find_actors(doc, text[:-1]) == found
