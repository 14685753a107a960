"""Colon fences: Pandoc fenced divs (``::: {.callout-note}``), Docusaurus and Starlight asides
(``:::note[Title]``, ``:::tip Title``), VitePress containers (``::: details Click me``).

A line of three or more colons followed by a name or attributes opens a container; a line of
colons alone closes the innermost one. Openers and closers are paired once per document, so
an opener that is never closed costs nothing and is read as a line of markup (``hidden``),
with what follows parsed as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from lint.dialects.syntax import HIDDEN, Syntax
from lint.dialects.syntax.blocks import push_container, push_lines
from lint.dialects.syntax.lines import paired_lines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

_OPENER = re.compile(r":{3,}[ \t]*[^\s:]")
_CLOSER = re.compile(r":{3,}[ \t]*$")
#: ``name``, then ``[Title]``, ``{attributes}`` and a title in words, each optional.
_NAMED = re.compile(r"([\w-]+)(?:\[([^\]\n]*)\])?[ \t]*(\{[^}\n]*\})?[ \t]*(.*)")
_ENV_KEY = "contentlint.containers"


def _classify(text: str) -> tuple[bool, str] | None:
    if _CLOSER.match(text):
        return True, ""
    return (False, "") if _OPENER.match(text) else None


def _pairs(state: StateBlock) -> dict[int, int]:
    return paired_lines(state.src, state.env, _ENV_KEY, ":::", _classify)


def parse_opening(rest: str) -> tuple[str, str, str]:
    """(name, title, attributes) of what follows the colons of an opening line."""
    rest = rest.strip().rstrip(":").rstrip()
    if rest.startswith("{"):
        return "", "", rest
    named = _NAMED.match(rest)
    if named is None:
        return rest, "", ""
    name, label, attributes, words = named.groups()
    title = label if label is not None else words.strip()
    return name, title, attributes or ""


def _container(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith(":::", start):
        return False
    text = state.src[start : state.eMarks[start_line]]
    opening = _OPENER.match(text)
    if opening is None and _CLOSER.match(text) is None:
        return False
    if silent:
        return True
    close = _pairs(state).get(start_line) if opening is not None else None
    if close is None or close >= state.lineMax or state.sCount[close] < state.blkIndent:
        # A stray closer, or an opener never closed: a line of markup.
        push_lines(state, HIDDEN, start_line, start_line + 1, text, {"syntax": "colon-fence"})
        return True
    colons = len(text) - len(text.lstrip(":"))
    name, title, attributes = parse_opening(text[colons:])
    meta = {"syntax": "colon-fence", "name": name, "title": title, "attributes": attributes}
    push_container(
        state,
        start_line,
        start_line + 1,
        close,
        close + 1,
        meta,
        text[:colons],
        text[colons:].strip(),
    )
    return True


def _install(md: MarkdownIt) -> None:
    interrupts: list[str] = ["paragraph", "reference", "blockquote", "list"]
    md.block.ruler.before("fence", "colon_fence", _container, {"alt": interrupts})


COLON_FENCES = Syntax("colon-fences", _install, (":::",))


def container_name(token: Any) -> str:
    """The name of a container token (``note``, ``callout-tip``, ``tabs``), or ``""``."""
    meta = token.meta or {}
    return str(meta.get("name", ""))
