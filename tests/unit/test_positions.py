"""LineIndex: offsets ⇄ 1-based (line, column), columns in characters."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.positions import LineIndex


def expected_position(text: str, offset: int) -> tuple[int, int]:
    """The position worked out the slow way: count line feeds before ``offset``."""
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def expected_lines(text: str) -> list[str]:
    """Each line without its break; a CR belongs to the break only right before a LF."""
    pieces = text.split("\n")
    return [piece.removesuffix("\r") for piece in pieces[:-1]] + [pieces[-1]]


def test_empty_text_has_one_line_at_column_one() -> None:
    index = LineIndex("")
    assert index.line_count == 1
    assert index.starts == [0]
    assert index.position(0) == (1, 1)
    assert index.offset(1, 1) == 0
    assert index.line_end(1, "") == 0


def test_simple_lines() -> None:
    text = "ab\ncd\n"
    index = LineIndex(text)
    assert index.starts == [0, 3, 6]
    assert index.line_count == 3
    assert index.position(0) == (1, 1)
    assert index.position(1) == (1, 2)
    assert index.position(2) == (1, 3)  # the line feed itself stays on line 1
    assert index.position(3) == (2, 1)
    assert index.position(6) == (3, 1)  # the end, after the final line feed
    assert index.offset(2, 2) == text.index("d")


def test_last_line_without_newline() -> None:
    text = "first\nlast"
    index = LineIndex(text)
    assert index.line_count == 2
    assert index.position(len(text)) == (2, 5)
    assert index.line_end(2, text) == len(text)
    assert text[index.line_start(2) : index.line_end(2, text)] == "last"


def test_crlf_keeps_the_carriage_return_on_its_line() -> None:
    text = "one\r\ntwo\r\n"
    index = LineIndex(text)
    assert index.starts == [0, 5, 10]
    assert index.position(text.index("t")) == (2, 1)
    assert index.position(text.index("\r")) == (1, 4)
    assert text[index.line_start(1) : index.line_end(1, text)] == "one"
    assert text[index.line_start(2) : index.line_end(2, text)] == "two"


def test_lone_carriage_return_is_not_a_line_break() -> None:
    text = "a\rb\nc"
    index = LineIndex(text)
    assert index.line_count == 2
    assert index.position(text.index("b")) == (1, 3)
    assert index.position(text.index("c")) == (2, 1)
    assert text[index.line_start(1) : index.line_end(1, text)] == "a\rb"


def test_trailing_carriage_return_without_line_feed_stays_in_the_line() -> None:
    text = "x\ny\r"
    index = LineIndex(text)
    assert text[index.line_start(2) : index.line_end(2, text)] == "y\r"


def test_columns_count_characters_not_bytes_or_utf16_units() -> None:
    text = "héllo 😀 wörld\nnext"
    index = LineIndex(text)
    # "w" is the 10th character: h é l l o ␠ 😀 ␠ w
    assert index.position(text.index("w")) == (1, 9)
    assert index.position(text.index("😀")) == (1, 7)
    assert index.position(text.index("😀") + 1) == (1, 8)
    assert index.offset(1, 9) == text.index("w")
    assert index.position(text.index("next")) == (2, 1)


def test_out_of_range_values_are_clamped() -> None:
    text = "ab\ncd"
    index = LineIndex(text)
    assert index.position(-5) == (1, 1)
    assert index.position(100) == (2, 3)
    assert index.offset(0, 1) == 0
    assert index.offset(1, 0) == 0
    assert index.offset(9, 1) == len(text)
    assert index.offset(2, 99) == len(text)
    assert index.line_start(0) == 0
    assert index.line_start(3) == len(text)


@pytest.mark.parametrize(
    "text",
    ["", "\n", "\n\n", "a", "a\n", "a\r\nb", "\r\n\r\n", "x\ry\rz", "😀\n😀😀\r\n"],
)
def test_every_offset_round_trips(text: str) -> None:
    index = LineIndex(text)
    for offset in range(len(text) + 1):
        line, column = index.position(offset)
        assert (line, column) == expected_position(text, offset)
        assert index.offset(line, column) == offset


#: Pieces that stress the index: wide and astral characters, CRLF, lone CR, U+2028.
_PIECES = ["a", "é", "😀", " ", "\t", "\n", "\r", "\r\n", "#", "\u2028"]
_TEXT = st.lists(st.sampled_from(_PIECES), max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, data=st.data())
def test_round_trip_property(text: str, data: st.DataObject) -> None:
    index = LineIndex(text)
    offset = data.draw(st.integers(min_value=0, max_value=len(text)))
    line, column = index.position(offset)
    assert (line, column) == expected_position(text, offset)
    assert index.offset(line, column) == offset
    assert 1 <= line <= index.line_count


@settings(max_examples=150, deadline=None)
@given(text=_TEXT)
def test_line_spans_property(text: str) -> None:
    index = LineIndex(text)
    lines = expected_lines(text)
    assert index.line_count == len(lines)
    for number, expected in enumerate(lines, start=1):
        start, end = index.line_start(number), index.line_end(number, text)
        assert text[start:end] == expected
        assert index.position(start) == (number, 1)
