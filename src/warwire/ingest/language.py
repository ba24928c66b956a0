"""Language of a line or a body, with lingua restricted to a list of languages."""

from __future__ import annotations

import functools
import unicodedata

#: Below this many letters lingua's guess on a line is noise ("AA-AA" → French 0.39): say None.
MIN_LETTERS = 12


@functools.lru_cache(maxsize=4)
def detector(languages: tuple[str, ...]):  # type: ignore[no-untyped-def]
    """A lingua detector for these ISO 639-1 codes, built once per process per list."""
    from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

    langs = []
    for code in languages:
        try:
            langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
        except (AttributeError, ValueError):
            continue
    if len(langs) < 2:
        langs = [Language.ENGLISH, Language.FRENCH]
    return LanguageDetectorBuilder.from_languages(*langs).build()


def letters(text: str) -> int:
    """Number of letters in ``text``."""
    return sum(1 for ch in text if ch.isalpha())


def latin_share(text: str) -> float:
    """Share of the letters of ``text`` written in Latin script."""
    total = latin = 0
    for ch in text:
        if ch.isalpha():
            total += 1
            if "LATIN" in unicodedata.name(ch, ""):
                latin += 1
    return latin / total if total else 1.0


def detect(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when too short or undecided."""
    if letters(text) < MIN_LETTERS:
        return None
    lang = detector(tuple(languages)).detect_language_of(text)
    return lang.iso_code_639_1.name.lower() if lang is not None else None
