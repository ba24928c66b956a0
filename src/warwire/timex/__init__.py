"""Temporal expressions: find them, normalize them to TIMEX3 against the publication date, and
date event mentions with a precision.

Public surface:

- :func:`tag` — ``tag(text, dct) -> list[TimeValue]``: TIMEX3 DATE/TIME/DURATION/SET over any
  text (offsets into ``text``).
- :func:`date_mentions` — ``date_mentions(article, doc, mentions) -> None``: sets
  ``Mention.date`` (date + precision, ``fallback`` when from the publication date).
"""

from __future__ import annotations

from .mentions import date_mentions
from .tagger import tag

__all__ = ["tag", "date_mentions"]
