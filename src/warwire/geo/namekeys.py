"""A compact in-memory set of every name key of the gazetteer index, for ``Gazetteer.has_name``.

Recognition asks "is this n-gram a place name?" about every capitalised n-gram of a document
(~80 per LGL article), and nearly all answers are no. A SQLite round trip per question was the
largest cost of the geo stage; a Python set of the 640,000 keys would take a second to load and
~75 MB. Instead the keys' stable 64-bit hashes (BLAKE2b) are kept sorted in a 5 MB sidecar file
next to the index (``<index>.keys``), loaded in milliseconds and searched by bisection (~2 µs).

A hash can collide: with 640,000 keys, a name that is not in the index is taken for one with
probability ~640,000 / 2**64 ≈ 3.5e-14 per question. ``has_name`` is only a filter before the
exact ``lookup``, so such a collision would at worst offer one n-gram to the cue rules.
"""

from __future__ import annotations

import array
import bisect
import hashlib
import os
import sqlite3
import tempfile
from pathlib import Path

__all__ = ["NameKeys", "key_hash", "keys_path"]

#: Sidecar layout: a header of two unsigned 64-bit integers (the index file's size and
#: modification time in ns, so a rebuilt index is never paired with an old key file), then the
#: sorted hashes.
_HEADER = 2
_TYPECODE = "Q"  # unsigned 64-bit


def key_hash(key: str) -> int:
    """Stable (process-independent) 64-bit hash of one name key."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


def keys_path(db: Path) -> Path:
    """Where the key file of the index ``db`` lives."""
    return db.with_name(db.name + ".keys")


def _stamp(db: Path) -> tuple[int, int]:
    st = db.stat()
    return st.st_size, st.st_mtime_ns


def _write(out: Path, stamp: tuple[int, int], hashes: array.array) -> None:
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            array.array(_TYPECODE, stamp).tofile(fh)
            hashes.tofile(fh)
        os.chmod(tmp, 0o644)  # readable like the index itself
        os.replace(tmp, out)  # atomic: a concurrent reader never sees half a file
    except OSError:  # a read-only cache directory: the keys stay in memory only
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)


class NameKeys:
    """Membership test for the name keys of one gazetteer SQLite file."""

    def __init__(self, hashes: array.array):
        self._hashes = hashes  # sorted, distinct

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        h = key_hash(key)
        i = bisect.bisect_left(self._hashes, h)
        return i < len(self._hashes) and self._hashes[i] == h

    @classmethod
    def build(cls, db: Path) -> NameKeys:
        """Hash every key of the ``names`` table of ``db`` and write the sidecar file."""
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        try:
            hashes = array.array(_TYPECODE, sorted({key_hash(k) for (k,) in
                                                    con.execute("SELECT key FROM names")}))
        finally:
            con.close()
        _write(keys_path(db), _stamp(db), hashes)
        return cls(hashes)

    @classmethod
    def load(cls, db: Path) -> NameKeys | None:
        """The key file of ``db`` when it exists and matches the index, else None."""
        path = keys_path(db)
        header, hashes = array.array(_TYPECODE), array.array(_TYPECODE)
        try:
            with path.open("rb") as fh:
                header.fromfile(fh, _HEADER)
                if tuple(header) != _stamp(db):
                    return None
                size = path.stat().st_size // hashes.itemsize - _HEADER
                hashes.fromfile(fh, size)  # read straight into the array: no copy
        except (OSError, EOFError):  # missing, unreadable or truncated: rebuild
            return None
        return cls(hashes)

    @classmethod
    def for_index(cls, db: Path) -> NameKeys:
        """The keys of ``db``: loaded from the sidecar, or built once (~2 s) when missing."""
        return cls.load(db) or cls.build(db)
