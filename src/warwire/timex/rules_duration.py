"""Rules for durations ("nine years", "the past three months"), sets ("daily", "every week")
and the vague references of TimeML (PRESENT_REF, PAST_REF, FUTURE_REF).

TimeML conventions followed here (learned from the TimeBank/AQUAINT annotation guidelines):
"the past three years" is a DURATION ``P3Y`` (determiner included); decades count as ten years
(``P20Y`` for "two decades"); vague amounts take ``X`` (``PXY`` for "several years");
"now" and "currently" are ``PRESENT_REF``; "recently", "the past", "recent years" ``PAST_REF``;
"the future" ``FUTURE_REF``.
"""

from __future__ import annotations

import re

from . import calendar as cal
from .base import Context, Norm, Rule, rule
from .lexicon import MONTHS, UNITS, WEEKDAYS, parse_number
from .rules_absolute import MON
from .rules_relative import APPROX, NUM, WEEKDAY

_UNIT_WORDS = "second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|century|centurie"

#: Words between a number and its unit that do not change the unit ("two more weeks").
_FILLER = r"(?:more|additional|full|straight|consecutive|trading|business|calendar|working|long)"

#: Text right before "a year"/"a day" that makes it a rate, i.e. a SET ("$5 a year", "3% a year").
_RATE_BEFORE = r"(?:\d|%|percent|cents?|dollars?|million|billion|times|once|twice)"


def duration(m: re.Match[str], ctx: Context) -> Norm | None:
    """"nine years", "the past three months", "a 10-year", "5 1/2 hours", "several weeks"."""
    if m.group("old") or ctx.followed_by(r"-?old\b"):
        return None  # ages ("a 6-year-old") are not time expressions in TimeML
    num_text = re.sub(r"\s+", " ", m.group("num").lower())
    if m.group("unit").lower() == "quarters" and "-" in m.group(0):
        return None  # "three-quarters" is a fraction
    unit_word = m.group("unit").lower().rstrip("s")
    letter, mult, is_time = UNITS[unit_word if unit_word != "centurie" else "century"]
    pre = (m.group("pre") or "").lower()
    if num_text in ("a", "an", "one") and not pre.strip() and ctx.preceded_by(_RATE_BEFORE):
        return Norm("SET", f"P1{letter}" if not is_time else f"PT1{letter}")
    if m.group("unit")[:1].isupper() and m.group("num")[:1].isdigit():
        return None  # a title ("60 Minutes"), not a duration
    if unit_word == "second" and num_text in ("a", "one"):
        return None  # "a second time", "one second-quarter …": ordinals, not durations
    amount = parse_number(num_text)
    if amount is None and num_text not in ("several", "a few", "few", "many", "some",
                                           "a couple of", "dozens of"):
        return None
    half = bool(m.group("half"))
    if amount is None:
        number = "X"
    else:
        amount *= mult
        number = str(amount)
    if unit_word == "quarter" and amount is not None:
        value = f"P{amount}Q"
    elif half and amount is not None:
        sub = {"Y": ("", 6, "M"), "D": ("T", 12, "H"), "H": ("", 30, "M")}.get(letter)
        value = (f"P{'T' if is_time else ''}{amount}{letter}{sub[1]}{sub[2]}" if sub
                 else f"P{'T' if is_time else ''}{amount}{letter}")
    else:
        value = f"P{'T' if is_time else ''}{number}{letter}"
    event = None
    if ctx.dct is not None and amount is not None and re.search(r"\b(?:past|last|previous)\b", pre):
        event = cal.past_range(amount, letter if not is_time else "D", ctx.dct) if not is_time \
            else None
    elif ctx.dct is not None and amount is None and not is_time and re.search(r"\b(?:past|last|previous)\b", pre):
        event = cal.vague_past_range(letter, ctx.dct)
    return Norm("DURATION", value, event)


def vague_plural(m: re.Match[str], ctx: Context) -> Norm | None:
    """"recent years" (PAST_REF), "recent months", "coming weeks", "for years" (PX…)."""
    unit = m.group("unit").lower().split()[-1].rstrip("s")
    unit = "century" if unit == "centurie" else unit
    mod = (m.group("mod") or "").lower()
    if unit == "year" and "recent" in mod:
        return Norm("DATE", "PAST_REF")
    letter, _, is_time = UNITS[unit]
    return Norm("DURATION", f"P{'T' if is_time else ''}X{letter}")


def reference(m: re.Match[str], ctx: Context) -> Norm | None:
    """now, currently, recently, the past, the future …"""
    word = re.sub(r"\s+", " ", m.group(0).lower())
    if re.search(r"future|near term|short term|long term|soon", word):
        return Norm("DATE", "FUTURE_REF")
    if re.search(r"recent|past|previous|lately|formerly|once", word):
        return Norm("DATE", "PAST_REF")
    if word == "now" and ctx.followed_by(r"that\b"):
        return None  # "now that …" is a conjunction
    return Norm("DATE", "PRESENT_REF")


def set_frequency(m: re.Match[str], ctx: Context) -> Norm | None:
    """daily, weekly, every month, each Thursday, per year."""
    word = re.sub(r"\s+", " ", m.group(0).lower())
    adverbs = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "monthly": "P1M",
               "yearly": "P1Y", "hourly": "PT1H",
               "biweekly": "P2W"}
    if word in adverbs:
        return Norm("SET", adverbs[word])
    target = m.group("what").lower()
    if target.rstrip("s") in UNITS:
        letter, mult, is_time = UNITS[target.rstrip("s")]
        n = mult * (2 if "other" in word else 1)
        return Norm("SET", f"P{'T' if is_time else ''}{n}{letter}")
    if target in ("morning", "night", "evening", "afternoon"):
        return Norm("SET", "P1D")
    if target in WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[target]}")
    if target.rstrip(".") in MONTHS:
        return Norm("SET", f"XXXX-{MONTHS[target.rstrip('.')]:02d}")
    return None


_PRE = (rf"(?:{APPROX}\s+)?(?:(?:each\s+of\s+)?the\s+(?:past|last|next|first|previous|coming|"
        r"following|latest|final|same|initial|remaining|ensuing)\s+|another\s+|an?\s+additional\s+|"
        r"the\s+)?")

#: "over the years" → "the years" (PXY); "for years" → "years".
_YEARS = r"(?:the\s+years|(?<=for\s)(?:years|months|weeks|decades))"

RULES: list[Rule] = [
    rule("duration",
         rf"(?P<pre>{_PRE})(?P<num>{NUM}|\d+\.\d+)(?P<half>\s*(?:1/2|½|and\s+a\s+half))?"
         rf"(?:\s+(?:to|or)\s+{NUM})?[\s-]+(?:{_FILLER}\s+)?(?P<unit>(?:{_UNIT_WORDS})s?)"
         r"(?:[\s-]+(?:long|(?P<old>old)))?(?!\s+(?:ago|earlier|later|from\s+now))", duration, 1),
    rule("vague_plural",
         r"(?P<mod>recent|the\s+coming|coming|the\s+past\s+few|the\s+next\s+few|"
         r"the\s+last\s+few|the\s+past\s+several|the\s+next\s+several)\s+"
         r"(?P<unit>years|months|weeks|days|decades|centuries|hours)", vague_plural, 1),
    rule("bare_plural", rf"(?P<mod>)(?P<unit>{_YEARS})", vague_plural, 0),
    rule("reference",
         r"right\s+now|just\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|"
         r"at\s+the\s+moment|recently|more\s+recently|lately|the\s+past|the\s+(?:near\s+|distant\s+)?"
         r"future|the\s+near\s+term|the\s+short\s+term|the\s+long\s+term|"
         r"current|recent", reference, 0),
    rule("set_frequency",
         r"daily|nightly|weekly|monthly|yearly|hourly|biweekly|"
         rf"(?:every|each|per)\s+(?:other\s+|single\s+)?(?P<what>{_UNIT_WORDS}|morning|night|evening|"
         rf"afternoon|{WEEKDAY}|{MON})", set_frequency, 1),
]
