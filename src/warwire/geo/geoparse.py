"""``geoparse``: find and resolve the toponyms of one text (CONTRACTS §4)."""

from __future__ import annotations

from ..model import Place
from .gazetteer import Gazetteer
from .recognize import Recognition, Toponym, recognize
from .resolve import resolve

__all__ = ["geoparse", "recognize_text"]


def recognize_text(text: str, gazetteer: Gazetteer, doc=None) -> Recognition:  # type: ignore[no-untyped-def]
    """Recognition over ``text``; parses with :func:`warwire.nlp.loading.load_nlp` if no ``doc``."""
    if doc is None:
        from ..nlp.loading import load_nlp

        doc = load_nlp()(text)
    return recognize(text, doc, gazetteer)


def geoparse(text: str, gazetteer: Gazetteer, doc=None,  # type: ignore[no-untyped-def]
             spans: list[tuple[int, int]] | None = None) -> list[Place]:
    """Toponyms of ``text`` resolved to places; offsets index ``text``.

    ``doc``: the spaCy parse of ``text`` when the caller has one (never parsed twice).
    ``spans``: resolve exactly these ``(start, end)`` spans instead of finding toponyms; the
    document is then not parsed at all. Unresolvable names keep ``lat``/``lon`` null.
    """
    if spans is not None:
        toponyms = [Toponym(int(s), int(e), text[int(s):int(e)], "given") for s, e in spans]
        return resolve(text, toponyms, gazetteer)
    found = recognize_text(text, gazetteer, doc)
    return resolve(text, found.toponyms, gazetteer, found.demonyms)
