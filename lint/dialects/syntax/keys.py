"""PyMdown's keys: ``++ctrl+alt+delete++``, ``++cmd+"My Key"++``, rendered as keyboard keys
(``<kbd>``). A key's name is markup, not a word of the sentence: the span reads as one."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import TEMPLATE, Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline

#: One key: a name (``ctrl``, ``page-up``) or a quoted label (``"My Key"``, ``'+'``).
_KEY = r"""(?:[\w-]+|"(?:\\.|[^"\\\n])+"|'(?:\\.|[^'\\\n])+')"""
_KEYS = re.compile(rf"\+\+{_KEY}(?:\+{_KEY})*\+\+")


def _keys(state: StateInline, silent: bool) -> bool:
    src, position = state.src, state.pos
    if not src.startswith("++", position):
        return False
    if position > 0 and (src[position - 1].isalnum() or src[position - 1] == "+"):
        return False  # C++, g++
    found = _KEYS.match(src, position, state.posMax)
    if found is None:
        return False
    if not silent:
        token = state.push(TEMPLATE, "", 0)
        token.content = found[0]
        token.meta = {"syntax": "keys"}
    state.pos = found.end()
    return True


def _install(md: MarkdownIt) -> None:
    md.inline.ruler.after("text", "keys", _keys)


KEYS = Syntax("keys", _install, ("++",))
