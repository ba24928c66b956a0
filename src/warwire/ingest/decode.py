"""Bytes → text at the edge: encoding detection, binary sniffing and Unicode repair.

Decoding never raises: it returns a :class:`Decoded` with either ``text`` or a rejection ``code``
(one of :data:`warwire.errors.REJECTIONS`). Unicode repair (ftfy) is applied later, per kept line,
by :func:`repair`, which also returns the breakpoints that map the repaired line back to the
decoded one — the decoded text stays the ``original`` that every offset points into.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass

#: How many leading bytes are sniffed for NUL bytes. Text files never contain NUL (except UTF-16/32,
#: which carry a BOM); 8 KB is what git and grep use for the same test.
SNIFF_BYTES = 8192

#: Above this share of control characters (C0 other than tab/newline/CR, and C1) the decoded text is
#: not text: a correct decoding of real prose has essentially none.
MAX_CONTROL_SHARE = 0.02


_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


@dataclass
class Decoded:
    """Result of :func:`decode_bytes`: ``text`` and the encoding used, or a rejection ``code``."""

    text: str | None = None
    encoding: str | None = None
    code: str | None = None
    detail: str | None = None


def looks_binary(data: bytes) -> bool:
    """True when ``data`` has NUL bytes in its head and no UTF-16/32 byte-order mark."""
    head = data[:SNIFF_BYTES]
    return b"\x00" in head and not head.startswith(_BOMS)


_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ufffd]")


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / len(text) if text else 0.0


def _plausible(text: str) -> bool:
    """A decoding of prose has (almost) no control characters or replacement marks."""
    return _control_share(text) <= MAX_CONTROL_SHARE


#: The legacy encodings news sites actually serve, most common first. charset-normalizer ranks
#: by "chaos", and on a short text many code pages tie (cp775 and cp1252 both read "Café"
#: without chaos); among the tied ones the commoner web encoding is the better bet.
WEB_ENCODINGS = (
    "cp1252", "iso8859_1", "iso8859_15", "cp1250", "iso8859_2", "cp1256", "iso8859_6", "cp1251",
    "koi8_r", "koi8_u", "cp1254", "iso8859_9", "cp1255", "iso8859_8", "utf_16", "gb18030",
    "big5", "shift_jis", "euc_jp", "euc_kr",
)
#: Matches within this much chaos of the best one count as tied.
CHAOS_TIE = 0.01


def _detect(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) of non-UTF-8 bytes, or None."""
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data))
    if not matches:
        return None
    least = min(m.chaos for m in matches)
    tied = [m for m in matches if m.chaos <= least + CHAOS_TIE]
    ranked = sorted(tied, key=lambda m: WEB_ENCODINGS.index(m.encoding)
                    if m.encoding in WEB_ENCODINGS else len(WEB_ENCODINGS))
    best = ranked[0]
    if best.encoding not in WEB_ENCODINGS:
        try:  # cp1252 is often not even proposed, yet it is what a Western page without charset is
            text = data.decode("cp1252")
            if _plausible(text):
                return text, "cp1252"
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def decode_bytes(data: bytes) -> Decoded:
    """Decode ``data``: UTF-8 first (CONTRACTS §1), else charset-normalizer's best guess.

    Returns ``code`` E001 (empty), E002 (binary) or E004 (undecodable) instead of raising.
    """
    if not data.strip():
        return Decoded(code="E001")
    if looks_binary(data):
        return Decoded(code="E002")
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError:
        guess = _detect(data)
        if guess is None:
            return Decoded(code="E004", detail="no encoding fits")
        text, encoding = guess
    if not _plausible(text):
        return Decoded(code="E004", detail=f"decoded as {encoding} but not text")
    if not text.strip():
        return Decoded(code="E001")
    return Decoded(text=text, encoding=encoding)


@functools.lru_cache(maxsize=1)
def _ftfy_config():  # type: ignore[no-untyped-def]
    import ftfy

    # Keep curly quotes, full-width forms and HTML-looking text as written: those are not
    # damage, and every change costs precision in the offset map. Fix mojibake, C1 controls,
    # ligatures, surrogates and normalise to NFC.
    return ftfy.TextFixerConfig(
        uncurl_quotes=False, fix_character_width=False, unescape_html=False,
        fix_line_breaks=False, explain=False,
    )


#: Most characters :func:`_substituted` checks one by one before leaving the line to difflib: a
#: line with more differences than this is not a few stray C1 dashes (the usual repair).
MAX_SUBSTITUTIONS = 64


def _substituted(text: str, fixed: str) -> bool:
    """Whether ftfy only replaced single characters in place (cp1252 C1 dashes and quotes such
    as ``\x97`` → ``—``): then the identity map is exact and the (quadratic) alignment of a long
    line with :class:`difflib.SequenceMatcher` is not needed."""
    if len(text) != len(fixed):
        return False
    changed = [i for i, (a, b) in enumerate(zip(text, fixed)) if a != b]
    if len(changed) > MAX_SUBSTITUTIONS:
        return False
    config = _ftfy_config()
    import ftfy

    return all(ftfy.fix_text(text[i], config) == fixed[i] for i in changed)


@dataclass
class Repaired:
    """A repaired string and breakpoints ``(repaired index, input index)`` between the two."""

    text: str
    pairs: list[tuple[int, int]]


def repair(text: str) -> Repaired:
    """Unicode repair of one line with ftfy, and the map back to the input.

    When ftfy changes nothing (the usual case) the map is the identity. Otherwise the two strings
    are aligned with :class:`difflib.SequenceMatcher`: equal runs map exactly; a replaced run maps
    to the start of the run it replaced (e.g. ``â€™`` → ``’``).
    """
    import ftfy

    fixed = ftfy.fix_text(text, _ftfy_config())
    if fixed == text or _substituted(text, fixed):
        return Repaired(fixed, [(0, 0)])
    by_clean: dict[int, int] = {}
    matcher = difflib.SequenceMatcher(None, text, fixed, autojunk=False)
    for _tag, i1, _i2, j1, _j2 in matcher.get_opcodes():
        by_clean[j1] = i1  # a deletion shares j1 with the next run: the later run wins
    return Repaired(fixed, sorted(by_clean.items()) or [(0, 0)])
