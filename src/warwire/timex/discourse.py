"""Event dates the time words alone do not give: aspect, reported speech, continuation.

Pattern-based cues read on the original text around a mention (no parse needed):

- **aspect**: an act in the present progressive ("is imposing", "the war being waged") or a
  state in the present perfect ("have been deployed") with no time of its own is going on at
  the publication date: open interval ``../DCT``;
- **statements**: a date that belongs to a speech verb ("told the committee on Tuesday
  that …") dates the statement, not the act reported in it. The act is at or before the
  statement (``../D``), or in progress at that time (month of ``D``) when the report says so
  ("was in the process of bringing …"); a quotation whose only date comes from a neighbouring
  sentence is dated the same way;
- **continuation**: a sentence that continues the act of an earlier sentence ("were followed up
  with drone strikes", "went on to demand") and has no date of its own takes the date of that act;
- **anaphora**: an act named again at the start of the next sentence ("… placed on high alert
  for deployment. The deployment follows …") takes the date that sentence gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import TimeValue

#: Characters before the trigger in which its auxiliaries are looked for ("is already imposing
#: punishing economic sanctions": about four words).
ASPECT_LEFT = 40

#: Characters after the trigger for a reduced relative clause ("the war being waged").
ASPECT_RIGHT = 20

#: Largest gap (characters) between an aspect cue and the trigger for the cue to be the
#: trigger's own verb group (the trigger may be the object noun of the progressive verb).
ASPECT_GAP = 25

#: Present progressive, passive progressive, "continues to", "ongoing", "in the process of".
_ONGOING = re.compile(
    r"\b(?:is|are|am)\s+(?:(?:still|already|now|also|currently|increasingly|\w+ly)\s+){0,2}"
    r"(?:being\s+\w+|(?!going\b|willing\b|\w*thing\b|during\b|morning\b|evening\b)\w{2,}ing)\b"
    r"|(?<!was )(?<!were )(?<!after )(?<!before )(?<!for )(?<!of )(?<!despite )(?<!without )"
    r"\bbeing\s+(?:\w+ed|\w+en|fought|held|built|sent|kept|spent|won|lost|shot)\b"
    r"|\bcontinues?\s+to\s+\w+|\bongoing\b|\bin\s+the\s+process\s+of\b",
    re.IGNORECASE,
)

#: The progressive of reported speech, shifted into the past ("was in the process of bringing",
#: "were preparing"): in progress at the time of the statement.
_ONGOING_REPORTED = re.compile(
    r"\b(?:was|were)\s+(?:(?:still|already|now|also|\w+ly)\s+){0,2}"
    r"(?!going\b|\w*thing\b)\w{2,}ing\b|\bin\s+the\s+process\s+of\b|\bongoing\b|\bcontinu\w+\s+to\b",
    re.IGNORECASE,
)

#: Present perfect of participles that name a lasting state ("have been deployed to Syria"):
#: the state holds at the publication date. (Other present perfects, "has been recalled",
#: report a recent act and keep the publication month.)
_STATE = re.compile(
    r"\b(?:has|have)\s+(?:(?:still|already|long|now|also)\s+)?been\s+"
    r"(?:deployed|stationed|based|held|detained|jailed|imprisoned|occupied|besieged|displaced|"
    r"trapped|encircled|positioned|garrisoned|present|locked)\b"
    # a habit up to now ("have often been the target of … strikes") and a series of acts counted
    # up to now ("has fought numerous battles", "have carried out repeated raids")
    r"|\b(?:has|have)\s+(?:also\s+)?(?:often|repeatedly|frequently|regularly|routinely|long|always)\s+been\b"
    r"|\b(?:has|have)\s+(?:(?:also|already|now)\s+)?(?:fought|waged|conducted|carried\s+out|launched|"
    r"staged|mounted|suffered|endured)\s+(?:numerous|many|several|repeated|countless|dozens\s+of|"
    r"hundreds\s+of|scores\s+of|multiple|continuous|frequent|regular)\b",
    re.IGNORECASE,
)

#: Verbs of saying whose directly following date is the date of the statement ("said Friday").
SPEECH_VERBS = "said|says|told|announced|stated|reported|added|declared"

#: Speech verbs and nouns whose following date (within a short clause, no punctuation) dates the
#: statement.
_SPEECH_THEN_DATE = re.compile(
    rf"\b(?:{SPEECH_VERBS}|claimed|confirmed|testified|"
    r"tweeted|wrote|insisted|warned|speech|address|statement|remarks|interview|briefing|"
    r"press\s+conference|news\s+conference|testimony)\b[^.;:!?“”\"]{0,60}$",
    re.IGNORECASE,
)

#: Cues that a sentence carries on the act of an earlier one.
_CONTINUATION = re.compile(
    r"\b(?:followed\s+up|(?:was|were)\s+followed|followed\s+by|subsequently|afterwards|"
    r"in\s+a\s+second\s+wave|a\s+second\s+wave|went\s+on\s+to|goes\s+on\s+to)\b",
    re.IGNORECASE,
)

#: How far back (characters) an earlier sentence's date may be carried over: about two short
#: paragraphs. Further back, the antecedent act is unlikely to be the one continued.
CARRY_WINDOW = 800

#: Sentence ends used to find the antecedent sentence.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s|\n")


def _cue_near(pattern: re.Pattern[str], original: str, trigger: tuple[int, int],
              bounds: tuple[int, int]) -> bool:
    t0, t1 = trigger
    lo, hi = max(bounds[0], t0 - ASPECT_LEFT), min(bounds[1], t1 + ASPECT_RIGHT)
    for m in pattern.finditer(original, lo, hi):
        if m.end() >= t0 - ASPECT_GAP and m.start() <= t1 + ASPECT_RIGHT:
            return True
    return False


def aspect(original: str, trigger: tuple[int, int], sentence: tuple[int, int]) -> str | None:
    """``"ongoing"`` (present progressive), ``"state"`` (lasting state in the present perfect)
    or None for the verb group of the trigger at ``trigger`` (original offsets)."""
    if _cue_near(_ONGOING, original, trigger, sentence):
        return "ongoing"
    if _cue_near(_STATE, original, trigger, sentence):
        return "state"
    return None


def open_to(end: str, basis: str, source: TimeValue | None = None) -> TimeValue:
    """An open interval ``../END`` (at or before ``end``)."""
    return TimeValue(text=source.text if source else None, start=source.start if source else None,
                     end=source.end if source else None, type="DATE",
                     value=source.value if source else None, date=f"../{end}",
                     precision="range", basis=basis)


def last_day(t: TimeValue) -> str | None:
    """The last calendar day (or month/year) an event date covers: ``2018-09-29`` for a day,
    the end of a range."""
    if not t.date:
        return None
    return t.date.split("/")[-1]


def is_statement_date(original: str, t: TimeValue, sentence_start: int) -> bool:
    """True when the expression ``t`` follows a speech verb or noun of its clause ("told the
    House Armed Services Committee on Tuesday", "delivered a speech to the UN on Saturday")."""
    return bool(_SPEECH_THEN_DATE.search(original, max(sentence_start, t.start - 80), t.start))  # type: ignore[operator]


#: Between a statement's date and the act it reports: a complement clause or a quotation
#: ("told the committee on Tuesday that …", "said Friday: “…"). Without one the trigger is part
#: of the statement itself ("a speech last week in which he warned …").
_REPORT_OPENER = re.compile(r"\bthat\b|[“\":]", re.IGNORECASE)


def reports(original: str, lo: int, hi: int) -> bool:
    """True when ``original[lo:hi]``, between a statement's date and the trigger, opens the
    reported content (a "that" clause or a quotation)."""
    return bool(_REPORT_OPENER.search(original, lo, hi))


def reported_ongoing(original: str, lo: int, hi: int) -> bool:
    """True when ``original[lo:hi]`` (the report of an act) says the act is in progress:
    "was in the process of bringing", "were preparing", "is imposing"."""
    return bool(_ONGOING_REPORTED.search(original, lo, hi) or _ONGOING.search(original, lo, hi))


def reported(statement: TimeValue, ongoing: bool) -> TimeValue | None:
    """The date of an act reported in a statement dated ``statement``: the month of the
    statement when the act is in progress at that time, else ``../D`` (at or before it)."""
    d = last_day(statement)
    if d is None or d.startswith(".."):
        return None
    if ongoing and len(d) >= 7:
        return TimeValue(text=statement.text, start=statement.start, end=statement.end, type="DATE",
                         value=statement.value, date=d[:7], precision="month", basis="statement")
    return open_to(d, "statement", statement)


#: Time words counted from the moment of speaking, to the day ("last night", "yesterday").
_DEICTIC_DAY = re.compile(r"(?:last\s+night|yesterday|today|tonight|this\s+(?:morning|afternoon|evening))"
                          r"(?:['’]s)?", re.IGNORECASE)


def deictic_day(t: TimeValue) -> bool:
    """True when ``t`` is a day counted from the moment of speaking ("last night's")."""
    return bool(t.text and _DEICTIC_DAY.fullmatch(t.text.strip()))


def in_quotation(original: str, pos: int, paragraph_start: int) -> bool:
    """True when ``pos`` lies inside a quotation opened earlier in its paragraph."""
    before = original[paragraph_start:pos]
    if before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def continues(original: str, trigger: tuple[int, int], sentence: tuple[int, int]) -> bool:
    """True when the trigger's clause carries on an earlier act ("were followed up with")."""
    return _cue_near(_CONTINUATION, original, trigger, sentence)


def antecedent_date(original: str, dated: list[TimeValue], sentence_start: int) -> TimeValue | None:
    """The date of the nearest earlier sentence that has one (within :data:`CARRY_WINDOW`): its
    first dated expression, which usually belongs to its main clause ("IRGC early Monday morning
    carried out missile strikes …, claiming … an attack … last month")."""
    before = [t for t in dated if t.end <= sentence_start and t.start >= sentence_start - CARRY_WINDOW]  # type: ignore[operator]
    if not before:
        return None
    last = max(before, key=lambda t: t.start)  # type: ignore[arg-type, return-value]
    s0 = 0
    for m in _SENTENCE_END.finditer(original, max(0, last.start - 600), last.start):  # type: ignore[operator]
        s0 = m.end()
    same = [t for t in before if t.start >= s0]  # type: ignore[operator]
    return min(same, key=lambda t: t.start)  # type: ignore[arg-type, return-value]


#: A definite description opening a sentence ("The deployment follows …"): it refers back to an
#: act of the sentence before.
_ANAPHOR = re.compile(r"(?:The|This|That|Such\s+an?)\s+([a-z]{5,})\b")

#: Characters around the trigger in which the anaphor's noun must occur for it to refer to the
#: trigger's act ("placed on high alert for deployment to the region").
ANAPHOR_WINDOW = 40


@dataclass
class Anaphor:
    """A definite description opening the next sentence, and that sentence (original offsets)."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int


def next_anaphor(original: str, trigger: tuple[int, int], sentence: tuple[int, int]) -> Anaphor | None:
    """The next sentence's opening "The <noun>" when that noun names the trigger's act (it occurs
    near the trigger: "… on high alert for deployment. The deployment follows …"); else None."""
    end = sentence[0] + len(original[sentence[0]:sentence[1]].rstrip())
    gap = re.match(r"\s{0,4}", original[end:end + 4])
    start = end + (gap.end() if gap else 0)
    m = _ANAPHOR.match(original, start)
    if m is None:
        return None
    noun = m.group(1).lower()
    near = original[max(sentence[0], trigger[0] - ANAPHOR_WINDOW):min(end, trigger[1] + ANAPHOR_WINDOW)]
    if not re.search(rf"\b{re.escape(noun)}\b", near, re.IGNORECASE):
        return None
    stops = [i for i in (original.find(". ", m.end()), original.find("\n", m.end())) if i >= 0]
    stop = min(stops) + 1 if stops else len(original)
    return Anaphor(m.start(), m.end(), start, stop)
