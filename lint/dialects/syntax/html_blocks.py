"""kramdown's HTML blocks (Jekyll): a block-level tag at the start of a line opens raw HTML that
runs to its matching closing tag, blank lines and all, where CommonMark ends the block at the
first blank line and reads what follows as Markdown (a `````` ``` `````` line inside the HTML
then opens a code block that swallows the rest of the page).

The matching closing tag of every opener is found once per parse, kept in the parser's env;
an opener with no match within ``MAX_BLOCK_LINES`` is left to CommonMark, and the search stops
once it has read ``SCAN_BUDGET`` times the document's lines (so unclosed openers by the thousand
cost linear time).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import Syntax
from lint.dialects.syntax.blocks import push_lines

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

#: Block-level tags whose HTML kramdown reads to the matching closing tag (``pre``,
#: ``script`` and ``style`` end there in CommonMark too).
BLOCK_TAGS = (
    "article|aside|blockquote|center|details|div|dl|fieldset|figure|footer|form|header|nav|ol"
    "|section|table|ul"
)
_OPENER = re.compile(rf"[ ]{{0,3}}<({BLOCK_TAGS})(?=[\s>/])", re.IGNORECASE)
_MARKDOWN_INSIDE = re.compile(r"""\bmarkdown\s*=\s*["']?(?:1|block|span)""", re.IGNORECASE)
_FENCE = re.compile(r"[ ]{0,3}(`{3,}|~{3,})")
#: The most lines one HTML block may span before it is left to CommonMark.
MAX_BLOCK_LINES = 2000
#: How many times its own length in lines the search may read in one document.
SCAN_BUDGET = 4
_ENV_KEY = "contentlint.kramdown_html"


def _tag_events(name: str) -> re.Pattern[str]:
    return re.compile(rf"<(/?)({name})(?=[\s>/])", re.IGNORECASE)


def html_block_ends(src: str) -> dict[int, int]:
    """Opening line → the line of its matching closing tag, for every block-level opener
    whose block spans a blank line (the only ones CommonMark reads otherwise)."""
    lines = src.split("\n")
    ends: dict[int, int] = {}
    number, fence = 0, ""
    budget = SCAN_BUDGET * len(lines) + MAX_BLOCK_LINES
    while number < len(lines) and budget > 0:
        line = lines[number]
        if fence:
            if line.lstrip().startswith(fence) and not line.strip().strip(fence[0]):
                fence = ""
            number += 1
            continue
        opening = _FENCE.match(line)
        if opening is not None:
            fence = opening[1]
            number += 1
            continue
        opener = _OPENER.match(line)
        if opener is None or _MARKDOWN_INSIDE.search(line):
            number += 1
            continue
        end = _matching_line(lines, number, opener[1].lower())
        budget -= (end if end is not None else min(len(lines), number + MAX_BLOCK_LINES)) - number
        if end is None:
            number += 1
            continue
        if any(not lines[inner].strip() for inner in range(number + 1, end)):
            ends[number] = end
        number = end + 1
    return ends


def _matching_line(lines: list[str], first: int, name: str) -> int | None:
    events = _tag_events(name)
    depth = 0
    for number in range(first, min(len(lines), first + MAX_BLOCK_LINES)):
        for event in events.finditer(lines[number]):
            depth += -1 if event[1] else 1
            if depth == 0:
                return number
    return None


def _block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line) or state.blkIndent:
        return False
    ends: dict[int, int] | None = state.env.get(_ENV_KEY)
    if ends is None:
        ends = state.env[_ENV_KEY] = html_block_ends(state.src)
    end = ends.get(start_line)
    if end is None or end >= end_line:
        return False
    if silent:
        return True
    content = state.getLines(start_line, end + 1, 0, True)
    push_lines(state, "html_block", start_line, end + 1, content, {})
    return True


def _install(md: MarkdownIt) -> None:
    md.block.ruler.before("html_block", "kramdown_html_block", _block)


KRAMDOWN_HTML_BLOCKS = Syntax("kramdown-html-blocks", _install, ("<",))
