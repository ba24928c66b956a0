"""A state sponsor is not the actor, but the same state named apart is."""

from __future__ import annotations

from warwire.actors import find_actors, load_dictionary, resolve_actor


def test_a_state_next_to_its_proxies_stays_the_actor(nlp):
    doc = nlp("Iran and Tehran-backed militias targeted the convoy.")
    name, country, _, backer = resolve_actor(doc, 0, 5, find_actors(doc), doc[0])
    assert (name, country, backer) == ("Iran", "IRN", "IRN")


def test_proxies_alone_keep_only_their_backer(nlp):
    doc = nlp("Tehran-backed militias targeted the convoy.")
    name, country, _, backer = resolve_actor(doc, 0, 4, find_actors(doc), doc[3])
    assert (name, country, backer) == (None, None, "IRN")


def test_the_house_of_saud_is_the_saudi_state():
    entry = load_dictionary().lookup("the House of Saud")
    assert entry is not None and entry.country == "SAU"
