"""How the words before (and after) a trigger say which act it is: reference, not content.

"the attack", "this strike", "Soleimani's killing" refer back to an act told before; "an attack"
introduces one; "another attack", "a second storming" say it is not the one told before;
"killed in the attack" is the toll of the act just told; "The protesters managed to storm …"
continues the protesters' act. :mod:`.features` reads these patterns into the flags of
:class:`~warwire.merge.features.MentionFeatures`.
"""

from __future__ import annotations

import re

__all__ = ["DEFINITE", "INDEFINITE", "DEMONSTRATIVE", "CASUALTY_FRAME", "FRAME_AFTER",
           "determined", "new_act", "participant"]


#: Determiners and possessives that make a nominal trigger refer back to a known act, with up to
#: three modifiers between them and the trigger ("the same drone strike", "Soleimani's killing").
DEFINITE = re.compile(
    r"(?:\b(?:the|this|these|those|its|their|his|her|such)|['’]s)\s+((?:[\w'’-]+\s+){0,3})$",
    re.IGNORECASE)
#: Words that make a nominal a new act whatever its determiner ("a second attack", "another
#: storming of the embassy").
_NEW_ACT = re.compile(r"\b(?:another|second|third|fourth|new|fresh|renewed|further|separate)\s+"
                      r"((?:[\w'’-]+\s+){0,2})$", re.IGNORECASE)


def new_act(before: str) -> bool:
    """Whether a new-act word modifies the trigger itself ("another embassy invasion"), not a
    phrase around it ("a second day of protests")."""
    m = _NEW_ACT.search(before)
    return m is not None and not any(w.lower() in _NOT_MODIFIERS for w in m.group(1).split())


#: "a …", "an …": an indefinite nominal introduces a new act.
INDEFINITE = re.compile(r"\b(?:a|an)\s+((?:[\w'’-]+\s+){0,3})$", re.IGNORECASE)
#: Words that cannot stand between a determiner and its noun: the determiner belongs to another
#: phrase ("the victim of missile attacks", "the protesters managed to storm").
_NOT_MODIFIERS = frozenset({"of", "to", "for", "by", "in", "on", "and", "or", "with", "at", "from",
                            "was", "were", "is", "are", "had", "has", "have", "that", "which"})


def determined(pattern: re.Pattern[str], before: str) -> bool:
    """Whether ``before`` ends with a determiner of ``pattern`` and plain modifiers (no function
    word, no lower-case plural or past form: those end another phrase). The determiner nearest
    the trigger decides: in "the aftermath of this strike" it is "this", not "the"."""
    starts = [w.start() for w in re.finditer(r"\S+", before)][-(_MAX_MODIFIERS + 1):]
    for pos in reversed(starts):
        m = pattern.search(before, pos)
        if m is not None and _plain_modifiers(m.group(1)):
            return True
    return False


#: Words a determiner may stand before its noun (the {0,3} of DEFINITE and INDEFINITE).
_MAX_MODIFIERS = 3


def _plain_modifiers(words: str) -> bool:
    for w in words.split():
        low = w.lower()
        if low in _NOT_MODIFIERS or (w.islower() and re.search(r"(?<!s)s$|ed$", w) and not low.endswith("'s")):
            return False
    return True


#: "this strike", "these attacks": a demonstrative points at the act just told.
DEMONSTRATIVE = re.compile(r"\b(?:this|these)\s+((?:[\w'’-]+\s+){0,2})$", re.IGNORECASE)
#: A result told before the act it belongs to: "drones were destroyed, and 80 soldiers were
#: killed, in the attacks that …" — the act named after the result, by a definite noun.
FRAME_AFTER = re.compile(
    r"^[^.;:]{0,120}?\b(?:in|during)\s+(?:the|this|that|these|those)\s+(?:[\w'’-]+\s+){0,2}?"
    r"(attacks?|strikes?|raids?|bombings?|bombardments?|shelling|assaults?|barrages?|operations?|"
    r"explosions?|blasts?)\b", re.IGNORECASE)


#: "killed in the attack", "slain in the same drone strike", "martyred in attack by …"
CASUALTY_FRAME = re.compile(
    r"\b(?:killed|slain|died|dead|wounded|injured|hurt|perished|martyred)\s+(?:in|during|by)\s+"
    r"(?:(?:the|this|that|these|those)\s+)?(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
#: A definite group of participants as the subject just before the trigger ("The protesters
#: managed to storm", "the gunmen then opened fire"): groups that act together, not officials.
PARTICIPANT = re.compile(
    r"\b(?:the|these|those)\s+(protesters|demonstrators|crowds?|rioters|mob|militants|gunmen|attackers|"
    r"assailants|insurgents|raiders|marchers)\s+(?:[\w'’-]+\s+){0,3}$", re.IGNORECASE)


def participant(before: str) -> str:
    """The participant group that opens the act just before the trigger ("The protesters
    managed to storm" → "protesters"); "" when there is none."""
    m = PARTICIPANT.search(before)
    return m.group(1) if m else ""
