"""Link-line detection skips the full link pattern only where it cannot match."""

from __future__ import annotations

import pytest

from warwire.ingest.lines import LINK, link_share, split_lines
from warwire.ingest.structure import BODY_MIN_WORDS, MAX_LINK_SHARE, _is_link_line

LINES = [
    "Follow us at https://example.org/news/latest",
    "Write to desk@example-news.net for corrections.",
    "www.example.com",
    "Photos: example.co.uk/gallery",
    "See <http://x.io> and [the report](http://x.io/r)",
    "Troops entered the town on Monday and residents said the shelling stopped.",
    "The U.S. envoy said 3.5 million people needed aid.",
    "He said: \"We will stay.\"",
    "HTTP://EXAMPLE.ORG",
    "Visit ministry.gov.ir today",
]


@pytest.mark.parametrize("text", LINES)
def test_ingest_link_line_same_as_full_pattern(text):
    line = split_lines(text)[0]
    expected = link_share(line.text) > MAX_LINK_SHARE or (
        bool(LINK.search(line.text)) and line.words < BODY_MIN_WORDS)
    assert _is_link_line(line) == expected


def test_ingest_link_line_examples():
    assert _is_link_line(split_lines("www.example.com")[0])
    assert not _is_link_line(split_lines(LINES[5])[0])
