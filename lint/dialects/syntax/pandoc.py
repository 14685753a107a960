"""Pandoc's syntax that Quarto and R Markdown share: citations (``[@key, p. 3]``,
``@fig-plot``), heading attributes (``## Title {#sec-id .unnumbered}``), display math
with attributes (``$$ {#eq-energy}``), and the blank line a block quote or a heading needs
before it (a ``>`` or ``#`` line inside a paragraph goes on with it)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import Syntax
from lint.dialects.syntax.extensions import ATTRIBUTE_BLOCK

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_core import StateCore
    from markdown_it.rules_inline import StateInline

CITATION = "citation"
_BRACKETED_CITATION = re.compile(
    r"\[(?:[^\[\]\n]*?[\s;])?-?@[\w][\w:.#$%&+?<>~/-]*(?:[^\[\]]*)\](?![(\[:])"
)
_CITATION_KEY = re.compile(r"-?@\w+(?:[:.#$%&+?<>~/-]\w+)*")
HEADING_ATTRIBUTES = re.compile(r"[ \t]*\{(?:[#.][^\s{}]|[\w-]+=|-(?=\}))[^{}]*\}[ \t]*$")


def _bracketed_citation(state: StateInline, silent: bool) -> bool:
    if state.src[state.pos] != "[":
        return False
    found = _BRACKETED_CITATION.match(state.src, state.pos)
    if found is None:
        return False
    if not silent:
        token = state.push(CITATION, "", 0)
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
        token = state.push(CITATION, "", 0)
        token.content = found[0]
    state.pos = found.end()
    return True


def _heading_attributes(state: StateCore) -> None:
    """Take heading attributes (``## Title {#sec-id}``) out of the heading's text."""
    tokens = state.tokens
    for position, token in enumerate(tokens):
        if token.type != "heading_open" or position + 1 >= len(tokens):
            continue
        inline = tokens[position + 1]
        children = inline.children or []
        if not children or children[-1].type != "text":
            continue
        found = HEADING_ATTRIBUTES.search(children[-1].content)
        if found is None:
            continue
        token.attrSet("pandoc", found[0].strip())
        children[-1].content = children[-1].content[: found.start()]
        inline.content = HEADING_ATTRIBUTES.sub("", inline.content)
        if not children[-1].content:
            children.pop()


_MATH_CLOSE = re.compile(r"\$\$[ \t]*(?:\{[^{}\n]*\})?[ \t]*$")


def _display_math(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """``$$`` … ``$$ {#eq-label}``: Pandoc display math whose closing line carries attributes
    (dollarmath knows only ``$$ (label)``)."""
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    if not state.src.startswith("$$", start) or state.src[start + 2 : maximum].strip():
        return False
    line = start_line + 1
    while line < end_line:
        text = state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]
        if not text.strip():
            return False  # a blank line ends the attempt: dollarmath's rules apply
        if _MATH_CLOSE.match(text):
            break
        line += 1
    else:
        return False
    if "{" not in state.src[state.bMarks[line] : state.eMarks[line]]:
        return False
    if silent:
        return True
    token = state.push("math_block", "math", 0)
    token.block = True
    token.content = state.getLines(start_line + 1, line, state.blkIndent, True)
    token.markup = "$$"
    token.map = [start_line, line + 1]
    state.line = line + 1
    return True


def _install_display_math(md: MarkdownIt) -> None:
    # Before dollarmath's own rule, which would read past "$$ {#eq-x}" to the next "$$".
    names = [rule.name for rule in md.block.ruler.__rules__]
    before = "math_block" if "math_block" in names else "fence"
    md.block.ruler.before(before, "pandoc_display_math", _display_math, {"alt": ["paragraph"]})


#: A LaTeX environment inside a paragraph (``Thus\n\\begin{align*} … \\end{align*}``), which
#: Pandoc reads as raw TeX: math, not words.
_LATEX_BEGIN = re.compile(r"\\begin\{([A-Za-z]{1,30}\*?)\}")


def _latex_environment(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("\\begin{", state.pos):
        return False
    found = _LATEX_BEGIN.match(state.src, state.pos, state.posMax)
    if found is None:
        return False
    # An environment never closed in this paragraph stays text; remembered, so that many
    # openers of it cost one search each, not one each to the paragraph's end.
    unclosed: set[tuple[str, str]] = state.env.setdefault("latex_unclosed", set())
    if (state.src, found[1]) in unclosed:
        return False
    closer = f"\\end{{{found[1]}}}"
    at = state.src.find(closer, found.end(), state.posMax)
    if at < 0:
        unclosed.add((state.src, found[1]))
        return False
    if not silent:
        token = state.push("math_inline", "math", 0)
        token.content = state.src[state.pos : at + len(closer)]
        token.markup = ""
    state.pos = at + len(closer)
    return True


def _install_latex_environments(md: MarkdownIt) -> None:
    md.inline.ruler.before("escape", "latex_environment", _latex_environment)


#: A knitr or Jupyter chunk's opening fence whose options hold backticks
#: (```` ```{r, fig.cap="`chattr`'s app"} ````): CommonMark refuses it, knitr reads it first.
_CHUNK_OPENER = re.compile(r"(`{3,})[ \t]*(\{[^\n]*`[^\n]*\})[ \t]*$")


def _chunk_with_backticks(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("```", start):
        return False
    opener = _CHUNK_OPENER.match(state.src[start : state.eMarks[start_line]])
    if opener is None:
        return False
    if silent:
        return True
    fence = opener[1]
    closing = start_line + 1
    while closing < end_line:
        text = state.src[state.bMarks[closing] + state.tShift[closing] : state.eMarks[closing]]
        if text.startswith(fence) and not text.strip("`").strip():
            break
        closing += 1
    token = state.push("fence", "code", 0)
    token.info = opener[2]
    token.markup = fence
    token.content = state.getLines(start_line + 1, closing, state.sCount[start_line], True)
    token.map = [start_line, min(closing + 1, end_line)]
    state.line = min(closing + 1, end_line)
    return True


def _install_chunks_with_backticks(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "fence", "chunk_with_backticks", _chunk_with_backticks,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )  # fmt: skip


def _install_citations(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "bracketed_citation", _bracketed_citation)
    md.inline.ruler.after("text", "bare_citation", _bare_citation)


def _install_heading_attributes(md: MarkdownIt) -> None:
    md.core.ruler.after("inline", "heading_attributes", _heading_attributes)


def _install_blank_line_before_blocks(md: MarkdownIt) -> None:
    # Pandoc's blank_before_blockquote and blank_before_header: neither interrupts a
    # paragraph ("  >View source</a>" closes a tag begun on the lines before).
    ruler = md.block.ruler
    for name in ("blockquote", "heading"):
        rule = ruler.__rules__[ruler.__find__(name)]
        ruler.at(name, rule.fn, {"alt": [alt for alt in rule.alt if alt != "paragraph"]})


LATEX_ENVIRONMENTS = Syntax("latex-environments", _install_latex_environments, ("\\begin{",))
#: A document holds such a chunk: installed only there.
_ANY_CHUNK_WITH_BACKTICKS = re.compile(r"^[ \t]*`{3,}[ \t]*\{[^\n]*`", re.M)
CHUNKS_WITH_BACKTICKS = Syntax(
    "chunks-with-backticks",
    _install_chunks_with_backticks,
    ("```",),
    _ANY_CHUNK_WITH_BACKTICKS.search,
)
CITATIONS = Syntax("citations", _install_citations, ("@",))
DISPLAY_MATH_ATTRIBUTES = Syntax("display-math-attributes", _install_display_math, ("$$",))
HEADING_IDS = Syntax(
    "heading-attributes", _install_heading_attributes, ("{",), ATTRIBUTE_BLOCK.search
)
BLANK_LINE_BEFORE_BLOCKS = Syntax("blank-line-before-blocks", _install_blank_line_before_blocks)
