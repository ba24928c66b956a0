"""``warwire eval documents``: ingest quality on the seed articles against the gold documents.

Reads ``shared/corpus/seeds`` with :func:`warwire.ingest.read` and compares each article with
``shared/gold/seeds/documents.jsonl``:

* ``published`` — exact for day precision; for inferred gold dates, null or a date inside the
  gold ``publication_date_range`` counts (an honest null is never a wrong date);
* ``author``, ``title`` — normalised equality (gold null → system null);
* ``outlet`` — lenient: the normalised name or domain of one contains the other's;
* ``boilerplate_removed`` — share of the non-space characters of the gold ``boilerplate_spans``
  that no character of the clean text maps back to (via the offset map);
* ``artifacts_repaired`` — share of gold ``layout_artifact_spans`` (mid-sentence blank lines)
  joined in the clean text: the words around the break are adjacent, separated by one space;
* ``body_kept`` — share of the gold article span's non-space characters (headline + body, minus
  boilerplate) that the clean text still covers: cleaning must not eat the article.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import click

from ..model import Article
from . import shared_dir

FIELDS = ("published", "author", "outlet", "title", "language")


def _norm(text: str | None) -> str:
    return re.sub(r"[^0-9a-z]+", "", (text or "").lower())


def _outlet_match(system: str | None, gold: str | None) -> bool:
    if not system or not gold:
        return not system and not gold
    s = _norm(re.sub(r"^(?:https?://)?(?:www\.)?", "", system))
    g = _norm(gold)
    return bool(s) and (s in g or g in s)


def _date_ok(article: Article, gold: dict[str, Any]) -> bool:
    precision = gold.get("publication_date_precision") or "day"
    if precision == "day":
        return article.published == gold.get("publication_date")
    if article.published is None:
        return True
    low, high = gold.get("publication_date_range") or [gold.get("publication_date")] * 2
    return article.published_precision == "inferred" and low <= article.published <= high


def _covered(article: Article) -> set[int]:
    om = article.offset_map
    return {om.to_original(i) for i in range(len(article.text)) if not article.text[i].isspace()}


def _chars(text: str, spans: list[list[int]]) -> set[int]:
    return {i for s, e in spans for i in range(s, e) if not text[i].isspace()}


def _repaired(article: Article, span: list[int]) -> bool:
    before = article.original[: span[0]].split()[-3:]
    after = article.original[span[1] :].split()[:3]
    return " ".join(before + after) in article.text


def _row(article: Article, gold: dict[str, Any]) -> dict[str, Any]:
    text = article.original
    headline = gold.get("headline_span")
    title_gold = text[headline[0] : headline[1]] if headline else None
    boiler = _chars(text, gold.get("boilerplate_spans") or [])
    article_chars = _chars(text, [[gold["char_start"], gold["char_end"]]]) - boiler
    for key in ("deck_span", "byline_span", "dateline_span"):
        if gold.get(key):
            article_chars -= _chars(text, [gold[key]])
    covered = _covered(article)
    artifacts = gold.get("layout_artifact_spans") or []
    return {
        "doc": gold["doc_id"][:3],
        "published": _date_ok(article, gold),
        "published_value": f"{article.published} ({article.published_precision})",
        "author": _norm(article.author) == _norm(gold.get("author")),
        "outlet": _outlet_match(article.outlet, gold.get("outlet")),
        "title": _norm(article.title) == _norm(title_gold),
        "language": (article.language or "") == (gold.get("language") or ""),
        "boiler_total": len(boiler),
        "boiler_removed": len(boiler - covered),
        "body_total": len(article_chars),
        "body_kept": len(article_chars & covered),
        "artifacts_total": len(artifacts),
        "artifacts_repaired": sum(_repaired(article, s) for s in artifacts),
    }


def _stored_articles(db: str, files: set[str]) -> dict[str, Article]:
    """The seed articles as stored by ``warwire ingest`` (matched to gold by file name)."""
    from ..store import open_store

    store = open_store(db)
    try:
        out = {}
        for article in store.iter_articles():
            for source in article.sources or store.sources(article.doc_id):
                if Path(source).name in files:
                    out[Path(source).name] = article
        return out
    finally:
        store.close()


def evaluate(shared: Path, **options: Any) -> dict[str, Any]:
    """Score ingest on the seeds; returns ``{"scores", "rows", "table"}``.

    Options: ``db`` — score the documents a ``warwire ingest`` stored there instead of reading
    the seeds afresh; ``ingest_options`` — an :class:`IngestOptions` for the fresh read.
    """
    from ..ingest import IngestOptions, read

    seeds = Path(shared) / "corpus" / "seeds"
    gold_rows = [json.loads(ln) for ln in (Path(shared) / "gold" / "seeds" / "documents.jsonl")
                 .read_text(encoding="utf-8").splitlines() if ln.strip()]
    by_file = {g["file"]: g for g in gold_rows}
    articles: dict[str, Article] = {}
    if options.get("db"):
        articles = _stored_articles(str(options["db"]), set(by_file))
    else:
        for item in read([str(seeds)], options.get("ingest_options") or IngestOptions()):
            if isinstance(item, Article):
                articles[Path(item.sources[0]).name] = item
    rows = [_row(articles[f], g) for f, g in by_file.items() if f in articles]
    n = len(gold_rows)
    scores: dict[str, float] = {
        "documents_found": len(rows) / n if n else 0.0,
    }
    for f in FIELDS:
        scores[f"{f}_accuracy"] = sum(r[f] for r in rows) / n if n else 0.0
    bt = sum(r["boiler_total"] for r in rows)
    scores["boilerplate_removed"] = sum(r["boiler_removed"] for r in rows) / bt if bt else 1.0
    kt = sum(r["body_total"] for r in rows)
    scores["body_kept"] = sum(r["body_kept"] for r in rows) / kt if kt else 1.0
    at = sum(r["artifacts_total"] for r in rows)
    scores["artifacts_repaired"] = sum(r["artifacts_repaired"] for r in rows) / at if at else 1.0
    return {"scores": scores, "rows": rows, "table": _table(rows, scores)}


def _table(rows: list[dict[str, Any]], scores: dict[str, float]) -> str:
    def mark(v: bool) -> str:
        return "✓" if v else "✗"

    out = [
        "| doc | published | date ok | author | outlet | title | lang | boilerplate removed | body kept | page breaks joined |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        out.append(
            f"| {r['doc']} | {r['published_value']} | {mark(r['published'])} | {mark(r['author'])} "
            f"| {mark(r['outlet'])} | {mark(r['title'])} | {mark(r['language'])} "
            f"| {r['boiler_removed']}/{r['boiler_total']} | {r['body_kept']}/{r['body_total']} "
            f"| {r['artifacts_repaired']}/{r['artifacts_total']} |"
        )
    out.append("")
    out.append("| score | value |")
    out.append("|---|---|")
    out += [f"| {k} | {v:.3f} |" for k, v in scores.items()]
    return "\n".join(out)


@click.command(name="documents")
@click.option("--shared", "shared_path", type=click.Path(file_okay=False), default=None,
              help="The shared data folder (default: ../shared or $WARWIRE_SHARED).")
@click.option("--db", default=None,
              help="Score the documents stored in this store (after `warwire ingest` of the "
                   "seeds) instead of reading the seeds afresh.")
@click.option("--json", "as_json", is_flag=True, help="Print the result as JSON.")
def command(shared_path: str | None, db: str | None, as_json: bool) -> None:
    """Publication date, author, outlet, boilerplate and page breaks on the seed articles."""
    result = evaluate(shared_dir(shared_path), db=db)
    if as_json:
        click.echo(json.dumps({k: v for k, v in result.items() if k != "table"}, indent=2))
    else:
        click.echo(result["table"])
