"""Inline tokens as text: the visible words of a heading, a paragraph or a label, no markup;
and whether a place of a line's source lies inside inline code."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it.token import Token

_TEXT_CHILDREN = frozenset(
    {"text", "code_inline", "math_inline", "math_inline_double", "template", "citation"}
)


def children_text(children: Sequence[Token]) -> str:
    """The visible text of inline children: text, code, math and image alt text."""
    parts: list[str] = []
    for child in children:
        if child.type in _TEXT_CHILDREN:
            parts.append(child.content)
        elif child.type == "image":
            parts.append(children_text(child.children or []))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    return "".join(parts)


def plain_text(inline: Token) -> str:
    """The visible text of an inline token."""
    return children_text(inline.children or [])


_BACKTICKS = re.compile(r"`+")


def in_code_span(text: str, line_start: int, offset: int) -> bool:
    """Whether ``offset`` lies inside an inline code span that opens on its line (between
    ``line_start`` and it): a run of backticks opened and not yet closed by a run of the same
    length. ``<!-- TODO -->`` written in backticks shows a comment; it is none."""
    opened = 0
    for run in _BACKTICKS.finditer(text, line_start, offset):
        length = run.end() - run.start()
        if not opened:
            opened = length
        elif length == opened:
            opened = 0
    return opened > 0 and text.find("`" * opened, offset) != -1
