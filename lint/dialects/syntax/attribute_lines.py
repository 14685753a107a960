"""kramdown's and Python-Markdown's attribute lines: ``{: .subtitle }`` under a block, and
kramdown extensions such as ``{::options … /}``. They style the block before them and render
nothing themselves."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import HIDDEN, Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

_ATTRIBUTE_LINE = re.compile(r"\{:[^}\n]*\}[ \t]*$")


def _attribute_line(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("{:", start):
        return False
    if _ATTRIBUTE_LINE.match(state.src, start, state.eMarks[start_line]) is None:
        return False
    if silent:
        return True
    token = state.push(HIDDEN, "", 0)
    token.content = state.src[start : state.eMarks[start_line]]
    token.meta = {"syntax": "attribute-line", "name": ""}
    token.map = [start_line, start_line + 1]
    state.line = start_line + 1
    return True


def _install(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "table", "attribute_line", _attribute_line, {"alt": ["paragraph", "list"]}
    )


ATTRIBUTE_LINES = Syntax("attribute-lines", _install, ("{:",))
