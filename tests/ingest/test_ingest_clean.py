"""Cleaning: boilerplate by mechanism, page breaks, language marking, offsets back to the original."""

from __future__ import annotations

from warwire.ingest import IngestOptions, read
from warwire.ingest.describe import build_article
from warwire.ingest.readers import RawDocument
from warwire.model import Article

OPTS = IngestOptions()

HEADER_FOOTER = """\
Harbour Courier Online

www.harbourcourier.example

Middle East Desk

Drones strike fuel depot as talks stall

By Leila Farahani
Tuesday, January 7, 2020

Drones hit a fuel depot on the outskirts of the port city on Monday night, starting a fire that
burned until dawn, the regional governor said.

The governor said that two workers were injured and that the depot, which supplies most of
the

province, would stay closed for at least a week while engineers checked the tanks.

Officials blamed an armed group that operates along the border, which did not comment.

Follow us on Twitter and subscribe to our newsletter
Contact the newsroom: desk@harbourcourier.example
"""


def _article(text: str, source: str = "t.txt", **kw) -> Article:
    return build_article(RawDocument(source, text, {}), OPTS, kw.get("freq"))


def _assert_map_exact(art: Article) -> None:
    """Every clean character that is not a join separator maps to the same character."""
    for i, ch in enumerate(art.text):
        o = art.offset_map.to_original(i)
        if ch.strip():
            assert art.original[o] == ch, (i, ch, o)


def test_ingest_header_footer_removed_and_metadata_found():
    art = _article(HEADER_FOOTER)
    assert art.title == "Drones strike fuel depot as talks stall"
    assert art.author == "Leila Farahani"
    assert (art.published, art.published_precision) == ("2020-01-07", "day")
    assert art.outlet == "harbourcourier.example"
    for gone in ("Harbour Courier Online", "Middle East Desk", "Follow us", "desk@", "www."):
        assert gone not in art.text
    assert art.text.startswith("Drones strike fuel depot as talks stall\n\nDrones hit")
    assert art.text.rstrip().endswith("did not comment.")
    kinds = {b.kind for b in art.blocks}
    assert {"headline", "byline", "dateline", "boilerplate", "body"} <= kinds
    assert all(b.reason for b in art.blocks if b.kind == "boilerplate")


def test_ingest_page_break_joined_and_mapped_back():
    art = _article(HEADER_FOOTER)
    assert "most of the province, would stay closed" in art.text
    i = art.text.index("the province")
    s, e = art.to_original(i, i + len("the province"))
    assert art.original[s:e] == "the\n\nprovince"
    assert art.metadata["page_breaks_joined"]
    _assert_map_exact(art)


def test_ingest_hard_wrapped_lines_joined_with_space():
    art = _article(HEADER_FOOTER)
    assert "starting a fire that burned until dawn" in art.text


def test_ingest_highlight_box_repeating_body_is_dropped():
    text = (
        "Militia base hit in overnight raid\n"
        "KEY POINTS\n"
        "• The raid destroyed three warehouses used to store rockets, the army said.\n"
        "• Witnesses reported a column of smoke visible from the river valley.\n"
        "BAGHDAD: An overnight air raid destroyed three warehouses used to store rockets and "
        "drones at a militia base, the army said on Thursday.\n"
        "Witnesses reported a column of smoke that was visible from the river valley until "
        "the early afternoon, and ambulances were seen leaving the site.\n"
        "The militia said it would respond at a time of its choosing.\n"
    )
    art = _article(text)
    assert "KEY POINTS" not in art.text and "•" not in art.text
    assert "An overnight air raid destroyed three warehouses" in art.text
    assert "ambulances were seen leaving the site" in art.text
    reasons = [b.reason for b in art.blocks if b.kind == "boilerplate"]
    assert any("box" in r for r in reasons)
    assert any("label" in r for r in reasons)
    assert art.title == "Militia base hit in overnight raid"


def test_ingest_deck_repeating_body_kept_out_once():
    text = (
        "- The ministry denies any role in the attack on the convoy\n"
        "CAIRO: Gunmen attacked an aid convoy on the coastal road on Friday, killing a driver "
        "and wounding two guards, the UN said.\n"
        "The ministry denies any role in the attack on the convoy, a spokesman said.\n"
    )
    art = _article(text)
    assert art.text.count("The ministry denies any role") == 1
    deck = [b for b in art.blocks if b.kind == "deck"]
    assert deck and "repeats" in (deck[0].reason or "")


def test_ingest_non_english_block_marked_not_in_text():
    text = (
        "Strike on the border crossing\n\n"
        "A rocket hit a customs building at the border crossing on Saturday, injuring four "
        "officers, the interior ministry said in a statement.\n\n"
        "Le ministère a condamné une attaque lâche contre des fonctionnaires qui servent le pays.\n\n"
        "The crossing reopened on Sunday morning after engineers inspected the damage.\n"
    )
    art = _article(text)
    assert art.language == "en"
    fr = [b for b in art.blocks if b.language == "fr"]
    assert len(fr) == 1 and fr[0].kind == "body"
    assert "ministère" not in art.text
    assert "The crossing reopened" in art.text


def test_ingest_corpus_frequent_lines_are_boilerplate(tmp_path):
    footer = "Independent journalism for the Gulf since 1998 — support our work"
    bodies = [
        "Artillery fire hit a village near the front line overnight, killing a shepherd, "
        "residents said.",
        "A car bomb exploded near a checkpoint at the northern entrance of the town, police "
        "said, wounding five people.",
        "Two fishing boats were seized by the coast guard near the disputed islands on "
        "Wednesday, the owners said.",
    ]
    for i, body in enumerate(bodies):
        (tmp_path / f"a{i}.txt").write_text(f"Report {i}\n\n{body}\n\n{footer}\n", encoding="utf-8")
    arts = [a for a in read([str(tmp_path)]) if isinstance(a, Article)]
    assert len(arts) == 3
    for a in arts:
        assert "Independent journalism" not in a.text
        assert any(b.kind == "boilerplate" and "documents of the batch" in (b.reason or "")
                   for b in a.blocks)


def test_ingest_mojibake_repaired_and_mapped():
    text = "Officials said the strikeâ€™s target was a depot near the airport, and two guards died.\n"
    art = _article(text)
    assert "strike’s target" in art.text
    i = art.text.index("target")
    s, e = art.to_original(i, i + 6)
    assert art.original[s:e] == "target"


def test_ingest_offset_map_exact_on_plain_text():
    art = _article(HEADER_FOOTER)
    j = art.text.index("regional governor")
    assert art.original_span(j, j + 17).text == "regional governor"


def test_ingest_syndicated_copies_keep_their_body(tmp_path):
    body = (
        "Gunmen attacked a police post on the highway south of the city before dawn, killing "
        "three officers, the interior ministry said.\n\n"
        "The attackers fled into farmland and a search was under way, a ministry spokesman said.\n"
    )
    for i in range(3):
        (tmp_path / f"copy{i}.txt").write_text(f"Outlet {i} headline\n\n{body}", encoding="utf-8")
    arts = [a for a in read([str(tmp_path)]) if isinstance(a, Article)]
    assert len(arts) == 3
    for a in arts:
        assert "killing three officers" in a.text and "search was under way" in a.text


WIRE_LAYOUT = """\
World News
March 12, 2020 / 9:14 PM / Updated 2 hours ago
US strikes militia depots after deadly rocket attack on base
Idris Kamara, Paula Steen
3 Min Read
WASHINGTON (Newswire) - The United States struck five weapons depots of an Iraqi militia on Thursday, two US officials said, a day after a rocket attack killed two American soldiers and a British medic.
The officials, speaking on condition of anonymity, said the strikes were defensive and proportionate.
Reporting by Idris Kamara; Editing by Tom Brand
"""

PORTAL_LAYOUT = """\
Skip links
Skip to Content
Live
Middle East
Iran fires missiles at US forces in Iraq
The Revolutionary Guard says the attack avenges the killing of its commander in Baghdad last week.
8 Jan 2020
Iran fired more than a dozen ballistic missiles at two bases in Iraq that host US troops, calling it revenge for the killing of its top general.
There was no immediate word on casualties.
SOURCE: Portal staff and agencies
Follow Portal English:
"""


def test_ingest_wire_layout_header_parts():
    art = _article(WIRE_LAYOUT)
    assert art.title == "US strikes militia depots after deadly rocket attack on base"
    assert art.author == "Idris Kamara and Paula Steen"
    assert (art.published, art.published_precision) == ("2020-03-12", "day")
    assert art.outlet is None  # "World News" is a section label, not an outlet
    assert "Min Read" not in art.text and "Editing by" not in art.text


def test_ingest_portal_layout_dateline_below_standfirst():
    art = _article(PORTAL_LAYOUT)
    assert art.title == "Iran fires missiles at US forces in Iraq"
    assert (art.published, art.published_precision) == ("2020-01-08", "day")
    assert "avenges the killing" in art.text  # the standfirst is reporting: kept
    for gone in ("Skip", "8 Jan 2020", "Follow Portal", "SOURCE:"):
        assert gone not in art.text
    assert all(b.language in (None, "en") for b in art.blocks)
