"""Rules for expressions relative to the document creation time (DCT) or to a nearby date:
today/yesterday, weekdays (tense-aware), this/last/next week|month|year|quarter|season,
"N days ago", "a day earlier", "the day before", quarters and halves of years.

Weekdays: the DCT's own weekday is the DCT; otherwise the previous such day, or the next one
when the clause is in the future tense ("will meet on Monday"); "last"/"next" force the
direction. Part-of-day words keep the day ("early Monday morning" is Monday).
"""

from __future__ import annotations

import datetime as dt
import re

from . import calendar as cal
from .base import Context, Norm, Rule, rule
from .lexicon import ORDINALS, PARTS_OF_DAY, SEASONS, UNITS, WEEKDAYS, alternation, parse_number
from .rules_absolute import SPELLED, YEAR, _year

WEEKDAY = rf"(?:{alternation(WEEKDAYS)})"
NUM = (r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
       r"twenty(?:[\s-]\w+)?|thirty|forty|fifty|sixty|a\s+couple\s+of|a\s+few|several|some|"
       r"a\s+dozen|dozens\s+of|many)")
APPROX = (r"(?:about|around|almost|nearly|roughly|some|only|just|more\s+than|less\s+than|"
          r"over|under|at\s+least|barely|fully|exactly|approximately)")
POD = rf"(?:{alternation(PARTS_OF_DAY)})"
EARLY_LATE = r"(?:early|late|earlier|later|very\s+early|very\s+late|mid)"


def _with_pod(value: str, pod: str | None) -> str:
    """Append a part-of-day suffix (TMO, TNI …) to a day value."""
    if not pod:
        return value
    return f"{value}T{PARTS_OF_DAY[pod.lower()]}"


def relative_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """today, yesterday, tomorrow, tonight, last night, this morning, overnight …"""
    word = re.sub(r"\s+", " ", m.group("word").lower())
    pod = m.group("pod")
    dct = ctx.dct
    if dct is None:
        return Norm("DATE", "XXXX-XX-XX")
    if word == "overnight":
        d = dct - dt.timedelta(days=1)
        return Norm("TIME", f"{cal.day(d)}TNI",
                    cal.EventDate(f"{cal.day(d)}/{cal.day(dct)}", "range"))
    if word == "last night":
        return Norm("TIME", f"{cal.day(dct - dt.timedelta(days=1))}TNI",
                    cal.EventDate(cal.day(dct - dt.timedelta(days=1)), "day"))
    if word.startswith("this "):
        return Norm("TIME", _with_pod(cal.day(dct), word.split()[1]),
                    cal.EventDate(cal.day(dct), "day"))
    if word == "tonight":  # TimeBank annotates "tonight" as the day itself
        return Norm("DATE", cal.day(dct))
    if word == "the day before yesterday":
        offset = -2
    elif word == "the day after tomorrow":
        offset = 2
    else:
        offset = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    d = dct + dt.timedelta(days=offset)
    if pod:
        return Norm("TIME", _with_pod(cal.day(d), pod), cal.EventDate(cal.day(d), "day"))
    return Norm("DATE", cal.day(d))


def weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    """Monday … Sunday, with last/next/this, "early"/"late" and a part of the day."""
    target = WEEKDAYS[m.group("wd").lower()]
    rel = (m.group("rel") or "").lower()
    pod = m.group("pod")
    if ctx.dct is None:
        return Norm("DATE", _with_pod(f"XXXX-WXX-{target}", pod))
    dct = ctx.dct
    diff = target - dct.isoweekday()
    if "last" in rel or "past" in rel or "previous" in rel:
        back = (-diff) % 7 or 7
        d = dct - dt.timedelta(days=back)
    elif "next" in rel or "coming" in rel or "following" in rel:
        d = dct + dt.timedelta(days=diff % 7 or 7)
    elif diff == 0:
        d = dct
    elif ctx.tense() == "future":
        d = dct + dt.timedelta(days=diff % 7)
    else:
        d = dct - dt.timedelta(days=(-diff) % 7)
    event = cal.EventDate(cal.day(d), "day")
    if pod and pod.lower() != "morning":  # TimeBank: "Friday morning" is mostly the plain day
        return Norm("TIME", _with_pod(cal.day(d), pod), event)
    return Norm("DATE", cal.day(d), event)


def _unit_value(unit: str, d: dt.date) -> str:
    if unit == "week":
        return cal.week(d)
    if unit == "month":
        return cal.month(d.year, d.month)
    if unit == "quarter":
        return f"{d.year:04d}-Q{cal.quarter_of(d)}"
    return f"{d.year:04d}"


def _shift(unit: str, d: dt.date, n: int) -> dt.date:
    if unit in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    if unit == "day":
        return d + dt.timedelta(days=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit] * n
    y, mo = cal.shift_month(d.year, d.month, months)
    return dt.date(y, mo, min(d.day, 28))


def this_last_next(m: re.Match[str], ctx: Context) -> Norm | None:
    """this/last/next/the past/the current week|month|year|quarter, "earlier this year" …"""
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    if m.group("rel")[:1].isupper() and m.group("unit")[:1].isupper() and \
            not re.search(r"(?:^|[.!?\n]\s*)$", ctx.text[max(0, ctx.start - 3):ctx.start]):
        return None  # a title in mid-sentence ("This Week with …")
    if ctx.dct is None:
        return Norm("DATE", "PRESENT_REF" if rel in ("this", "the current") else "XXXX")
    n = {"last": -1, "the past": -1, "the previous": -1, "the last": -1, "this past": -1,
         "next": 1, "the coming": 1, "the next": 1, "this coming": 1, "the following": 1}.get(rel, 0)
    if unit == "weekend":
        monday = ctx.dct - dt.timedelta(days=ctx.dct.isoweekday() - 1)
        if n == 0 and ctx.dct.isoweekday() < 6 and ctx.tense() != "future":
            n = -1  # "the weekend" read on a weekday is the one just past
        d = monday + dt.timedelta(weeks=n)
        return Norm("DATE", f"{cal.week(d)}-WE")
    if unit == "decade":
        return None
    if rel in ("the following", "the previous") and unit in ("month", "year"):
        return Norm("DATE", "", shift=("MA" if unit == "month" else "YA", n))
    if re.fullmatch(r"the\s+year", m.group(0), re.IGNORECASE):
        return Norm("DURATION", "P1Y")  # TimeBank: "for the year" is mostly a duration
    d = _shift(unit, ctx.dct, n)
    if unit == "year" and rel == "the past":
        return Norm("DATE", _unit_value(unit, d), cal.past_range(1, "Y", ctx.dct))
    if unit == "quarter" and n == 0 and rel in ("the", "the latest", "the most recent"):
        d = _shift("quarter", ctx.dct, -1)  # financial news: "the quarter" just reported
    return Norm("DATE", _unit_value(unit, d))


def season(m: re.Match[str], ctx: Context) -> Norm | None:
    """"this summer", "last fall", "the winter of 1994", "summer"."""
    code = SEASONS[m.group("season").lower()]
    if not m.group("rel") and not m.group("year") and not m.group(0)[:1].isupper() and \
            not m.group(0).lower().startswith("the") and \
            not ctx.preceded_by(r"\b(?:in|during|by|until|since|through|over|of|early|late)"):
        return None  # "a fall in prices", "spring" as a noun
    if m.group("year"):
        return Norm("DATE", f"{_year(m.group('year')):04d}-{code}")
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{code}")
    rel = (m.group("rel") or "").lower()
    year = ctx.dct.year + (-1 if rel.startswith("last") else 1 if rel.startswith("next") else 0)
    return Norm("DATE", f"{year:04d}-{code}")


def ago(m: re.Match[str], ctx: Context) -> Norm | None:
    """"five years ago", "a year earlier", "two days later", "a decade ago".

    TimeML reads "three days later" as the DURATION "three days" (the event date still comes
    from the anchor); "a year earlier" is a DATE a year before the anchor date.
    """
    amount = parse_number(m.group("num"))
    unit = m.group("unit").lower().rstrip("s")
    unit = "century" if unit == "centurie" else unit
    direction = m.group("dir").lower()
    relative_to_anchor = direction in ("earlier", "later", "before", "after")
    if amount is None:
        return None if relative_to_anchor else Norm("DATE", "PAST_REF")
    if unit in ("hour", "minute", "second"):
        return None
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    if unit == "decade":
        unit, amount = "year", amount * 10
    if unit == "century":
        unit, amount = "year", amount * 100
    if unit in ("day", "week") and relative_to_anchor:
        days = amount * (7 if unit == "week" else 1)
        letter = "W" if unit == "week" else "D"
        return Norm("DURATION", f"P{amount}{letter}", shift=("D", sign * days))
    if unit == "year" and amount == 1:
        return Norm("DATE", "", shift=("Y", sign))
    if ctx.dct is None:
        return Norm("DATE", "XXXX")
    d = _shift(unit, ctx.dct, sign * amount)
    return Norm("DATE", cal.day(d) if unit == "day" else _unit_value(unit, d))


def year_ago(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the year-ago quarter", "the year-earlier period", "year-ago" (financial comparisons)."""
    if m.group("ord") and ctx.dct is not None:
        return Norm("DATE", f"{ctx.dct.year - 1:04d}-Q{ORDINALS[m.group('ord').lower()]}")
    return Norm("DATE", "", shift=("Y", -1))


def year_period(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the 1988 quarter"/"the 1989 period": that year's quarter just reported."""
    if ctx.dct is None:
        return Norm("DATE", m.group("year"))
    q = cal.quarter_of(_shift("quarter", ctx.dct, -1))
    return Norm("DATE", f"{m.group('year')}-Q{q}")


def fiscal_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the full year", "the current fiscal year", "year-end" → the DCT's year;
    "the fiscal year" → a one-year DURATION; "the latest period" → the quarter just reported."""
    phrase = re.sub(r"\s+", " ", m.group(0).lower())
    if ctx.dct is None:
        return Norm("DATE", "XXXX")
    if "period" in phrase:
        d = _shift("quarter", ctx.dct, -1)
        return Norm("DATE", _unit_value("quarter", d))
    if phrase in ("the fiscal year", "fiscal year"):
        return Norm("DURATION", "P1Y")
    if "latest" in phrase or "last" in phrase or "previous" in phrase:
        return Norm("DATE", f"{ctx.dct.year - 1:04d}")
    return Norm("DATE", f"{ctx.dct.year:04d}")


def past_decade(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the past decade" → P10Y; "the last century" → P100Y."""
    n = 100 if "century" in m.group(0).lower() else 10
    event = cal.past_range(n, "Y", ctx.dct) if ctx.dct else None
    return Norm("DURATION", f"P{n}Y", event)


def day_before(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the day before", "the previous day", "the next day", "the following morning"."""
    phrase = m.group(0).lower()
    sign = 1 if re.search(r"next|following|after", phrase) else -1
    return Norm("DATE", "", shift=("D", sign))


def quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the third quarter", "third-quarter", "the first quarter of 1998", "fiscal 1989's fourth quarter"."""
    q = ORDINALS[m.group("ord").lower()]
    given_year = m.group("year") or m.group("y0")
    if q > 4:
        return None
    if given_year:
        year = int(given_year)
    elif m.group("rel"):
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-Q{q}")
        rel = m.group("rel").lower()
        year = ctx.dct.year + (-1 if rel.startswith("last") or "ago" in rel or "earlier" in rel
                               else 1 if rel.startswith("next") else 0)
    elif ctx.dct is None:
        return Norm("DATE", f"XXXX-Q{q}")
    else:
        year = ctx.dct.year
        if q > cal.quarter_of(ctx.dct) and ctx.tense() == "past":
            year -= 1  # "profit fell in the fourth quarter" said in January
    return Norm("DATE", f"{year:04d}-Q{q}")


def half(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the first half of 1990", "the second half"."""
    h = 1 if m.group("ord").lower() == "first" else 2
    year = int(m.group("year")) if m.group("year") else (ctx.dct.year if ctx.dct else None)
    return Norm("DATE", f"{year:04d}-H{h}" if year else f"XXXX-H{h}")


_REL = (r"this\s+past|this\s+coming|this|last|next|the\s+past|the\s+previous|the\s+coming|"
        r"the\s+next|the\s+current|the\s+following|the\s+latest|the\s+most\s+recent|the\s+same|the")
_EARLY = r"(?:(?:early|late|earlier|later|mid)(?:\s+in)?\s+)?"
_UNITS_REL = r"week|weekend|month|year|quarter"
_ORD = alternation([o for o in ORDINALS if ORDINALS[o] <= 4])
_AGO_UNITS = "|".join(f"{u}s?" for u in UNITS if u not in ("weekend", "night", "centurie"))

RULES: list[Rule] = [
    rule("relative_day",
         rf"(?:{EARLY_LATE}\s+)?(?P<word>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
         r"today|yesterday|tomorrow|tonight|last\s+night|overnight|"
         rf"this\s+(?:morning|afternoon|evening))(?:\s+(?P<pod>{POD}))?", relative_day, 3),
    rule("weekday",
         rf"(?:{EARLY_LATE}\s+)?(?:(?P<rel>last|next|this\s+past|this\s+coming|this|the\s+previous|"
         rf"the\s+following|past|coming)\s+)?(?P<wd>{WEEKDAY})(?!s)(?:\s+(?P<pod>{POD}))?", weekday, 2),
    rule("this_last_next",
         rf"{_EARLY}(?:the\s+(?:end|beginning|start|middle)\s+of\s+)?(?P<rel>{_REL})\s+"
         rf"(?P<unit>{_UNITS_REL})(?!s)(?![\s-]+(?:old|long))", this_last_next, 2),
    rule("season",
         rf"(?:the\s+)?{_EARLY}(?:(?P<rel>this\s+past|this|last|next|the)\s+)?(?P<season>{alternation(SEASONS)})"
         rf"(?:\s+of\s+(?P<year>{YEAR}|{SPELLED}))?", season, 1),
    rule("ago",
         rf"(?:{APPROX}\s+)?(?P<num>{NUM})\s+(?P<unit>{_AGO_UNITS})\s+(?P<dir>ago|earlier|later|"
         r"from\s+now|hence)", ago, 3),
    rule("year_ago",
         r"(?:the\s+)?(?:comparable\s+|corresponding\s+|same\s+)?(?:year-ago|year-earlier|"
         rf"year\s+ago|year\s+earlier)(?:\s+(?:fiscal\s+)?(?:(?P<ord>{_ORD})\s+)?(?:quarter|period))?",
         year_ago, 2),
    rule("year_period", rf"the\s+(?P<year>{YEAR})\s+(?:quarter|period)", year_period, 2),
    rule("fiscal_year",
         r"the\s+(?:full|current|latest)\s+(?:fiscal\s+)?year|(?:the\s+)?fiscal\s+year|"
         r"(?:around\s+)?(?:the\s+)?year[-\s]end|year['’]s\s+end|the\s+latest\s+period",
         fiscal_year, 0),
    rule("past_decade", r"(?:the\s+)?(?:past|last|previous)\s+(?:decade|century)", past_decade, 2),
    rule("day_before",
         r"(?:the\s+(?:day|night|morning|evening)\s+before|the\s+previous\s+(?:day|night|morning|evening)|"
         r"the\s+next\s+(?:day|morning)|the\s+following\s+(?:day|morning)|the\s+day\s+after)",
         day_before, 3),
    rule("quarter",
         rf"(?:the\s+|its\s+|(?P<rel>this\s+year's|last\s+year's|next\s+year's|the\s+year-ago|"
         rf"the\s+year-earlier|the\s+year\s+ago)\s+)?(?:(?P<y0>{YEAR})\s+|fiscal\s+)?(?P<ord>{_ORD})"
         rf"(?:[\s-]+fiscal)?[\s-]+quarter(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}))?", quarter, 2),
    rule("half",
         rf"(?:the\s+)?(?P<ord>first|second)\s+half(?:\s+of\s+(?:fiscal\s+)?(?P<year>{YEAR}))?"
         r"(?!\s+of\s+(?:the|a|an|his|her|its|their)\b)", half, 1),
]
