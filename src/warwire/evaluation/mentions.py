"""``warwire eval mentions``: event mentions against the seed gold and a fixed ACLED sample.

Seeds (``gold/seeds``): each seed file is read with :func:`warwire.ingest.read` (offsets are
original-text offsets either way), parsed, and its mentions matched to gold mentions by overlap:
a predicted mention *covers* a gold quote when its trigger or its sentence overlaps the quote.

- ``seeds_recall_core``: gold mentions of core events covered by an asserted predicted mention of
  the same PLOVER type (``seeds_recall_core_any_type``: of any type);
- ``seeds_precision_<TYPE>`` for the five material-conflict types: asserted predicted mentions
  that cover a gold mention or hypothetical mention of any event, any tier (background counts as
  correct); ``seeds_precision_strict_<TYPE>``: the trigger itself overlaps a gold quote of an
  event of the same type;
- ``seeds_actor1_country``: over covered gold mentions whose event has an actor1 country, the
  predicted actor1 country is the gold ``country_iso3`` or one of ``additional_iso3``/``backer_iso3``
  (``--json --details`` lists the misses under ``details.seeds.actor1_failures``: event, gold
  countries, our actor1 text and country per covered mention, the sentence);
- ``seeds_modality_traps``: excluded candidates whose reason is a threat, vow, offer, plan,
  hypothetical/future, negation or standing presence and whose quote overlaps the trigger of an
  asserted mention of a material-conflict type.

ACLED (``dev/acled_me_2018/train``): a fixed sample of :data:`ACLED_SAMPLE_SIZE` rows drawn with
``random.Random(ACLED_SEED)``; each ``notes`` text is an article published on ``event_date``.

- ``acled_detection``: notes with at least one asserted mention;
- ``acled_violent_mode``: violent notes (Remote violence, Battle-*, Violence against civilians)
  with an asserted ASSAULT mention whose mode is in the family of the ACLED type
  (:data:`MODE_FAMILIES`); ``acled_protest``: Riots/Protests notes with an asserted PROTEST
  (or COERCE crowd-control) mention;
- ``acled_fatalities_equal``: the sum over asserted mentions of their killed count as ACLED
  would code it (:func:`warwire.acled.mention_fatalities`: a stated number as stated, "dozens"
  12, an unspecified number 10, …; 0 when none; mentions sharing a trigger are one act reported
  by several sources: the largest figure counts) equals ACLED's ``fatalities``
  (``acled_fatalities_equal_uncoded``: the same over notes without an ACLED coder remark such
  as "fatalities coded as half" or "divided across two locations", see :data:`CODER_NOTE`;
  ``acled_fatalities_equal_narrative_only``: over all notes, each re-read with its
  coder-remark sentences removed, so that no figure can come from ACLED's bookkeeping);
- ``acled_actor1_country``: over notes whose ACLED actor1 maps to a country
  (:func:`acled_actor_country`; unidentified armed groups are left out because ACLED gives them
  the country of the event, not of the actor), the first asserted mention with an actor1 has
  that country, taking the most confident asserted material-conflict mention with an actor1
  (main-clause acts outrank "in response to …" background); ``acled_actor1_country_either_side``
  also accepts ACLED's actor2 country for two-sided events (battles, riots), whose actor order
  ACLED does not fix.
"""

from __future__ import annotations

import csv
import functools
import json
import random
import re
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from ..model import MATERIAL_CONFLICT_TYPES, Article, Mention, OffsetMap
from . import shared_dir

__all__ = ["evaluate", "evaluate_seeds", "evaluate_acled", "acled_actor_country", "command",
           "strip_coder_remarks",
           "ACLED_SEED", "ACLED_SAMPLE_SIZE", "MODE_FAMILIES"]

#: Seed of the fixed ACLED sample (the first day of the data set, as a number).
ACLED_SEED = 20180101
#: Rows in the ACLED sample (the acceptance figure is defined on 500).
ACLED_SAMPLE_SIZE = 500

#: Old-taxonomy ACLED event type → PLOVER ASSAULT modes that count as the right mode family.
MODE_FAMILIES: dict[str, frozenset[str]] = {
    "Remote violence": frozenset({"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack"}),
    "Battle": frozenset({"firearms", "heavy-weapons"}),
    "Violence against civilians": frozenset({"targeted", "firearms", "beat", "abduct", "torture",
                                             "sexual", "primitive"}),
}

#: Notes whose fatality figure is an ACLED coding decision rather than a number in the text
#: ("fatalities coded as half", "divided across two locations", "coding fatalities to one").
CODER_NOTE = re.compile(r"coded|coding|divided|distributed|split|allocated|half|each to|spread|account for",
                        re.IGNORECASE)

#: Excluded-candidate reasons that are modality traps (the issue's "about 25 of the 45").
TRAP_REASON = re.compile(r"threat|vow|offer|plan|hypothetic|negat|standing|future|intention")


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def _covers(m: Mention, start: int, end: int) -> bool:
    return _overlap(m.trigger.start, m.trigger.end, start, end) or _overlap(
        m.sentence.start, m.sentence.end, start, end)


def _seed_articles(shared: Path) -> dict[str, Article]:
    """doc_id (file stem) → Article, read by warwire.ingest when present."""
    docs = {json.loads(l)["doc_id"]: json.loads(l)
            for l in (shared / "gold/seeds/documents.jsonl").read_text("utf-8").splitlines() if l}
    out: dict[str, Article] = {}
    for doc_id, meta in docs.items():
        path = shared / "corpus/seeds" / meta["file"]
        article = None
        try:
            from ..ingest import read

            got = [a for a in read([str(path)]) if isinstance(a, Article)]
            article = got[0] if got else None
        except ImportError:  # pragma: no cover - ingest not installed
            article = None
        if article is None:
            text = path.read_text("utf-8")
            article = Article(doc_id=doc_id, original=text, text=text,
                              offset_map=OffsetMap.identity())
        article.doc_id = doc_id
        article.published = article.published or meta.get("publication_date")
        out[doc_id] = article
    return out


def _extract_all(articles: list[Article]) -> dict[str, list[Mention]]:
    from ..nlp import extract_mentions, load_nlp, parse

    nlp = load_nlp()
    return {a.doc_id: extract_mentions(a, doc) for a, doc in parse(articles, nlp)}


def evaluate_seeds(shared: Path) -> dict[str, Any]:
    """Seed-gold scores (see the module docstring) and per-item details."""
    gold_dir = shared / "gold/seeds"
    events = [json.loads(l) for l in (gold_dir / "events.jsonl").read_text("utf-8").splitlines() if l]
    excluded = [json.loads(l) for l in (gold_dir / "excluded_candidates.jsonl").read_text("utf-8").splitlines() if l]
    articles = _seed_articles(shared)
    mentions = _extract_all(list(articles.values()))
    scores: dict[str, float] = {}
    # recall
    core_total = core_hit = core_hit_any = 0
    arg_total = arg_ok = 0
    misses = []
    actor_misses = []  # covered gold mentions whose actor1 country we got wrong
    for ev in events:
        for gm in ev["mentions"]:
            preds = [m for m in mentions.get(gm["doc_id"], []) if m.asserted and
                     _covers(m, gm["char_start"], gm["char_end"])]
            same = [m for m in preds if m.type == ev["plover_type"]]
            if ev["tier"] == "core":
                core_total += 1
                core_hit += bool(same)
                core_hit_any += bool(preds)
                if not same:
                    misses.append({"event": ev["event_id"], "quote": gm["quote"]})
            a1 = ev.get("actor1") or {}
            if same and a1.get("country_iso3"):
                ok = {a1["country_iso3"], *(a1.get("additional_iso3") or []), a1.get("backer_iso3")} - {None}
                arg_total += 1
                good = any(m.actor1 is not None and m.actor1.country in ok for m in same)
                arg_ok += good
                if not good:
                    actor_misses.append({
                        "event": ev["event_id"], "doc": gm["doc_id"], "gold_name": a1.get("name"),
                        "gold": sorted(ok), "got": [[m.actor1.text, m.actor1.country]
                                                    if m.actor1 else None for m in same],
                        "triggers": [m.trigger.text for m in same], "quote": gm["quote"],
                        "sentence": same[0].sentence.text[:240]})
    scores["seeds_recall_core"] = core_hit / core_total if core_total else 0.0
    scores["seeds_recall_core_any_type"] = core_hit_any / core_total if core_total else 0.0
    scores["seeds_actor1_country"] = arg_ok / arg_total if arg_total else 0.0
    # precision
    quotes = defaultdict(list)  # doc → [(start, end, type)]
    for ev in events:
        for gm in ev["mentions"] + ev.get("hypothetical_mentions", []):
            if "char_start" in gm:
                quotes[gm["doc_id"]].append((gm["char_start"], gm["char_end"], ev["plover_type"]))
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    false_pos = []
    for doc_id, ms in mentions.items():
        for m in ms:
            if not m.asserted or m.type not in MATERIAL_CONFLICT_TYPES:
                continue
            ok = any(_covers(m, s, e) for s, e, _ in quotes[doc_id])
            strict = any(_overlap(m.trigger.start, m.trigger.end, s, e) and t == m.type
                         for s, e, t in quotes[doc_id])
            c = by_type[m.type]
            c[0] += 1
            c[1] += ok
            c[2] += strict
            if not ok:
                false_pos.append({"doc": doc_id, "type": m.type, "trigger": m.trigger.text,
                                  "sentence": m.sentence.text[:160]})
    for t in sorted(MATERIAL_CONFLICT_TYPES):
        n, ok, strict = by_type[t]
        scores[f"seeds_precision_{t}"] = ok / n if n else 1.0
        scores[f"seeds_precision_strict_{t}"] = strict / n if n else 1.0
        scores[f"seeds_predicted_{t}"] = float(n)
    # traps
    traps = [x for x in excluded if TRAP_REASON.search(x["reason"])]
    emitted = []
    for x in traps:
        for m in mentions.get(x["doc_id"], []):
            if m.asserted and m.type in MATERIAL_CONFLICT_TYPES and _overlap(
                m.trigger.start, m.trigger.end, x["char_start"], x["char_end"]
            ):
                emitted.append({"quote": x["quote"], "reason": x["reason"], "type": m.type})
                break
    scores["seeds_modality_traps"] = float(len(emitted))
    scores["seeds_modality_trap_candidates"] = float(len(traps))
    return {"scores": scores, "misses": misses, "false_positives": false_pos, "traps": emitted,
            "actor1_failures": actor_misses,
            "counts": {"core_mentions": core_total, "predicted": {t: by_type[t][0] for t in by_type}}}


# --- ACLED ---------------------------------------------------------------------------------

#: Actor-string prefixes/keywords → ISO3, for ACLED actors that do not carry "(Country)" or
#: "of Country". Evaluation-side only: nothing from ACLED is shipped.
ACLED_NAMED = {
    "QSD": "SYR", "Syrian Democratic Forces": "SYR", "YPG": "SYR", "HTS": "SYR", "Hayat Tahrir": "SYR",
    "Operation Restoring Hope": "SAU", "Global Coalition Against Daesh": "USA", "PKK": "TUR",
    "Supreme Political Council": "YEM", "Popular Resistance": "YEM", "Hezbollah": "LBN",
    "Hamas": "PSE", "AQAP": "YEM", "Islamic State (Syria)": "SYR", "Islamic State (Iraq)": "IRQ",
    "Islamic State (Yemen)": "YEM", "Allied Syrian and/or Russian Forces": "SYR|RUS",
}


@functools.lru_cache(maxsize=1)
def _country_table() -> dict[str, str]:
    """Country name (lowercase) → ISO3, from the actor dictionary's country list."""
    from ..actors import DATA_DIR

    raw = json.loads((DATA_DIR / "actors_dictionary.json").read_text("utf-8"))
    table = {}
    for c in raw["countries"]:
        for n in c["names"]:
            table[n.lower().removeprefix("the ")] = c["iso3"]
    table["palestine"] = "PSE"
    return table


def acled_actor_country(actor: str, inter: str, row_country: str) -> str | None:
    """ISO3 of an ACLED actor string: "Military Forces of Syria (2000-)" → SYR,
    "Protesters (Iran)" → IRN, named groups via :data:`ACLED_NAMED`, other non-state armed
    groups → the country of the event (the gold's "based in" rule). None for unidentified
    armed groups and when nothing applies."""
    table = _country_table()
    if not actor or actor.startswith("Unidentified"):
        return None
    for key, iso in ACLED_NAMED.items():
        if actor.startswith(key):
            return iso
    m = re.search(r"\bof ([A-Z][A-Za-z ]+?)(?: \(|$)", actor)
    if m and m.group(1).lower() in table:
        return table[m.group(1).lower()]
    for m in re.finditer(r"\(([A-Za-z ]+)\)", actor):
        if m.group(1).lower() in table:
            return table[m.group(1).lower()]
    if inter in ("2", "3", "4"):
        return table.get(row_country.lower())
    return None


def _acled_rows(shared: Path) -> list[dict[str, str]]:
    path = shared / "dev/acled_me_2018/train/acled_me_2018_train.csv"
    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    idx = sorted(random.Random(ACLED_SEED).sample(range(len(rows)), ACLED_SAMPLE_SIZE))
    return [rows[i] for i in idx]


#: Sentence ends in an ACLED note (notes are plain prose: ". " ends a sentence).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def strip_coder_remarks(notes: str) -> str:
    """The note without its sentences that hold an ACLED coder remark (:data:`CODER_NOTE`):
    what is left is the news narrative alone."""
    return " ".join(s for s in _SENTENCE_END.split(notes) if not CODER_NOTE.search(s))


def _note_killed(ms: list[Mention]) -> int:
    """Killed in a note, as ACLED would code it (:func:`warwire.acled.mention_fatalities`:
    "dozens" → 12, an unspecified number → 10, …): mentions sharing a trigger are one act
    reported by several sources (take the largest figure); distinct acts add up."""
    from ..acled import mention_fatalities

    per_act: dict[tuple[int, int], int] = {}
    for m in ms:
        if m.killed is not None:
            key = (m.trigger.start, m.trigger.end)
            per_act[key] = max(per_act.get(key, 0), mention_fatalities(m) or 0)
    return sum(per_act.values())


def _main_actor1(ms: list[Mention]):  # type: ignore[no-untyped-def]
    """actor1 of the note's main event: the most confident asserted material-conflict mention
    that has an actor1 (the first on ties), else of any type."""
    for pool in ([m for m in ms if m.type in MATERIAL_CONFLICT_TYPES], ms):
        cands = [m for m in pool if m.actor1 is not None]
        if cands:
            return max(cands, key=lambda m: m.confidence).actor1
    return None


def _family(event_type: str) -> frozenset[str] | None:
    if event_type.startswith("Battle"):
        return MODE_FAMILIES["Battle"]
    return MODE_FAMILIES.get(event_type)


def evaluate_acled(shared: Path) -> dict[str, Any]:
    """ACLED-sample scores (see the module docstring) and the failures for inspection."""
    rows = _acled_rows(shared)
    articles = []
    for r in rows:
        date = datetime.strptime(r["event_date"], "%d-%b-%y").date().isoformat()
        articles.append(Article(doc_id=f"acled:{r['data_id']}", original=r["notes"], text=r["notes"],
                                published=date))
    mentions = _extract_all(articles)
    # The same notes with the coder-remark sentences removed: shows that the fatality figures
    # come from the narrative, not from ACLED's own bookkeeping written into the note.
    narrative = [Article(doc_id=a.doc_id, original=t, text=t, published=a.published)
                 for a, t in ((a, strip_coder_remarks(a.text)) for a in articles)]
    narrative_mentions = _extract_all(narrative)
    narrative_ok = sum(_note_killed([m for m in narrative_mentions[a.doc_id] if m.asserted])
                       == int(r["fatalities"]) for r, a in zip(rows, narrative))
    n = len(rows)
    detected = violent = violent_ok = protest = protest_ok = fat_ok = a1_total = a1_ok = 0
    plain = plain_ok = a1_either = 0
    failures: dict[str, list] = defaultdict(list)
    for r, a in zip(rows, articles):
        ms = [m for m in mentions[a.doc_id] if m.asserted]
        detected += bool(ms)
        fam = _family(r["event_type"])
        if fam is not None:
            violent += 1
            good = any(m.type == "ASSAULT" and m.mode in fam for m in ms)
            violent_ok += good
            if not good:
                failures["violent_mode"].append({"type": r["event_type"], "notes": r["notes"],
                                                 "got": [(m.type, m.mode) for m in ms]})
        elif r["event_type"] == "Riots/Protests":
            protest += 1
            good = any(m.type == "PROTEST" or (m.type == "COERCE" and m.mode == "restrict") for m in ms)
            protest_ok += good
            if not good:
                failures["protest"].append({"notes": r["notes"], "got": [(m.type, m.mode) for m in ms]})
        killed = _note_killed(ms)
        if not CODER_NOTE.search(r["notes"]):
            plain += 1
            plain_ok += killed == int(r["fatalities"])
        if killed == int(r["fatalities"]):
            fat_ok += 1
        else:
            failures["fatalities"].append({"acled": int(r["fatalities"]), "got": killed, "notes": r["notes"]})
        gold_c = acled_actor_country(r["actor1"], r["inter1"], r["country"])
        if gold_c:
            a1_total += 1
            first = _main_actor1(ms)
            got = first.country if first else None
            good = got is not None and got in gold_c.split("|")
            a1_ok += good
            other = acled_actor_country(r["actor2"], r["inter2"], r["country"]) or ""
            two_sided = r["event_type"].startswith("Battle") or r["event_type"] == "Riots/Protests"
            a1_either += good or (two_sided and got is not None and got in other.split("|"))
            if not good:
                failures["actor1_country"].append({"acled": r["actor1"], "gold": gold_c, "got": got,
                                                   "text": first.text if first else None, "notes": r["notes"]})
    scores = {
        "acled_detection": detected / n,
        "acled_violent_mode": violent_ok / violent if violent else 0.0,
        "acled_protest": protest_ok / protest if protest else 0.0,
        "acled_fatalities_equal": fat_ok / n,
        "acled_fatalities_equal_uncoded": plain_ok / plain if plain else 0.0,
        "acled_fatalities_equal_narrative_only": narrative_ok / n,
        "acled_actor1_country": a1_ok / a1_total if a1_total else 0.0,
        "acled_actor1_country_either_side": a1_either / a1_total if a1_total else 0.0,
    }
    counts = {"rows": n, "violent": violent, "protest": protest, "actor1_rows": a1_total,
              "uncoded_fatality_rows": plain,
              "event_types": dict(Counter(r["event_type"] for r in rows))}
    return {"scores": scores, "counts": counts, "failures": failures}


def _table(scores: dict[str, float], counts: dict[str, Any]) -> str:
    lines = ["| score | value |", "|---|---|"]
    for k in sorted(scores):
        v = scores[k]
        lines.append(f"| {k} | {v:.3f} |" if not float(v).is_integer() or "precision" in k or "recall" in k
                     else f"| {k} | {int(v)} |")
    lines.append("")
    lines.append(f"counts: {json.dumps(counts, ensure_ascii=False)}")
    return "\n".join(lines)


def evaluate(shared: Path, seeds: bool = True, acled: bool = True, **_: Any) -> dict[str, Any]:
    """All mention scores: ``{"scores": {...}, "table": markdown, "details": {...}}``."""
    scores: dict[str, float] = {}
    details: dict[str, Any] = {}
    counts: dict[str, Any] = {}
    if seeds:
        s = evaluate_seeds(shared)
        scores.update(s["scores"])
        counts["seeds"] = s["counts"]
        details["seeds"] = {k: s[k] for k in ("misses", "false_positives", "traps",
                                              "actor1_failures")}
    if acled:
        a = evaluate_acled(shared)
        scores.update(a["scores"])
        counts["acled"] = a["counts"]
        details["acled"] = a["failures"]
    return {"scores": scores, "table": _table(scores, counts), "counts": counts, "details": details}


@click.command(name="mentions")
@click.option("--shared", "shared_path", type=click.Path(file_okay=False), default=None,
              help="The ../shared directory (default: $WARWIRE_SHARED or beside the repo).")
@click.option("--json", "as_json", is_flag=True, help="Print the result dict as JSON.")
@click.option("--only", type=click.Choice(["seeds", "acled"]), default=None,
              help="Score only one of the two sets.")
@click.option("--details", is_flag=True, help="With --json: include misses and failures.")
def command(shared_path: str | None, as_json: bool, only: str | None, details: bool) -> None:
    """Event mentions vs the seed gold and a fixed 500-row ACLED sample."""
    result = evaluate(shared_dir(shared_path), seeds=only in (None, "seeds"),
                      acled=only in (None, "acled"))
    if as_json:
        if not details:
            result = {k: v for k, v in result.items() if k != "details"}
        click.echo(json.dumps(result, indent=1, ensure_ascii=False, default=str))
    else:
        click.echo(result["table"])
