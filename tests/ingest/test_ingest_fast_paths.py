"""Shortcuts of the reader give exactly the answers of the full computation."""

from __future__ import annotations

import re

import ftfy

from warwire.ingest import language, offices
from warwire.ingest.dates import find_dates
from warwire.ingest.decode import _ftfy_config
from warwire.ingest.offices import holders, named_in_office

LINES = [
    "Militants shelled the town on Monday.", "", "2024", "“Quoted” — and dashed…",
    "Le café est fermé à Alep.", "Бои продолжаются в Донецке", "x² and ½ and Ⅻ", "۱۲۳ حلب",
    "مرحبا Hello", "naïve ﬁnance", "ǅ titlecase", "___", "Istanbul’s İstiklal Avenue",
]


def _latin_share_reference(text: str) -> float:
    letters = re.findall(r"[^\W\d_]", text)
    latin = re.findall(r"[A-Za-z\u00AA\u00BA\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF]",
                       text)
    return len(latin) / len(letters) if letters else 1.0


def test_latin_share_matches_the_letter_count():
    for line in LINES:
        assert language.latin_share(line) == _latin_share_reference(line), line


def test_looks_english_counts_function_words():
    assert language.looks_english("The army said that the convoy was hit on the road.")
    assert not language.looks_english("Le convoi a été touché sur la route principale.")


def test_text_without_a_year_has_no_full_date():
    assert find_dates("On 3 March the convoy left; on 5/6 it returned.") == []
    assert [d.text for d in find_dates("It left on 3 March 2024.")] == ["3 March 2024"]
    assert [d.text for d in find_dates("Dated 2024-03-05.")] == ["2024-03-05"]


def test_ftfy_leaves_plain_ascii_alone():
    # decode.repair relies on ftfy's fixes needing non-ASCII text or control characters
    printable = "".join(chr(i) for i in range(32, 127)) + "\t\n\r\x0c"
    assert ftfy.fix_text(printable, _ftfy_config()) == printable


def test_office_name_shortcuts_never_skip_a_named_holder():
    texts = [
        "A quiet day at the county fair; nobody of note attended.",
        "President Joe Biden met xBiden-fans; Biden said so.",
        "Former President Barack Obama and Obama's aides spoke.",
    ]
    for text in texts:
        for holder in holders():
            if holder.names.search(text):  # the full pattern finds the name...
                # ...so neither shortcut may skip the holder
                assert holder.anywhere is not None and holder.anywhere.search(text)
                assert offices._any_name().search(text)
    assert named_in_office(texts[0]) == []
    assert any(n.text == "Joe Biden" for n in named_in_office(texts[1]))


def test_link_hint_is_in_every_link():
    from warwire.ingest.lines import LINK
    from warwire.ingest.structure import _LINK_HINT

    lines = ["see WWW.EXAMPLE.ORG now", "write to desk@example.io", "<https://x.example>",
             "[read](more)", "Visit Example.COM/path today", "news.example.co.uk reported",
             "http://x", "U.S. troops moved 3.5 km at 5 a.m.", "foo.comic and bar.organic"]
    for line in lines:
        if LINK.search(line):
            assert _LINK_HINT.search(line), line
    assert not _LINK_HINT.search(lines[7])  # abbreviations and decimals are no link hint
