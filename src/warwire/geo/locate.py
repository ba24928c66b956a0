"""Event location: which of a mention's places is where the event happened.

"Missiles fired from Kermanshah hit targets in Deir Ezzor" happened in Deir Ezzor; Kermanshah is
the origin. The rules, in order:

1. a place the NLP stage marked ``role="target"`` / ``"origin"`` keeps that role;
2. a place right after "launched from" / "fired (by X) from" / "took off from" … is the origin
   (a bare "from" is not: "withdrew from Syria" happened in Syria);
3. a place used for its government ("Iraq's foreign ministry", "Tehran said") is not a location;
4. a place on the other side of an explicit cause cue, or inside a temporal clause after the
   trigger ("… before the body was laid to rest in Kerman"), belongs to another act; a dateline
   ("WASHINGTON —") or where the tellers are ("officials in Washington") is no act's place;
5. of the remaining resolved places, the most precise wins (site > town > admin1 > region >
   country), then the one nearest the trigger; "north of Baghdad" / "outside Kirkuk" keeps the
   place but one precision level lower;
6. speech acts (demands, accusations, threats, rejections) happen where the speaker spoke, not
   where the demand is about: "demanded that Iran withdraw from Syria" is not in Syria. Only a
   venue counts ("in Baghdad", "at the UN General Assembly"), from the sentence or from an earlier
   sentence that names the speaker at a venue; else the institution's seat, else the speaker's
   country (precision "country"), else no location;
7. with no place in the sentence, a site/town of the previous sentences, then the article's focus
   country with precision "country" — except for a cause named inside another act's sentence
   ("strikes in retaliation for an attack on a parade"): the scene around it is the effect's;
8. a facility that is the act's own object wins over every other place of the sentence: "the
   siege *of the US embassy*" is at the embassy (in the capital of the host country, or the
   city written after it), not at the K-1 base of the rocket attack named beside it; "the attack
   *on the embassy*" / "*on the base*" is at the one named earlier when the sentence has only a
   country (``locate_facility.py``);
9. a country word that says whose ("US bases", "the US embassy", "US service members") and the
   addressee of a speech verb ("blamed *Iran* for") are not places; a traveller's previous leg
   ("after he arrived on a flight from Damascus") and destination ("bound for Kyiv") are no
   place of the act, a victim's departure ("shortly after it took off from Tehran") is near it;
   a place after a temporal preposition that introduces another act ("on high alert *after
   Iran's missile strikes on US bases in Iraq*") is that act's (``locate_acts.py``);
10. an act left with only the focus country that is a definite back-reference ("no Americans had
   been harmed in *the strike*") takes the precise place of the nearest earlier act of its type,
   and a headline's act the place of the body's act named with the same words.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from ..cues import CAUSE_FIRST, EFFECT_FIRST, effect_of_named_cause, find_cues
from ..model import Article, Mention, Place, Span
from .gazetteer import Gazetteer
from .locate_acts import in_earlier_act, same_act
from .locate_facility import find_embassies, is_owner_word, own_anaphor, own_embassy, travel_cue
from .recognize import Toponym, is_modifier, recognize
from .resolve import resolve

__all__ = ["locate_mentions", "pick_location", "is_locative", "is_dateline", "is_source_place",
           "LocationChoice", "PRECISION_ORDER"]

#: Most to least precise.
PRECISION_ORDER = ("site", "town", "admin1", "region", "country")

_ORIGIN_BEFORE = re.compile(  # launch verbs only: "withdrew from Syria" is not an origin
    r"\b(?:launched|fired|took\s+off|flew|shot|lobbed|originat(?:ed|ing)|sent|dispatched)"
    r"(?:\s+[\w'’-]+){0,4}?\s+from\s+(?:the\s+)?$",
    re.I,
)
_DIRECTION_BEFORE = re.compile(
    r"\b(?:(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?\s+of|"
    r"outside(?:\s+of)?|near|on\s+the\s+outskirts\s+of|miles\s+from|km\s+from|kilometers\s+from|"
    r"kilometres\s+from)\s+(?:the\s+)?$",
    re.I,
)
_METONYMY_AFTER = re.compile(
    r"^(?:['’]s\s+(?:foreign|defen[cs]e|interior|government|ministry|president|prime|military|"
    r"army|officials?|leaders?|leadership|state|supreme|parliament|regime|envoy|ambassador|"
    r"mission|delegation|representative)|\s+(?:said|says|announced|claimed|denied|accused|"
    r"warned|vowed|condemned|blamed|insisted|threatened|responded|retaliated|issued|ordered|"
    r"approved|authori[sz]ed|confirmed|stated|decided|imposed|demanded|called|urged|rejected|"
    r"insists|wants|has|have|had|will|would|launched|fired|attacked|shot|downed|"
    r"seized|deployed|sent|carried|accused|announced|sanctioned|backs|backed|supports|"
    r"supported|armed|funded|must|should|could|may|might|can|does|did|appeared|appears|seemed|"
    r"seems|sought|agreed|refused|began|moved|tried|continued|pledged|signed)\b)",
    re.I,
)
#: A dateline: a place opening a line, then an agency or date and a dash ("WASHINGTON —",
#: "BAGHDAD, Jan 3 (Reuters) -"). It says where the report was filed, not where the act happened.
_DATELINE_AFTER = re.compile(r"^(?:,[^\n—–]{0,30})?\s*(?:\([^)\n]{1,40}\)\s*)?(?:—|–|--?)\s")
#: "officials in Washington", "sources in Tehran": where the people who tell it are, not where the
#: act happened.
_SOURCE_BEFORE = re.compile(
    r"\b(?:officials?|sources?|diplomats?|spokes(?:man|woman|person)|analysts?|reporters?|"
    r"correspondents?|authorities|ministers?|observers?|envoys?)\s+(?:in|from|at)\s+(?:the\s+)?$",
    re.I)
#: "both Washington and Tehran appeared to …": the first conjunct is read like the last one.
_CONJUNCT_AFTER = re.compile(r"^\s+and\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")
#: A temporal subordinate clause after the trigger: "(killed in the attacks that took place)
#: before the body of the general was laid to rest in …" — a subordinator, a subject, a finite
#: verb. A bare preposition ("after an attack in X") is not a clause and does not match.
_TEMPORAL_CLAUSE = re.compile(
    r"\b(?:before|after|until|till|since|once|when|whenever|while)\s+"
    r"(?:the|a|an|his|her|their|its|this|that|these|those|he|she|they|it|we|[A-Z][\w'’-]*)\b"
    r"[^.;:]*?\b(?:was|were|is|are|had|has|have|will|would)\b")
#: The object of a speech act's verb is who is spoken to or about, not where: "blamed *Iran* for
#: orchestrating the attack", "urged *Iraq* to …".
_ADDRESSEE_BEFORE = re.compile(
    r"\b(?:blamed|accused|warned|urged|condemned|critici[sz]ed|told|asked|called\s+on|praised|"
    r"thanked|congratulated|pressed)\s+(?:the\s+)?$", re.I)
#: Buildings whose name stands for a government; a location only after "at", "in", "outside" …
SEATS_OF_POWER = frozenset({"The Pentagon", "White House", "Kremlin", "Downing Street",
                            "Headquarters of the United Nations"})
_LOCATIVE_BEFORE = re.compile(r"\b(?:at|in|inside|outside|near|to|into|on)\s+(?:the\s+)?$", re.I)
_AUXILIARY_AFTER = re.compile(r"\s+(?:is|was|were|are|has been|have been|had been|will be)"
                              r"\s+(?:\w+ly\s+)?(\w+)", re.I)
#: Participles without -ed/-en, for "X was hit": the passive keeps X a place.
IRREGULAR_PARTICIPLES = frozenset("hit struck shot overrun rocked sent built set cut".split())
_POSSESSIVE = re.compile(r"^['’]s\s+([A-Za-z-]+)")
#: Words after "X's" that keep X a place: "Iraq's K-1 base", "Baghdad's international airport".
GEO_NOUNS = frozenset(
    """city town village capital province governorate district region border north south east
    west northern southern eastern western northeast northwest southeast southwest northeastern
    northwestern southeastern southwestern central international main largest second airport
    base bases airbase port coast desert outskirts suburbs countryside territory soil airspace
    waters oil k-1""".split()
)
#: "the embassy", "the base" … in a sentence without a place name: the last site of that kind
#: named earlier in the article.
ANAPHORS = {
    "embassy": ("embassy",), "base": ("base", "camp", "garrison", "airfield"),
    "airbase": ("air base", "airbase", "airfield"), "air base": ("air base", "airbase"),
    "airport": ("airport",), "camp": ("camp",), "garrison": ("garrison",),
}
_EMBASSY_PHRASE = re.compile(r"\b(?:embassy|consulate)\b", re.I)
_ANAPHOR = re.compile(r"\bthe (embassy|air ?base|base|airport|camp|garrison)\b", re.I)

_INSTITUTION = re.compile(
    r"\b([A-Z][a-z]+(?:['’]s)?) (?:parliament|[Pp]arliament|government|cabinet|presidency|"
    r"legislature|[Nn]ational [Aa]ssembly|[Cc]ouncil of [Rr]epresentatives|[Ss]upreme [Cc]ourt)\b"
)

#: How far before a place the origin/direction cues are looked for (characters).
CUE_WINDOW = 40
#: Speech acts: their place is the speaker's venue, never a place the words are about.
SPEECH_TYPES = frozenset({"REQUEST", "REJECT", "ACCUSE", "THREATEN"})
#: Words between a speech act's trigger and a later place that make the place part of what is
#: said ("demanded the withdrawal of troops from Syria", "accused Iran of attacks on …"), not
#: where it was said ("demanded at a news conference in Baghdad that …").
_CONTENT_WORDS = re.compile(
    r"\b(?:that|for|of|from|to|against|on|over|about|into|out|withdraw\w*|leave|leaving|end|"
    r"stop|halt|attack\w*|strike\w*)\b", re.I)
#: A venue: a place right after "in", "at", "to", "before", "inside", "addressing" ("delivered a
#: speech to the UN General Assembly", "told reporters in Tehran").
_VENUE_BEFORE = re.compile(r"\b(?:in|at|to|before|inside|addressing|addressed)\s+(?:the\s+)?$", re.I)
#: How many earlier sentences may give a speaker's venue ("X delivered a speech to the UN General
#: Assembly … X went on to demand …"): a speech is reported over a few paragraphs.
SPEAKER_SENTENCES = 6
#: Targets named like a facility are places even when NER misses them ("a missile attack on
#: the al-Asad Airbase"): the words that say so, at the end of the target phrase.
_FACILITY = re.compile(r"\b(?:air\s*base|airbase|base|airfield|air\s+field|camp|garrison|"
                       r"embassy|consulate|airport|compound)s?$", re.I)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]{2,}")
#: Name words of a facility: capitalised words and codes ("Ain al-Asad", "K-1", "T-4").
_NAME_WORD = re.compile(r"\b[A-Z][A-Za-z0-9-]+")
#: A sentence without a place inherits a site/town named at most this many sentences earlier
#: in the same paragraph: news paragraphs keep to one scene.
CONTEXT_SENTENCES = 2


@dataclass
class LocationChoice:
    """Where an event happened and where it was launched from (either may be None)."""

    location: Place | None
    origin: Place | None


def is_locative(text: str, p: Place) -> bool:
    """False when the place word names an actor, not a location: "Iraq's foreign ministry",
    "Tehran said", "US troops", "the Pentagon issued"."""
    if p.start is None or p.end is None:
        return True
    before = text[max(0, p.start - CUE_WINDOW):p.start]
    after = text[p.end:p.end + 2 * CUE_WINDOW]
    if _metonymy_after(after):
        return False
    if is_dateline(text, p):
        return False
    if is_source_place(text, p):
        return False
    after = after[:CUE_WINDOW]
    aux = _AUXILIARY_AFTER.match(after)
    if aux and not aux.group(1).lower().endswith(("ed", "en")) and \
            aux.group(1).lower() not in IRREGULAR_PARTICIPLES:
        return False  # "Iran is determined" is about Iran; "Kirkuk was hit" is about Kirkuk
    possessive = _POSSESSIVE.match(after)
    if possessive and possessive.group(1).lower() not in GEO_NOUNS:
        return False  # "Washington's defiance", but "Iran's southwestern city of Ahvaz"
    if p.name in SEATS_OF_POWER and not _LOCATIVE_BEFORE.search(before):
        return False
    if is_owner_word(text, p) or _ADDRESSEE_BEFORE.search(before):
        return False  # "strikes on US bases", "the US embassy"; "blamed Iran for …"
    if p.feature == "country" and is_modifier(text, p.end) and not _LOCATIVE_BEFORE.search(before):
        return False
    return True


def is_dateline(text: str, p: Place) -> bool:
    """True for a dateline place ("WASHINGTON — No American troops were killed when …"): where
    the report was filed, whatever role the parse gave it."""
    if p.start is None or p.end is None:
        return False
    line_start = text.rfind("\n", 0, p.start) + 1
    return not text[line_start:p.start].strip() and bool(_DATELINE_AFTER.match(text[p.end:p.end + 2 * CUE_WINDOW]))


def is_source_place(text: str, p: Place) -> bool:
    """True for where the tellers are ("Officials in Washington also cited the rocket attack on
    the base"), whatever role the parse gave the place."""
    return p.start is not None and bool(_SOURCE_BEFORE.search(text[max(0, p.start - CUE_WINDOW):p.start]))


def _metonymy_after(after: str) -> bool:
    """The words after a place name say it acts ("Tehran said", "Washington and Tehran
    appeared …"): the place names a government, not a location."""
    if _METONYMY_AFTER.match(after):
        return True
    conj = _CONJUNCT_AFTER.match(after)
    return bool(conj and _METONYMY_AFTER.match(after[conj.end():]))


def _lower(precision: str | None) -> str | None:
    if precision in ("site", "town"):
        return PRECISION_ORDER[PRECISION_ORDER.index(precision) + 1]
    return precision


def _in_cause_phrase(text: str, p: Place, trigger: Span | None) -> bool:
    """True when an explicit cause cue stands between the trigger and ``p``: the place belongs to
    the other act of the link. After the trigger it is the cause's ("strikes on bases in Iraq *to
    avenge* the murder of a general *in Baghdad*"); before it, when the trigger sits in the cause
    phrase, the effect's ("the embassy *in Baghdad* came under siege by protesters *outraged
    over* the air strikes")."""
    if trigger is None or p.start is None or p.end is None:
        return False
    if p.start >= trigger.end:
        between = text[trigger.end:p.start]
    elif p.end <= trigger.start:
        between = text[p.end:trigger.start]
    else:
        return False
    return any(c.cue.explicit and c.cue.direction in (EFFECT_FIRST, CAUSE_FIRST)
               for c in find_cues(between))


def _in_temporal_clause(text: str, p: Place, trigger: Span | None) -> bool:
    """True when a temporal clause with its own subject and verb opens between the trigger and
    ``p`` ("missiles hit the base before the general was buried in Kerman"): the place is where
    that other act happened."""
    if trigger is None or p.start is None or p.start < trigger.end:
        return False
    return _TEMPORAL_CLAUSE.search(text, trigger.end, p.start) is not None


def pick_location(text: str, places: list[Place], trigger: Span | None = None) -> LocationChoice:
    """Choose the event location and origin among ``places`` (offsets into ``text``).

    Places inside the phrase naming the cause of the event are the cause's, not this event's.
    """
    origin = None
    pool = []
    for p in places:
        if (_in_cause_phrase(text, p, trigger) or _in_temporal_clause(text, p, trigger)
                or is_dateline(text, p) or is_source_place(text, p)):
            continue
        before = text[max(0, p.start - CUE_WINDOW):p.start] if p.start is not None else ""
        travel = travel_cue(text, p)
        if travel in ("arrival", "destination"):
            continue  # "after Soleimani arrived on a flight from Damascus", "bound for Kyiv": the trip's
        if travel == "departure" and p.lat is not None:
            # "shot down shortly after it took off from Tehran": near the place the victim left
            pool.append(dataclasses.replace(p, role="target", precision=_lower(p.precision)))
            continue
        if p.role == "origin" or (p.role is None and _ORIGIN_BEFORE.search(before)):
            origin = origin or dataclasses.replace(p, role="origin")
            continue
        if p.role != "target" and not is_locative(text, p):
            continue
        if p.feature == "country" and is_modifier(text, p.end or 0) and not _LOCATIVE_BEFORE.search(before):
            continue  # "a US contractor", "US-led troops": whose, not where, whatever the parse says
        if is_owner_word(text, p):
            continue  # "missile strikes on US bases in Iraq": whose bases, even after "on"
        if p.lat is None:
            continue
        precision = _lower(p.precision) if _DIRECTION_BEFORE.search(before) else p.precision
        pool.append(dataclasses.replace(p, role="target", precision=precision))
    if not pool:
        return LocationChoice(None, origin)
    explicit = [p for p in pool if any(q.role == "target" and q.start == p.start for q in places)]
    if explicit:
        # A coarse explicit target often only contains the precise one ("the airbase of Ain
        # al-Asad in western Iraq"): a finer place in the same country is the better answer.
        # (every explicit target must be coarse: "hit Ain al-Asad in western Iraq and one struck
        # near Erbil" has two coarse targets in one country, and the site named is finer)
        coarse = {p.country for p in explicit if p.precision in ("admin1", "country")}
        finer = [p for p in pool if p.precision in ("site", "town") and p.country in coarse]
        all_coarse = all(p.precision in ("admin1", "country") for p in explicit)
        pool = finer if all_coarse and finer else explicit
    anchor = trigger.start if trigger is not None else 0

    def rank(p: Place) -> tuple[int, int]:
        order = PRECISION_ORDER.index(p.precision) if p.precision in PRECISION_ORDER else 3
        return order, abs((p.start or 0) - anchor)

    return LocationChoice(min(pool, key=rank), origin)


def _focus_country(text: str, places: list[Place], demonyms: list[str],
                   gazetteer: Gazetteer) -> Place | None:
    votes: Counter[str] = Counter(p.country for p in places if p.country and is_locative(text, p))
    if not votes:  # every place word names an actor: still the best guess of the country
        votes = Counter(p.country for p in places if p.country)
    for iso2 in demonyms:
        if iso2 in gazetteer.iso3:
            votes[gazetteer.iso3[iso2]] += 0.5
    if not votes:
        return None
    return _country_place(votes.most_common(1)[0][0], gazetteer)


def locate_mentions(article: Article, doc, mentions: list[Mention],  # type: ignore[no-untyped-def]
                    gazetteer: Gazetteer) -> None:
    """Resolve each mention's places and set ``location`` (target) and ``origin``, in place.

    ``doc`` is the spaCy parse of ``article.text`` (clean text); mention offsets are original-text
    offsets. Toponyms are found once per article, then resolved together with the places the NLP
    stage attached to mentions, so the whole article informs each name.
    """
    if doc is None:  # callers should pass their parse; this keeps the function total
        from .geoparse import load_geoparse_nlp

        doc = load_geoparse_nlp()(article.text)
    found = recognize(article.text, doc, gazetteer)
    toponyms: dict[tuple[int, int], Toponym] = {}
    for t in found.toponyms:
        s, e = article.to_original(t.start, t.end)
        toponyms[(s, e)] = Toponym(s, e, article.original[s:e], t.source, t.cue)
    for m in mentions:
        site = _target_site(m, gazetteer)
        if site is not None and not any(s < site.end and site.start < e for s, e in toponyms):  # type: ignore[operator]
            m.places = [*m.places, site]
    loose = []  # given places without offsets: resolved by their text alone
    for m in mentions:
        for p in m.places:
            if p.start is not None and p.end is not None:
                if not any(s <= p.start and p.end <= e for s, e in toponyms):
                    toponyms[(p.start, p.end)] = Toponym(p.start, p.end, p.text, "given")
            else:
                loose.append(p.text)
    ordered = sorted(toponyms.values(), key=lambda t: t.start)
    resolved = resolve(article.original, ordered, gazetteer, found.demonyms)
    by_span = {(p.start, p.end): p for p in resolved}
    extra = resolve(" ; ".join(loose), _loose_toponyms(loose), gazetteer, found.demonyms)
    by_text = {p.text: p for p in extra}
    focus = _focus_country(article.original, resolved, found.demonyms, gazetteer)
    embassies = find_embassies(article.original, resolved, gazetteer, focus)
    facilities = [e.place for e in embassies if e.place is not None]
    sentences: list[tuple[int, int]] | None = None  # computed when first needed
    by_sentence: dict[int, list[Mention]] = {}  # the mentions of each sentence, for cause phrases
    guessed: list[Mention] = []  # placed at the focus country only: may name an act placed elsewhere
    causes: set[str] = set()  # causes named inside another act's sentence: background, no antecedent
    for m in mentions:
        by_sentence.setdefault(m.sentence.start, []).append(m)
    for m in mentions:
        s, e = m.sentence.start, m.sentence.end
        in_sentence = [dataclasses.replace(p) for p in resolved
                       if p.start is not None and s <= p.start and (p.end or 0) <= e]
        if m.places:
            given = [_resolved_copy(p, by_span, by_text) for p in m.places]
            # Toponyms the gazetteer found in the sentence that the NLP stage did not attach
            # (sites it does not know as entities: "the airbase of Ain al-Asad") still count.
            m.places = given + [p for p in in_sentence if not any(
                g.start is not None and g.start < (p.end or 0) and p.start < (g.end or 0)
                for g in given)]
        else:
            m.places = in_sentence
        if sentences is None:
            sentences = _sentences(article, doc)
        if m.type in SPEECH_TYPES:
            m.origin = None
            m.location = _speech_location(article.original, m, sentences, resolved, gazetteer)
            continue
        neighbours = by_sentence[m.sentence.start]
        cause = effect_of_named_cause(article.original, m, neighbours) is not None
        if cause:
            causes.add(m.mention_id)
        own = _own_phrase(m, neighbours, m.places) if cause else m.places
        own = [p for p in own if not in_earlier_act(article.original, m, p, neighbours)]
        choice = pick_location(article.original, own, m.trigger)
        m.origin = choice.origin
        location = _own_facility(article.original, m, choice.location, resolved, embassies, facilities)
        location = location or _from_anaphor(article.original, m, resolved + facilities)
        if location is None and not cause:
            location = _from_context(article.original, m, sentences, resolved)
        if location is None or location.precision == "country":
            location = _institution_seat(article.original, m, gazetteer, location) or location
        if location is None and not cause and focus is not None:
            location = dataclasses.replace(focus)
            guessed.append(m)
        m.location = location
    for m in guessed:  # "(no Americans had been harmed in) the strike": the act named before
        same = same_act(article.original, m, mentions, causes)
        if same is not None and same.location is not None:
            m.location = dataclasses.replace(same.location)


def _own_facility(text: str, m: Mention, chosen: Place | None, resolved: list[Place],
                  embassies: list, facilities: list[Place]) -> Place | None:  # type: ignore[type-arg]
    """A facility that is the act's own object wins over the places of the rest of the sentence:
    "the siege *of the US embassy*" is at the embassy, whatever else the sentence names ("cited
    the rocket attack on the K-1 base and the siege of the US embassy"); "the attack *on the
    embassy*" / "*on the base*" is at the one named before when the sentence offers only a
    country."""
    embassy = own_embassy(text, m.trigger, embassies)
    if embassy is not None:
        return embassy
    if chosen is not None and chosen.precision != "country":
        return chosen
    kind = own_anaphor(text, m.trigger)
    if kind is not None:
        return _from_anaphor(text, m, resolved + facilities, kind) or chosen
    return chosen


def _target_site(m: Mention, gazetteer: Gazetteer) -> Place | None:
    """The mention's target as a place when it is named like a facility ("the al-Asad Airbase",
    "Camp Victory"), with a name that is not only a country's ("the US base")."""
    a2 = m.actor2
    if a2 is None or a2.start is None or a2.end is None or not _FACILITY.search(a2.text):
        return None
    words = [w for w in _NAME_WORD.findall(_FACILITY.sub("", a2.text)) if not w.isalpha() or not w.isupper()]
    if not any(not _country_word(w, gazetteer) for w in words):  # "the US base" names no base
        return None
    return Place(text=a2.text, start=a2.start, end=a2.end, role="target")


def _other_triggers(m: Mention, mentions: list[Mention]) -> list[Span]:
    """Triggers of the other mentions of ``m``'s sentence (not overlapping its own)."""
    return [o.trigger for o in mentions if o is not m and o.sentence.start == m.sentence.start
            and not (o.trigger.start < m.trigger.end and m.trigger.start < o.trigger.end)]


def _own_phrase(m: Mention, mentions: list[Mention], places: list[Place]) -> list[Place]:
    """A cause's places: those before the next act named after it in the sentence ("the killing
    of Suleimani was a missile attack *on al-Asad*": al-Asad is the attack's)."""
    later = [t.start for t in _other_triggers(m, mentions) if t.start >= m.trigger.end]
    if not later:
        return places
    limit = min(later)
    return [p for p in places if p.start is None or p.start < limit]


def _venues(text: str, places: list[Place], trigger: Span | None = None) -> list[Place]:
    """Places a speech was given at: after a venue word ("in", "at", "to the", "addressing"),
    used as a location, and — after the trigger — with nothing between that makes them part of
    what was said."""
    out = []
    for p in places:
        if p.start is None or p.end is None or p.lat is None:
            continue
        before = text[max(0, p.start - CUE_WINDOW):p.start]
        # (a seat of power after a venue word is the venue: "addressed the UN General Assembly")
        if not _VENUE_BEFORE.search(before) or not (is_locative(text, p) or p.name in SEATS_OF_POWER):
            continue
        if trigger is not None and p.start >= trigger.end:
            venue_word = _VENUE_BEFORE.search(before)
            between = text[trigger.end:p.start - (len(before) - venue_word.start())]  # type: ignore[union-attr]
            if _CONTENT_WORDS.search(between):
                continue
        out.append(dataclasses.replace(p, role="target"))
    return out


def _speaker_keys(m: Mention, gazetteer: Gazetteer) -> set[str]:
    """Capitalised words of the speaker's name that are not a country's ("Moallem", "Walid")."""
    a1 = m.actor1
    if a1 is None:
        return set()
    words = set(_CAPITALISED.findall(" ".join(w for w in (a1.text, a1.name) if w)))
    return {w for w in words if not _country_word(w, gazetteer)}


def _country_word(word: str, gazetteer: Gazetteer) -> bool:
    """A word of a country's name or a nationality ("United", "Iraq", "Iranian")."""
    if gazetteer.demonym(word) is not None:
        return True
    return any(word in name.split() for name in gazetteer.country_names.values())


def _speech_location(text: str, m: Mention, sentences: list[tuple[int, int]],
                     resolved: list[Place], gazetteer: Gazetteer) -> Place | None:
    """Where a speech act happened: a venue of its own sentence, else the venue of an earlier
    sentence (up to SPEAKER_SENTENCES) that names the speaker, else the seat of the institution
    that speaks ("the Iraqi parliament"), else the speaker's country, else nothing — never the
    place the words are about."""
    rank = {p: i for i, p in enumerate(PRECISION_ORDER)}
    own = _venues(text, m.places, m.trigger)
    if own:
        return min(own, key=lambda p: (rank.get(p.precision or "country", 4), abs((p.start or 0) - m.trigger.start)))
    keys = _speaker_keys(m, gazetteer)
    idx = next((i for i, (s, e) in enumerate(sentences) if s <= m.sentence.start < e), None)
    if keys and idx is not None:
        for j in range(idx - 1, max(-1, idx - 1 - SPEAKER_SENTENCES), -1):
            s, e = sentences[j]
            if not any(re.search(rf"\b{re.escape(k)}\b", text[s:e]) for k in keys):
                continue
            inside = [p for p in resolved if p.start is not None and s <= p.start and (p.end or 0) <= e]
            venues = [p for p in _venues(text, inside) if p.precision in ("site", "town")]
            if venues:
                return min(venues, key=lambda p: rank.get(p.precision or "country", 4))
    seat = _institution_seat(text, m, gazetteer, None)
    if seat is not None or m.actor1 is None or not m.actor1.country:
        return seat
    # a government or its envoy speaks from home unless the text says otherwise: the speaker's
    # country, at country precision (never the country the words are about)
    return _country_place(m.actor1.country, gazetteer)


def _country_place(iso3: str, gazetteer: Gazetteer) -> Place | None:
    """A country-precision place for an ISO3 code."""
    iso2 = next((k for k, v in gazetteer.iso3.items() if v == iso3), None)
    c = gazetteer.country(iso2) if iso2 else None
    if c is None:
        return None
    return Place(text=c.name, name=c.name, country=iso3, lat=c.lat, lon=c.lon,
                 geonameid=c.geonameid, feature="country", precision="country", role="target")


def _sentences(article: Article, doc) -> list[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Original-text spans of the parse's sentences."""
    try:
        return [article.to_original(s.start_char, s.end_char) for s in doc.sents]
    except ValueError:  # a parse without sentence boundaries
        return []


def _from_context(text: str, m: Mention, sentences: list[tuple[int, int]],
                  resolved: list[Place]) -> Place | None:
    """The location named just before a sentence that names none ("The protesters stormed the
    compound" after "…the US Embassy in Baghdad…"): up to CONTEXT_SENTENCES earlier sentences
    of the same paragraph, nearest first."""
    idx = next((i for i, (s, e) in enumerate(sentences) if s <= m.sentence.start < e), None)
    if idx is None:
        return None
    for j in range(idx - 1, max(-1, idx - 1 - CONTEXT_SENTENCES), -1):
        s, e = sentences[j]
        if "\n\n" in text[s:sentences[j + 1][0]]:
            break  # paragraph boundary
        inside = [p for p in resolved if p.start is not None and s <= p.start and (p.end or 0) <= e]
        choice = pick_location(text, inside)
        if choice.location is not None and choice.location.precision in ("site", "town"):
            return choice.location
        if "\n" in text[s:e]:
            break
    return None


def _from_anaphor(text: str, m: Mention, resolved: list[Place], kind: str | None = None) -> Place | None:
    """ "the embassy" → the last embassy named before this sentence (a site, resolved); ``kind``
    names the facility word when the caller found it already (in the act's own phrase)."""
    if kind is None:
        hit = _ANAPHOR.search(text, m.sentence.start, m.sentence.end)
        if not hit:
            return None
        kind = hit.group(1)
    kinds = ANAPHORS[re.sub(r"\s+", " ", kind.lower())]
    # (an embassy known only by its city is a site all the same: "the US embassy" in Baghdad)
    before = [p for p in resolved if (p.feature == "site" or _EMBASSY_PHRASE.search(p.text))
              and p.start is not None and p.start < m.sentence.start and p.lat is not None
              and any(k in (p.name or "").lower() or k in p.text.lower() for k in kinds)]
    if not before:
        return None
    return dataclasses.replace(max(before, key=lambda p: p.start or 0), role="target")


def _institution_seat(text: str, m: Mention, gazetteer: Gazetteer,
                      country: Place | None) -> Place | None:
    """ "the Iraqi parliament", "Iran's government" acting → the capital (precision town): a
    national institution sits in its capital. Only for the country already chosen, if any."""
    for hit in _INSTITUTION.finditer(text, m.sentence.start, m.sentence.end):
        word = re.sub(r"['’]s$", "", hit.group(1))
        iso2 = gazetteer.demonym(word) or next(
            (k for k, v in gazetteer.country_names.items() if v == word), None)
        if not iso2 or (country is not None and gazetteer.iso3.get(iso2) != country.country):
            continue
        capital = gazetteer.capital(iso2)
        if capital is not None:
            return Place(text=hit.group(0), start=hit.start(), end=hit.end(), name=capital.name,
                         country=gazetteer.iso3.get(iso2), admin1=capital.admin1,
                         lat=capital.lat, lon=capital.lon, geonameid=capital.geonameid,
                         feature="city", precision="town", role="target")
    return None


def _loose_toponyms(texts: list[str]) -> list[Toponym]:
    out, pos = [], 0
    for t in texts:
        out.append(Toponym(pos, pos + len(t), t, "given"))
        pos += len(t) + 3
    return out


def _resolved_copy(p: Place, by_span: dict, by_text: dict) -> Place:
    """The given place with the resolution of the toponym that covers it; role kept."""
    hit = by_span.get((p.start, p.end))
    if hit is None and p.start is not None:
        hit = next((q for (s, e), q in by_span.items()
                    if s is not None and s <= p.start and p.end <= e), None)
    if hit is None:
        hit = by_text.get(p.text)
    if hit is None:
        return p
    return dataclasses.replace(hit, text=p.text, start=p.start, end=p.end, role=p.role)
