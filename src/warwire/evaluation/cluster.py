"""``warwire eval cluster``: event coreference on ECB+ with gold mentions, within gold topics.

Reads ``dev/ecbplus/<split>/<topic>/*.xml`` (CAT XML), takes every ACTION_* and NEG_* markable
as a mention (restricted to the sentences of ``ECBplus_coreference_sentences.csv`` when that file
is present, as in the literature), runs :func:`warwire.merge.cluster` with the topic as ``group``
and scores the clusters with MUC, B³ and CEAF-e; CoNLL F1 is their mean.

The metrics are implemented here (Vilain et al. 1995; Bagga & Baldwin 1998; Luo 2005) and
tested on hand examples in tests/merge/test_merge_metrics.py.
"""

from __future__ import annotations

import csv
import json
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import click

from . import shared_dir

__all__ = ["muc", "b_cubed", "ceaf_e", "conll", "read_ecbplus", "evaluate", "command"]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1."""

    p: float
    r: float
    f1: float


def _prf(p_num: float, p_den: float, r_num: float, r_den: float) -> PRF:
    p = p_num / p_den if p_den else 0.0
    r = r_num / r_den if r_den else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def _clusters(assign: Mapping[str, str]) -> list[frozenset[str]]:
    out: dict[str, set[str]] = {}
    for m, c in assign.items():
        out.setdefault(c, set()).add(m)
    return [frozenset(v) for v in out.values()]


def muc(key: Mapping[str, str], response: Mapping[str, str]) -> PRF:
    """MUC link-based score. ``key``/``response``: mention id → cluster id."""

    def side(a: Mapping[str, str], b: Mapping[str, str]) -> tuple[float, float]:
        num = den = 0.0
        for c in _clusters(a):
            parts = {b.get(m, ("__single__", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den

    rn, rd = side(key, response)
    pn, pd = side(response, key)
    return _prf(pn, pd, rn, rd)


def b_cubed(key: Mapping[str, str], response: Mapping[str, str]) -> PRF:
    """B³ mention-based score over the mentions of each side."""

    def side(a: Mapping[str, str], b: Mapping[str, str]) -> tuple[float, float]:
        bc = {c: set() for c in set(b.values())}
        for m, c in b.items():
            bc[c].add(m)
        num = 0.0
        for c in _clusters(a):
            for m in c:
                other = bc.get(b[m], set()) if m in b else {m}
                num += len(c & other) / len(c)
        return num, float(len(a))

    rn, rd = side(key, response)
    pn, pd = side(response, key)
    return _prf(pn, pd, rn, rd)


def _assignment(weights: list[list[float]]) -> float:
    """Maximum-weight bipartite matching (Hungarian algorithm on the negated square matrix)."""
    n_rows = len(weights)
    n_cols = len(weights[0]) if weights else 0
    n = max(n_rows, n_cols)
    if n == 0:
        return 0.0
    big = max((w for row in weights for w in row), default=0.0)
    cost = [[big - (weights[i][j] if i < n_rows and j < n_cols else 0.0) for j in range(n)] for i in range(n)]
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    total = 0.0
    for j in range(1, n + 1):
        i = p[j]
        if i and i - 1 < n_rows and j - 1 < n_cols:
            total += weights[i - 1][j - 1]
    return total


def ceaf_e(key: Mapping[str, str], response: Mapping[str, str]) -> PRF:
    """Entity-based CEAF with φ4 similarity (2|K∩R| / (|K|+|R|))."""
    kc, rc = _clusters(key), _clusters(response)
    # Only clusters that share a mention can score; match within connected parts for speed.
    index: dict[str, int] = {}
    for j, c in enumerate(rc):
        for m in c:
            index[m] = j
    total = 0.0
    parent = list(range(len(kc)))
    by_resp: dict[int, list[int]] = {}
    for i, c in enumerate(kc):
        for m in c:
            if m in index:
                by_resp.setdefault(index[m], []).append(i)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for ks in by_resp.values():
        for i in ks[1:]:
            parent[find(i)] = find(ks[0])
    comps: dict[int, list[int]] = {}
    for i in range(len(kc)):
        comps.setdefault(find(i), []).append(i)
    for ks in comps.values():
        rs = sorted({index[m] for i in ks for m in kc[i] if m in index})
        if not rs:
            continue
        w = [[2 * len(kc[i] & rc[j]) / (len(kc[i]) + len(rc[j])) for j in rs] for i in ks]
        total += _assignment(w)
    return _prf(total, len(rc), total, len(kc))


def conll(key: Mapping[str, str], response: Mapping[str, str]) -> dict[str, PRF | float]:
    """MUC, B³, CEAF-e and CoNLL F1 (their mean)."""
    m, b, c = muc(key, response), b_cubed(key, response), ceaf_e(key, response)
    return {"muc": m, "b3": b, "ceaf_e": c, "conll_f1": (m.f1 + b.f1 + c.f1) / 3}


# ----------------------------------------------------------------------------------------- ECB+


@dataclass
class EcbDocument:
    """One ECB+ document rebuilt as text: tokens joined by spaces, sentences by newlines."""

    doc_id: str
    topic: str
    text: str
    mentions: list[tuple[str, int, int, str]]  # (mention id, start, end, gold cluster)


#: Sentence filters: the official list (when its CSV is present), the sentences holding at least
#: one coreference relation (a proxy for that list when the CSV is absent), or everything.
CSV_SENTENCES, COREF_SENTENCES, ALL_SENTENCES = "csv", "coref-sentences", "all"


def _selected_sentences(root: Path, csv_path: Path | None = None) -> dict[str, set[int]] | None:
    candidates = [csv_path] if csv_path else []
    candidates += [root / "ECBplus_coreference_sentences.csv", root.parent / "ECBplus_coreference_sentences.csv"]
    for candidate in candidates:
        if candidate is None:
            continue
        if candidate.is_file():
            out: dict[str, set[int]] = {}
            with candidate.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh):
                    doc = f"{row['Topic'].strip()}_{row['File'].strip()}"
                    out.setdefault(doc, set()).add(int(row["Sentence Number"].strip()))
            return out
    return None


def _read_doc(path: Path, topic: str, selected: dict[str, set[int]] | None,
              sentence_filter: str = ALL_SENTENCES) -> EcbDocument:
    tree = ET.parse(path)
    root = tree.getroot()
    doc_id = path.stem.replace(".xml", "")
    offsets: dict[str, tuple[int, int, int]] = {}
    parts: list[str] = []
    pos, last_sentence = 0, None
    for tok in root.iter("token"):
        sent = int(tok.get("sentence", "0"))
        if last_sentence is not None:
            sep = "\n" if sent != last_sentence else " "
            parts.append(sep)
            pos += 1
        text = tok.text or ""
        offsets[tok.get("t_id", "")] = (pos, pos + len(text), sent)
        parts.append(text)
        pos += len(text)
        last_sentence = sent
    text = "".join(parts)
    gold: dict[str, str] = {}
    for rel in root.iter("CROSS_DOC_COREF"):
        for src in rel.iter("source"):
            gold[src.get("m_id", "")] = "x:" + (rel.get("note") or "")
    for rel in root.iter("INTRA_DOC_COREF"):
        target = rel.find("target")
        for src in rel.iter("source"):
            gold.setdefault(src.get("m_id", ""), f"i:{doc_id}:{target.get('m_id') if target is not None else ''}")
    markables = list(root.find("Markables") or [])
    if selected is not None:
        wanted = selected.get(doc_id, set())
    elif sentence_filter == COREF_SENTENCES:
        # sentences where any markable (event or entity) takes part in a coreference relation
        wanted = {
            offsets[a.get("t_id", "")][2]
            for mk in markables if gold.get(mk.get("m_id", ""), "").startswith("x:")
            for a in mk.iter("token_anchor") if a.get("t_id", "") in offsets
        }
    else:
        wanted = None
    mentions = []
    for mk in markables:
        if not (mk.tag.startswith("ACTION_") or mk.tag.startswith("NEG_")):
            continue
        anchors = [offsets[a.get("t_id", "")] for a in mk.iter("token_anchor") if a.get("t_id", "") in offsets]
        if not anchors:
            continue
        if wanted is not None and anchors[0][2] not in wanted:
            continue
        m_id = mk.get("m_id", "")
        mid = f"{doc_id}:{m_id}"
        cluster = gold.get(m_id, "s:" + mid)
        mentions.append((mid, min(a[0] for a in anchors), max(a[1] for a in anchors), cluster))
    return EcbDocument(doc_id, topic, text, mentions)


def read_ecbplus(root: Path, split: str = "dev", sentence_filter: str = CSV_SENTENCES,
                 csv_path: Path | None = None) -> list[EcbDocument]:
    """Every document of ``root/<split>``, sorted by topic and name.

    ``sentence_filter`` "csv" uses ECBplus_coreference_sentences.csv when present and falls back
    to "coref-sentences" when it is not; "all" keeps every annotated action mention.
    """
    selected = _selected_sentences(root, csv_path) if sentence_filter == CSV_SENTENCES else None
    if selected is None and sentence_filter == CSV_SENTENCES:
        sentence_filter = COREF_SENTENCES
    docs = []
    for topic_dir in sorted((root / split).iterdir(), key=lambda p: p.name):
        if topic_dir.is_dir():
            for path in sorted(topic_dir.glob("*.xml")):
                docs.append(_read_doc(path, topic_dir.name, selected, sentence_filter))
    return docs


def _records(docs: Iterable[EcbDocument]) -> tuple[list[dict], dict[str, str]]:
    records, key = [], {}
    for d in docs:
        for mid, start, end, gold in d.mentions:
            records.append({"mention_id": mid, "doc_id": d.doc_id, "text": d.text, "start": start,
                            "end": end, "published": None, "group": d.topic})
            key[mid] = gold
    return records, key


#: The row of the shipped configuration (ClusterOptions() defaults).
FINAL = "warwire (doc clusters + keys + pair model, average link)"


class _Parsed:
    """A stand-in pipeline that parses each text once: the configurations share the parses."""

    def __init__(self, nlp, texts: list[str]) -> None:  # type: ignore[no-untyped-def]
        unique = sorted(set(texts))
        self._docs = dict(zip(unique, nlp.pipe(unique)))
        self._nlp = nlp

    def pipe(self, texts: Iterable[str]):  # type: ignore[no-untyped-def]
        """Parsed documents, from the cache when the text was seen."""
        for text in texts:
            yield self._docs[text] if text in self._docs else self._nlp(text)


def evaluate(shared: Path, split: str = "dev", lemmas: bool = True, sentences: str = CSV_SENTENCES,
             csv_path: Path | None = None, **options) -> dict:  # type: ignore[no-untyped-def]
    """Score :func:`warwire.merge.cluster` on ECB+ ``split`` (gold mentions, gold topics)."""
    from ..merge.textcluster import ClusterOptions, cluster

    root = Path(shared) / "dev" / "ecbplus"
    docs = read_ecbplus(root, split, sentences, csv_path)
    has_csv = sentences == CSV_SENTENCES and _selected_sentences(root, csv_path) is not None
    used = "ECBplus_coreference_sentences.csv" if has_csv else (
        "sentences with a coreference relation (CSV absent)" if sentences != ALL_SENTENCES else "all annotated mentions")
    records, key = _records(docs)
    nlp = None
    if lemmas:
        from ..nlp.loading import load_nlp

        nlp = _Parsed(load_nlp(), [d.text for d in docs])
    rows: dict[str, dict] = {}
    plain = dict(use_synonyms=False, derivation=False, pairwise=False, within_document=frozenset())
    configs = {
        "lemma (one cluster per head lemma, topic)": ClusterOptions(cluster_documents=False, **plain),
        "doc clusters + lemma": ClusterOptions(**plain),
        "doc clusters + keys (synonyms, derivations; speech heads per document)": ClusterOptions(pairwise=False),
        # ablations of the shipped configuration: one part off at a time
        "warwire without the people damping of document similarity": ClusterOptions(people_floor=1.0),
        "warwire without the singleton gate": ClusterOptions(singleton_gate=1.0),
        FINAL: ClusterOptions(),
    }
    for name, opts in configs.items():
        out = cluster(records, opts, nlp=nlp)
        response = {r["mention_id"]: r["cluster_id"] for r in out}
        rows[name] = conll(key, response)
    final = rows[FINAL]
    scores = {
        "ecbplus_conll_f1": round(final["conll_f1"], 4),  # type: ignore[arg-type]
        "ecbplus_muc_f1": round(final["muc"].f1, 4),  # type: ignore[union-attr]
        "ecbplus_b3_f1": round(final["b3"].f1, 4),  # type: ignore[union-attr]
        "ecbplus_ceafe_f1": round(final["ceaf_e"].f1, 4),  # type: ignore[union-attr]
    }
    lines = [
        f"ECB+ {split}: {len(docs)} documents, {len(records)} gold action mentions, "
        f"{len(set(key.values()))} gold clusters; sentence filter: {used}",
        "",
        "| system | MUC P/R/F1 | B³ P/R/F1 | CEAF-e P/R/F1 | CoNLL F1 |",
        "|---|---|---|---|---|",
    ]
    for name, r in rows.items():
        cells = [f"{x.p:.3f}/{x.r:.3f}/{x.f1:.3f}" for x in (r["muc"], r["b3"], r["ceaf_e"])]  # type: ignore[union-attr]
        lines.append(f"| {name} | " + " | ".join(cells) + f" | **{r['conll_f1']:.3f}** |")
    return {"scores": scores, "table": "\n".join(lines)}


@click.command(name="cluster")
@click.option("--shared", "shared_path", type=click.Path(), default=None, help="../shared folder")
@click.option("--split", default="dev", show_default=True, help="ECB+ split folder")
@click.option("--no-lemmas", is_flag=True, help="use the crude stemmer instead of spaCy lemmas")
@click.option("--sentences", type=click.Choice([CSV_SENTENCES, COREF_SENTENCES, ALL_SENTENCES]),
              default=CSV_SENTENCES, show_default=True,
              help="which mentions: the official sentence list (else coref-sentences), or all")
@click.option("--sentences-csv", type=click.Path(dir_okay=False), default=None,
              help="path of ECBplus_coreference_sentences.csv when it is not beside the data")
@click.option("--json", "as_json", is_flag=True, help="print the result as JSON")
def command(shared_path: str | None, split: str, no_lemmas: bool, sentences: str,
            sentences_csv: str | None, as_json: bool) -> None:
    """Event coreference on ECB+ (gold mentions): MUC, B³, CEAF-e, CoNLL F1."""
    result = evaluate(shared_dir(shared_path), split=split, lemmas=not no_lemmas, sentences=sentences,
                      csv_path=Path(sentences_csv) if sentences_csv else None)
    click.echo(json.dumps(result, indent=2) if as_json else result["table"])
