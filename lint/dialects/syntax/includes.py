"""Lines that pull in another file or generate content where they stand: MkDocs snippets
(``--8<-- "file.md"``), markdown-include (``{!file.md!}``), VitePress code imports
(``<<< @/snippets/x.js``), its ``[[toc]]`` and ``<!--@include: ./part.md-->``, and
mkdocstrings' API documentation of an object (``::: package.module.Class``, or
``## ::: package.Class`` for it under a heading), with its indented options."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import EMBED, Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

_INCLUDE = re.compile(
    r"""(?:-{1,2}8<-{1,2}[ \t]*(?:["'][^"'\n]*["'])?|\{![^!\n]+!\}|<<<[ \t]+\S+|\[\[toc\]\]"""
    r"""|<!--[ \t]*@include:[^\n]*-->)[ \t]*$"""
)

#: mkdocstrings: ``::: identifier``, alone on its line, after an optional heading marker.
_AUTODOC = re.compile(r"(?:#{1,6}[ \t]+)?:::[ \t]+[\w.:/-]+[ \t]*$")


def _include(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if state.src[start : start + 1] not in ("-", "{", "<", "["):
        return False
    found = _INCLUDE.match(state.src, start, state.eMarks[start_line])
    if found is None:
        return False
    if silent:
        return True
    token = state.push(EMBED, "", 0)
    token.content = found[0]
    token.meta = {"syntax": "include", "name": "include"}
    token.block = True
    token.map = [start_line, start_line + 1]
    state.line = start_line + 1
    return True


def _autodoc(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``::: package.Class`` and the options indented under it: the object's documentation,
    headings included, generated where the line stands."""
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if state.src[start : start + 1] not in (":", "#"):
        return False
    found = _AUTODOC.match(state.src, start, state.eMarks[start_line])
    if found is None:
        return False
    if silent:
        return True
    line = start_line + 1
    while line < end_line and not state.isEmpty(line) and state.sCount[line] > state.blkIndent:
        line += 1  # options:, members:, …
    token = state.push(EMBED, "", 0)
    token.content = found[0]
    token.meta = {"syntax": "autodoc", "name": "autodoc"}
    token.block = True
    token.map = [start_line, line]
    state.line = line
    return True


def _install(md: MarkdownIt) -> None:
    md.block.ruler.before("hr", "include_line", _include, {"alt": ["paragraph"]})


def _install_autodoc(md: MarkdownIt) -> None:
    # Before the colon fences and headings, which would read the line as their own.
    md.block.ruler.before("code", "autodoc_line", _autodoc, {"alt": ["paragraph"]})


INCLUDES = Syntax("includes", _install, ("8<-", "{!", "<<<", "[[toc]]", "@include:"))
AUTODOC = Syntax("autodoc", _install_autodoc, (":::",))
