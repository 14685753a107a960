"""Liquid tags (Jekyll, Eleventy, MkDocs macros): ``{% tag %}`` inline, and on lines of their
own as blocks: ``{% comment %}`` … ``{% endcomment %}`` is a note, ``{% highlight %}`` holds
code, other paired tags (``{% tabs %}``, ``{% tab %}``, ``{% if %}``, ``{% raw %}``) wrap
Markdown, and a tag alone on its line (``{% include note.html %}``) is an embed; tags that
render nothing (``{% assign %}``, ``{% else %}``) are hidden.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import COMMENT, EMBED, HIDDEN, TEMPLATE, Syntax
from lint.dialects.syntax.blocks import push_container, push_lines
from lint.dialects.syntax.lines import paired_lines
from lint.dialects.syntax.templates import template_destinations, template_end

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline

_TAG = re.compile(r"\{%-?[ \t]*(end)?([\w-]+)")
#: Tags that output nothing where they stand.
SILENT_TAGS = frozenset(
    {"assign", "increment", "decrement", "else", "elsif", "when", "break", "continue", "cycle"}
)
CODE_TAGS = frozenset({"highlight"})
_ENV_KEY = "contentlint.liquid"


def _classify(text: str) -> tuple[bool, str] | None:
    tag = _TAG.match(text)
    return None if tag is None else (bool(tag[1]), tag[2])


def _pairs(state: StateBlock) -> dict[int, int]:
    return paired_lines(state.src, state.env, _ENV_KEY, "{%", _classify)


def _block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if not state.src.startswith("{%", start):
        return False
    tag = _TAG.match(state.src, start, maximum)
    closing = state.src.find("%}", start + 2, maximum)
    if tag is None or closing == -1:
        return False
    end = closing + 2
    if state.src[end:maximum].strip():
        return False  # text after the tag: a paragraph that starts with a tag
    if silent:
        return True
    name = tag[2]
    close = _pairs(state).get(start_line) if not tag[1] else None
    if close is not None and (close >= state.lineMax or state.sCount[close] < state.blkIndent):
        close = None
    if close is None:
        kind = HIDDEN if tag[1] or name in SILENT_TAGS else EMBED
        meta = {"syntax": "liquid", "name": name}
        push_lines(state, kind, start_line, start_line + 1, state.src[start:end], meta)
    elif name == "comment":
        content = state.getLines(start_line + 1, close, 0, True)
        meta = {"syntax": "liquid", "name": name, "offset": state.bMarks[start_line + 1]}
        push_lines(state, COMMENT, start_line, close + 1, content, meta)
    elif name in CODE_TAGS:
        token = state.push("fence", "code", 0)
        token.info = state.src[tag.end() : end - 2].strip(" -")
        token.markup = "{%"
        token.content = state.getLines(start_line + 1, close, state.blkIndent, True)
        token.map = [start_line, close + 1]
        state.line = close + 1
    else:
        meta = {"syntax": "liquid", "name": name}
        text = state.src[start:end]
        push_container(state, start_line, start_line + 1, close, close + 1, meta, "{%", text)
    return True


def _inline(state: StateInline, silent: bool) -> bool:
    src, position = state.src, state.pos
    if not src.startswith("{%", position):
        return False
    end = template_end(src, position, state.posMax)
    if not silent:
        token = state.push(TEMPLATE, "", 0)
        token.content = src[position:end]
        tag = _TAG.match(src, position, end)
        token.meta = {"syntax": "liquid", "name": tag[2] if tag else ""}
    state.pos = end
    return True


def _install(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "table", "liquid_block", _block, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    md.inline.ruler.after("text", "liquid_tag", _inline)
    template_destinations(md)


LIQUID = Syntax("liquid", _install, ("{%",))
