"""Inline tokens as text: the visible words of a heading, a paragraph or a label, no markup."""

from __future__ import annotations

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
