"""The one data model of warwire.

Everything that flows through the pipeline is defined here, so every stage speaks the same words:

    Article  ─(nlp)→  Mention  ─(merge)→  Event
      │                 ├─ Actor (actor1, actor2)
      │                 ├─ Place (places, location, origin)
      │                 ├─ TimeValue (times, date)
      │                 ├─ Count (killed, injured) and Claim
      │                 └─ Span (trigger, sentence, evidence of every argument)
      └─ OffsetMap: clean-text index → original-text index

Offsets. Every ``start``/``end`` that leaves a stage is a Python ``str`` index, end-exclusive, into
the article's *original* text (the decoded input, CONTRACTS §1), so ``original[start:end] == text``.
NLP runs on ``Article.text`` (the cleaned text); stages convert with ``Article.to_original``.

Dataclasses are plain and JSON-friendly: ``to_dict()`` gives the JSON form used by exports and
the store, ``from_dict()`` reads it back.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Span",
    "OffsetMap",
    "Block",
    "Article",
    "Actor",
    "Place",
    "TimeValue",
    "Count",
    "Claim",
    "Mention",
    "Link",
    "Event",
    "Rejection",
    "PLOVER_TYPES",
    "MATERIAL_CONFLICT_TYPES",
    "MODALITIES",
]

#: PLOVER v2.0 event types and their modes (CONTRACTS §3).
PLOVER_TYPES: dict[str, tuple[str, ...]] = {
    "AGREE": (),
    "CONSULT": ("visit", "third-party", "multilateral", "phone"),
    "SUPPORT": (),
    "CONCEDE": (),
    "COOPERATE": (),
    "AID": (),
    "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access", "resign"),
    "REQUEST": ("assist", "change", "yield", "meet"),
    "REJECT": ("assist", "change", "yield", "meet"),
    "ACCUSE": ("disapprove", "investigate", "allege"),
    "THREATEN": ("restrict", "arrest", "relations", "expel", "territory", "violence"),
    "PROTEST": ("demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"),
    "SANCTION": ("convict", "expel", "withdraw", "discontinue"),
    "MOBILIZE": ("troops", "weapons", "police", "militia"),
    "COERCE": (
        "seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
        "misinformation", "cyber",
    ),
    "ASSAULT": (
        "abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
        "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
        "unconventional",
    ),
}

#: The types whose asserted mentions are material conflict (the core of an event data set).
MATERIAL_CONFLICT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "SANCTION"})

#: Modality of a mention. Only ``asserted`` mentions become events.
MODALITIES = (
    "asserted", "threatened", "vowed", "planned", "offered", "hypothetical", "negated", "denied",
)


#: Leaf values returned as they are; tested first because they are most of the values of a
#: Mention or Event (the store serialises hundreds of thousands of them per ingest).
_ATOMS = (str, int, float, type(None))


@functools.lru_cache(maxsize=None)
def _field_names(cls: type) -> tuple[str, ...] | None:
    """Field names of a dataclass type (None for other types), looked up once per class."""
    return tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None


@functools.lru_cache(maxsize=None)
def _field_set(cls: type) -> frozenset[str]:
    """Field names of a dataclass type as a set, for ``from_dict``'s membership tests."""
    return frozenset(_field_names(cls) or ())


def _clean_dict(obj: Any) -> Any:
    """dataclasses.asdict, but nested dataclasses become dicts and tuples become lists."""
    if isinstance(obj, _ATOMS):
        return obj
    if isinstance(obj, (list, tuple)):
        return [_clean_dict(x) for x in obj]
    if isinstance(obj, dict):
        return {k: _clean_dict(v) for k, v in obj.items()}
    names = _field_names(type(obj))  # None for a class object itself (its type is `type`)
    if names is not None:
        return {n: _clean_dict(getattr(obj, n)) for n in names}
    return obj


class _Serializable:
    def to_dict(self) -> dict[str, Any]:
        return _clean_dict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None):  # type: ignore[no-untyped-def]
        if data is None:
            return None
        kwargs = {}
        hints = _field_set(cls)
        for name, value in data.items():
            if name not in hints:
                continue  # tolerate fields added by later versions
            sub = _NESTED.get((cls.__name__, name))
            if sub is not None and value is not None:
                if isinstance(value, list):
                    value = [sub.from_dict(v) for v in value]
                else:
                    value = sub.from_dict(value)
            kwargs[name] = value
        return cls(**kwargs)


@dataclass
class Span(_Serializable):
    """A stretch of the original text: ``original[start:end] == text``."""

    start: int
    end: int
    text: str


class OffsetMap:
    """Maps indices of a derived (clean) text back to its original text.

    Stored as sorted breakpoints ``(clean_index, original_index)``: from each breakpoint on, the
    two texts advance together one character per character until the next breakpoint. Deletions,
    insertions and replacements are all expressed as breakpoints, which keeps the map small
    (one pair per edit, not per character) and lets it be stored as JSON.
    """

    __slots__ = ("_clean", "_orig")

    def __init__(self, pairs: list[tuple[int, int]] | None = None):
        pairs = sorted(pairs or [(0, 0)])
        if not pairs or pairs[0][0] != 0:
            pairs.insert(0, (0, 0))
        self._clean = [c for c, _ in pairs]
        self._orig = [o for _, o in pairs]

    @classmethod
    def identity(cls) -> OffsetMap:
        return cls([(0, 0)])

    def to_original(self, index: int) -> int:
        """Original-text index of clean-text ``index`` (works for end offsets too)."""
        i = bisect.bisect_right(self._clean, index) - 1
        return self._orig[i] + (index - self._clean[i])

    def to_clean(self, index: int, clean_length: int) -> int:
        """Clean-text index of original-text ``index`` (the inverse of :meth:`to_original`). An
        index inside text the cleaning dropped (a byline, a boilerplate line) maps to the next
        kept character; ``clean_length`` is the clean text's length, where the last run ends."""
        # original indices of the breakpoints never decrease (cleaning keeps text in order)
        k = bisect.bisect_right(self._orig, index) - 1
        if k < 0:
            return 0
        run_end = self._clean[k + 1] if k + 1 < len(self._clean) else clean_length
        if index < self._orig[k] + (run_end - self._clean[k]):
            return self._clean[k] + (index - self._orig[k])
        return run_end

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of a clean-text span; ``end`` maps from the last char + 1."""
        if end <= start:
            s = self.to_original(start)
            return s, s
        return self.to_original(start), self.to_original(end - 1) + 1

    def compose(self, inner: OffsetMap) -> OffsetMap:
        """Map for text C derived from B (``inner``: C→B), when ``self`` maps B→A: gives C→A."""
        pairs = [(c, self.to_original(o)) for c, o in zip(inner._clean, inner._orig)]
        # Breakpoints of self that fall inside runs of inner must be kept as well.
        for b_idx, a_idx in zip(self._clean, self._orig):
            j = bisect.bisect_right(inner._orig, b_idx) - 1
            if j < 0:
                continue
            c = inner._clean[j] + (b_idx - inner._orig[j])
            nxt = inner._clean[j + 1] if j + 1 < len(inner._clean) else None
            if nxt is None or c < nxt:
                pairs.append((c, a_idx))
        return OffsetMap(sorted(set(pairs)))

    def to_json(self) -> list[list[int]]:
        return [[c, o] for c, o in zip(self._clean, self._orig)]

    @classmethod
    def from_json(cls, data: list[list[int]] | None) -> OffsetMap:
        return cls([(int(c), int(o)) for c, o in (data or [[0, 0]])])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OffsetMap) and self.to_json() == other.to_json()

    def __repr__(self) -> str:
        return f"OffsetMap({self.to_json()!r})"


@dataclass
class Block(_Serializable):
    """A line or paragraph of the original text and what the cleaner decided about it."""

    start: int
    end: int
    kind: str  # body | headline | byline | dateline | boilerplate | deck | source-line
    language: str | None = None
    reason: str | None = None


@dataclass
class Article(_Serializable):
    """One news article as read, cleaned and described. Flows into the NLP stage."""

    doc_id: str
    original: str  # decoded input text (CONTRACTS §1); every exported offset points here
    text: str  # cleaned text for NLP: boilerplate removed, page breaks joined
    offset_map: OffsetMap = field(default_factory=OffsetMap.identity)
    sources: list[str] = field(default_factory=list)  # paths or URLs as given
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date
    published_precision: str | None = None  # day | inferred | None
    published_evidence: str | None = None
    language: str | None = None
    republication_of: str | None = None
    text_sha256: str = ""
    blocks: list[Block] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def written(self) -> str | None:
        """The date the text was written: a republication's original date when its source line
        gives one ("World Socialist 13 March 2020" under a page dated 14 March), else the
        publication date. Relative time words and acts "still going on" resolve against it."""
        return self.metadata.get("original_published") or self.published

    @property
    def written_range(self) -> tuple[str, str] | None:
        """First and last day the text can have been written on when no day is known
        (``metadata.published_range`` of an undated article, from the partial dates and office
        holders it names); None when the day is known or nothing bounds it."""
        rng = self.metadata.get("published_range")
        if self.written is not None or not rng or not rng[0] or not rng[1]:
            return None
        return rng[0], rng[1]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original-text span of a clean-text span."""
        return self.offset_map.span_to_original(start, end)

    def original_span(self, start: int, end: int) -> Span:
        """Clean-text span → Span of the original text (exact evidence)."""
        s, e = self.to_original(start, end)
        return Span(s, e, self.original[s:e])

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["offset_map"] = self.offset_map.to_json()
        return d

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None):  # type: ignore[no-untyped-def]
        if data is None:
            return None
        data = dict(data)
        om = data.pop("offset_map", None)
        art = super().from_dict(data)
        art.offset_map = OffsetMap.from_json(om) if not isinstance(om, OffsetMap) else om
        return art


@dataclass
class Actor(_Serializable):
    """A participant as written, with its dictionary entry when known."""

    text: str
    name: str | None = None  # canonical name
    country: str | None = None  # ISO3
    sector: str | None = None  # PLOVER sector code: GOV, MIL, REB, …
    start: int | None = None
    end: int | None = None
    backer: str | None = None  # ISO3 of a state sponsor named in the text ("Iranian-backed")
    attribution: str | None = None  # "alleged" when the text only blames/accuses this actor


@dataclass
class Place(_Serializable):
    """A place word and, when resolved, where it is."""

    text: str
    start: int | None = None
    end: int | None = None
    name: str | None = None
    country: str | None = None  # ISO3
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    feature: str | None = None  # city | admin1 | country | site | region | …
    precision: str | None = None  # site | town | admin1 | country
    role: str | None = None  # target | origin | None


@dataclass
class TimeValue(_Serializable):
    """A time expression and its TIMEX3 value, or an event date with its precision."""

    text: str | None = None
    start: int | None = None
    end: int | None = None
    type: str | None = None  # DATE | TIME | DURATION | SET
    value: str | None = None  # TIMEX3 value: 2018-10-01, 2018-W39, P3D, PRESENT_REF …
    date: str | None = None  # event date: YYYY-MM-DD, YYYY-MM, YYYY or START/END
    precision: str | None = None  # day | week | month | year | range
    fallback: bool = False  # True when the date is the publication date, not from the text
    basis: str | None = None  # how an event date was inferred when not read off a time word:
    # "period" (named-period table), "ongoing", "state", "quoted", "statement", "carried"


@dataclass
class Count(_Serializable):
    """A number of people as reported: low/best/high."""

    low: int | None = None
    best: int | None = None
    high: int | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    # The unquantified wording when the source gives no number ("dozens", "several", "an
    # unspecified number"): the numbers stay None (low keeps a stated part: "9 and several"
    # → 9). Only warwire.acled turns the wording into a figure (ACLED's coding convention).
    vague: str | None = None


@dataclass
class Claim(_Serializable):
    """One source's casualty figures for an event."""

    claimant: str | None
    killed: int | None
    injured: int | None
    doc_id: str
    quote: str
    start: int | None = None
    end: int | None = None
    killed_count: Count | None = None
    injured_count: Count | None = None


@dataclass
class Mention(_Serializable):
    """One report of one event in one sentence of one article, with its evidence."""

    mention_id: str
    doc_id: str
    type: str  # PLOVER type
    trigger: Span
    sentence: Span
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    modality: str = "asserted"
    actor1: Actor | None = None
    actor2: Actor | None = None
    places: list[Place] = field(default_factory=list)
    times: list[TimeValue] = field(default_factory=list)
    location: Place | None = None  # where it happened (set by geo)
    origin: Place | None = None  # launch site, when the text gives one
    date: TimeValue | None = None  # event date (set by timex)
    killed: Count | None = None
    injured: Count | None = None
    claimant: Actor | None = None  # who says so
    cue_links: list[Link] = field(default_factory=list)  # explicit cause cues found here
    confidence: float = 0.5
    published: str | None = None  # the date its article was written (Article.written), for merging

    @property
    def asserted(self) -> bool:
        return self.modality == "asserted"


@dataclass
class Link(_Serializable):
    """A cause link: this event/mention was caused by (answered) another."""

    cue: str
    quote: str
    doc_id: str
    start: int | None = None
    end: int | None = None
    cause_mention_id: str | None = None
    cause_event_id: str | None = None
    cause_text: str | None = None  # the cause phrase as written ("the missile attack")
    explicit: bool = True


@dataclass
class Event(_Serializable):
    """One real-world event, merged from every mention that reports it (CONTRACTS §3)."""

    event_id: str
    type: str
    mode: str | None = None
    acled_event_type: str | None = None
    acled_sub_event_type: str | None = None
    date: str | None = None
    date_precision: str | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Place | None = None
    fatalities: Count | None = None
    injured: Count | None = None
    claims: list[Claim] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    caused_by: list[Link] = field(default_factory=list)
    modality: str = "asserted"
    confidence: float = 0.5


@dataclass
class Rejection(_Serializable):
    """An input that was not ingested, and why (one line on stderr)."""

    source: str
    reason: str
    code: str = "E000"

    def __str__(self) -> str:
        return f"warwire: rejected {self.source}: {self.reason}"


# Nested dataclass fields, for from_dict.
_NESTED: dict[tuple[str, str], Any] = {
    ("Article", "blocks"): Block,
    ("Mention", "trigger"): Span,
    ("Mention", "sentence"): Span,
    ("Mention", "actor1"): Actor,
    ("Mention", "actor2"): Actor,
    ("Mention", "claimant"): Actor,
    ("Mention", "places"): Place,
    ("Mention", "location"): Place,
    ("Mention", "origin"): Place,
    ("Mention", "times"): TimeValue,
    ("Mention", "date"): TimeValue,
    ("Mention", "killed"): Count,
    ("Mention", "injured"): Count,
    ("Mention", "cue_links"): Link,
    ("Claim", "killed_count"): Count,
    ("Claim", "injured_count"): Count,
    ("Event", "actor1"): Actor,
    ("Event", "actor2"): Actor,
    ("Event", "location"): Place,
    ("Event", "fatalities"): Count,
    ("Event", "injured"): Count,
    ("Event", "claims"): Claim,
    ("Event", "mentions"): Mention,
    ("Event", "caused_by"): Link,
}
