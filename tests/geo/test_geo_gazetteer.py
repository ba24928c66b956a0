"""The gazetteer: installed sources, the project's site table, and a user GeoNames import."""

import csv
from pathlib import Path

import pytest
from click.testing import CliRunner

from warwire.geo import Gazetteer
from warwire.geo.build import DATA_DIR
from warwire.geo.commands import gazetteer as gazetteer_cmd


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.load(user_db="/nonexistent/none.sqlite")


def test_sites_table_rows_are_complete():
    rows = list(csv.DictReader((DATA_DIR / "geo_sites.csv").open(encoding="utf-8")))
    assert len(rows) >= 60
    iso3 = {"IRQ", "SYR", "IRN", "YEM", "ISR", "PSE", "LBN", "AFG", "UKR", "QAT", "ARE", "SAU"}
    assert iso3 <= {r["country"] for r in rows}
    for r in rows:
        assert -90 <= float(r["lat"]) <= 90 and -180 <= float(r["lon"]) <= 180, r["name"]
        assert r["source"].startswith(("Wikipedia: ", "GeoNames feature ")), r["name"]
        assert len(r["country"]) == 3


def test_sites_are_found_by_their_news_names(gaz):
    for written in ("Ain al-Asad", "Ayn al Asad", "al-Asad Airbase", "Camp Taji", "K-1 base",
                    "Al-Tanf", "Baghdad International Airport", "Green Zone"):
        found = [c for c in gaz.lookup(written) if c.feature == "site"]
        assert found, written
        assert found[0].cc in ("IQ", "SY")


def test_cities_admin1_and_countries(gaz):
    assert any(c.feature == "city" and c.cc == "IR" for c in gaz.lookup("Kermanshah"))
    assert any(c.feature == "admin1" and c.cc == "US" for c in gaz.lookup("Texas"))
    assert any(c.feature == "country" and c.cc == "IQ" for c in gaz.lookup("Iraq"))
    assert gaz.demonym("Iranian") == "IR"
    assert gaz.demonym("Iraqis") == "IQ"


def test_fuzzy_lookup_is_bounded(gaz):
    loose = gaz.lookup("Deyr Ezor", fuzzy=True)
    assert any(c.cc == "SY" for c in loose)
    assert gaz.lookup("Xqzvtplk", fuzzy=True) == []


GEONAMES_LINES = [
    # geonameid, name, asciiname, alternatenames, lat, lon, fclass, fcode, cc, cc2, admin1 …
    ["9900001", "Tell Zuhur", "Tell Zuhur", "Tal Zuhur,Tell az-Zuhur", "35.101", "40.221", "P",
     "PPL", "SY", "", "07", "", "", "", "800", "", "230", "Asia/Damascus", "2024-01-01"],
    ["9900002", "Wadi Qasr", "Wadi Qasr", "", "33.9", "42.1", "H", "WAD", "IQ", "", "01", "", "",
     "", "0", "", "200", "Asia/Baghdad", "2024-01-01"],
]


def _write_dump(path: Path) -> None:
    path.write_text("".join("\t".join(r) + "\n" for r in GEONAMES_LINES) + "broken line\n",
                    encoding="utf-8")


def test_gazetteer_import_command_adds_places(tmp_path):
    dump = tmp_path / "SY.txt"
    _write_dump(dump)
    db = tmp_path / "user.sqlite"
    result = CliRunner().invoke(gazetteer_cmd, ["import", str(dump), "--into", str(db)])
    assert result.exit_code == 0, result.output
    assert "imported 2 places" in result.output
    again = CliRunner().invoke(gazetteer_cmd, ["import", str(dump), "--into", str(db)])
    assert again.exit_code == 0
    g = Gazetteer.load(user_db=db)
    try:
        hits = g.lookup("Tal Zuhur")
        assert len(hits) == 1  # importing twice replaced, not duplicated
        assert hits[0].cc == "SY" and hits[0].admin1 == "Deir ez-Zor" and hits[0].feature == "city"
        assert [c.feature for c in g.lookup("Wadi Qasr")] == ["region"]
        assert g.has_name("Tal Zuhur")  # names only the user import has (no key file there)
    finally:
        g.close()


def test_gazetteer_import_reads_zip(tmp_path):
    import zipfile

    txt = tmp_path / "allCountries.txt"
    _write_dump(txt)
    archive = tmp_path / "allCountries.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(txt, "allCountries.txt")
    db = tmp_path / "zip.sqlite"
    result = CliRunner().invoke(gazetteer_cmd, ["import", str(archive), "--into", str(db)])
    assert result.exit_code == 0, result.output
    assert "imported 2 places" in result.output
