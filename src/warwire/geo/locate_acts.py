"""Which act a place or a location belongs to when a sentence or an article names several.

"(A unit) on high alert after Iran's missile strikes on US bases in Iraq": Iraq is the strikes'
place, not the alert's. "(No Americans had been harmed in) the strike": the strike named before,
with its place. ``locate.py`` uses these after its own rules have found no place of the act.
"""

from __future__ import annotations

import re

from ..merge.reference import DEFINITE, determined
from ..model import Mention, Place

__all__ = ["in_earlier_act", "same_act"]

#: How far before a trigger a definite word is looked for (characters).
CUE_WINDOW = 40
#: A temporal preposition and up to three words before another act's trigger ("after *Iran's
#: missile* strikes"); ``known`` is a definite or possessive word: the act is a known one.
_TEMPORAL_PREP = re.compile(
    r"\b(?:after|before|following|since|amid|ahead\s+of|in\s+the\s+wake\s+of)\s+"
    r"(?P<known>(?:the|this|that|these|those|its|their|his|her|[\w-]+['’]s?)\s+)?"
    r"(?:[\w-]+\s+){0,2}$", re.I)
#: How far after another act's trigger its own places reach (characters): "strikes on US bases
#: in Iraq" — its prepositional phrase, not the rest of the sentence.
OTHER_ACT_REACH = 60


def same_act(text: str, m: Mention, mentions: list[Mention], causes: set[str]) -> Mention | None:
    """The mention that names the same act with a precise place: for "the strike" (a definite
    act with no place of its own) the nearest earlier act of its type (not one of ``causes``,
    named in passing: background, not antecedents); for a headline's "missile attack"
    the body's "missile attack". Only site/town locations count, and only acts of the same
    type."""
    def same_type(o: Mention) -> bool:
        return o is not m and o.type == m.type and o.sentence.start != m.sentence.start

    def placed(o: Mention) -> bool:
        return same_type(o) and o.location is not None and o.location.precision in ("site", "town")

    word = m.trigger.text.lower()
    # "the strike", "the latest raid", "Iran's attack": an act the text named before (the merge's
    # test of a definite description, which also keeps "the victim of strikes" out)
    if determined(DEFINITE, text[max(0, m.trigger.start - CUE_WINDOW):m.trigger.start]):
        # the nearest earlier act of the type is the antecedent, placed precisely or not
        earlier = [o for o in mentions if same_type(o) and o.trigger.end <= m.trigger.start
                   and o.mention_id not in causes]
        if earlier:
            nearest = max(earlier, key=lambda o: o.trigger.start)
            return nearest if placed(nearest) else None
    # (a later one only: a headline or lede names the act before the body places it)
    return next((o for o in mentions if placed(o) and o.trigger.text.lower() == word
                 and o.trigger.start > m.trigger.start), None)


def in_earlier_act(text: str, m: Mention, p: Place, mentions: list[Mention]) -> bool:
    """True when ``p`` is the place of another act that a temporal preposition after the trigger
    introduces: "(a missile unit) on high alert *after Iran's missile strikes on US bases in
    Iraq*" — Iraq is the strikes', not the alert's. The other act must be a different kind of
    act or one already known ("Iran's strikes", "the strikes"): "killed after an attack in X"
    is one act, and X is its place."""
    if p.start is None or p.start < m.trigger.end:
        return False
    for o in mentions:
        if o is m or not (m.trigger.end <= o.trigger.start and o.trigger.end <= p.start):
            continue
        if p.start - o.trigger.end > OTHER_ACT_REACH or re.search(r"[.;]", text[o.trigger.end:p.start]):
            continue
        hit = _TEMPORAL_PREP.search(text[m.trigger.end:o.trigger.start])
        if hit and (o.type != m.type or hit.group("known")):
            return True
    return False
