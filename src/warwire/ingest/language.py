"""Language of a line or a body, with lingua restricted to a list of languages."""

from __future__ import annotations

import functools
import re

#: Below this many letters lingua's guess on a line is noise ("AA-AA" → French 0.39): say None.
MIN_LETTERS = 12
#: lingua's relative confidence needed to name the language of Latin-script text. English
#: headlines full of words French shares ("Iran fires missiles at US forces") score FR 0.53 /
#: EN 0.41; real foreign lines score ≥ 0.99. Below this the line gets no language rather than
#: a wrong one, because a wrong "foreign" would drop a body line from the NLP text.
MIN_CONFIDENCE = 0.75
#: Share of English function words above which a Latin-script line is English without asking
#: lingua (3 ms a line): English prose runs at 35–50 %, French, German, Spanish or Turkish
#: prose at 0–10 % (only "a", "in", "on" are shared).
ENGLISH_FAST_SHARE = 0.25
_ENGLISH_FUNCTION = frozenset(
    """the a an of on in at to for with by from and or but as that which who is are was were be
    been has have had will would could should it its their his her they he she this these those
    than into not no after before over said""".split()
)
_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]")
_WORD = re.compile(r"[^\W\d_]+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


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
    # Low-accuracy mode uses trigram models only: it loads in a fraction of a second instead of
    # ~2-8 s, and the lines that reach lingua are long (MIN_LETTERS) or in a telling script,
    # where it agrees with the full mode; MIN_CONFIDENCE still guards the undecided ones.
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def letters(text: str) -> int:
    """Number of letters in ``text``."""
    return len(_LETTER.findall(text))


def latin_share(text: str) -> float:
    """Share of the letters of ``text`` written in Latin script."""
    # Every ASCII letter is Latin (and no letters at all also gives 1.0): when no letter lies
    # outside ASCII (news prose is ASCII but for quotes and dashes) the share is 1.0.
    if text.isascii() or not any(_LETTER.search(run) for run in _NON_ASCII.findall(text)):
        return 1.0
    total = len(_LETTER.findall(text))
    return len(_LATIN_LETTER.findall(text)) / total if total else 1.0


def looks_english(text: str) -> bool:
    """Cheap test: a Latin-script line with many English function words is English."""
    words = _WORD.findall(text.lower())
    if not words:
        return False
    share = sum(map(_ENGLISH_FUNCTION.__contains__, words)) / len(words)
    return share >= ENGLISH_FAST_SHARE and latin_share(text) > 0.9


def detect(text: str, languages: tuple[str, ...]) -> str | None:
    """ISO 639-1 code of ``text``'s language, or None when too short or undecided."""
    if letters(text) < MIN_LETTERS:
        return None
    values = detector(tuple(languages)).compute_language_confidence_values(text)
    if not values:
        return None
    if values[0].value < MIN_CONFIDENCE and latin_share(text) >= 0.5:
        return None  # in another script the script itself already tells it is not English
    return values[0].language.iso_code_639_1.name.lower()
