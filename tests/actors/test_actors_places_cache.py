"""The actor place index is built once and then read from warwire's cache directory."""

from __future__ import annotations

import pytest

from warwire.actors import places


@pytest.fixture
def fresh_index(tmp_path, monkeypatch):
    """An empty cache directory and no index in memory (restored afterwards)."""
    monkeypatch.setenv("WARWIRE_CACHE", str(tmp_path))
    places._index.cache_clear()
    yield tmp_path
    places._index.cache_clear()


def test_index_is_cached_and_read_back_identical(fresh_index):
    built = places._index()
    path = places._cache_file()
    assert path.parent == fresh_index and path.exists()
    places._index.cache_clear()
    assert places._index() == built  # read from the file, not rebuilt
    assert built["tehran"] == "IRN" and places.country_of_place("Idleb") == "SYR"


def test_damaged_cache_file_is_rebuilt(fresh_index):
    path = places._cache_file()
    path.write_text("{not json", encoding="utf-8")
    index = places._index()
    assert index == places._build()
    assert path.read_text(encoding="utf-8").startswith("{")


def test_unwritable_cache_keeps_the_index_in_memory(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    monkeypatch.setenv("WARWIRE_CACHE", str(blocker / "sub"))
    places._index.cache_clear()
    try:
        assert places._index()["tehran"] == "IRN"
    finally:
        places._index.cache_clear()
