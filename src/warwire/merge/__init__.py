"""Cross-document merge: mentions → canonical events, with claims and cause links.

Public surface::

    merge(mentions, events=None, options=None) -> list[Event]   # warwire.merge.core
    cluster(records, options=None, nlp=None) -> list[dict]      # CONTRACTS §6, text-only input
    find_cause_links(article, mentions) -> None                 # warwire.merge.links
    escalation_chain(event_id, events) -> Chain                 # warwire.merge.chain
"""

from __future__ import annotations

from .chain import Chain, escalation_chain
from .core import MergeOptions, merge
from .links import find_cause_links, lift_links
from .textcluster import ClusterOptions, cluster

__all__ = [
    "Chain",
    "ClusterOptions",
    "MergeOptions",
    "cluster",
    "escalation_chain",
    "find_cause_links",
    "lift_links",
    "merge",
]
