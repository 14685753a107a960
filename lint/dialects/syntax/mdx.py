"""MDX: ``import``/``export`` statements, JSX elements (``<Tabs>`` … ``</Tabs>`` around
Markdown children, ``<Snippet … />`` spanning lines, attribute expressions holding blank
lines), ``{expressions}`` and ``{/* comments */}``.

Tags are scanned with a budget proportional to the document's length, so a document full of
unterminated tags costs linear time; a tag that never ends is one opaque block up to the
next blank line, and what follows is read as usual.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from lint.dialects.syntax import COMMENT, EMBED, HIDDEN, TEMPLATE, Syntax
from lint.dialects.syntax.blocks import push_container, push_lines
from lint.dialects.syntax.lines import outside_code, pair

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline

_ESM = re.compile(r"(?:import|export)[\s{*]")
#: The statement shapes that identify MDX in a ``.md`` file (Docusaurus reads .md as MDX).
ESM_SHAPE = re.compile(
    r"(?m)^(?:import\s+[\w{*][^\n]*\bfrom\s+['\"]|import\s+['\"]"
    r"|export\s+(?:const|default|function|let)\b)"
)
_TAG_START = re.compile(r"<(/?)([A-Za-z][\w.-]*(?::[\w-]+)?)?(?=[\s/>])")
_INTERESTING = re.compile(r"[>/{}\"'`<]")
_BRACE_INTERESTING = re.compile(r"[{}\"'`]")
#: How many characters of tag scanning a document may cost, per character of its length.
_BUDGET_PER_CHAR = 4
_ENV_INDEX = "contentlint.jsx"
_ENV_BUDGET = "contentlint.jsx.budget"
#: How many JSX elements are open around the line being parsed.
_ENV_ELEMENTS = "contentlint.jsx.open"


class _Budget:
    def __init__(self, length: int) -> None:
        self.left = _BUDGET_PER_CHAR * length + 10_000

    def spend(self, amount: int) -> bool:
        self.left -= amount
        return self.left >= 0


def _string_end(src: str, position: int, limit: int) -> int:
    """The offset after the string literal opening at ``position``; -1 if it never ends."""
    quote = src[position]
    at = position + 1
    while True:
        at = src.find(quote, at, limit)
        if at == -1:
            return -1
        backslashes = 0
        while src[at - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return at + 1
        at += 1


def braces_end(src: str, position: int, limit: int, budget: _Budget) -> int:
    """The offset after the ``{…}`` expression at ``position`` (strings skipped); -1 if open."""
    depth = 0
    at = position
    while at < limit:
        found = _BRACE_INTERESTING.search(src, at, limit)
        if found is None or not budget.spend(found.start() - at + 1):
            return -1
        at = found.start()
        char = src[at]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return at + 1
        else:
            at = _string_end(src, at, limit)
            if at == -1:
                return -1
            continue
        at += 1
    return -1


class _Tag(NamedTuple):
    name: str
    closing: bool
    self_closing: bool
    end: int  # offset after the tag's ``>``


def scan_tag(src: str, position: int, budget: _Budget) -> _Tag | None:
    """The JSX tag opening at ``position``; None when it is no tag or never ends."""
    start = _TAG_START.match(src, position)
    if start is None:
        if src.startswith("<>", position):
            return _Tag("", False, False, position + 2)
        if src.startswith("</>", position):
            return _Tag("", True, False, position + 3)
        return None
    closing, name = bool(start[1]), start[2] or ""
    at = start.end()
    while at < len(src):
        found = _INTERESTING.search(src, at)
        if found is None or not budget.spend(found.start() - at + 1):
            return None
        at = found.start()
        char = src[at]
        if char == ">":
            return _Tag(name, closing, False, at + 1)
        if src.startswith("/>", at):
            return _Tag(name, closing, True, at + 2)
        at = _skip_attribute_part(src, at, budget)
        if at == -1:
            return None
    return None


def _skip_attribute_part(src: str, at: int, budget: _Budget) -> int:
    """Past the ``/``, expression or string at ``at`` inside a tag; -1 where the tag breaks."""
    char = src[at]
    if char == "/":
        return at + 1
    if char == "{":
        return braces_end(src, at, len(src), budget)
    if char in "\"'`":
        return _string_end(src, at, len(src))
    return -1  # "<" or "}": not inside a tag any more


class _Element(NamedTuple):
    tag: _Tag | None  # None: the tag never ends
    last_line: int  # the line on which the tag ends
    rest_blank: bool  # nothing but spaces after the tag on that line


class _Index(NamedTuple):
    elements: dict[int, _Element]
    pairs: dict[int, int]


def _index(state: StateBlock) -> _Index:
    index: _Index | None = state.env.get(_ENV_INDEX)
    if index is not None:
        return index
    src = state.src
    budget = _Budget(len(src))
    state.env[_ENV_BUDGET] = budget
    line_starts = [0]
    line_starts.extend(match.end() for match in re.finditer("\n", src))
    elements: dict[int, _Element] = {}
    openers: list[tuple[int, str]] = []
    closers: list[tuple[int, str]] = []
    for line, text in outside_code(src, state.env):
        if not text.startswith("<"):
            continue
        position = src.find("<", line_starts[line])
        tag = scan_tag(src, position, budget)
        if tag is None:
            elements[line] = _Element(None, line, False)
            continue
        last_line = line + src.count("\n", position, tag.end)
        line_end = src.find("\n", tag.end)
        rest = src[tag.end : len(src) if line_end == -1 else line_end]
        elements[line] = _Element(tag, last_line, not rest.strip())
        if not rest.strip():
            if tag.closing:
                closers.append((line, tag.name))
            elif not tag.self_closing:
                openers.append((line, tag.name))
    index = state.env[_ENV_INDEX] = _Index(elements, pair(openers, closers))
    return index


def _element(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if state.src[start : start + 1] != "<":
        return False
    element = _index(state).elements.get(start_line)
    if element is None or (element.tag is not None and not element.rest_blank):
        return False
    if element.tag is None:
        if _TAG_START.match(state.src, start) is None:
            return False
        if silent:
            return True
        line = start_line + 1  # a tag that never ends: opaque up to the next blank line
        while line < state.lineMax and not state.isEmpty(line):
            line += 1
        _single(state, EMBED, start_line, line, "")
        return True
    if element.last_line >= state.lineMax:
        return False
    if silent:
        return True
    tag = element.tag
    close = _index(state).pairs.get(start_line)
    if tag.closing:
        _single(state, HIDDEN, start_line, element.last_line + 1, tag.name)
    elif tag.self_closing or close is None or close >= state.lineMax:
        _single(state, EMBED, start_line, element.last_line + 1, tag.name)
    else:
        meta = {"syntax": "jsx", "name": tag.name}
        body = element.last_line + 1
        state.env[_ENV_ELEMENTS] = state.env.get(_ENV_ELEMENTS, 0) + 1
        try:
            push_container(state, start_line, body, close, close + 1, meta, "<", tag.name)
        finally:
            state.env[_ENV_ELEMENTS] -= 1
    return True


def _single(state: StateBlock, kind: str, first: int, end: int, name: str) -> None:
    content = state.getLines(first, end, 0, False)
    push_lines(state, kind, first, end, content, {"syntax": "jsx", "name": name})


def _budget(state: StateBlock | StateInline) -> _Budget:
    budget: _Budget | None = state.env.get(_ENV_BUDGET)
    if budget is None:
        budget = state.env[_ENV_BUDGET] = _Budget(len(state.src))
    return budget


def _block_expression(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A line that starts with ``{``: a comment ``{/* … */}`` or an expression."""
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if state.src[start : start + 1] != "{":
        return False
    end = braces_end(state.src, start, len(state.src), _budget(state))
    if end == -1:
        return False
    line_end = state.src.find("\n", end)
    if state.src[end : len(state.src) if line_end == -1 else line_end].strip():
        return False
    last = start_line + state.src.count("\n", start, end)
    if last >= state.lineMax:
        return False
    if silent:
        return True
    text = state.src[start:end]
    is_comment = text[1:].lstrip().startswith("/*") and text[:-1].rstrip().endswith("*/")
    token = state.push(COMMENT if is_comment else EMBED, "", 0)
    token.content = text[1:-1] if is_comment else text
    token.meta = {"syntax": "mdx", "name": "", "offset": start + 1}
    token.block = True
    token.map = [start_line, last + 1]
    state.line = last + 1
    return True


def _inline_expression(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "{":
        return False
    end = braces_end(state.src, state.pos, state.posMax, _budget(state))
    end = state.posMax if end == -1 else end
    if not silent:
        token = state.push(TEMPLATE, "", 0)
        token.content = state.src[state.pos : end]
        comment = token.content[1:].lstrip().startswith("/*")
        token.meta = {"syntax": "mdx", "comment": comment}
    state.pos = end
    return True


def _at_top_level(state: StateBlock) -> bool:
    """Outside every Markdown container: JSX elements are none (their children are the
    document's own flow, where MDX reads statements too), lists, quotes and asides are.
    Each open element adds one level; any other container adds its own."""
    open_elements: int = state.env.get(_ENV_ELEMENTS, 0)
    return state.level == open_elements


def _esm(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``import``/``export`` statements at the top level run to the next blank line."""
    if state.is_code_block(start_line) or not _at_top_level(state):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not _ESM.match(state.src, start, state.eMarks[start_line]):
        return False
    if silent:
        return True
    line = start_line + 1
    while line < end_line and not state.isEmpty(line):
        line += 1
    token = state.push(HIDDEN, "", 0)
    token.block = True
    token.map = [start_line, line]
    token.content = state.getLines(start_line, line, 0, True)
    token.meta = {"syntax": "esm", "name": ""}
    state.line = line
    return True


def _install_esm(md: MarkdownIt) -> None:
    md.block.ruler.before("paragraph", "mdx_esm", _esm)


def _install_jsx(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "html_block", "jsx_element", _element, {"alt": ["paragraph", "reference", "blockquote"]}
    )


def _install_expressions(md: MarkdownIt) -> None:
    md.block.ruler.before("table", "mdx_expression", _block_expression)
    md.inline.ruler.after("text", "mdx_expression", _inline_expression)


ESM = Syntax("esm", _install_esm, ("import", "export"))
JSX = Syntax("jsx", _install_jsx, ("<",))
EXPRESSIONS = Syntax("mdx-expressions", _install_expressions, ("{",))
