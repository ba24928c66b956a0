"""``warwire eval timex``: TempEval-3 task A over ``dev/tempeval3/train`` and the seed dates.

Measures (as in the TempEval-3 task paper, UzZaman et al. 2013):

- strict span P/R/F1: system and gold extents identical;
- relaxed span P/R/F1: extents overlap (each gold matched at most once);
- type accuracy: share of relaxed matches with the gold TIMEX3 type;
- value P/R/F1: relaxed matches whose value equals the gold value, over all system (P) and
  all gold (R) expressions.

TimeBank and AQUAINT are scored separately and together. ``seeds_date_accuracy`` is the share of
``date_evidence`` phrases of the seed gold (``gold/seeds/events.jsonl``) whose resolved event date
and precision equal the gold ones (:func:`evaluate_seed_dates`).
"""

from __future__ import annotations

import html
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from ..model import Article, Mention, Span
from ..timex import date_mentions, tag
from . import shared_dir

#: The two halves of TBAQ-cleaned, scored separately.
CORPORA = ("TimeBank", "AQUAINT")

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


@dataclass
class GoldTimex:
    """One gold TIMEX3 of a TimeML document (offsets into the plain text)."""

    start: int
    end: int
    type: str
    value: str


@dataclass
class TmlDoc:
    """A TimeML document: plain text of its TEXT element, DCT and gold time expressions."""

    name: str
    corpus: str
    dct: str
    text: str
    gold: list[GoldTimex] = field(default_factory=list)


def load_tml(path: Path, corpus: str = "") -> TmlDoc:
    """Read a ``.tml`` file: the TEXT element with tags removed and its TIMEX3s as offsets."""
    raw = path.read_text(encoding="utf-8")
    dct_m = re.search(r"<DCT>\s*<TIMEX3[^>]*value=\"([^\"]+)\"", raw)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    gold: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            open_timex = (length, dict(re.findall(r'(\w+)="([^"]*)"', m.group(3))))
        elif open_timex is not None:
            attrs = open_timex[1]
            gold.append(GoldTimex(open_timex[0], length, attrs.get("type", ""),
                                  attrs.get("value", "")))
            open_timex = None
    parts.append(html.unescape(body[pos:]))
    return TmlDoc(path.stem, corpus, dct_m.group(1) if dct_m else "", "".join(parts), gold)


def load_tempeval(shared: Path) -> list[TmlDoc]:
    """All TempEval-3 train documents under ``shared/dev/tempeval3/train``."""
    root = shared / "dev" / "tempeval3" / "train"
    docs = []
    for corpus in CORPORA:
        for path in sorted((root / corpus).glob("*.tml")):
            docs.append(load_tml(path, corpus))
    return docs


@dataclass
class Counts:
    """Counts behind the TempEval-3 task A measures."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def scores(self) -> dict[str, float]:
        """P/R/F1 for strict and relaxed spans and values; type accuracy."""
        def prf(hit: int) -> tuple[float, float, float]:
            p = hit / self.system if self.system else 0.0
            r = hit / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        out: dict[str, float] = {}
        for name, hit in (("strict", self.strict), ("relaxed", self.relaxed),
                          ("value", self.value_ok)):
            p, r, f = prf(hit)
            out.update({f"{name}_p": p, f"{name}_r": r, f"{name}_f1": f})
        out["type_accuracy"] = self.type_ok / self.relaxed if self.relaxed else 0.0
        return {k: round(v, 4) for k, v in out.items()}


@dataclass
class Mismatch:
    """A gold/system disagreement, for error analysis (``--errors``)."""

    doc: str
    dct: str
    gold: str | None
    system: str | None


def score_doc(doc: TmlDoc, errors: list[Mismatch] | None = None) -> Counts:
    """Tag one document and count its matches against the gold."""
    system = tag(doc.text, doc.dct)
    counts = Counts(gold=len(doc.gold), system=len(system))
    used: set[int] = set()
    for g in doc.gold:
        match = None
        for i, s in enumerate(system):
            if i not in used and s.start < g.end and g.start < s.end:  # type: ignore[operator]
                match = i
                break
        if match is None:
            if errors is not None:
                errors.append(Mismatch(doc.name, doc.dct,
                                       f"{doc.text[g.start:g.end]}|{g.type}|{g.value}", None))
            continue
        used.add(match)
        s = system[match]
        counts.relaxed += 1
        counts.strict += (s.start, s.end) == (g.start, g.end)
        counts.type_ok += s.type == g.type
        counts.value_ok += s.value == g.value
        if errors is not None and s.value != g.value:
            errors.append(Mismatch(doc.name, doc.dct, f"{doc.text[g.start:g.end]}|{g.type}|{g.value}",
                                   f"{s.text}|{s.type}|{s.value}"))
    if errors is not None:
        for i, s in enumerate(system):
            if i not in used:
                errors.append(Mismatch(doc.name, doc.dct, None, f"{s.text}|{s.type}|{s.value}"))
    return counts


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    dot = text.rfind(". ", 0, start)
    left = max(dot + 2 if dot >= 0 else 0, text.rfind("\n", 0, start) + 1)
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    right = min(stops) + 1 if stops else len(text)
    return left, left + len(text[left:right].rstrip())


def _seed_trigger(ev: dict[str, Any], doc_id: str, text: str) -> tuple[int, int]:
    """The span dated for a gold event: its ``date_evidence`` phrase when that is a mention of
    the event; else the event's mention in the evidence's sentence (the evidence "told the
    committee on Tuesday" dates the statement, the mention "in the process of bringing …" is
    the act); else the evidence phrase."""
    start, end = ev["date_evidence_span"]
    mentions = [(m["char_start"], m["char_end"]) for m in ev.get("mentions", [])
                if m.get("doc_id") == doc_id and m.get("char_start") is not None]
    if any(s < end and start < e for s, e in mentions):
        return start, end
    s0, s1 = _sentence_around(text, start, end)
    inside = [(s, e) for s, e in mentions if s0 <= s and e <= s1]
    return min(inside, key=lambda p: abs(p[0] - start)) if inside else (start, end)


def same_date(date: str | None, precision: str | None, gold: str, gold_precision: str) -> bool:
    """True when a system date equals the gold one at the gold's precision: the same precision,
    and the same string, or (ranges) each end point the same once cut to the gold end point's
    length ("2011/2022-08-24" is "2011/2022-08" when the gold ends the range at a month)."""
    if date is None or precision != gold_precision:
        return False
    if date == gold:
        return True
    if "/" not in date or "/" not in gold:
        return False
    return all(len(s) >= len(g) and s[:len(g)] == g
               for s, g in zip(date.split("/", 1), gold.split("/", 1)))


def _dated_mention(mention_id: str, doc_id: str, text: str, written: str, span: tuple[int, int],
                   plover_type: str) -> Mention:
    """A mention with ``span`` as its trigger, dated in its article written on ``written``."""
    start, end = span
    s0, s1 = _sentence_around(text, start, end)
    article = Article(doc_id=doc_id, original=text, text=text, published=written)
    mention = Mention(mention_id=mention_id, doc_id=doc_id, type=plover_type or "ASSAULT",
                      trigger=Span(start, end, text[start:end]), sentence=Span(s0, s1, text[s0:s1]),
                      published=written)
    date_mentions(article, None, [mention])
    return mention


def _system_reports(shared: Path, docs: dict[str, dict[str, Any]]) -> dict[str, list[Mention]]:
    """Gold event id → the warwire mentions that report it (trigger inside one of its gold
    quotes, :func:`warwire.evaluation.events._assign`), from :func:`warwire.pipeline.extract` over
    each seed article with its gold publication date given (as TempEval gives the DCT)."""
    from ..pipeline import extract
    from .events import _assign, load_gold

    events = []
    doc_map: dict[str, str] = {}
    for doc_id, d in docs.items():
        got = extract((shared / "corpus" / "seeds" / d["file"]).read_text(encoding="utf-8"),
                      published=d["publication_date"])
        events += got.events
        doc_map[got.article.doc_id] = doc_id
    assigned = _assign(events, load_gold(shared / "gold" / "seeds" / "events.jsonl"), doc_map)
    out: dict[str, list[Mention]] = {}
    for ev in events:
        for m in ev.mentions:
            if m.mention_id in assigned:
                m.doc_id = doc_map.get(m.doc_id, m.doc_id)
                out.setdefault(assigned[m.mention_id], []).append(m)
    return out


def evaluate_seed_dates(shared: Path) -> dict[str, Any]:
    """Resolve every seed ``date_evidence`` phrase with :func:`date_mentions` and compare.

    Each phrase becomes a mention (trigger: the phrase, or the event's mention in the same
    sentence when the phrase is not one, see :func:`_seed_trigger`; sentence: the one around it)
    in its document, dated against the date the text was written: the gold
    ``original_publication_date`` of a republished article, else its ``publication_date``.

    An event reported in several articles has one gold date for all its reports (the sanctions
    "already" imposed in 2018 and still in force when the 2020 article was written:
    ``2018-05/2020-03-13``). Its phrase is therefore read together with the other reports, and
    the event's date is :func:`warwire.merge.build.event_date` over them, the merge's own rule.
    Each report is the warwire mention the pipeline found inside the gold quote, dated by the
    pipeline with the publication date given (:func:`_system_reports`); a quote the pipeline
    found no mention in is dated like the phrase, with the quote as trigger. The reports are
    gathered by their gold event, whichever warwire events the merge put them in: the date rule is
    measured apart from merge errors. Dates are compared at the gold's precision
    (:func:`same_date`).

    Returns ``total``, ``passed``, ``accuracy``, ``phrase_passed`` (the phrase alone, also for
    events of several articles) and one row per event (gold and system date, precision and the
    ``basis`` of an inferred date).
    """
    from ..merge.build import event_date

    gold_dir = shared / "gold" / "seeds"
    docs = {}
    for line in (gold_dir / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            docs[d["doc_id"]] = d
    texts = {doc_id: (shared / "corpus" / "seeds" / d["file"]).read_text(encoding="utf-8")
             for doc_id, d in docs.items()}
    written = {doc_id: d.get("original_publication_date") or d["publication_date"] for doc_id, d in docs.items()}
    system = _system_reports(shared, docs)
    rows = []
    for line in (gold_dir / "events.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        ev = json.loads(line)
        doc_id = ev.get("date_evidence_doc_id")
        if not doc_id or not ev.get("date_evidence_span"):
            continue
        text = texts[doc_id]
        span = _seed_trigger(ev, doc_id, text)
        got = _dated_mention(ev["event_id"], doc_id, text, written[doc_id], span, ev.get("plover_type", "")).date
        row = {"event_id": ev["event_id"], "evidence": ev["date_evidence"],
               "trigger": text[span[0]:span[1]],
               "gold": ev["date"], "gold_precision": ev["date_precision"],
               "date": got.date if got else None, "precision": got.precision if got else None,
               "fallback": got.fallback if got else None,
               "basis": got.basis if got else None}
        row["phrase_ok"] = same_date(row["date"], row["precision"], ev["date"], ev["date_precision"])
        reports = [m for m in ev.get("mentions", []) if m.get("char_start") is not None]
        if len({m["doc_id"] for m in reports}) > 1:
            found = system.get(ev["event_id"], [])
            dated = []
            for n, m in enumerate(reports):
                inside = [s for s in found if s.doc_id == m["doc_id"]
                          and s.trigger.start < m["char_end"] and m["char_start"] < s.trigger.end]
                dated += inside or [_dated_mention(f"{ev['event_id']}#{n}", m["doc_id"], texts[m["doc_id"]],
                                                   written[m["doc_id"]], (m["char_start"], m["char_end"]),
                                                   ev.get("plover_type", ""))]
            date, precision = event_date(dated)
            row["reports"] = [{"doc_id": m.doc_id, "quote": m.trigger.text,
                               "date": m.date.date if m.date else None,
                               "basis": m.date.basis if m.date else None} for m in dated]
            row["event_date"], row["event_precision"] = date, precision
            row["ok"] = same_date(date, precision, ev["date"], ev["date_precision"])
            row["identical"] = date == ev["date"] and precision == ev["date_precision"]
        else:
            row["ok"] = row["phrase_ok"]
            row["identical"] = row["date"] == ev["date"] and row["precision"] == ev["date_precision"]
        rows.append(row)
    passed = sum(r["ok"] for r in rows)
    return {"total": len(rows), "passed": passed, "phrase_passed": sum(r["phrase_ok"] for r in rows),
            "identical": sum(r["identical"] for r in rows),
            "accuracy": round(passed / len(rows), 4) if rows else 0.0, "rows": rows}


def evaluate(shared: Path, errors: bool = False, seeds: bool = True) -> dict[str, Any]:
    """TempEval-3 task A scores per corpus and combined, plus the seed date accuracy."""
    docs = load_tempeval(shared)
    per: dict[str, Counts] = {c: Counts() for c in CORPORA}
    mismatches: list[Mismatch] | None = [] if errors else None
    t0 = time.perf_counter()
    for doc in docs:
        per[doc.corpus].add(score_doc(doc, mismatches))
    elapsed = time.perf_counter() - t0
    total = Counts()
    for c in per.values():
        total.add(c)
    scores: dict[str, float] = {}
    table = ["| corpus | docs | gold | system | strict F1 | relaxed P | relaxed R | relaxed F1 "
             "| type acc | value P | value R | value F1 |", "|" + "---|" * 12]
    for name, counts in [*per.items(), ("all", total)]:
        s = counts.scores()
        key = name.lower()
        scores.update({f"tempeval3_{key}_{k}": v for k, v in s.items()})
        n_docs = len(docs) if name == "all" else sum(d.corpus == name for d in docs)
        table.append(f"| {name} | {n_docs} | {counts.gold} | {counts.system} | {s['strict_f1']:.3f} "
                     f"| {s['relaxed_p']:.3f} | {s['relaxed_r']:.3f} | {s['relaxed_f1']:.3f} "
                     f"| {s['type_accuracy']:.3f} | {s['value_p']:.3f} | {s['value_r']:.3f} "
                     f"| {s['value_f1']:.3f} |")
    result: dict[str, Any] = {"scores": scores, "seconds": round(elapsed, 2)}
    if seeds and (shared / "gold" / "seeds" / "events.jsonl").exists():
        seed = evaluate_seed_dates(shared)
        scores["seeds_date_accuracy"] = seed["accuracy"]
        result["seeds"] = seed
        scores["seeds_date_phrase_alone"] = round(seed["phrase_passed"] / seed["total"], 4) if seed["total"] else 0.0
        table += ["", f"Seed date_evidence phrases resolved to the gold date and precision: "
                      f"{seed['passed']}/{seed['total']} ({seed['accuracy']:.3f}); events of several "
                      f"articles read with all their reports; {seed['identical']}/{seed['total']} with "
                      f"range end points written identically; the phrase alone: "
                      f"{seed['phrase_passed']}/{seed['total']}"]
    result["table"] = "\n".join(table)
    if mismatches is not None:
        result["errors"] = [m.__dict__ for m in mismatches]
    return result


@click.command(name="timex")
@click.option("--shared", "shared_path", type=click.Path(file_okay=False), default=None,
              help="Path to ../shared (default: $WARWIRE_SHARED or ../shared).")
@click.option("--json", "as_json", is_flag=True, help="Print the result dict as JSON.")
@click.option("--errors", is_flag=True, help="Include every mismatch in the JSON output.")
def command(shared_path: str | None, as_json: bool, errors: bool) -> None:
    """TempEval-3 task A (strict/relaxed span, type, value) and seed date resolution."""
    result = evaluate(shared_dir(shared_path), errors=errors)
    if as_json:
        click.echo(json.dumps(result, indent=1, ensure_ascii=False))
    else:
        click.echo(result["table"])
