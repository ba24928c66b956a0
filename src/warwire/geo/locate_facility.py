"""Facilities named in an act's own noun phrase, and country words that say whose, not where.

"The siege of the US embassy" happened at the US embassy, and a US embassy named in a story
about Iraq is the one in Baghdad: an embassy of country X stands in the capital of the host
country (the city written after it, "the US embassy in Baghdad", else the capital of the
article's focus country when that is not X). "The attack on the embassy" is the last embassy
named before it. These helpers find such phrases and resolve them; ``locate.py`` decides when
they win over the other places of the sentence (always, when the facility is the act's own
object: a place borrowed from a neighbouring act of the sentence never beats it).
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from ..model import Place, Span
from .build import haversine_km
from .gazetteer import Candidate, Gazetteer

__all__ = ["EmbassyPlace", "find_embassies", "own_embassy", "is_owner_word", "own_anaphor",
           "travel_cue"]

#: "the US embassy", "the American Embassy in Baghdad", "the embassy": an optional owner (one or
#: two capitalised words or a code like "U.S."), the facility word, an optional "in <City>".
_EMBASSY = re.compile(
    r"\b(?:(?P<owner>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)\s+)?(?P<kind>[Ee]mbassy|[Cc]onsulate)"
    r"(?:\s+(?:in|at)\s+(?P<city>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))?")
#: Between an act's trigger and its object: a preposition and an article only ("siege *of the*
#: US embassy", "marched *on the* embassy", "lay siege *to* US embassy", "stormed *the* US
#: embassy").
_ACT_PREPOSITIONS = r"of|on|at|against|to|into|inside|outside|near|around|toward|towards|in\s+front\s+of"
_OWN_PREPOSITION = re.compile(rf"^\s+(?:(?:{_ACT_PREPOSITIONS})\s+)?(?:the\s+|an?\s+)?$", re.I)
#: "the base", "the airport" … as the object of the act's own preposition ("the attack on the
#: base"): the facility of that kind named earlier (locate.ANAPHORS).
_OWN_ANAPHOR = re.compile(
    rf"^\s+(?:{_ACT_PREPOSITIONS})\s+the\s+(embassy|air ?base|base|airport|camp|garrison)\b", re.I)
#: How far an embassy phrase's host city may lie from the named site (km): a named site of the
#: project's table is the embassy only in that city.
SITE_MAX_KM = 30.0
#: Country words after which these nouns say whose they are, not where the act is: "strikes on
#: *US* bases in Iraq", "the *US* embassy", "*US* service members" — even after "on"/"in", which
#: for other nouns makes the word a place ("in Iraq").
_OWNED_AFTER = re.compile(
    r"[\s-]+(?:military\s+)?(?:bases?|embassy|Embassy|embassies|consulates?|Consulate|troops|"
    r"forces|Marines?|soldiers|personnel|service\s*(?:members|men|women)|servicemen|contractors?|"
    r"citizens|nationals|diplomats|installations|outposts?|positions|convoys?|warships?|vessels?|"
    r"drones?|aircraft|jets|warplanes|interests|assets)\b")
#: A traveller's movement in a temporal clause before a place ("shortly after *it took off
#: from* Tehran", "after Soleimani *arrived on a flight from* Damascus"): the place is where the
#: traveller came from. After a departure the act happened near it; after an arrival the place
#: is the earlier leg of the trip, no place of the act.
_TRAVEL_BEFORE = re.compile(
    r"\b(?:after|as|when|while|once|before)\s+(?:[\w'’-]+\s+){1,3}?(?:had\s+)?"
    r"(?P<verb>arrived|landed|returned|took\s+off|departed|left|flew\s+in)"
    r"(?:\s+[\w'’-]+){0,4}?\s+from\s+(?:the\s+)?$", re.I)
#: A trip's destination ("The Boeing 737, *bound for* Kyiv, was hit …"): where the victim was
#: going, not where the act happened.
_DESTINATION_BEFORE = re.compile(
    r"\b(?:bound\s+for|en\s+route\s+to|on\s+its\s+way\s+to|on\s+the\s+way\s+to|headed\s+(?:for|to)|"
    r"heading\s+(?:for|to)|destined\s+for|flight\s+to)\s+(?:the\s+)?$", re.I)
#: How far back from a place the travel clause is looked for (characters).
TRAVEL_WINDOW = 80


@dataclass
class EmbassyPlace:
    """An embassy phrase of the text and where it is (``place`` None when unknown)."""

    start: int
    end: int
    owner: str | None  # ISO2 of the country whose embassy it is
    place: Place | None


def is_owner_word(text: str, p: Place) -> bool:
    """True for a country word that says whose the next noun is ("US bases", "the US embassy",
    "US service members"): not where the act happened, whatever preposition comes before."""
    return p.feature == "country" and p.end is not None and bool(_OWNED_AFTER.match(text, p.end))


def travel_cue(text: str, p: Place) -> str | None:
    """"departure" when the place is where a victim had just left ("shortly after it took off
    from Tehran"), "arrival" when it is where a traveller came from ("after Soleimani arrived on
    a flight from Damascus"), "destination" when it is where a trip was going ("bound for
    Kyiv"), else None."""
    if p.start is None:
        return None
    before = text[max(0, p.start - TRAVEL_WINDOW):p.start]
    if _DESTINATION_BEFORE.search(before):
        return "destination"
    hit = _TRAVEL_BEFORE.search(before)
    if hit is None:
        return None
    verb = hit.group("verb").lower()
    return "arrival" if verb in ("arrived", "landed", "returned", "flew in") else "departure"


def _owner(word: str | None, gazetteer: Gazetteer) -> str | None:
    """ISO2 of the country an owner word names ("US", "American", "Iranian"), else None."""
    if not word:
        return None
    word = re.sub(r"['’]s$", "", re.sub(r"^[Tt]he\s+", "", word))
    iso2 = gazetteer.demonym(word)
    if iso2:
        return iso2
    return next((c.cc for c in gazetteer.lookup(word) if c.feature == "country"), None)


def _embassy_site(owner_text: str, kind: str, city: Place, gazetteer: Gazetteer) -> Candidate | None:
    """The project's site for "<owner> embassy in <city>" when it has one near that city."""
    for name in (f"{owner_text} {kind.lower()} in {city.name}", f"{owner_text} {kind.lower()} {city.name}"):
        for c in gazetteer.lookup(name):
            if c.feature == "site" and city.lat is not None and haversine_km(c.lat, c.lon, city.lat, city.lon) <= SITE_MAX_KM:  # type: ignore[arg-type]
                return c
    return None


def _capital_place(iso2: str, gazetteer: Gazetteer) -> Place | None:
    c = gazetteer.capital(iso2)
    if c is None:
        return None
    return Place(text=c.name, name=c.name, country=gazetteer.iso3.get(iso2), admin1=c.admin1,
                 lat=c.lat, lon=c.lon, geonameid=c.geonameid, feature="city", precision="town")


def find_embassies(text: str, resolved: list[Place], gazetteer: Gazetteer,
                   focus: Place | None) -> list[EmbassyPlace]:
    """Every embassy/consulate phrase of ``text`` with its location, in text order.

    The host city is the place written after it ("in Baghdad"), else — for an embassy whose
    owner is named — the capital of the focus country when that is not the owner's; a bare
    "the embassy" is the previous embassy of the text. A site of the project's table named
    "<owner> embassy in <city>" gives site precision; otherwise the city, at town precision.
    """
    out: list[EmbassyPlace] = []
    iso2_of = {v: k for k, v in gazetteer.iso3.items()}
    for hit in _EMBASSY.finditer(text):
        owner_text = hit.group("owner")
        owner = _owner(owner_text, gazetteer)
        if owner is None:  # "The embassy", "Tuesday embassy": no owner named
            owner_text = None
        start = hit.start("owner") if owner_text else hit.start("kind")
        if not owner_text:
            previous = out[-1].place if out else None
            out.append(EmbassyPlace(start, hit.end(), out[-1].owner if out else None,
                                    _span(previous, start, hit.end(), text)))
            continue
        city = None
        if hit.group("city"):
            cs, ce = hit.start("city"), hit.end("city")
            city = next((p for p in resolved if p.start is not None and p.start <= cs
                         and ce <= (p.end or 0) and p.precision in ("town", "site")
                         and p.lat is not None), None)
        if city is None and focus is not None and focus.country:
            host = iso2_of.get(focus.country)
            if host and host != owner:
                city = _capital_place(host, gazetteer)
        place = None
        if city is not None:
            site = _embassy_site(owner_text, hit.group("kind"), city, gazetteer)
            if site is not None:
                place = Place(text=site.name, name=site.name, country=gazetteer.iso3.get(site.cc or ""),
                              admin1=site.admin1, lat=site.lat, lon=site.lon, geonameid=site.geonameid,
                              feature="site", precision="site")
            else:
                place = Place(text=city.text, name=city.name, country=city.country, admin1=city.admin1,
                              lat=city.lat, lon=city.lon, geonameid=city.geonameid, feature=city.feature,
                              precision="town")
        out.append(EmbassyPlace(start, hit.end(), owner, _span(place, start, hit.end(), text)))
    return out


def _span(place: Place | None, start: int, end: int, text: str) -> Place | None:
    """``place`` re-anchored on the phrase that names it here (offsets and text of the phrase)."""
    if place is None:
        return None
    return dataclasses.replace(place, text=text[start:end], start=start, end=end, role="target")


def own_embassy(text: str, trigger: Span, embassies: list[EmbassyPlace]) -> Place | None:
    """The embassy that is the act's own object ("the siege *of the US embassy*", "marched *on
    the US embassy in Baghdad*", "the attack *on the embassy*"), resolved; else None."""
    for e in embassies:
        if e.start < trigger.end:
            continue
        if e.place is not None and _OWN_PREPOSITION.match(text[trigger.end:e.start]):
            return e.place
        if e.start > trigger.end + TRAVEL_WINDOW:
            break
    return None


def own_anaphor(text: str, trigger: Span) -> str | None:
    """The facility word of "<trigger> on the base" / "… at the airport": the kind of site the
    act's own object names without a name, else None."""
    hit = _OWN_ANAPHOR.match(text, trigger.end)
    return hit.group(1).lower() if hit else None
