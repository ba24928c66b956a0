"""The in-memory name-key set behind Gazetteer.has_name, and the cheap suffix split."""

import os
import sqlite3

import pytest

from warwire.geo import Gazetteer
from warwire.geo.build import SCHEMA
from warwire.geo.namekeys import NameKeys, keys_path
from warwire.geo.normalize import keys
from warwire.geo.recognize import split_suffix


def _tiny_index(path, keys):
    con = sqlite3.connect(path)
    con.executescript(SCHEMA)
    con.executemany("INSERT INTO names VALUES (?, 1, 1)", [(k,) for k in keys])
    con.commit()
    con.close()


def test_key_file_is_built_once_and_answers_membership(tmp_path):
    db = tmp_path / "tiny.sqlite"
    _tiny_index(db, ["erbil", "deir ez zor", "ain al asad"])
    assert NameKeys.load(db) is None  # no key file yet
    built = NameKeys.for_index(db)
    assert keys_path(db).exists()
    loaded = NameKeys.load(db)
    assert loaded is not None and len(loaded) == len(built) == 3
    for keys in (built, loaded):
        assert "erbil" in keys and "deir ez zor" in keys
        assert "mosul" not in keys and "" not in keys and None not in keys


def test_key_file_of_a_changed_index_is_not_reused(tmp_path):
    db = tmp_path / "tiny.sqlite"
    _tiny_index(db, ["erbil"])
    NameKeys.for_index(db)
    con = sqlite3.connect(db)
    con.execute("INSERT INTO names VALUES ('mosul', 2, 1)")
    con.commit()
    con.close()
    os.utime(db, ns=(1, 1))  # a different stamp, whatever the file system's clock resolution
    assert NameKeys.load(db) is None
    assert "mosul" in NameKeys.for_index(db)


@pytest.fixture(scope="module")
def gaz():
    g = Gazetteer.load(user_db="/nonexistent/none.sqlite")
    yield g
    g.close()


def test_has_name_agrees_with_the_index(gaz):
    db = gaz._dbs[0]
    for written in ("Baghdad", "al-Anbar", "Deir ez-Zor", "Dar'a", "the Middle East", "Paris",
                    "Kermanshah", "Xqzvw Town", "Soleimani Nowhere", "Springfield", "Ain al-Asad"):
        in_sql = any(db.execute("SELECT 1 FROM names WHERE key = ?", (k,)).fetchone()
                     for k in keys(written))
        assert gaz.has_name(written) == in_sql, written
        assert bool(gaz.lookup(written)) == in_sql, written


def test_split_suffix_takes_the_longest_trailing_suffix():
    assert split_suffix("Deir Ezzor province") == ("Deir Ezzor", "province")
    assert split_suffix("Ain al-Asad air base") == ("Ain al-Asad", "air base")
    assert split_suffix("Ain al-Asad base") == ("Ain al-Asad", "base")
    assert split_suffix("Anbar, province") == ("Anbar", "province")
    assert split_suffix("air base") == ("air", "base")  # too short for the two-word suffix
    assert split_suffix("Erbil") == ("Erbil", None)
    assert split_suffix("Province") == ("Province", None)
