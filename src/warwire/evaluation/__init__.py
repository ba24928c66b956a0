"""Scorers over the gold sets in ``../shared`` (never copied into the project)."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import DataMissing


def shared_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """Where ../shared is: ``path``, else ``$WARWIRE_SHARED``, else ``../shared`` beside the repo.

    Raises :class:`DataMissing` when it is not there.
    """
    candidates = []
    if path:
        candidates.append(Path(path))
    if os.environ.get("WARWIRE_SHARED"):
        candidates.append(Path(os.environ["WARWIRE_SHARED"]))
    repo = Path(__file__).resolve().parents[3]
    candidates += [repo.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for c in candidates:
        if (c / "gold").is_dir() or (c / "dev").is_dir():
            return c
    raise DataMissing("../shared (gold and dev data) not found; set WARWIRE_SHARED")
