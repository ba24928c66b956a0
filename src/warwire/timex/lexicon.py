"""Words of English time expressions: months, weekdays, units, numbers, seasons.

Only constants and pure lookups live here; the grammar (``grammar.py``) builds its regular
expressions from these lists, so adding a spelling is a one-line change in one place.
"""

from __future__ import annotations

import re

#: Month spellings → month number. Abbreviations are matched with an optional full stop.
MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

#: Month words that are also ordinary English words: accepted alone only when capitalised.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "sep", "oct", "nov", "aug"})

#: Weekday spellings → ISO weekday (Monday = 1).
WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7,
}

#: Parts of the day → TIMEX3 suffix (TMO morning, TAF afternoon, TEV evening, TNI night).
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "midday": "MI",
}

#: Seasons → TIMEX3 season code.
SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}

#: Calendar units → (TIMEX3 duration letter, multiplier, is a time-of-day unit).
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "week": ("W", 1, False), "month": ("M", 1, False),
    "quarter": ("Q", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "centurie": ("Y", 100, False), "weekend": ("D", 2, False),
    "night": ("D", 1, False), "fortnight": ("W", 2, False),
}

#: Number words → value, for durations and "N years ago".
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "couple": 2,
}

#: Vague quantities: the duration gets an ``X`` for its number (PXY, PXM …).
VAGUE_NUMBERS = frozenset({"several", "few", "a few", "many", "some", "numerous", "various"})

#: Ordinals, for quarters, halves and "the first nine months".
ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

#: Decade words ("the nineties") → the decade's first two digits after 19.
DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

#: Fixed-date holidays → (month, day).
HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": (7, 4),
    "halloween": (10, 31), "valentine's day": (2, 14),
}


def alternation(words: list[str] | set[str] | dict[str, object]) -> str:
    """A regex alternation of ``words``, longest first so the regex prefers full spellings."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def parse_number(text: str) -> int | None:
    """Integer value of a number written in digits or words ("12", "twenty-four", "a").

    Returns ``None`` for vague quantities ("several", "a few").
    """
    t = text.lower().replace(",", "").strip()
    if t in VAGUE_NUMBERS:
        return None
    if t.isdigit():
        return int(t)
    total = 0
    for part in re.split(r"[\s-]+", t):
        if part in ("and", "of"):
            continue
        if part == "hundred":
            total = max(total, 1) * 100
        elif part in NUMBER_WORDS:
            total += NUMBER_WORDS[part]
        elif part.isdigit():
            total += int(part)
        else:
            return None
    return total or None
