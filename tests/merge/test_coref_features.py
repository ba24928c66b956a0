"""Pair evidence and average-link clustering behind ``warwire cluster`` (coref_features.py)."""

from __future__ import annotations

from warwire.merge import ClusterOptions, cluster
from warwire.merge.coref_features import (FEATURE_NAMES, SINGLETON_NAMES, SINGLETON_WEIGHTS, WEIGHTS,
                                          MentionFeatures, average_link, pair_features, singleton_features)
from warwire.merge.textcluster import derive


def test_derive_joins_a_verb_with_its_forms_and_nominalisations():
    assert derive("killing") == derive("kill") == derive("killed")
    assert derive("investigation") == derive("investigate")
    assert derive("appointment") == derive("appoint")
    assert derive("escaped") == derive("escape")
    assert derive("passing") == derive("pass")
    assert derive("arrest") != derive("attack")


def test_models_have_one_weight_per_feature():
    a = MentionFeatures("d1", 0, "quake", "quake", "NOUN", False, context=frozenset({"coast"}),
                        args=frozenset({"peru"}))
    b = MentionFeatures("d2", 0, "quake", "quake", "NOUN", False, context=frozenset({"coast"}),
                        args=frozenset({"peru", "monday"}))
    assert len(pair_features(a, b, 1.0, 0.3)) == len(FEATURE_NAMES) == len(WEIGHTS)
    assert len(singleton_features(a, 1.0, 2)) == len(SINGLETON_NAMES) == len(SINGLETON_WEIGHTS)


def test_average_link_merges_above_threshold_only_and_is_deterministic():
    edges = {(0, 1): 0.9, (1, 2): 0.6, (0, 2): 0.1, (3, 4): 0.3}
    # {0,1} first; then {0,1}–2 averages (0.1 + 0.6) / 2 = 0.35 < 0.5
    assert average_link(5, edges, 0.5) == [0, 0, 1, 2, 3]
    assert average_link(5, edges, 0.3) == [0, 0, 0, 1, 2]
    assert average_link(5, dict(reversed(list(edges.items()))), 0.3) == [0, 0, 0, 1, 2]
    assert average_link(1, {}, 0.5) == [0]


PERU_1 = ("A strong earthquake struck southern Peru on Monday, killing 12 people in Arequipa. "
          "Officials said the earthquake destroyed 300 homes near Arequipa.")
PERU_2 = ("The Monday earthquake in Arequipa, Peru, left 12 dead and 300 homes destroyed, "
          "the Peruvian civil defence agency said.")
JAPAN_1 = ("An earthquake of magnitude 6.8 hit Hokkaido in northern Japan on Friday. "
           "Railway operators said trains stopped across Hokkaido after the earthquake.")
JAPAN_2 = ("Friday's earthquake off Hokkaido halted trains in Sapporo, Japan Railways said, "
           "and no deaths were reported.")


def _mentions(doc_id: str, text: str, words: list[str]) -> list[dict]:
    out, pos = [], 0
    for n, word in enumerate(words):
        start = text.index(word, pos)
        pos = start + len(word)
        out.append({"mention_id": f"{doc_id}:{n}:{word}", "doc_id": doc_id, "text": text,
                    "start": start, "end": pos, "published": None, "group": "quakes"})
    return out


def test_cluster_separates_two_incidents_of_one_kind_and_keeps_speech_apart(nlp):
    records = (_mentions("p1", PERU_1, ["earthquake", "killing", "said", "earthquake"])
               + _mentions("p2", PERU_2, ["earthquake", "dead", "said"])
               + _mentions("j1", JAPAN_1, ["earthquake", "said", "earthquake"])
               + _mentions("j2", JAPAN_2, ["earthquake", "said"]))
    out = {r["mention_id"]: r["cluster_id"] for r in cluster(records, ClusterOptions(), nlp=nlp)}
    assert len(out) == len(records)
    peru = {out["p1:0:earthquake"], out["p1:3:earthquake"], out["p2:0:earthquake"]}
    japan = {out["j1:0:earthquake"], out["j1:2:earthquake"], out["j2:0:earthquake"]}
    assert len(peru) == 1 and len(japan) == 1 and peru != japan
    assert out["p1:1:killing"] == out["p2:1:dead"]  # one act, two words of the synonym table
    assert out["p1:2:said"] != out["p2:2:said"]  # two reports' "said" are two acts of saying
    again = {r["mention_id"]: r["cluster_id"] for r in cluster(list(reversed(records)), nlp=nlp)}
    assert again == out


def test_a_bucket_too_large_for_pairs_stays_one_cluster(nlp, monkeypatch):
    from warwire.merge import textcluster

    monkeypatch.setattr(textcluster, "MAX_PAIRWISE_BUCKET", 2)
    records = (_mentions("p1", PERU_1, ["earthquake", "earthquake"])
               + _mentions("j1", JAPAN_1, ["earthquake", "earthquake"]))
    out = {r["mention_id"]: r["cluster_id"] for r in cluster(records, ClusterOptions(cluster_documents=False), nlp=nlp)}
    assert len(set(out.values())) == 1
