"""Inputs → raw documents: files, directories, JSON Lines and stdin. Never raises.

Each input yields :class:`RawDocument` (decoded text + given metadata) or a
:class:`~warwire.model.Rejection` with a code from :data:`warwire.errors.REJECTIONS`.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from ..errors import REJECTIONS
from ..model import Rejection
from .decode import decode_bytes
from .html import extract
from .options import IngestOptions

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
STDIN = "-"
#: SQLite's own file header: a store (ours or any other) kept inside a corpus folder is not an
#: article, so directory walks step over it instead of rejecting it and failing the run.
SQLITE_MAGIC = b"SQLite format 3\x00"
#: Files SQLite writes beside a database while it is open (WAL, shared memory, rollback journal).
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")
#: JSONL fields taken as given metadata (CONTRACTS §1).
META_FIELDS = ("id", "url", "outlet", "title", "author", "published", "language")


@dataclass
class RawDocument:
    """One article's decoded text before cleaning, with where it came from."""

    source: str
    original: str
    meta: dict[str, Any] = field(default_factory=dict)
    format: str = "txt"


def reject(source: str, code: str, detail: str | None = None) -> Rejection:
    """A :class:`Rejection` with the standard reason for ``code``."""
    reason = REJECTIONS.get(code, code) + (f" ({detail})" if detail else "")
    return Rejection(source=source, reason=reason, code=code)


def expand(inputs: Iterable[str]) -> Iterator[str | Rejection]:
    """Paths of the files to read, in a stable order; directories are walked recursively.

    Hidden files and folders (".git", ".DS_Store") and SQLite databases with their sidecar
    files (a ``warwire.db`` kept beside the articles) are skipped inside directories; a file
    named explicitly is always read, so a wrong argument still gets its one-line rejection.
    """
    for item in inputs:
        item = str(item)
        if item == STDIN:
            yield item
            continue
        p = Path(item)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    path = os.path.join(root, name)
                    if not name.startswith(".") and not _is_database_file(path):
                        yield path
        elif p.exists():
            yield item
        else:
            yield reject(item, "E009")


def _is_database_file(path: str) -> bool:
    """True for a SQLite database or one of the files SQLite keeps beside an open one."""
    if path.endswith(SQLITE_SIDECARS):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False  # unreadable: let the reader reject it with its reason


def _read_bytes(path: str, options: IngestOptions) -> bytes | Rejection:
    try:
        size = os.path.getsize(path)
        if size > options.max_bytes:
            return reject(path, "E005", f"{size} bytes > {options.max_bytes}")
        with open(path, "rb") as fh:
            return fh.read(options.max_bytes + 1)
    except OSError as exc:
        return reject(path, "E010", exc.strerror or type(exc).__name__)


def read_file(path: str, options: IngestOptions) -> Iterator[RawDocument | Rejection]:
    """One file → raw documents (one for .txt/.html, one per line for .jsonl) or rejections."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        yield reject(path, "E003", f"'{suffix or 'no extension'}'; expected {', '.join(SUFFIXES)}")
        return
    data = _read_bytes(path, options)
    if isinstance(data, Rejection):
        yield data
        return
    decoded = decode_bytes(data)
    if decoded.text is None:
        yield reject(path, decoded.code or "E004", decoded.detail)
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl_text(decoded.text, path)
    elif suffix in HTML_SUFFIXES:
        yield _html_document(decoded.text, path, {})
    else:
        yield RawDocument(path, decoded.text, {"encoding": decoded.encoding}, "txt")


def _html_document(html: str, source: str, meta: dict[str, Any]) -> RawDocument | Rejection:
    page = extract(html, meta.get("url"))
    if page is None:
        return reject(source, "E008")
    found = {"title": page.title, "author": page.author, "published": page.published,
             "url": page.url, "outlet": page.outlet}
    # Given metadata wins over what the page says; the page wins over inference.
    merged = {k: v for k, v in found.items() if v}
    merged.update({k: v for k, v in meta.items() if v not in (None, "")})
    merged["_from_html"] = sorted(k for k, v in found.items() if v and k not in meta)
    return RawDocument(source, page.text, merged, "html")


def read_jsonl_text(text: str, source: str) -> Iterator[RawDocument | Rejection]:
    """One raw document per JSON line; bad lines become rejections named ``source:line``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        yield _jsonl_record(line, f"{source}:{number}")


def _jsonl_record(line: str, where: str) -> RawDocument | Rejection:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return reject(where, "E006", exc.msg)
    if not isinstance(record, dict):
        return reject(where, "E006", "not a JSON object")
    meta = {k: record[k] for k in META_FIELDS if record.get(k) not in (None, "")}
    meta = {k: (str(v) if not isinstance(v, str) else v) for k, v in meta.items()}
    source = meta.get("url") or where
    body = record.get("text")
    if isinstance(body, str) and body.strip():
        return RawDocument(source, body, meta, "jsonl")
    html = record.get("html")
    if isinstance(html, str) and html.strip():
        doc = _html_document(html, source, meta)
        return reject(where, "E008") if isinstance(doc, Rejection) else doc
    return reject(where, "E007")


def read_stdin(stream: BinaryIO | None = None, options: IngestOptions | None = None
               ) -> Iterator[RawDocument | Rejection]:
    """JSON Lines on stdin (``-``), decoded like a file."""
    stream = stream if stream is not None else sys.stdin.buffer
    data = stream.read((options or IngestOptions()).max_bytes + 1)
    if options is not None and len(data) > options.max_bytes:
        yield reject("<stdin>", "E005")
        return
    decoded = decode_bytes(data)
    if decoded.text is None:
        yield reject("<stdin>", decoded.code or "E004", decoded.detail)
        return
    yield from read_jsonl_text(decoded.text, "<stdin>")


def read_raw(inputs: Iterable[str], options: IngestOptions) -> Iterator[RawDocument | Rejection]:
    """Every raw document or rejection of ``inputs``, in order."""
    for item in expand(inputs):
        if isinstance(item, Rejection):
            yield item
        elif item == STDIN:
            yield from read_stdin(None, options)
        else:
            yield from read_file(item, options)
