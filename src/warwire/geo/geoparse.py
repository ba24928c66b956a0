"""``geoparse``: find and resolve the toponyms of one text (CONTRACTS §4)."""

from __future__ import annotations

from ..model import Place
from .gazetteer import Gazetteer
from .recognize import Recognition, Toponym, recognize
from .resolve import resolve

__all__ = ["geoparse", "recognize_text", "GEOPARSE_DISABLE", "load_geoparse_nlp"]

#: Components a stand-alone geoparse does not need: recognition reads entities and tokens only,
#: and the small English model's NER has its own embedding layer. Halves the parse time.
GEOPARSE_DISABLE = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")


def load_geoparse_nlp():  # type: ignore[no-untyped-def]
    """The spaCy pipeline reduced to what geoparsing needs (loaded once per process)."""
    from ..nlp.loading import load_nlp

    return load_nlp(disable=GEOPARSE_DISABLE)


def recognize_text(text: str, gazetteer: Gazetteer, doc=None) -> Recognition:  # type: ignore[no-untyped-def]
    """Recognition over ``text``; parses with :func:`load_geoparse_nlp` when no ``doc`` is given."""
    if doc is None:
        doc = load_geoparse_nlp()(text)
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
