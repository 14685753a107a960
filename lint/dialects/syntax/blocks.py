"""How a syntax extension pushes its blocks: a container around Markdown lines, or one token
for a run of lines, with the parser's state kept as it was around them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lint.dialects.syntax import CONTAINER_CLOSE, CONTAINER_OPEN, CONTAINER_TITLE_OPEN

if TYPE_CHECKING:
    from markdown_it.rules_block import StateBlock


def push_container(
    state: StateBlock,
    first: int,
    body: int,
    close: int,
    end: int,
    meta: dict[str, Any],
    markup: str = "",
    info: str = "",
    indent: int | None = None,
) -> None:
    """A container opened on line ``first`` whose Markdown is lines ``body`` to ``close - 1``
    (parsed with ``indent`` as the block indent, when given); parsing goes on at ``end``.
    ``meta`` holds ``syntax``, ``name`` and ``title``; a title becomes a title block."""
    old_parent, old_line_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType = "container"
    state.lineMax = close
    if indent is not None:
        state.blkIndent = indent
    token = state.push(CONTAINER_OPEN, "div", 1)
    token.markup = markup
    token.info = info
    token.meta = {"title": "", "attributes": "", **meta}
    token.block = True
    token.map = [first, end]
    if token.meta["title"]:
        push_title(state, token.meta["title"], first)
    state.md.block.tokenize(state, body, close)
    state.push(CONTAINER_CLOSE, "div", -1).block = True
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_line_max, old_indent
    state.line = end


def push_title(state: StateBlock, title: str, line: int) -> None:
    """A container's title as a title block holding one inline token."""
    token = state.push(CONTAINER_TITLE_OPEN, "p", 1)
    token.map = [line, line + 1]
    token = state.push("inline", "", 0)
    token.content = title
    token.map = [line, line + 1]
    token.children = []
    state.push("container_title_close", "p", -1)


def push_lines(
    state: StateBlock, kind: str, first: int, end: int, content: str, meta: dict[str, Any]
) -> None:
    """One token of ``kind`` (an embed, a comment, hidden markup) for lines ``first`` to
    ``end - 1``; parsing goes on at ``end``."""
    token = state.push(kind, "", 0)
    token.content = content
    token.meta = meta
    token.block = True
    token.map = [first, end]
    state.line = end
