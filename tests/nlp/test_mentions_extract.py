"""extract_mentions on short texts written for these tests."""

from __future__ import annotations

from warwire.model import Article, OffsetMap
from warwire.nlp import extract_mentions, parse


def _mentions(nlp, text, published="2021-05-04"):
    article = Article(doc_id="t", original=text, text=text, published=published)
    return extract_mentions(article, nlp(text))


def _asserted(ms, etype=None):
    return [m for m in ms if m.modality == "asserted" and (etype is None or m.type == etype)]


def test_missile_strike_with_actor_mode_acled_and_offsets(nlp):
    text = "The IRGC fired six ballistic missiles at militants in Deir Ezzor on Monday."
    ms = _asserted(_mentions(nlp, text), "ASSAULT")
    assert len(ms) == 1
    m = ms[0]
    assert m.mode == "heavy-weapons"
    assert (m.acled_event_type, m.acled_sub_event_type) == (
        "Explosions/Remote violence", "Shelling/artillery/missile attack")
    assert m.actor1.country == "IRN" and m.actor1.sector == "MIL"
    assert text[m.trigger.start:m.trigger.end] == m.trigger.text == "fired"
    assert text[m.actor1.start:m.actor1.end] == m.actor1.text
    assert m.sentence.text == text
    assert any(p.text == "Deir Ezzor" for p in m.places)
    assert any(t.text == "Monday" for t in m.times)
    assert m.published == "2021-05-04"
    assert m.mention_id == "t:m0"


def test_offsets_point_into_the_original_text(nlp):
    original = "HEADER LINE\n\nRebels shelled the town of Qasr."
    clean = original[13:]
    article = Article(doc_id="d", original=original, text=clean,
                      offset_map=OffsetMap([(0, 13)]))
    m = _asserted(extract_mentions(article, nlp(clean)), "ASSAULT")[0]
    assert original[m.trigger.start:m.trigger.end] == "shelled"
    assert original[m.sentence.start:m.sentence.end] == clean


def test_same_act_in_one_sentence_is_one_mention(nlp):
    text = "Militants fired rockets that struck an army base, killing three soldiers."
    ms = _asserted(_mentions(nlp, text), "ASSAULT")
    assert len(ms) == 1
    assert ms[0].killed.best == 3


def test_casualty_counts(nlp):
    m = _asserted(_mentions(nlp, "A car bomb killed 25 people and wounded at least 55 others in Aden."))[0]
    assert (m.killed.low, m.killed.best, m.killed.high) == (25, 25, 25)
    assert (m.injured.low, m.injured.best, m.injured.high) == (55, 55, None)
    assert m.mode == "explosives"
    m = _asserted(_mentions(nlp, "Two US troops and one British medic were killed in a rocket attack on the camp."))[0]
    assert m.killed.best == 3


def test_zero_casualties_in_the_next_sentence(nlp):
    ms = _asserted(_mentions(nlp, "Government forces shelled the village of Kafr Nabl. Neither injuries nor fatalities were reported."))
    assert len(ms) == 1
    assert ms[0].killed.best == 0 and ms[0].injured.best == 0


def test_passive_agent_is_actor1(nlp):
    m = _asserted(_mentions(nlp, "Four civilians were killed by Israeli airstrikes near Gaza City."), "ASSAULT")[0]
    assert m.actor1.country == "ISR"
    assert m.mode == "aerial"
    assert m.killed.best == 4


def test_claimant(nlp):
    m = _asserted(_mentions(nlp, "The drone attack wounded two guards, the Pentagon said."), "ASSAULT")[0]
    assert m.claimant.name == "United States Department of Defense"
    m = _asserted(_mentions(nlp, "According to the Syrian Observatory for Human Rights, warplanes struck a market in Ariha."), "ASSAULT")[0]
    assert m.claimant.country == "GBR"


def test_origin_and_target_places(nlp):
    m = _asserted(_mentions(nlp, "Iran fired missiles from Kermanshah at targets in Deir Ezzor."), "ASSAULT")[0]
    roles = {p.text: p.role for p in m.places}
    assert roles["Kermanshah"] == "origin"
    assert roles["Deir Ezzor"] == "target"


def test_modalities_are_not_asserted_events(nlp):
    cases = {
        "The minister threatened to strike militia bases in Iraq.": "threatened",
        "The group vowed to attack American forces.": "vowed",
        "Moscow offered to deploy air defense systems to Syria.": "offered",
        "The army plans to deploy more troops next month.": "planned",
        "If talks fail, the militia could attack the convoy.": "hypothetical",
        "The navy has not sent a carrier group into the Gulf since March.": None,
        "Officials denied that the jets had bombed the hospital.": "denied",
    }
    for text, expected in cases.items():
        ms = _mentions(nlp, text)
        material = [m for m in ms if m.type in ("ASSAULT", "MOBILIZE")]
        assert not [m for m in material if m.modality == "asserted"], text
        if expected:
            assert any(m.modality == expected for m in material), (text, [(m.type, m.modality) for m in ms])


def test_threat_itself_is_a_threaten_mention(nlp):
    ms = _mentions(nlp, "The minister threatened to strike militia bases in Iraq.")
    assert any(m.type == "THREATEN" and m.modality == "asserted" for m in ms)


def test_standing_presence_is_not_a_deployment(nlp):
    ms = _mentions(nlp, "Some 3,000 foreign soldiers are deployed in the province.")
    assert not _asserted(ms, "MOBILIZE")
    ms = _mentions(nlp, "The Pentagon deployed 500 paratroopers to Kuwait on Tuesday.")
    assert _asserted(ms, "MOBILIZE")


def test_protest_and_riot(nlp):
    ms = _asserted(_mentions(nlp, "Hundreds of workers protested in front of the governorate building in Ahvaz."))
    assert any(m.type == "PROTEST" and m.acled_event_type == "Protests" for m in ms)
    ms = _asserted(_mentions(nlp, "Protesters stormed the consulate and set fire to its gate."))
    assert any(m.type == "PROTEST" and m.mode == "riot" for m in ms)


def test_parse_keeps_articles_in_order(nlp):
    arts = [Article(doc_id=str(i), original=t, text=t) for i, t in enumerate(["One text.", "Two texts here."])]
    out = list(parse(arts, nlp))
    assert [a.doc_id for a, _ in out] == ["0", "1"]
    assert out[1][1].text == "Two texts here."


def test_empty_and_eventless_texts(nlp):
    assert _mentions(nlp, "") == []
    assert _mentions(nlp, "   \n\n  ") == []
    assert not _asserted(_mentions(nlp, "The weather in Amman was mild and the markets were busy."),
                         "ASSAULT")


def test_two_sources_two_figures(nlp):
    text = ("The monitor reported that at least 8 fighters were killed in the airstrikes, while "
            "a local outlet reported 12 deaths.")
    ms = _asserted(_mentions(nlp, text), "ASSAULT")
    figures = sorted((m.killed.best, m.claimant.text) for m in ms if m.killed is not None)
    assert figures == [(8, "monitor"), (12, "local outlet")]
    assert len({(m.trigger.start, m.trigger.end) for m in ms}) == 1
