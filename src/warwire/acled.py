"""ACLED compatibility: the one fatality figure ACLED would code for a count we extracted.

warwire keeps what a source says. "Dozens were killed" is stored as a count with no number
(low/best/high None, ``vague`` = "dozens"), just as the gold keeps an unquantified claim as a
null number with its wording. ACLED instead records one integer per
event and has a published convention for wording without a number. This module applies that
convention, and only this module: it feeds the ACLED-style ``fatalities`` column of the CSV
export and the ACLED evaluation, never a mention, claim or event of our own.

The convention, in our words (after ACLED's public fatality FAQ/codebook):

1. A stated number is used as stated: the best figure, else the bound given ("at least 5" → 5).
2. A vague magnitude counts its unit once: "tens" → 10, "dozens" → 12, "scores" → 20,
   "hundreds" → 100, "thousands" → 1000.
3. Any other plural without a number ("several", "many", "a number of", "an unspecified" or
   "unknown number", "deaths and injuries", "killing regime fighters") → 10.
4. A vague magnitude that covers the killed and the wounded together ("killed or wounded
   dozens", "dozens of dead and wounded") → half of rule 2 (dozens → 6), since ACLED counts only
   deaths. The unknown-number figure of rule 3 is not halved: it already stands for "more than
   one, how many unknown".
5. A list mixing stated and vague parts ("9 fighters and several others") → the stated part plus
   the vague figure.

ACLED also spreads one reported toll over several locations or events ("split between 3
locations"); that is bookkeeping of its own event units and is not reproduced here.
"""

from __future__ import annotations

import dataclasses

from .model import Count, Event, Mention

__all__ = ["VAGUE_MAGNITUDES", "UNKNOWN_PLURAL", "acled_fatalities", "mention_fatalities",
           "event_fatalities"]

#: Rule 2: a vague magnitude counts its unit once (ACLED: "tens" 10, "dozens" 12, "hundreds"
#: 100, "and so on" — a score is 20, a thousand 1000).
VAGUE_MAGNITUDES = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000}
#: Rule 3: ACLED's figure for a reported plural whose size is unknown.
UNKNOWN_PLURAL = 10


def _magnitude(wording: str) -> int | None:
    """Rule 2 figure of a vague wording, or None when it names no magnitude."""
    for word in wording.lower().replace('"', " ").split():
        if word in VAGUE_MAGNITUDES:
            return VAGUE_MAGNITUDES[word]
    return None


def _same_words(a: Count, b: Count) -> bool:
    """The killed and injured figures were read from the same words ("killed or wounded X")."""
    if a.start is not None and b.start is not None:
        return (a.start, a.end) == (b.start, b.end)
    return a.text is not None and a.text == b.text


def acled_fatalities(killed: Count | None, injured: Count | None = None) -> int | None:
    """ACLED-convention fatalities of one killed count (None when there is none).

    ``injured`` is the injured count of the same report: when both were read from the same
    vague words, the magnitude is halved (rule 4 of the module doc).
    """
    if killed is None:
        return None
    if not killed.vague:
        for value in (killed.best, killed.low, killed.high):
            if value is not None:
                return int(value)
        return None
    magnitude = _magnitude(killed.vague)
    if magnitude is None:
        figure = UNKNOWN_PLURAL
    elif injured is not None and injured.vague and _same_words(killed, injured):
        figure = magnitude // 2
    else:
        figure = magnitude
    stated = killed.low or 0  # rule 5: the stated part of "9 fighters and several others"
    return figure + stated


def mention_fatalities(mention: Mention) -> int | None:
    """ACLED-convention fatalities of one mention's killed count."""
    return acled_fatalities(mention.killed, mention.injured)


def event_fatalities(event: Event) -> int | None:
    """The ACLED-style ``fatalities`` of an event: its best figure, with the claims whose count
    is vague valued by the convention (same lower-median rule as ``merge.claims.figures``)."""
    fat = event.fatalities
    vague = [c for c in event.claims if c.killed_count is not None and c.killed_count.vague]
    if not vague and (fat is None or fat.best is None):
        # no figure from the claims: the mentions' own vague counts, if any (lower median)
        found = sorted(f for f in (mention_fatalities(m) for m in event.mentions
                                   if m.asserted and m.killed is not None and m.killed.vague)
                       if f is not None)
        if found:
            return found[(len(found) - 1) // 2]
    if not vague:
        return fat.best if fat else None
    from .merge.claims import figures

    claims = [dataclasses.replace(c, killed=acled_fatalities(c.killed_count, c.injured_count))
              if c.killed_count is not None and c.killed_count.vague else c for c in event.claims]
    count = figures(claims, "killed")
    return count.best if count else (fat.best if fat else None)
