"""Participants read from the parse: dates are never actors; victims of harm frames are targets."""

from warwire.nlp.arguments import find_arguments


def _args(nlp, text: str, trigger: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return find_arguments(tok, frozenset({"carry", "conduct", "launch"}), [])


def test_a_date_is_never_a_participant(nlp):
    args = _args(nlp, "Warplanes struck on Friday, residents said.", "struck")
    assert args.actor2 is None
    args = _args(nlp, "Officials blamed exiles for the September 22 terrorist attack on a parade "
                      "in the city.", "attack")
    # the blamed exiles are the alleged initiator; the date is nobody
    assert args.actor1 is not None and args.actor1.text == "exiles" and args.alleged
    assert args.actor2 is not None and args.actor2.text == "parade"


def test_the_victim_of_a_harm_frame_is_the_target_not_the_date(nlp):
    args = _args(nlp, "General Karim Haddad was killed in a targeted drone strike on 3rd January.",
                 "strike")
    assert args.actor2 is not None and args.actor2.text == "Haddad"


def test_a_counted_victim_is_read_through_of(nlp):
    args = _args(nlp, "Two of his bodyguards also died in the same attack.", "attack")
    assert args.actor2 is not None and args.actor2.text == "bodyguards"


def test_an_elliptical_count_stays_a_side_of_a_clash(nlp):
    args = _args(nlp, "Nine soldiers were killed and 3 were wounded during a clash with rebels "
                      "near the border.", "clash")
    assert args.actor1 is not None and args.actor1.text == "3"
