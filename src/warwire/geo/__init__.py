"""Places: gazetteer, toponym recognition and resolution, event location — in-process.

Public surface::

    Gazetteer.load()                                    cached SQLite index, < 1 s
    geoparse(text, gazetteer, doc=None, spans=None)     -> list[Place]   (CONTRACTS §4)
    locate_mentions(article, doc, mentions, gazetteer)  sets Mention.location / .origin
"""

from __future__ import annotations

from .gazetteer import Gazetteer
from .geoparse import geoparse
from .locate import locate_mentions, pick_location

__all__ = ["Gazetteer", "geoparse", "locate_mentions", "pick_location"]
