"""The explicit cause cues warwire recognises, and where each puts cause and effect.

Shared by the link stage (`merge.links`), which turns them into cause links, and the place
stage (`geo.locate`), which keeps a cause's place from becoming the effect's location.

A cue is explicit when the text itself states the link ("in retaliation for", "provoked"); a bare
temporal sequence ("after", "following", "in the wake of") is recorded as *implicit*
(``explicit=False``): readers of event data must be able to tell a stated motive from a
coincidence in time.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .model import Mention

__all__ = ["Cue", "CueMatch", "CUES", "find_cues"]

#: Direction of a cue: where the effect stands relative to the cue, and where the cause stands.
EFFECT_FIRST = "effect-cue-cause"  # "strikes in retaliation for the rocket attack"
CAUSE_FIRST = "cause-cue-effect"  # "the strikes provoked protests"
ANAPHORIC = "anaphoric"  # "It retaliated with air strikes": the cause is in an earlier sentence


@dataclass(frozen=True)
class Cue:
    """One cue pattern: a regular expression, its direction and whether it is explicit."""

    name: str
    pattern: str
    direction: str
    explicit: bool = True


@dataclass(frozen=True)
class CueMatch:
    """A cue found in a text: offsets are relative to the text searched."""

    cue: Cue
    start: int
    end: int
    text: str


_ART = r"(?:(?:the|a|an|its|their|his|her|this|that|these|those)\s+)?"

CUES: tuple[Cue, ...] = (
    Cue("in retaliation for", r"\b(?:in|as(?: an?)?) (?:apparent |direct )?retaliation (?:for|against|to)\b", EFFECT_FIRST),
    Cue("in response to", r"\b(?:in|as an?) (?:direct |apparent |immediate )?response to\b", EFFECT_FIRST),
    Cue("response to", r"\bresponse to\b", EFFECT_FIRST),
    Cue("in reprisal for", r"\b(?:in|as(?: an?)?) reprisals? (?:for|against)\b", EFFECT_FIRST),
    Cue("in revenge for", r"\b(?:in|as) revenge (?:for|of)\b", EFFECT_FIRST),
    Cue("in revenge for", r"\bvengeance for\b", EFFECT_FIRST),
    Cue("to avenge", r"\bto avenge\b", EFFECT_FIRST),
    Cue("to retaliate for", r"\bto retaliate (?:for|against)\b", EFFECT_FIRST),
    Cue("in retaliation for", r"\bretaliat(?:ed|ing|es) (?:for|against)\b", EFFECT_FIRST),
    Cue("prompted by", r"\bprompted by\b", EFFECT_FIRST),
    Cue("triggered by", r"\b(?:triggered|sparked|provoked|caused) by\b", EFFECT_FIRST),
    Cue("outraged over", r"\b(?:outraged|angered|enraged|incensed|furious|angry) (?:over|by|at)\b", EFFECT_FIRST),
    Cue("in protest", r"\bin protest (?:at|against|over|of)\b", EFFECT_FIRST),
    Cue("to disperse", r"\bto (?:disperse|break up)\b", EFFECT_FIRST),
    Cue("responsibility for", r"\b(?:charged|blamed) (?:it |them )?(?:with responsibility )?for\b", EFFECT_FIRST),
    # "the decision to launch the strikes was based on … the militia attacks": a stated motive
    Cue("based on", r"\b(?:was|were) (?:based|predicated) (?:both )?on\b", EFFECT_FIRST),
    Cue("because of", r"\b(?:because(?: of)?|owing to|due to|as a result of|as a consequence of)\b", EFFECT_FIRST),
    Cue("provoked", r"\b(?:in turn )?(?:provok(?:ed|ing)|prompt(?:ed|ing)|trigger(?:ed|ing)|spark(?:ed|ing)|caus(?:ed|ing)|le(?:d|ading) to|result(?:ed|ing) in|set off)\b", CAUSE_FIRST),
    Cue("retaliated", r"\b(?:retaliated|retaliatory|reprisal|reprisals|retaliation)\b", ANAPHORIC),
    Cue("after", r"^\s*(?:after|following|in the wake of)\b", EFFECT_FIRST, explicit=False),
    Cue("following", r"\b(?:follows|following|in the wake of)\b", EFFECT_FIRST, explicit=False),
)

_COMPILED = tuple((cue, re.compile(cue.pattern, re.IGNORECASE)) for cue in CUES)


def find_cues(text: str) -> list[CueMatch]:
    """Every cue in ``text``, leftmost first; an overlapping later (weaker) pattern is dropped."""
    return list(_cues(text))


#: Sentences whose cues are remembered: the place, date and link stages all read the cues of
#: the same sentences of the article at hand.
CUE_CACHE_SIZE = 4096


@functools.lru_cache(maxsize=CUE_CACHE_SIZE)
def _cues(text: str) -> tuple[CueMatch, ...]:
    found: list[CueMatch] = []
    for cue, rx in _COMPILED:
        for m in rx.finditer(text):
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            found.append(CueMatch(cue, m.start(), m.end(), m.group(0)))
    return tuple(sorted(found, key=lambda c: c.start))


#: A trigger at most this many words after an effect-first cue is its object, the cause ("in
#: retaliation for the September attack", "response to the killing").
CAUSE_OBJECT_WORDS = 4


def effect_of_named_cause(text: str, m: Mention, mentions: list[Mention]) -> Mention | None:
    """The act of ``m``'s sentence that ``m`` is named as the cause of, or None when ``m`` is not
    a cause named inside another act's sentence: the object of an explicit effect-first cue
    ("strikes *in retaliation for* an attack", "Iran's *response to* the killing was …"), or
    the subject of a cause-first cue that precedes another act ("the attack *provoked* strikes").
    ``text`` is the text the mentions' offsets point into. Such a cause has its own scene and
    time: the place stage and the date stage both keep the effect's away from it."""
    s, e = m.sentence.start, m.sentence.end
    others = [o for o in mentions if o is not m and o.sentence.start == s
              and not (o.trigger.start < m.trigger.end and m.trigger.start < o.trigger.end)]
    if not others:
        return None
    for cue in find_cues(text[s:e]):
        if not cue.cue.explicit:
            continue
        c_start, c_end = s + cue.start, s + cue.end
        if cue.cue.direction == EFFECT_FIRST and c_end <= m.trigger.start:
            before = [o for o in others if o.trigger.end <= c_start]
            if before:
                return max(before, key=lambda o: o.trigger.end)
            if len(text[c_end:m.trigger.start].split()) <= CAUSE_OBJECT_WORDS:
                return min(others, key=lambda o: abs(o.trigger.start - m.trigger.start))
        if cue.cue.direction == CAUSE_FIRST and m.trigger.end <= c_start:
            after = [o for o in others if o.trigger.start >= c_end]
            if after:
                return min(after, key=lambda o: o.trigger.start)
    return None
