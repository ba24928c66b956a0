"""Who did it: initiators read off nominal acts, copulas, accusations and quantity heads."""

from warwire.nlp.arguments import find_arguments

LIGHT = frozenset({"carry", "conduct", "launch"})


def _args(nlp, text: str, trigger: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    return find_arguments(tok, LIGHT, [])


def test_a_person_before_an_assassination_is_the_victim(nlp):
    args = _args(nlp, "Lawmakers met in the wake of the Haddad assassination.", "assassination")
    assert args.actor1 is None
    assert args.actor2 is not None and args.actor2.text == "Haddad"
    args = _args(nlp, "Karim Haddad's killing shocked the town.", "killing")
    assert args.actor1 is None
    assert args.actor2 is not None and args.actor2.text == "Haddad"


def test_a_state_before_a_killing_stays_the_initiator(nlp):
    args = _args(nlp, "Jordan's killing of the smugglers drew protests.", "killing")
    assert args.actor1 is not None and args.actor1.text == "Jordan"


def test_a_time_possessive_is_not_an_actor(nlp):
    args = _args(nlp, "Today's strikes were needed to protect our troops, a spokesman said.",
                 "strikes")
    assert args.actor1 is None
    args = _args(nlp, "Thursday night's raids left no casualties.", "raids")
    assert args.actor1 is None


def test_a_counted_crowd_is_read_through_of(nlp):
    args = _args(nlp, "The consulate came under siege by thousands of students on Monday.",
                 "siege")
    assert args.actor1 is not None and args.actor1.text == "students"


def test_the_subject_of_imposing_sanctions_imposes_them(nlp):
    args = _args(nlp, "Canada is already imposing punishing economic sanctions on the regime.",
                 "sanctions")
    assert args.actor1 is not None and args.actor1.text == "Canada"


def test_a_response_named_by_a_copula_is_its_doers(nlp):
    args = _args(nlp, "Jordan's swift response to the raid was a missile attack on the depot.",
                 "attack")
    assert args.actor1 is not None and args.actor1.text == "Jordan"


def test_a_campaign_by_x_gives_x_to_its_modifier_act(nlp):
    args = _args(nlp, "The blockade campaign by Ankara has cut the port off for a year.",
                 "blockade")
    assert args.actor1 is not None and args.actor1.text == "Ankara"


def test_the_one_blamed_is_an_alleged_initiator(nlp):
    args = _args(nlp, "Officials blamed the Falcon Brigade for the bombing of the bridge.",
                 "bombing")
    assert args.actor1 is not None and args.actor1.text == "Brigade"
    assert args.alleged
    args = _args(nlp, "The ministry charged the Falcon militia with responsibility for an attack "
                      "on a convoy.", "attack")
    assert args.actor1 is not None and args.actor1.text == "militia"
    assert args.alleged


def test_allegedly_marks_the_stated_initiator(nlp):
    args = _args(nlp, "In the attack, drones allegedly launched by the Falcon militia targeted "
                      "the garrison.", "launched")
    assert args.actor1 is not None and args.actor1.text == "militia"
    assert args.alleged
    args = _args(nlp, "In the attack, drones launched by the Falcon militia targeted the "
                      "garrison.", "launched")
    assert args.actor1 is not None and not args.alleged


def test_of_names_who_makes_a_demand(nlp):
    args = _args(nlp, "The demands of the Lebanese government were ignored.", "demands")
    assert args.actor1 is not None and args.actor1.text == "government"
    assert args.actor2 is None


def test_a_weapon_system_name_is_not_an_initiator(nlp):
    args = _args(nlp, "Ankara opposes the Patriot deployment near the border.", "deployment")
    assert args.actor1 is None or args.actor1.text != "Patriot"


def test_a_march_is_a_target_not_a_month(nlp):
    args = _args(nlp, "Riot police fired on the march outside the ministry.", "fired")
    assert args.actor2 is not None and args.actor2.text == "march"
