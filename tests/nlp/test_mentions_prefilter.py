"""The document-level trigger pre-filter keeps every word find_triggers can take."""

from __future__ import annotations

from warwire.nlp.lexicon import load_lexicon, match_phrases
from warwire.nlp.triggers import candidate_tokens, could_trigger, find_triggers


def test_candidates_cover_triggers(nlp):
    doc = nlp("Militants shelled the town on Monday. The weather was mild and sunny. "
              "Protesters rallied outside the embassy, and police fired tear gas.")
    lex = load_lexicon()
    cands = candidate_tokens(doc, lex)
    assert cands == sorted(cands)
    assert any(doc[i].lower_ == "shelled" for i in cands)
    sents = list(doc.sents)
    assert not any(sents[1].start <= i < sents[1].end for i in cands)
    hits = match_phrases(doc)
    for sent in sents:
        sent_hits = [h for h in hits if sent.start <= h[1] and h[2] <= sent.end]
        for trig in find_triggers(sent, sent_hits, set(), lex):
            assert trig.phrase or trig.head.i in cands


def test_could_trigger_reads_stems():
    lex = load_lexicon()
    assert could_trigger("shell", "shelled", lex)
    assert not could_trigger("weather", "weather", lex)
