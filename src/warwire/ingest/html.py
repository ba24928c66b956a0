"""HTML pages: main text and metadata with trafilatura (no network, no date guessing)."""

from __future__ import annotations

from dataclasses import dataclass

#: htmldate's "extensive search" guesses a date from any number in the page (copyright years,
#: URLs of other articles): only dates the page states in its metadata or markup are taken.
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
#: trafilatura falls back to any text it finds (a lone "Home" link of a navigation bar); a main
#: text shorter than this many words is not an article.
MIN_MAIN_WORDS = 12


@dataclass
class HtmlPage:
    """Main text of a page and what the page says about itself."""

    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    outlet: str | None = None


def extract(html: str, url: str | None = None) -> HtmlPage | None:
    """Main text and metadata of ``html``; None when the page has no main text."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - trafilatura raises many kinds on broken markup
        return None
    if doc is None:
        return None
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = (data.get("text") or "").strip()
    if len(text.split()) < MIN_MAIN_WORDS:
        return None
    return HtmlPage(
        text=text,
        title=data.get("title") or None,
        author=data.get("author") or None,
        published=data.get("date") or None,
        url=data.get("url") or url,
        outlet=data.get("sitename") or data.get("hostname") or None,
    )
