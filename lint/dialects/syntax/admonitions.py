"""Python-Markdown and Material for MkDocs blocks with an indented body: admonitions
(``!!! note "Title"``), collapsible blocks (``??? example``, ``???+ tip``) and content tabs
(``=== "Tab"``).

Admonitions come from mdit-py-plugins' ``admon`` plugin; its tokens are renamed to the
shared container vocabulary, so that every rule reads them as it reads a fenced div.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import CONTAINER_CLOSE, CONTAINER_OPEN, CONTAINER_TITLE_OPEN, Syntax
from lint.dialects.syntax.blocks import push_container

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore

_TAB = re.compile(r'(===\+?|===!)[ \t]+"([^"\n]*)"[ \t]*$')
_RENAMED = {
    "admonition_open": CONTAINER_OPEN,
    "admonition_close": CONTAINER_CLOSE,
    "admonition_title_open": CONTAINER_TITLE_OPEN,
    "admonition_title_close": "container_title_close",
}


def _rename(state: StateCore) -> None:
    """The admonition tokens as containers. Without a quoted title the plugin makes one up
    from the type (``!!! note`` → "Note"): that text is not in the file, so it is dropped."""
    tokens = []
    skip = 0
    for token in state.tokens:
        if skip:
            skip -= 1
            continue
        renamed = _RENAMED.get(token.type)
        if renamed is None:
            tokens.append(token)
            continue
        if renamed == CONTAINER_OPEN:
            quoted = '"' in token.info
            tag = str((token.meta or {}).get("tag", ""))
            token.meta = {
                "syntax": "admonition",
                "name": tag,
                "title": token.content if quoted else "",
                "attributes": "",
            }
            if token.content and not quoted:
                skip = 3  # the made-up title's open, inline and close tokens
        token.type = renamed
        tokens.append(token)
    state.tokens = tokens


def _tab(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``=== "Title"`` and the lines indented under it (four spaces)."""
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if not state.src.startswith("===", start):
        return False
    found = _TAB.match(state.src, start, maximum)
    if found is None:
        return False
    if silent:
        return True
    indent = state.sCount[start_line] + 4
    line = start_line + 1
    while line < end_line:
        if not state.isEmpty(line) and state.sCount[line] < indent:
            break
        line += 1
    while line - 1 > start_line and state.isEmpty(line - 1):
        line -= 1
    meta = {"syntax": "content-tab", "name": "tab", "title": found[2].strip()}
    push_container(state, start_line, start_line + 1, line, line, meta, found[1], found[2], indent)
    return True


def _install_admonitions(md: MarkdownIt) -> None:
    from mdit_py_plugins.admon import admon_plugin

    admon_plugin(md)
    md.core.ruler.after("block", "admonition_containers", _rename)


def _install_tabs(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "paragraph", "content_tab", _tab, {"alt": ["paragraph", "reference", "blockquote"]}
    )


ADMONITIONS = Syntax("admonitions", _install_admonitions, ("!!!", "???"))
_TAB_LINE = re.compile(r'(?m)^[ \t]*===[+!]?[ \t]+"')
CONTENT_TABS = Syntax(
    "content-tabs", _install_tabs, ('=== "', '===+ "', '===! "'), _TAB_LINE.search
)
