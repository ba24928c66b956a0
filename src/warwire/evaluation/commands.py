"""``warwire eval …``: one subcommand per scorer, each loaded lazily.

Every scorer module under ``warwire.evaluation`` exposes ``command`` (a click command) over a
function ``evaluate(shared: Path, **options) -> dict`` whose ``"scores"`` entry is a flat dict of
named floats. The regression gate (``eval/gate.py``) compares those scores with the floors pinned
in ``eval/baseline.json``.
"""

from __future__ import annotations

import click

from ..cli import LazyGroup

SCORERS: dict[str, str] = {
    "documents": "warwire.evaluation.documents:command",
    "mentions": "warwire.evaluation.mentions:command",
    "timex": "warwire.evaluation.timex:command",
    "geo": "warwire.evaluation.geo:command",
    "cluster": "warwire.evaluation.cluster:command",
    "events": "warwire.evaluation.events:command",
}


@click.group(name="eval", cls=LazyGroup, lazy=SCORERS)
def eval_group() -> None:
    """Score warwire against the gold sets in ../shared (see docs/evaluation.md)."""
