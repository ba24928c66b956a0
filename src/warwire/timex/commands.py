"""``warwire timex``: JSON Lines in, JSON Lines out (CONTRACTS §5).

In: ``{"doc_id": "…", "text": "…", "dct": "2018-10-02"}`` per line. Out: ``{"doc_id": "…",
"timexes": [{"start", "end", "text", "type", "value"}, …]}`` per line (plus ``date`` and
``precision`` for calendar dates). A line that cannot be read is reported on stderr with its
line number and skipped; the exit status is then 1.
"""

from __future__ import annotations

import json
import sys
from typing import Any, TextIO

import click

from .tagger import tag


def timex_record(record: dict[str, Any]) -> dict[str, Any]:
    """The output object of one input record (CONTRACTS §5)."""
    text = record.get("text")
    if not isinstance(text, str):
        raise ValueError("record has no 'text' string")
    dct = record.get("dct") or record.get("published")
    timexes = []
    for t in tag(text, dct if isinstance(dct, str) else None):
        item: dict[str, Any] = {"start": t.start, "end": t.end, "text": t.text, "type": t.type,
                                "value": t.value}
        if t.date:
            item["date"], item["precision"] = t.date, t.precision
        timexes.append(item)
    return {"doc_id": record.get("doc_id"), "timexes": timexes}


def run(lines: TextIO, out: TextIO, err: TextIO) -> int:
    """Process JSONL ``lines`` into ``out``; returns the number of rejected lines."""
    rejected = 0
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            result = timex_record(record)
        except (ValueError, TypeError) as exc:
            rejected += 1
            err.write(f"warwire: rejected line {number}: {exc}\n")
            continue
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    return rejected


@click.command(name="timex")
def timex() -> None:
    """Temporal expressions of JSONL texts on stdin, normalized against their "dct" (JSONL out)."""
    rejected = run(click.get_text_stream("stdin"), click.get_text_stream("stdout"), sys.stderr)
    if rejected:
        sys.exit(1)
