"""``warwire gazetteer import``: a GeoNames dump (``allCountries.txt``, ``XX.txt`` or their
``.zip``) into the user's gazetteer, a SQLite file with the same schema as the built index.

GeoNames tab format, 19 columns: geonameid, name, asciiname, alternatenames (comma-separated),
latitude, longitude, feature class, feature code, country code, cc2, admin1 code, admin2 code,
admin3 code, admin4 code, population, elevation, dem, timezone, modification date.
Importing the same dump twice changes nothing: rows are replaced by geonameid.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .build import INDEXES, SCHEMA, PlaceRow, ensure_index, write_places

__all__ = ["import_geonames", "ImportResult"]

#: Rows written per transaction: bounded memory for the 12-million-row allCountries dump.
BATCH = 50_000
#: GeoNames columns per line.
COLUMNS = 19


@dataclass
class ImportResult:
    """What one import did."""

    rows: int
    skipped: int
    path: Path


def _feature(fclass: str, fcode: str) -> str:
    if fclass == "A":
        if fcode.startswith("PCL"):
            return "country"
        if fcode == "ADM1":
            return "admin1"
        if fcode == "ADM2":
            return "admin2"
        return "region"
    if fclass == "P":
        return "city"
    if fclass == "S":
        return "site"
    return "region"


def _lines(path: Path) -> Iterator[str]:
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path) as zf:
            members = [n for n in zf.namelist() if n.endswith(".txt") and "readme" not in n.lower()]
            for name in members:
                with zf.open(name) as raw:
                    yield from io.TextIOWrapper(raw, encoding="utf-8")
    else:
        with path.open(encoding="utf-8") as fh:
            yield from fh


def _open(db: Path) -> sqlite3.Connection:
    fresh = not db.exists()
    db.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(db)
    if fresh:
        con.executescript(SCHEMA + INDEXES)
        con.execute("CREATE INDEX places_gid ON places(geonameid)")
    return con


def _admin1_names() -> dict[tuple[str, str], str]:
    con = sqlite3.connect(f"file:{ensure_index()}?mode=ro", uri=True)
    try:
        return {(cc, code): name for cc, code, name in con.execute("SELECT * FROM admin1_codes")}
    finally:
        con.close()


def _flush(con: sqlite3.Connection, rows: list[PlaceRow]) -> None:
    gids = [(r.geonameid,) for r in rows]
    con.executemany("DELETE FROM names WHERE place IN (SELECT id FROM places WHERE geonameid=?)", gids)
    con.executemany(
        "DELETE FROM skeletons WHERE place IN (SELECT id FROM places WHERE geonameid=?)", gids
    )
    con.executemany("DELETE FROM places WHERE geonameid = ?", gids)
    start = (con.execute("SELECT max(id) FROM places").fetchone()[0] or 0) + 1
    write_places(con, rows, start_id=start)
    con.commit()


def import_geonames(dump: Path, db: Path) -> ImportResult:
    """Load a GeoNames dump into the user gazetteer at ``db`` (created when absent)."""
    admin1 = _admin1_names()
    con = _open(db)
    rows: list[PlaceRow] = []
    total = skipped = 0
    try:
        for line in _lines(dump):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < COLUMNS - 4:
                skipped += 1
                continue
            try:
                gid, lat, lon = int(cols[0]), float(cols[4]), float(cols[5])
                pop = int(cols[14] or 0)
            except ValueError:
                skipped += 1
                continue
            cc, fclass, fcode = cols[8], cols[6], cols[7]
            alternates = [a for a in cols[3].split(",") if a] + [cols[2]]
            feature = _feature(fclass, fcode)
            name1 = admin1.get((cc, cols[10]))
            if feature == "admin1":
                name1 = name1 or cols[1]
            rows.append(PlaceRow(cols[1], lat, lon, cc or None, feature, fcode, name1, None, pop,
                                 gid, "geonames-import", alternates))
            if len(rows) >= BATCH:
                _flush(con, rows)
                total += len(rows)
                rows = []
        if rows:
            _flush(con, rows)
            total += len(rows)
    finally:
        con.close()
    return ImportResult(total, skipped, db)
