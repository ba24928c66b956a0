"""Sub-topics damped by the people documents name, and the singleton gate (textcluster.py, coref_fit.py)."""

from __future__ import annotations

import pytest

from warwire.merge import ClusterOptions, cluster
from warwire.merge.coref_fit import _logistic
from warwire.merge.textcluster import Bucket, _doc_clusters, _similarity


def test_similarity_is_damped_only_when_both_documents_name_people():
    a = {"arrest": 0.6, "team": 0.8}
    b = {"arrest": 0.6, "team": 0.8}
    assert _similarity(a, b, {}, {"smith": 1.0}, 0.5) == pytest.approx(1.0)  # one side names nobody
    assert _similarity(a, b, {"smith": 1.0}, {"smith": 1.0}, 0.5) == pytest.approx(1.0)
    assert _similarity(a, b, {"smith": 1.0}, {"jones": 1.0}, 0.5) == pytest.approx(0.5)
    assert _similarity(a, b, {"smith": 1.0}, {"jones": 1.0}, 1.0) == pytest.approx(1.0)  # floor 1: off


def test_documents_about_other_people_form_other_sub_topics():
    theme = {"arrest": 0.6, "team": 0.6, "drive": 0.52}
    vectors = {d: dict(theme) for d in ("a1", "a2", "b1", "b2")}
    people = {"a1": {"smith": 1.0}, "a2": {"smith": 1.0}, "b1": {"jones": 1.0}, "b2": {"jones": 1.0}}
    found = _doc_clusters(vectors, 0.6, 0.3, people, people_floor=0.5)
    assert found["a1"] == found["a2"] != found["b1"] == found["b2"]
    plain = _doc_clusters(vectors, 0.6, 0.3, people, people_floor=1.0)
    assert len(set(plain.values())) == 1


def test_a_likely_singleton_keeps_no_edge():
    bucket = Bucket([0, 1, 2], {(0, 1): (1.0,), (0, 2): (1.0,), (1, 2): (1.0,)}, [], [0.9, 0.2, 0.5])
    assert set(bucket.scores((2.0,), gate=0.5)) == {(1, 2)}  # 0.5 is not above the gate
    assert set(bucket.scores((2.0,))) == {(0, 1), (0, 2), (1, 2)}  # default gate 1.0: nothing dropped


def test_newton_fit_finds_the_direction_of_the_evidence():
    rows = [(1.0, x) for x in (0.0, 0.1, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0)]
    labels = [False, False, True, False, True, False, True, True]
    bias, slope = _logistic(rows, labels)
    assert slope > 0 > bias


SMITH_1 = ("Rovers striker Tom Smith was arrested on suspicion of drunk driving on Sunday. "
           "Police stopped Smith on the ring road at 2 a.m.")
SMITH_2 = ("Tom Smith, the Rovers striker, was arrested early Sunday on suspicion of drunk driving, "
           "police said. Smith will still play on Saturday.")
JONES_1 = ("Rovers defender Carl Jones was arrested on suspicion of drunk driving on Thursday. "
           "Jones failed a breath test, police said.")
JONES_2 = ("Police arrested Rovers defender Carl Jones on Thursday on suspicion of drunk driving. "
           "Jones was released on bail.")


def _arrest(doc_id: str, text: str) -> dict:
    start = text.index("arrest")
    return {"mention_id": f"{doc_id}:arrest", "doc_id": doc_id, "text": text, "start": start,
            "end": text.index(" ", start), "published": None, "group": "rovers"}


def test_two_arrests_of_one_team_are_two_events(nlp):
    records = [_arrest("s1", SMITH_1), _arrest("s2", SMITH_2), _arrest("j1", JONES_1), _arrest("j2", JONES_2)]
    out = {r["mention_id"]: r["cluster_id"] for r in cluster(records, ClusterOptions(), nlp=nlp)}
    assert out["s1:arrest"] == out["s2:arrest"]
    assert out["j1:arrest"] == out["j2:arrest"]
    assert out["s1:arrest"] != out["j1:arrest"]
    # the shared team, charge and police words alone would make the four reports one story
    plain = cluster(records, ClusterOptions(people_floor=1.0), nlp=nlp)
    assert len({r["cluster_id"] for r in plain}) == 1
