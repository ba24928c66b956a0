"""Casualty claims of an event, side by side, and the low/best/high figures drawn from them.

Rule (in the spirit of UCDP's low/best/high, documented in docs/stages/merge.md):

1. Every mention that reports killed or injured figures becomes a :class:`Claim` with its
   claimant (the attributed source, else the outlet's own voice), its document and the exact quote.
   Identical claims (same claimant, same figures) from one document, or from a republication of a
   document already counted, are kept once.
   A report that gives no number ("dozens were killed", "a significant number of casualties")
   is a claim too: its ``killed``/``injured`` stay None and its ``killed_count``/``injured_count``
   keep the wording in ``Count.vague``, so that "dozens, according to X" stands beside the
   numeric claims. Such claims add nothing to low/best/high.
2. Per independent source (a document, with its republications folded into the original) the
   source's figure is its largest stated ``best`` (an article repeats and updates its own count).
3. ``low``  = the lowest figure any source gives (a stated lower bound "at least 25" counts as 25).
   ``high`` = the highest figure any source claims (a stated upper bound "up to 80" counts as 80).
   ``best`` = the lower median of the per-source figures: with two sources the more conservative
   one, with three or more the middle one, so a single outlier claim (a belligerent's 80 against
   three reports of 0) moves ``high`` but not ``best``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..model import Claim, Count, Mention

__all__ = ["claims_of", "figures"]


def _claimant(mention: Mention) -> str | None:
    if mention.claimant is None:
        return None
    return mention.claimant.name or mention.claimant.text or None


def _figure(count: Count | None) -> int | None:
    if count is None:
        return None
    for value in (count.best, count.low, count.high):
        if value is not None:
            return int(value)
    return None


def _wording(count: Count | None) -> str | None:
    """The unquantified wording of a count ("dozens"), lower-cased for comparing; None if none."""
    if count is None or not count.vague:
        return None
    return " ".join(count.vague.lower().split())


def _quote(mention: Mention) -> tuple[str, int, int]:
    """The smallest exact span that holds the figures: the sentence (always exact evidence)."""
    s = mention.sentence
    return s.text, s.start, s.end


def claims_of(
    mentions: Iterable[Mention], republications: Mapping[str, str] | None = None
) -> list[Claim]:
    """One claim per (independent source, claimant, figures), in a stable order."""
    republications = republications or {}
    seen: set[tuple] = set()
    out: list[Claim] = []
    for m in sorted(mentions, key=lambda m: (m.doc_id, m.sentence.start, m.mention_id)):
        killed, injured = _figure(m.killed), _figure(m.injured)
        vague = (_wording(m.killed), _wording(m.injured))
        if killed is None and injured is None and vague == (None, None):
            continue
        source = republications.get(m.doc_id, m.doc_id)
        claimant = _claimant(m)
        key = (source, claimant, killed, injured, vague)
        if key in seen:
            continue
        seen.add(key)
        quote, start, end = _quote(m)
        out.append(
            Claim(
                claimant=claimant,
                killed=killed,
                injured=injured,
                doc_id=m.doc_id,
                quote=quote,
                start=start,
                end=end,
                killed_count=m.killed,
                injured_count=m.injured,
            )
        )
    return out


def figures(
    claims: list[Claim], which: str, republications: Mapping[str, str] | None = None
) -> Count | None:
    """low/best/high of ``which`` ("killed" or "injured") over ``claims``; None if no claim
    gives a number (claims with only a wording, ``killed`` None, are skipped)."""
    republications = republications or {}
    per_source: dict[tuple[str, str | None], int] = {}
    lows: list[int] = []
    highs: list[int] = []
    for c in claims:
        value = getattr(c, which)
        if value is None:
            continue
        count: Count | None = getattr(c, f"{which}_count")
        lows.append(int(count.low) if count is not None and count.low is not None else value)
        highs.append(int(count.high) if count is not None and count.high is not None else value)
        key = (republications.get(c.doc_id, c.doc_id), c.claimant)
        per_source[key] = max(per_source.get(key, value), value)
    if not per_source:
        return None
    values = sorted(per_source.values())
    best = values[(len(values) - 1) // 2]
    return Count(low=min(lows + values), best=best, high=max(highs + values))
