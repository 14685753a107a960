"""The first look at a page's raw text that decides whether placeholder-text extracts its prose."""

from __future__ import annotations

import pytest

from lint.placeholders import DEFAULT_MARKERS, candidate, compile_markers

MARKERS = compile_markers(tuple(DEFAULT_MARKERS))


@pytest.mark.parametrize(
    "text",
    [
        "## Roadmap\n\n- Exports (coming soon)\n",
        "## Roadmap\n\n- Exports [Coming Soon]\n",
        "Pricing: coming soon\n",
        "![Coming soon](banner.png)\n",
    ],
)
def test_a_page_with_a_coming_soon_note_is_a_candidate(text: str) -> None:
    assert candidate(text, 0, MARKERS)


def test_the_words_apart_are_not_a_candidate() -> None:
    text = "Releases are coming. " + "We ship often. " * 5000 + "See you soon.\n"
    assert not candidate(text, 0, MARKERS)
