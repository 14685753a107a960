"""Pandoc grid tables (``+---+---+`` borders): one block of content, not paragraphs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.dialects.syntax import Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

GRID_TABLE = "grid_table"


def _grid_table(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    border = state.src[start:maximum].rstrip()
    if not (border.startswith(("+-", "+=", "+:")) and border.endswith("+")):
        return False
    if border.strip("+-=: "):
        return False
    if silent:
        return True
    line = start_line + 1
    while line < end_line:
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        if not text.startswith(("+", "|")):
            break
        line += 1
    token = state.push(GRID_TABLE, "table", 0)
    token.block = True
    token.map = [start_line, line]
    token.content = state.getLines(start_line, line, state.blkIndent, True)
    state.line = line
    return True


def _install(md: MarkdownIt) -> None:
    md.block.ruler.before("table", "grid_table", _grid_table, {"alt": ["paragraph"]})


GRID_TABLES = Syntax("grid-tables", _install, ("\n+-", "\n+=", "\n+:"))
