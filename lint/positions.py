"""Character offsets ⇄ 1-based lines and columns, by bisect over line starts."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate, repeat
from operator import add


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open range of character offsets into a document's text."""

    start: int
    end: int


class LineIndex:
    """Maps offsets in ``text`` to (line, column), both 1-based, columns in characters.

    A line ends after ``\\n``; a ``\\r`` before it belongs to the line, so CRLF files keep
    the columns an editor shows.
    """

    __slots__ = ("_length", "_starts", "text")

    def __init__(self, text: str) -> None:
        # Each line's length plus its LF, summed: all in C, no Python loop per line.
        starts: list[int] = [0, *accumulate(map(add, map(len, text.split("\n")), repeat(1)))]
        starts.pop()  # the sum after the last line is past the end
        self._starts = starts
        self._length = len(text)
        self.text = text

    @property
    def starts(self) -> list[int]:
        """The offset of the first character of each line (index 0 is line 1)."""
        return self._starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line`` (clamped to the text)."""
        if line < 1:
            return 0
        if line > len(self._starts):
            return self._length
        return self._starts[line - 1]

    def line_end(self, line: int, text: str) -> int:
        """Offset just past the last character of ``line``, before its line break."""
        end = self.line_start(line + 1) if line < len(self._starts) else self._length
        if end > self.line_start(line) and text[end - 1 : end] == "\n":
            end -= 1
            if end > self.line_start(line) and text[end - 1 : end] == "\r":
                end -= 1
        return end

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of ``offset``; an offset past the end maps to the end."""
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """The offset of 1-based ``line`` and ``column``."""
        return min(self.line_start(line) + max(column, 1) - 1, self._length)
