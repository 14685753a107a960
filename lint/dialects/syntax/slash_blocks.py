"""PyMdown Extensions' generic blocks, as Material for MkDocs and Zensical sites write them:
``/// note | Title``, ``/// details | Summary``, ``/// tab | Name``, ``/// html | div``,
``/// caption``, each closed by a line of the same number of slashes (``///``).

An opening line may be followed by its options in YAML, indented (``    type: warning``), which
render nothing. The body is Markdown, read as the body of a fenced div. Openers and closers
are paired once per document, by their number of slashes; an opener never closed, or a stray
closer, is a line of markup (``hidden``) and what follows is parsed as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import HIDDEN, Syntax
from lint.dialects.syntax.blocks import push_container, push_lines
from lint.dialects.syntax.lines import paired_lines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

#: ``///``, a block name, then ``| argument`` (a title, a tab's name, an HTML tag).
_OPENER = re.compile(r"(/{3,})[ \t]*([\w-]+)[ \t]*(?:\|[ \t]*(.*?))?[ \t]*$")
_CLOSER = re.compile(r"(/{3,})[ \t]*$")
#: Blocks whose argument is not text a reader sees as a title (``/// html | div.note``).
_NO_TITLE = frozenset({"html", "define"})
#: An option line under the opener: indented, ``key: value``.
_OPTION = re.compile(r"[ \t]{2,}[\w-]+:")
_ENV_KEY = "contentlint.slash_blocks"


def _classify(text: str) -> tuple[bool, str] | None:
    closing = _CLOSER.match(text)
    if closing is not None:
        return True, closing[1]
    opening = _OPENER.match(text)
    return None if opening is None else (False, opening[1])


def _pairs(state: StateBlock) -> dict[int, int]:
    return paired_lines(state.src, state.env, _ENV_KEY, "///", _classify)


def _options_end(state: StateBlock, line: int, close: int) -> int:
    """The first line after the options that follow the opener: its indented lines."""
    while line < close and not state.isEmpty(line) and state.sCount[line] >= state.blkIndent + 2:
        line += 1
    return line


def _block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("///", start):
        return False
    text = state.src[start : state.eMarks[start_line]]
    opening = _OPENER.match(text)
    if opening is None and _CLOSER.match(text) is None:
        return False
    if silent:
        return True
    close = _pairs(state).get(start_line) if opening is not None else None
    if opening is None or close is None or close >= state.lineMax:
        push_lines(state, HIDDEN, start_line, start_line + 1, text, {"syntax": "slash-block"})
        return True
    name, argument = opening[2], (opening[3] or "").strip()
    title = "" if name in _NO_TITLE else argument
    body = start_line + 1
    if body < close and _OPTION.match(state.src, state.bMarks[body], state.eMarks[body]):
        body = _options_end(state, body, close)  # options render nothing
    meta = {"syntax": "slash-block", "name": name, "title": title, "attributes": ""}
    push_container(state, start_line, body, close, close + 1, meta, opening[1], text[3:].strip())
    return True


def _install(md: MarkdownIt) -> None:
    interrupts: list[str] = ["paragraph", "reference", "blockquote", "list"]
    md.block.ruler.before("fence", "slash_block", _block, {"alt": interrupts})


SLASH_BLOCKS = Syntax("slash-blocks", _install, ("///",))
