"""Rules for calendar dates written out: full dates, month-day, month-year, years, decades,
centuries, clock times and fixed holidays.

Month-day without a year takes the DCT's year, moved by one year when that puts it more than
half a year away from the DCT (an article of 5 January speaking of "Dec. 29").
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .base import Context, Norm, Rule, rule
from .lexicon import AMBIGUOUS_MONTHS, DECADE_WORDS, HOLIDAYS, MONTHS, WEEKDAYS, alternation

#: Days beyond which a month-day without a year is taken to be in the neighbouring year.
HALF_YEAR_DAYS = 183

#: A date this many days after the DCT is still "now" (time zones, overnight reporting).
FUTURE_SLACK_DAYS = 1

#: A month named without year or tense is taken in the DCT's year when at most this many
#: months away, else in the neighbouring year ("January" in an October article: next one).
MAX_MONTHS_AWAY = 6

#: A month at most this many months after the DCT's is read as upcoming even in a past-tense
#: clause (tense cues are found by pattern and are often the wrong verb's).
NEAR_MONTHS = 2

#: Earliest and latest four-digit numbers read as years (news archives; not counts like 2500).
MIN_YEAR, MAX_YEAR = 1000, 2099

_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
MON = rf"(?:{alternation(_FULL_MONTHS)}|(?:{alternation(_ABBR_MONTHS)})\.?)"
WEEKDAY = rf"(?:{alternation(WEEKDAYS)})"
DOM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1\d{3}|20\d{2})"
_UNITS_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9}
_TENS_WORDS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
               "seventy": 70, "eighty": 80, "ninety": 90}
#: A year spelled out as broadcast transcripts do ("nineteen ninety-four").
SPELLED = (rf"nineteen[\s-]+(?:{alternation(_TENS_WORDS)})(?:[\s-]+(?:{alternation(_UNITS_WORDS)}))?")
PART = r"(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of|the\s+start\s+of)"


def month_number(word: str) -> int:
    """Month number of a month word ("Sept." → 9)."""
    return MONTHS[word.lower().rstrip(".")]


def dom_number(word: str) -> int:
    """Day of month of "3rd", "22"."""
    return int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


def nearest_year(mon: int, dom: int, ctx: Context) -> int | None:
    """Year for a month-day with no year.

    The DCT's year, unless that date lies ahead of the DCT in a past-tense clause or more than
    half a year ahead (then the year before), or more than half a year behind in a future-tense
    clause (then the year after).
    """
    if ctx.dct is None:
        return None
    year = ctx.dct.year
    d = cal.safe_date(year, mon, min(dom, 28))
    if d is None:
        return year
    diff = (d - ctx.dct).days
    tense = ctx.tense()
    if diff > HALF_YEAR_DAYS and tense != "future":
        return year - 1
    if diff < -HALF_YEAR_DAYS and tense != "past":
        return year + 1
    return year


def _month_ok(word: str) -> bool:
    """Ambiguous month words ("may", "march") count only when capitalised."""
    bare = word.rstrip(".")
    return bare.lower() not in AMBIGUOUS_MONTHS or bare[:1].isupper()


def full_date(m: re.Match[str], ctx: Context) -> Norm | None:
    """"March 5, 1946", "5 March 1946", "Friday, Oct. 23, 1998"."""
    mon = month_number(m.group("mon"))
    d = cal.safe_date(int(_year(m.group("year"))), mon, dom_number(m.group("dom")))
    return Norm("DATE", cal.day(d)) if d else None


def _year(text: str) -> int:
    words = re.split(r"[\s-]+", text.lower())
    if words[0] == "nineteen":
        return 1900 + _TENS_WORDS[words[1]] + (_UNITS_WORDS[words[2]] if len(words) > 2 else 0)
    text = text.strip("'’")
    return int(text) if len(text) == 4 else 1900 + int(text) if int(text) > 30 else 2000 + int(text)


def iso_date(m: re.Match[str], ctx: Context) -> Norm | None:
    """"2018-10-01"."""
    d = cal.safe_date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    return Norm("DATE", cal.day(d)) if d else None


def numeric_date(m: re.Match[str], ctx: Context) -> Norm | None:
    """"10/2/2018" (US month/day/year) and "14.03.2020" (day.month.year)."""
    a, b, y = int(m.group("a")), int(m.group("b")), _year(m.group("y"))
    mon, dom = (b, a) if m.group("sep") == "." or a > 12 else (a, b)
    d = cal.safe_date(y, mon, dom)
    return Norm("DATE", cal.day(d)) if d else None


def month_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """"Aug. 15", "September 22", "3rd January", "the 3rd of January"."""
    if not _month_ok(m.group("mon")):
        return None
    if ctx.followed_by(r"\d|%|percent|billion|million|points?\b"):
        return None
    mon, dom = month_number(m.group("mon")), dom_number(m.group("dom"))
    year = nearest_year(mon, dom, ctx)
    if year is None:
        return Norm("DATE", f"XXXX-{mon:02d}-{dom:02d}")
    d = cal.safe_date(year, mon, dom)
    return Norm("DATE", cal.day(d)) if d else None


def month_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """"October 1984", "January this year", "July last year"."""
    if not _month_ok(m.group("mon")):
        return None
    mon = month_number(m.group("mon"))
    if m.group("year"):
        year = _year(m.group("year"))
    elif ctx.dct is None:
        return Norm("DATE", f"XXXX-{mon:02d}")
    else:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return Norm("DATE", cal.month(year, mon))


def month_alone(m: re.Match[str], ctx: Context) -> Norm | None:
    """"April", "last May", "early September", "the end of November" (tense-aware)."""
    word = m.group("mon")
    if not _month_ok(word) or (word.rstrip(".").lower() in _ABBR_MONTHS and not word.endswith(".")):
        return None
    mon = month_number(word)
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{mon:02d}")
    rel = (m.group("rel") or "").lower().split()
    cur = ctx.dct.month
    year = ctx.dct.year
    if rel and rel[-1] == "last" or rel[-2:] == ["this", "past"] or rel == ["past"]:
        year -= 1 if mon >= cur else 0
    elif rel and rel[-1] == "next" or rel[-2:] == ["this", "coming"]:
        year += 1 if mon <= cur else 0
    elif rel and rel[-1] == "this":
        pass
    else:
        tense = ctx.tense()
        if tense == "past" and mon > cur + NEAR_MONTHS:
            year -= 1
        elif tense == "future" and mon < cur:
            year += 1
        elif tense is None and abs(mon - cur) > MAX_MONTHS_AWAY:
            year += -1 if mon > cur else 1  # no tense: the occurrence nearest the DCT
    return Norm("DATE", cal.month(year, mon))


def year_alone(m: re.Match[str], ctx: Context) -> Norm | None:
    """"1990", "fiscal 1989", "mid-1996", "the end of 1990", "1980-88" (a range)."""
    year = int(m.group("year"))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    if ctx.preceded_by(r"[$£€#]|\bno\.|\bnumber|\broute|\bflight|\bpage|\bgrade") or \
            ctx.followed_by(r"[%,.]\d|\s*(?:percent|per\s+cent|people|troops|soldiers|"
                            r"dollars|shares|members|men|women|units|km|miles|meters|feet|tons)\b"):
        return None
    if m.group("end"):
        end = m.group("end")
        end_year = int(end) if len(end) == 4 else year // 100 * 100 + int(end)
        if end_year <= year:
            return None
        value = f"{year:04d}/{end_year:04d}"
        return Norm("DATE", value, cal.EventDate(value, "range"))
    if year < 1900 and not (m.group("pre") or ctx.preceded_by(r"\b(?:in|since|of|until|by)")):
        return None  # "1500" alone is more often a number than a year
    return Norm("DATE", f"{year:04d}")


def decade(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the 1990s" → 199, "1960s" → 196X, "the '80s", "the nineties"."""
    digits = m.group("digits")
    if digits:
        digits = digits.strip("'’")
        prefix = digits[:3] if len(digits) == 4 else ("19" + digits[0] if digits[0] != "0" else "200")
    else:
        prefix = "19" + str(DECADE_WORDS[m.group("word").lower()])
    article = m.group(0).lower().startswith("the")
    return Norm("DATE", prefix if article else prefix + "X",
                cal.EventDate(f"{prefix}0/{prefix}9", "range"))


def century(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the 20th century" → 19."""
    n = int(m.group("n"))
    return Norm("DATE", f"{n - 1:02d}", cal.EventDate(f"{n - 1:02d}00/{n - 1:02d}99", "range"))


def clock_time(m: re.Match[str], ctx: Context) -> Norm | None:
    """"10:35 a.m.", "5 p.m. EST", "noon", "midnight" on the DCT's day (the tagger may attach a
    following date)."""
    hour, minute = _clock(m)
    if hour is None:
        return None
    return Norm("TIME", "", shift=("T", 0), suffix=f"{hour:02d}:{minute:02d}")


def _clock(m: re.Match[str]) -> tuple[int | None, int]:
    word = (m.group("word") or "").lower()
    if word in ("noon", "midday"):
        return 12, 0
    if word == "midnight":
        return 24, 0
    hour = int(m.group("h"))
    minute = int(m.group("min") or 0)
    ampm = (m.group("ampm") or "").lower().replace(".", "").replace(" ", "")
    if ampm == "pm" and hour < 12:
        hour += 12
    if ampm == "am" and hour == 12:
        hour = 0
    if hour > 24 or minute > 59:
        return None, 0
    return hour, minute


def holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    """"Christmas", "New Year's Day", "Thanksgiving" in the DCT's year (or the named year)."""
    name = re.sub(r"\s+", " ", m.group("name").lower().replace("’", "'"))
    year = int(m.group("year")) if m.group("year") else (ctx.dct.year if ctx.dct else None)
    if year is None:
        return None
    d = _holiday_date(name, year)
    if not m.group("year") and ctx.dct is not None and d > ctx.dct and ctx.tense() != "future":
        d = _holiday_date(name, year - 1)  # "Thanksgiving" in a January article: the last one
    return Norm("DATE", cal.day(d))


def _holiday_date(name: str, year: int) -> dt.date:
    if name.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    mon, dom = HOLIDAYS[name]
    return dt.date(year, mon, dom)




def spelled_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """"nineteen ninety-six", "the year two thousand" (broadcast transcripts)."""
    if m.group("thousand"):
        extra = _UNITS_WORDS.get((m.group("unit2") or "").lower(), 0)
        return Norm("DATE", f"{2000 + extra:04d}")
    tens = _TENS_WORDS[m.group("tens").lower()]
    unit = _UNITS_WORDS.get((m.group("unit") or "").lower(), 0)
    return Norm("DATE", f"{1900 + tens + unit:04d}")


_WD_PREFIX = rf"(?:{WEEKDAY},?\s+)?"
_HOLIDAYS = alternation([h.replace("'", "’'") for h in HOLIDAYS]).replace("’'", "['’]")

RULES: list[Rule] = [
    rule("full_date_mdy",
         rf"{_WD_PREFIX}(?P<mon>{MON})\s+(?P<dom>{DOM}),?\s+(?P<year>{YEAR}|['’]\d\d)", full_date, 5),
    rule("full_date_dmy",
         rf"{_WD_PREFIX}(?:the\s+)?(?P<dom>{DOM})\s+(?:of\s+)?(?P<mon>{MON}),?\s+(?P<year>{YEAR})",
         full_date, 5),
    rule("iso_date", r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})", iso_date, 5),
    rule("numeric_date", r"(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})",
         numeric_date, 4),
    rule("month_day", rf"{_WD_PREFIX}(?:(?:early|late|mid)[\s-]+)?(?P<mon>{MON})\s+(?P<dom>{DOM})"
                      r"(?!\s*(?:,\s*)?\d)", month_day, 3),
    rule("day_month", rf"{_WD_PREFIX}(?:the\s+)?(?P<dom>{DOM})\s+(?:of\s+)?(?P<mon>{MON})",
         month_day, 3),
    rule("month_year", rf"(?:{PART}[\s-]+(?:of\s+)?)?(?P<mon>{MON}),?\s+(?:of\s+)?"
                       rf"(?:(?P<year>{YEAR}|{SPELLED})|(?P<rel>this|last|next)\s+year)", month_year, 2),
    rule("month_alone", rf"(?:{PART}[\s-]+(?:of\s+)?)?(?:(?P<rel>last|next|this|this\s+past|"
                        rf"this\s+coming|past|late\s+last|early\s+last|early\s+next)\s+)?(?P<mon>{MON})",
         month_alone, 1),
    rule("year", rf"(?P<pre>(?:{PART}|fiscal|calendar|(?:the\s+)?(?:first|second)\s+half\s+of|"
                 rf"the\s+(?:summer|spring|fall|autumn|winter)\s+of|post|pre|mid)[\s-]+)?"
                 rf"(?P<year>{YEAR})(?:[-–](?P<end>\d{{2}}|{YEAR}))?(?!['’]?s\b)", year_alone, 1),
    rule("decade", r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<digits>(?:1\d|20)?\d0|['’]\d0)['’]?s"
                   rf"|(?P<word>{alternation(DECADE_WORDS)}))", decade, 2),
    rule("century", r"(?:the\s+)?(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)[\s-]+century", century, 2),
    rule("clock", r"(?:(?:about|around|approximately|at\s+about|shortly\s+(?:before|after))\s+)?"
                  r"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.?|[ap]m\b)"
                  r"(?:\s+(?:EST|EDT|CST|CDT|PST|PDT|GMT|UTC|local\s+time))?"
                  r"|(?P<word>noon|midnight|midday))", clock_time, 2),
    rule("spelled_year",
         rf"(?:the\s+year\s+)?(?:nineteen[\s-]+(?P<tens>{alternation(_TENS_WORDS)})(?:[\s-]+"
         rf"(?P<unit>{alternation(_UNITS_WORDS)}))?|the\s+year\s+(?P<thousand>two\s+thousand)(?:\s+and)?"
         rf"(?:\s+(?P<unit2>{alternation(_UNITS_WORDS)}))?)", spelled_year, 2),
    rule("holiday", rf"(?P<name>{_HOLIDAYS}|thanksgiving(?:\s+day)?)(?:\s+(?P<year>{YEAR}))?",
         holiday, 2),
]
