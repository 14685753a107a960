"""The markdown-it-py parser, with the syntax GFM, Quarto, R Markdown and MDX documents use."""

from __future__ import annotations

import re
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.dollarmath import dollarmath_plugin
from mdit_py_plugins.footnote import footnote_plugin

from lint.inline import plain_text

# A fenced div opens with three or more colons and attributes (``::: {.callout-note}``) or a
# bare class word (``::: note``); a line of colons alone closes the innermost open div.
_DIV_OPEN = re.compile(r":{3,}[ \t]*(\{[^}\n]*\}|[^\s{}:]+)[ \t]*:*[ \t]*$")
_DIV_CLOSE = re.compile(r":{3,}[ \t]*$")
_CODE_FENCE = re.compile(r"(`{3,}|~{3,})")
_SHORTCODE = re.compile(r"\{\{<.*?>\}\}|\{\{%.*?%\}\}", re.DOTALL)
_BRACKETED_CITATION = re.compile(
    r"\[(?:[^\[\]\n]*?[\s;])?-?@[\w][\w:.#$%&+?<>~/-]*(?:[^\[\]]*)\](?![(\[:])"
)
_CITATION_KEY = re.compile(r"-?@\w+(?:[:.#$%&+?<>~/-]\w+)*")
_HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{(?:[#.][^\s{}]|[\w-]+=|-(?=\}))[^{}]*\}[ \t]*$")
_MDX_ESM = re.compile(r"(?:import|export)\s")


def _div_end(state: StateBlock, start_line: int, end_line: int) -> tuple[int, bool]:
    """The line that closes the div opened at ``start_line``, and whether a fence closed it.

    Nested divs open with attributes and close with bare colons; code fences are skipped.
    """
    line, depth, fence = start_line, 1, ""
    while True:
        line += 1
        if line >= end_line:
            return line, False
        begin = state.bMarks[line] + state.tShift[line]
        end = state.eMarks[line]
        if begin < end and state.sCount[line] < state.blkIndent:
            return line, False
        text = state.src[begin:end]
        if fence:
            if text.startswith(fence) and not text.strip(fence[0]).strip():
                fence = ""
            continue
        code_fence = _CODE_FENCE.match(text)
        if code_fence:
            fence = code_fence[1]
        elif not text.startswith(":::"):
            continue
        elif _DIV_CLOSE.match(text):
            depth -= 1
            if depth == 0:
                return line, True
        elif _DIV_OPEN.match(text):
            depth += 1


def _fenced_div(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if not state.src.startswith(":::", start):
        return False
    opening = _DIV_OPEN.match(state.src, start, maximum)
    if opening is None:
        return False
    if silent:
        return True
    line, closed = _div_end(state, start_line, end_line)
    old_parent, old_line_max = state.parentType, state.lineMax
    state.parentType = "fenced_div"
    state.lineMax = line
    token = state.push("fenced_div_open", "div", 1)
    token.markup = ":::"
    token.block = True
    token.info = opening[1]
    token.map = [start_line, line + 1 if closed else line]
    state.md.block.tokenize(state, start_line + 1, line)
    token = state.push("fenced_div_close", "div", -1)
    token.markup = ":::"
    token.block = True
    state.parentType = old_parent
    state.lineMax = old_line_max
    state.line = line + 1 if closed else line
    return True


def _shortcode(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("{{", state.pos):
        return False
    found = _SHORTCODE.match(state.src, state.pos)
    if found is None:
        return False
    if not silent:
        token = state.push("shortcode", "", 0)
        token.content = found[0]
    state.pos = found.end()
    return True


def _bracketed_citation(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[":
        return False
    found = _BRACKETED_CITATION.match(state.src, state.pos)
    if found is None:
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.content = found[0]
    state.pos = found.end()
    return True


def _bare_citation(state: StateInline, silent: bool) -> bool:
    position = state.pos
    if state.src[position] not in "@-":
        return False
    if position > 0 and (state.src[position - 1].isalnum() or state.src[position - 1] in "_@."):
        return False
    found = _CITATION_KEY.match(state.src, position)
    if found is None or (state.src[position] == "-" and found[0][1:2] != "@"):
        return False
    if not silent:
        token = state.push("citation", "", 0)
        token.content = found[0]
    state.pos = found.end()
    return True


def _heading_attributes(state: StateCore) -> None:
    """Take pandoc heading attributes (``## Title {#sec-id}``) out of the heading's text."""
    tokens = state.tokens
    for position, token in enumerate(tokens):
        if token.type != "heading_open" or position + 1 >= len(tokens):
            continue
        inline = tokens[position + 1]
        children = inline.children or []
        if not children or children[-1].type != "text":
            continue
        found = _HEADING_ATTRIBUTES.search(children[-1].content)
        if found is None:
            continue
        token.attrSet("pandoc", found[0].strip())
        children[-1].content = children[-1].content[: found.start()]
        inline.content = _HEADING_ATTRIBUTES.sub("", inline.content)
        if not children[-1].content:
            children.pop()


def _mdx_esm(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """MDX ``import``/``export`` statements at the top level run to the next blank line."""
    if state.level or state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not _MDX_ESM.match(state.src, start, state.eMarks[start_line]):
        return False
    if silent:
        return True
    line = start_line + 1
    while line < end_line and not state.isEmpty(line):
        line += 1
    token = state.push("mdx_esm", "", 0)
    token.block = True
    token.map = [start_line, line]
    token.content = state.getLines(start_line, line, 0, True)
    state.line = line
    return True


@cache
def parser(mdx: bool = False) -> MarkdownIt:
    """The shared parser; ``mdx`` adds MDX's import and export statements."""
    from lint.limits import current

    md = MarkdownIt(
        "commonmark",
        {
            "html": True,
            "linkify": False,
            "typographer": False,
            "maxNesting": current().max_nesting,
        },
    )
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    md.use(deflist_plugin)
    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)
    md.use(attrs_plugin, spans=True)
    md.use(attrs_block_plugin)
    md.block.ruler.before(
        "fence",
        "fenced_div",
        _fenced_div,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    if mdx:
        md.block.ruler.before("paragraph", "mdx_esm", _mdx_esm)
    md.inline.ruler.before("link", "bracketed_citation", _bracketed_citation)
    md.inline.ruler.before("text", "shortcode", _shortcode)
    md.inline.ruler.after("text", "bare_citation", _bare_citation)
    md.core.ruler.after("inline", "heading_attributes", _heading_attributes)
    return md


def parse(source: str, mdx: bool = False) -> list[Token]:
    """The flat token stream of ``source``."""
    return parser(mdx).parse(source)


__all__ = ["parse", "parser", "plain_text"]
