"""Where a rule can match at all: the first letters of its matches, read off the regex.

Running each of the ~30 grammar rules over the whole text makes the regex engine try every
rule at every word start; almost all of those attempts fail at the first letters ("said",
"the", "of"). This module reads, from the parsed pattern of each rule, every string of up to
:data:`KEY_LEN` characters a match can begin with ("jan", "mon", "las", digits …), indexes the
word starts of a text by their first characters once, and runs ``pattern.match`` only at the
positions whose first characters are one of the rule's keys. A position skipped is one where
the rule cannot match, so :func:`scan` returns exactly what ``pattern.finditer`` returns (same
matches, same order, same non-overlap); a rule whose beginnings cannot be read falls back to
``finditer``.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

try:  # the parser behind ``re`` (3.11: re._parser; older: sre_parse)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - Python < 3.11
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

__all__ = ["RuleKeys", "rule_keys", "WordStarts", "scan"]

#: Characters of a match's beginning used as its key: three letters tell "jan" from "jun" and
#: "the" from "thu" while keeping the key sets small.
KEY_LEN = 3
#: A character class larger than this (``\w``, ``[a-z]``) ends the readable beginning.
MAX_CLASS = 12
#: A beginning with more alternatives than this is not worth indexing: scan with finditer.
MAX_KEYS = 4000
#: Characters sre's IGNORECASE matches to an ASCII letter that ``str.lower`` does not map to it.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})
#: Every decimal digit is written as this one character in keys (``\\d`` under re.UNICODE matches
#: all of them, so a key cannot tell them apart).
DIGIT = "#"
#: ASCII digits → DIGIT (other decimal digits are mapped one by one; they are rare).
_ASCII_DIGITS = str.maketrans({d: DIGIT for d in "0123456789"})
#: The look-behind every grammar rule begins with: a match starts a word.
LOOKBEHIND = r"(?<![\w$£€-])"
#: Where a match may begin: where LOOKBEHIND holds, at a character that is not white space.
_START = re.compile(LOOKBEHIND + r"\S")


class _Unreadable(Exception):
    """The pattern's beginning uses a construct this reader does not follow."""


def _key_char(code: int) -> str:
    """A pattern character as the word-start index writes it: digits as DIGIT, case folded
    (also for a case-sensitive pattern: a folded key only admits more positions)."""
    ch = chr(code)
    if ch.isdecimal():
        return DIGIT
    return ch.translate(_FOLD).lower()[:1] or ch


def _chars(op, av) -> set[str] | None:  # type: ignore[no-untyped-def]
    """Characters one item can match, as key characters; None = too many/unknown."""
    if op is _c.LITERAL:
        return {_key_char(av)}
    if op is _c.IN:
        out: set[str] = set()
        for sub_op, sub_av in av:
            if sub_op is _c.LITERAL:
                out.add(_key_char(sub_av))
            elif sub_op is _c.RANGE and sub_av[1] - sub_av[0] < MAX_CLASS:
                out |= {_key_char(x) for x in range(sub_av[0], sub_av[1] + 1)}
            elif sub_op is _c.CATEGORY and sub_av is _c.CATEGORY_DIGIT:
                out.add(DIGIT)  # \d: any Unicode decimal digit, as str.isdecimal
            else:
                return None
        return out if len(out) <= MAX_CLASS else None
    return None


_Prefixes = set[tuple[str, bool]]


def _extend(prefixes: _Prefixes, items) -> _Prefixes:  # type: ignore[no-untyped-def]
    """Beginnings after a sequence of items: (text so far, still growing)."""
    for op, av in items:
        if all(not grow or len(s) >= KEY_LEN for s, grow in prefixes):
            break
        if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
            continue  # zero-width: consumes nothing, only restricts
        nxt: set[tuple[str, bool]] = set()
        done = {(s, g) for s, g in prefixes if not g or len(s) >= KEY_LEN}
        growing = {(s, g) for s, g in prefixes if g and len(s) < KEY_LEN}
        if op in (_c.LITERAL, _c.IN):
            chars = _chars(op, av)
            if chars is None:
                nxt = {(s, False) for s, _ in growing}
            else:
                nxt = {(s + ch, True) for s, _ in growing for ch in chars}
        elif op is _c.BRANCH:
            for alt in av[1]:
                nxt |= _extend(growing, alt)
        elif op is _c.SUBPATTERN:
            nxt = _extend(growing, av[-1])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            lo, _hi, sub = av
            once = _extend(growing, sub)
            # after one repetition the beginning stops growing (more repetitions may follow)
            nxt = {(s, False) for s, _ in once}
            if lo == 0:
                nxt |= growing
        else:  # ANY, CATEGORY, NOT_LITERAL, GROUPREF, …: nothing known about what follows
            nxt = {(s, False) for s, _ in growing}
        prefixes = done | nxt
        if len(prefixes) > MAX_KEYS:
            raise _Unreadable
    return prefixes


@dataclass(frozen=True)
class RuleKeys:
    """What a match of one pattern may begin with, grouped by length (1..KEY_LEN)."""

    by_len: tuple[frozenset[str], ...]  # by_len[n - 1]: keys of n characters


def rule_keys(pattern: re.Pattern[str]) -> RuleKeys | None:
    """Beginnings of the matches of ``pattern``, or None when they cannot be told (then the
    caller scans with ``finditer``). A key shorter than KEY_LEN means the beginning is known
    only that far."""
    if not pattern.pattern.startswith(LOOKBEHIND):
        return None  # may begin where the word-start index has no entry
    try:
        parsed = _p.parse(pattern.pattern, pattern.flags)
        if not len(parsed) or parsed[0][0] is not _c.ASSERT_NOT:
            return None  # the look-behind is not on every alternative ("(?<!x)a|b")
        found = _extend({("", True)}, list(parsed))
    except (_Unreadable, RecursionError, AttributeError, TypeError, ValueError):
        return None
    keys = {s for s, _ in found}
    if "" in keys or any(s[0].isspace() for s in keys):
        return None  # may begin anywhere, or at white space the word-start index leaves out
    return RuleKeys(tuple(frozenset(s for s in keys if len(s) == n) for n in range(1, KEY_LEN + 1)))


@functools.lru_cache(maxsize=256)
def _compiled_keys(pattern: re.Pattern[str]) -> RuleKeys | None:
    return rule_keys(pattern)


def _key_regex(key: str) -> str:
    return "".join(r"\d" if ch == DIGIT else re.escape(ch) for ch in key)


@functools.lru_cache(maxsize=8)
def _finder(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str] | None:
    """One regex that stops at every word start whose folded first letters are a key of one of
    ``patterns`` (a trie by first character, so each word start costs a few comparisons)."""
    readable = [rk for p in patterns if (rk := _compiled_keys(p)) is not None]
    keys = {k for rk in readable for ks in rk.by_len for k in ks}
    if not keys:
        return None
    by_first: dict[str, set[str]] = {}
    for k in keys:
        by_first.setdefault(k[0], set()).add(k[1:])
    alts = []
    for first, rests in sorted(by_first.items()):
        tails = sorted((_key_regex(r) for r in rests if r), key=len, reverse=True)
        head = _key_regex(first)
        # a key that is the first character alone accepts any continuation
        alts.append(head if "" in rests or not tails else f"{head}(?:{'|'.join(tails)})")
    return re.compile(LOOKBEHIND + "(?=" + "|".join(alts) + ")")


#: Any decimal digit (``\\d`` of a str pattern), written as DIGIT in the key text.
_ANY_DIGIT = re.compile(r"\d")


class WordStarts:
    """Positions of a text where one of ``patterns`` may begin, indexed by their first
    1..KEY_LEN characters (case-folded as IGNORECASE compares them). Built once per text,
    shared by all rules."""

    def __init__(self, text: str, patterns: tuple[re.Pattern[str], ...]):
        low = text.translate(_FOLD).lower()
        finder = _finder(patterns)
        if len(low) != len(text):  # lowercasing changed the length (rare letters): fold by letter
            low = "".join(ch.translate(_FOLD).lower()[:1] or ch for ch in text)
        # folding keeps word characters word characters, so the look-behind reads the same
        hits = finder.finditer(low) if finder is not None else _START.finditer(text)
        keys = _ANY_DIGIT.sub(DIGIT, low)  # one character for one: offsets unchanged
        full: defaultdict[str, list[int]] = defaultdict(list)
        for m in hits:
            p = m.start()
            full[keys[p:p + KEY_LEN]].append(p)
        # shorter keys: group the distinct full keys, not the positions again
        self.by_len: tuple[dict[str, list[int]], ...] = tuple(
            defaultdict(list) for _ in range(KEY_LEN - 1)) + (full,)
        for key, where in full.items():
            for n in range(1, min(KEY_LEN, len(key) + 1)):
                self.by_len[n - 1][key[:n]].extend(where)

    def positions(self, keys: RuleKeys) -> list[int]:
        """Sorted positions whose beginning is one of ``keys``."""
        out: set[int] = set()
        for n, wanted in enumerate(keys.by_len, start=1):
            index = self.by_len[n - 1]
            for k in wanted:
                hit = index.get(k)  # .get: never grow a defaultdict with a missing key
                if hit:
                    out.update(hit)
        return sorted(out)


def scan(pattern: re.Pattern[str], text: str, starts: WordStarts) -> Iterator[re.Match[str]]:
    """The matches ``pattern.finditer(text)`` yields, trying only positions where a match can
    begin (a pattern that does not begin with LOOKBEHIND is run with finditer)."""
    keys = _compiled_keys(pattern)
    if keys is None:
        yield from pattern.finditer(text)
        return
    nxt = 0
    match = pattern.match
    for p in starts.positions(keys):
        if p < nxt:
            continue
        m = match(text, p)
        if m is None:
            continue
        if m.end() == m.start():  # an empty match: finditer's stepping differs; let it decide
            yield from pattern.finditer(text, p)
            return
        yield m
        nxt = m.end()
