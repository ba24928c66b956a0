"""warwire: news reporting on armed conflict → trustworthy event data.

Public API::

    import warwire
    result = warwire.extract(text, published="2020-01-03")
    result.mentions, result.events
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "extract"]

if TYPE_CHECKING:  # pragma: no cover
    from .pipeline import Extraction


def extract(text: str, published: str | None = None, **metadata: Any) -> "Extraction":
    """Run the whole pipeline over one text without a store; returns mentions and events."""
    from .pipeline import extract as _extract

    return _extract(text, published=published, **metadata)
