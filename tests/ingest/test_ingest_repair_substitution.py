"""Unicode repair: in-place character fixes keep the identity map (no alignment needed)."""

from __future__ import annotations

from warwire.ingest.decode import repair


def test_ingest_c1_dashes_fixed_in_place_keep_identity_map():
    line = "The convoy\x97three trucks\x96was hit at dawn, a witness said."
    fixed = repair(line)
    assert fixed.text == "The convoy—three trucks–was hit at dawn, a witness said."
    assert fixed.pairs == [(0, 0)]
    i = fixed.text.index("three")
    assert line[i:i + 5] == "three"


def test_ingest_mojibake_that_shortens_the_line_is_still_aligned():
    line = "The strikeâ€™s target was a depot."
    fixed = repair(line)
    assert fixed.text == "The strike’s target was a depot."
    j = fixed.text.index("target")
    # the breakpoint after the repaired run maps back past the three mojibake characters
    c, o = max(p for p in fixed.pairs if p[0] <= j)
    assert line[o + (j - c):o + (j - c) + 6] == "target"
