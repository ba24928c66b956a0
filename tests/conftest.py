"""Shared fixtures. Tests that need ../shared use the ``shared`` fixture and skip without it."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def shared() -> Path:
    from warwire.errors import DataMissing
    from warwire.evaluation import shared_dir

    try:
        return shared_dir()
    except DataMissing:
        pytest.skip("../shared is not present")


@pytest.fixture(scope="session")
def nlp():
    """The spaCy pipeline, loaded once for the whole test session."""
    from warwire.nlp.loading import load_nlp

    return load_nlp()
