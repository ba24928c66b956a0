"""Raw document → :class:`~warwire.model.Article`: structure, clean text, metadata, dates."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from typing import Any

from ..model import Article, Block
from .clean import build_clean_text
from .dates import find_dates, infer_published, infer_written_range
from .options import IngestOptions
from .readers import RawDocument
from .structure import Structure, classify

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")


def content_hash(text: str) -> str:
    """SHA-256 hex digest of the decoded text: the identity of a document."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def doc_id_for(text: str) -> str:
    """``d_`` + the first 16 hex digits of the content hash (same text → same id)."""
    return "d_" + content_hash(text)[:16]


def _given_date(value: str) -> tuple[str | None, str | None]:
    """A given ``published`` value → (ISO day or month/year, precision)."""
    value = value.strip()
    if _ISO_DAY.match(value):
        try:
            return dt.date.fromisoformat(value[:10]).isoformat(), "day"
        except ValueError:
            return None, None
    found = find_dates(value)
    if found and found[0].date:
        return found[0].date.isoformat(), "day"
    if re.fullmatch(r"\d{4}(-\d{2})?", value):
        return value, None
    return None, None


def _domain_outlet(url: str | None) -> str | None:
    if not url:
        return None
    m = re.match(r"^(?:[a-z]+://)?(?:www\.)?([^/:\s]+)", url.strip(), re.I)
    return m.group(1).lower() if m and "." in m.group(1) else None


def _outlet(meta: Mapping[str, Any], st: Structure) -> tuple[str | None, str | None]:
    """Outlet and where it came from: given > URL > domain in the site header/footer > masthead."""
    if meta.get("outlet"):
        return str(meta["outlet"]), "given" if "outlet" not in meta.get("_from_html", []) else "html"
    dom = _domain_outlet(meta.get("url"))
    if dom:
        return dom, "url"
    domains = [h for h in st.outlet_hints if not h.startswith("name:")]
    if domains:
        return max(domains, key=domains.count), "site header/footer address"
    names = [h[5:] for h in st.outlet_hints if h.startswith("name:")]
    if names:
        return names[0], "masthead"
    return None, None


def _published(meta: Mapping[str, Any], st: Structure, clean: str, options: IngestOptions,
               extra: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(published, precision, evidence): given > dateline > source line > inferred > None."""
    if meta.get("published"):
        value, precision = _given_date(str(meta["published"]))
        if value:
            return value, precision, str(meta["published"])
    if st.dateline is not None and st.dateline.date:
        if st.dateline.ambiguous:
            extra["published_ambiguous"] = True
        return st.dateline.date.isoformat(), "day", st.dateline.text
    if st.source_line is not None and st.source_line.date.date:
        # A republication is never older than its original: the original's date is a lower bound.
        extra["published_range"] = [st.source_line.date.date.isoformat(), None]
        return st.source_line.date.date.isoformat(), "inferred", st.source_line.date.text
    if options.infer_dates:
        inf = infer_published(clean, options.day_first)
        if inf is not None:
            extra["published_range"] = [inf.low.isoformat(), inf.high.isoformat() if inf.high else None]
            return inf.date.isoformat(), "inferred", "; ".join(inf.evidence)
        # no full date: partial dates and the office holders named may still give the days it
        # was written on, never one day (Article.written_range; the publication date stays null)
        rng = infer_written_range(clean)
        if rng is not None and rng.high is not None:
            extra["published_range"] = [rng.low.isoformat(), rng.high.isoformat()]
            extra["published_range_evidence"] = "; ".join(rng.evidence)
    return None, None, None


def build_article(raw: RawDocument, options: IngestOptions,
                  line_frequencies: Mapping[str, int] | None = None) -> Article:
    """Clean and describe one raw document (pure: no I/O)."""
    st = classify(raw.original, tuple(options.languages), line_frequencies,
                  options.min_corpus_repeats, options.day_first)
    clean = build_clean_text(raw.original, st.lines)
    meta = raw.meta
    extra: dict[str, Any] = {}
    outlet, outlet_from = _outlet(meta, st)
    published, precision, evidence = _published(meta, st, clean.text, options, extra)
    if st.source_line is not None:
        extra["original_outlet"] = st.source_line.outlet
        if st.source_line.date.date:
            extra["original_published"] = st.source_line.date.date.isoformat()
        extra["original_evidence"] = f"{st.source_line.outlet} {st.source_line.date.text}"
    if st.author_text and not st.author:
        extra["author_text"] = st.author_text
    if clean.joins:
        extra["page_breaks_joined"] = [list(j) for j in clean.joins]
    if outlet_from:
        extra["outlet_from"] = outlet_from
    for key in ("id", "encoding"):
        if meta.get(key):
            extra[key] = meta[key]
    if meta.get("_from_html"):
        extra["from_html"] = meta["_from_html"]
    digest = content_hash(raw.original)
    return Article(
        doc_id="d_" + digest[:16],
        original=raw.original,
        text=clean.text,
        offset_map=clean.offset_map,
        sources=[raw.source],
        url=meta.get("url"),
        outlet=outlet,
        title=meta.get("title") or (st.headline.text if st.headline else None),
        author=meta.get("author") or st.author,
        published=published,
        published_precision=precision,
        published_evidence=evidence,
        language=meta.get("language") or st.language,
        text_sha256=digest,
        blocks=[Block(ln.start, ln.end, ln.kind, ln.language, ln.reason) for ln in st.lines],
        metadata=extra,
    )
