"""Errors and rejection reasons, in one place with codes so messages stay consistent.

Exception tree::

    WarwireError
     ├── InputError          bad input at the edge (becomes a Rejection, never crashes a batch)
     ├── StoreError          the store cannot be opened or written
     ├── ModelNotInstalled   the spaCy model package is missing (no download is ever attempted)
     └── DataMissing         gold or dev data under ../shared is not there (evaluation only)
"""

from __future__ import annotations


class WarwireError(Exception):
    """Base class of warwire's own errors."""


class InputError(WarwireError):
    """An input cannot be ingested. ``code`` is one of :data:`REJECTIONS`."""

    def __init__(self, code: str, detail: str | None = None):
        self.code = code
        self.reason = REJECTIONS.get(code, code) + (f": {detail}" if detail else "")
        super().__init__(self.reason)


class StoreError(WarwireError):
    """The store cannot be opened, migrated or written."""


class ModelNotInstalled(WarwireError):
    """The spaCy model package is not installed; the message says how to install it."""


class DataMissing(WarwireError):
    """Evaluation data under ../shared is absent."""


#: Rejection codes → one-line reasons (stderr: "warwire: rejected SOURCE: REASON").
REJECTIONS: dict[str, str] = {
    "E001": "empty file",
    "E002": "binary file, not text",
    "E003": "unknown file type",
    "E004": "cannot decode the bytes as text",
    "E005": "file larger than the size limit",
    "E006": "malformed JSON line",
    "E007": "JSON record has neither 'text' nor 'html'",
    "E008": "HTML page has no main text",
    "E009": "no such file or directory",
    "E010": "unreadable input",
}
