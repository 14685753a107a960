"""The first look at a page's raw text that decides whether placeholder-text extracts its prose."""

from __future__ import annotations

import pytest

from lint.placeholders import (
    DEFAULT_MARKERS,
    candidate,
    compile_markers,
    screen_words,
    shortest_cover,
)

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


def test_a_text_without_any_screen_word_is_no_candidate_and_each_mark_is_one() -> None:
    words = screen_words(MARKERS)
    assert words is not None
    text = "Sorting small arrays is quick, and merging them is quicker.\n"
    assert not any(word in text.lower() for word in words)
    assert not candidate(text, 0, MARKERS)
    # Each kind of mark still gets through the screen and the first look.
    for mark in (
        "TODO", "FIXME", "TBD", "TK", "XXX", "???", "lorem ipsum dolor", "[INSERT name HERE]",
        "Coming soon", "under construction", "[citation needed]", "2025-xx-xx", "XX%",
    ):  # fmt: skip
        assert candidate(f"Intro. {mark} here.\n", 0, MARKERS), mark


def test_a_users_own_marker_turns_the_screen_off() -> None:
    own = compile_markers((*DEFAULT_MARKERS, r"\bWIP\b"))
    assert screen_words(own) is None
    assert candidate("Section is WIP.\n", 0, own)


def test_the_shortest_cover_keeps_the_words_that_hold_no_other() -> None:
    assert shortest_cover({"xx", "xxx", "-xx", "todo", "tbd"}) == ("tbd", "todo", "xx")
