"""Place-name keys: how two spellings of one name are made to meet in the gazetteer.

News writes one place many ways: ``Deir ez-Zor``, ``Deir Ezzor``, ``Dayr az Zawr``; ``Dar'a`` and
``Daraa``; ``al-Asad`` and ``Al Asad``. Three keys are used, from strict to loose:

* :func:`normalize` — case, diacritics, apostrophes, hyphens and dots folded (``Dar'a`` → ``dara``,
  ``U.S.`` → ``us``);
* :func:`strip_article` — the same without a leading Arabic or English article (``al anbar`` →
  ``anbar``);
* :func:`skeleton` — consonants only, articles and doubled letters dropped (``deir ez zor``,
  ``deir ezzor`` and ``dayr az zawr`` all give ``drzr``). Skeleton matches are always confirmed
  with a rapidfuzz ratio (see ``gazetteer.FUZZY_MIN_RATIO``) because many names share one.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = ["normalize", "strip_article", "skeleton", "keys", "ARTICLES"]

#: Leading articles of Arabic transliterations (with sun-letter assimilation) and English.
ARTICLES = frozenset(
    {"al", "el", "il", "ul", "an", "ar", "as", "ash", "ad", "adh", "az", "at", "ath", "ed", "es",
     "ez", "the"}
)

#: Characters dropped outright: apostrophes, ayn/hamza marks, quotes.
_DROP = dict.fromkeys(map(ord, "'’‘`´ʿʾʼʻ\"“”"), None)
#: Characters that separate words.
_SPACE = re.compile(r"[\s\-‐‑–—_/,;:()\[\]]+")
#: Vowels and semivowels, dropped from skeletons (Dayr/Deir, Zawr/Zor).
_VOWELS = re.compile(r"[aeiouyw]")
#: A skeleton shorter than this matches too many unrelated names to be useful.
MIN_SKELETON = 3


@functools.lru_cache(maxsize=1 << 16)  # pure and called for every candidate n-gram
def normalize(name: str) -> str:
    """Fold case, diacritics, apostrophes, dots and separators: ``"Dar'a"`` → ``"dara"``."""
    if name.isascii():  # most news text: no diacritics or special letters to fold
        text = name.translate(_DROP).replace(".", "").lower()
        return _SPACE.sub(" ", text).strip()
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_DROP).replace(".", "").lower()
    text = text.replace("ı", "i").replace("ə", "e").replace("ø", "o").replace("æ", "ae")
    text = text.replace("ß", "ss").replace("đ", "d").replace("ł", "l")
    return _SPACE.sub(" ", text).strip()


def strip_article(key: str) -> str:
    """``normalize``d key without a leading article (``"al anbar"`` → ``"anbar"``)."""
    head, _, rest = key.partition(" ")
    if rest and head in ARTICLES:
        return rest
    return key


def skeleton(key: str) -> str:
    """Consonant skeleton of a ``normalize``d key; ``""`` when too short to be distinctive."""
    words = [w for w in key.split() if w not in ARTICLES]
    text = "".join(words)
    if not text.isascii():
        return ""
    text = _VOWELS.sub("", text)
    text = re.sub(r"(.)\1+", r"\1", text)
    text = re.sub(r"[^a-z0-9]", "", text)
    return text if len(text) >= MIN_SKELETON else ""


def keys(name: str) -> list[str]:
    """The lookup keys of one written name: normalized, and without its article if it has one."""
    key = normalize(name)
    if not key:
        return []
    bare = strip_article(key)
    return [key] if bare == key else [key, bare]
