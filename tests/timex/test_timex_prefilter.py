"""The word-start prefilter finds exactly the matches finditer finds."""

from __future__ import annotations

import re

from warwire.timex.prefilter import DIGIT, LOOKBEHIND, WordStarts, rule_keys, scan
from warwire.timex.tagger import GRAMMAR

PATTERNS = tuple(r.pattern for r in GRAMMAR)

# Texts written for this test: mixed case, digits, curly quotes, letters whose lowercase is
# longer than the letter (İ) or that IGNORECASE folds to ASCII (ſ, K).
TEXTS = [
    "Jets struck early Monday morning, two days after the Aug. 15 raid; on 3rd January 2020 "
    "and again last May the ministry said the past three years were calm.",
    "THE STRIKE CAME AT 5 P.M. EST, NOV. 6, AND OVERNIGHT SHELLING FOLLOWED IN THE 1990S.",
    "İstanbul, Tuesday: ſunday’s rally and the year-ago quarter; ٢٠١٩ and 2019-10-01, 10/12/2019.",
    "Nothing here at all.",
    "",
]


def _finditer(text: str) -> list[tuple[str, int, int, dict]]:
    return [(p.pattern, m.start(), m.end(), m.groupdict()) for p in PATTERNS for m in p.finditer(text)]


def _scan(text: str) -> list[tuple[str, int, int, dict]]:
    starts = WordStarts(text, PATTERNS)
    return [(p.pattern, m.start(), m.end(), m.groupdict()) for p in PATTERNS for m in scan(p, text, starts)]


def test_scan_equals_finditer():
    for text in TEXTS:
        assert _scan(text) == _finditer(text), text


def test_keys_of_a_simple_pattern():
    keys = rule_keys(re.compile(LOOKBEHIND + r"(?:(?:mon|tues)day|\d{4})", re.IGNORECASE))
    assert keys is not None
    assert keys.by_len[2] == {"mon", "tue"}
    assert keys.by_len[0] == {DIGIT}


def test_unreadable_beginnings_fall_back_to_finditer():
    assert rule_keys(re.compile(r"\bmonday")) is None  # not the rules' look-behind
    assert rule_keys(re.compile(LOOKBEHIND + r".?day")) is None  # may begin with anything
    assert rule_keys(re.compile(LOOKBEHIND + r"monday|\d{4}")) is None  # "ab1234": mid-word
    pattern = re.compile(LOOKBEHIND + r"\w+day")
    text = "Sunday and holiday"
    assert [m.span() for m in scan(pattern, text, WordStarts(text, (pattern,)))] == \
        [m.span() for m in pattern.finditer(text)]


def test_case_sensitive_pattern():
    pattern = re.compile(LOOKBEHIND + r"(?:Monday|(?-i:X)mas)")  # no IGNORECASE at all
    text = "Monday, monday and Xmas"
    assert [m.span() for m in scan(pattern, text, WordStarts(text, (pattern,)))] == \
        [m.span() for m in pattern.finditer(text)] == [(0, 6), (19, 23)]
