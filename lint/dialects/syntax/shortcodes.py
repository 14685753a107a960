"""Hugo and Quarto shortcodes: ``{{< name args >}}`` and ``{{% name args %}}``, inline, on a
line of their own (an embed), spanning lines (parameters one per line), or paired
(``{{< note >}}`` … ``{{< /note >}}``, a container of Markdown; a code shortcode such as
``highlight`` holds code).

Every shortcode of a document is found in one pass; one that is never closed runs to the
end of its paragraph, so a broken shortcode is one opaque span, never prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from lint.dialects.syntax import EMBED, HIDDEN, TEMPLATE, Syntax
from lint.dialects.syntax.blocks import push_container, push_lines
from lint.dialects.syntax.lines import pair
from lint.dialects.syntax.templates import template_destinations

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline

_OPENERS = {"{{<": ">}}", "{{%": "%}}"}
_NAME = re.compile(r"[ \t\n]*(/?)[ \t]*(\*?/?)[ \t]*([\w./-]*)")
#: Shortcodes whose body is code, not Markdown, by a word of their name (``highlight``,
#: ``code-toggle``, ``codeblock``, ``snippet``).
CODE_SHORTCODES = frozenset({"highlight", "code", "codeblock", "snippet"})
_NAME_WORDS = re.compile(r"[-_/.]")


def holds_code(name: str) -> bool:
    """Whether a shortcode's body is code: its name or a word of it is a code shortcode's."""
    return name in CODE_SHORTCODES or any(
        word in CODE_SHORTCODES for word in _NAME_WORDS.split(name)
    )


_ENV_KEY = "contentlint.shortcodes"


class _Shortcode(NamedTuple):
    start: int
    end: int
    name: str
    closing: bool
    #: Whether it stands alone on its line(s): only spaces (or quote markers) around it.
    alone: bool


def find_shortcodes(src: str) -> list[_Shortcode]:
    """Every shortcode in ``src``, in order, in time linear in its length."""
    found: list[_Shortcode] = []
    exhausted: set[str] = set()  # closing marks that no longer occur
    position = 0
    for opening in re.finditer(r"\{\{[<%]", src):
        start = opening.start()
        if start < position:
            continue
        closing_mark = _OPENERS[opening[0]]
        if closing_mark in exhausted:
            continue
        end = src.find(closing_mark, start + 3)
        if end == -1:
            exhausted.add(closing_mark)
            continue
        end += 3
        name = _NAME.match(src, start + 3)
        closing = bool(name and name[1])
        line_start = src.rfind("\n", 0, start) + 1
        line_end = src.find("\n", end)
        line_end = len(src) if line_end == -1 else line_end
        alone = not src[line_start:start].strip(" \t>") and not src[end:line_end].strip()
        found.append(_Shortcode(start, end, name[3] if name else "", closing, alone))
        position = end
    return found


class _Index(NamedTuple):
    by_start: dict[int, _Shortcode]
    pairs: dict[int, int]  # opener start → closer start


def _index(state: StateBlock) -> _Index:
    index: _Index | None = state.env.get(_ENV_KEY)
    if index is None:
        shortcodes = [code for code in find_shortcodes(state.src) if code.alone]
        openers = [(code.start, code.name) for code in shortcodes if not code.closing]
        closers = [(code.start, code.name) for code in shortcodes if code.closing]
        index = _Index({code.start: code for code in shortcodes}, pair(openers, closers))
        state.env[_ENV_KEY] = index
    return index


def _line_of(state: StateBlock, offset: int) -> int:
    return bisect_right(state.bMarks, offset, 0, len(state.bMarks) - 1) - 1


def _block(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    if state.is_code_block(start_line):
        return False
    start = state.bMarks[start_line] + state.tShift[start_line]
    if state.src[start : start + 3] not in _OPENERS:
        return False
    index = _index(state)
    shortcode = index.by_start.get(start)
    if shortcode is None:
        return False
    last = _line_of(state, shortcode.end - 1)
    if last >= state.lineMax:
        return False
    if silent:
        return True
    close = index.pairs.get(start)
    close_line = _line_of(state, close) if close is not None else None
    if shortcode.closing:
        _push_single(state, HIDDEN, start_line, last, shortcode)
    elif close_line is None or close_line >= state.lineMax:
        _push_single(state, EMBED, start_line, last, shortcode)
    elif holds_code(shortcode.name):
        token = state.push("fence", "code", 0)
        token.info = shortcode.name
        token.markup = state.src[start : start + 3]
        token.content = state.getLines(last + 1, close_line, state.blkIndent, True)
        token.map = [start_line, close_line + 1]
        state.line = close_line + 1
    else:
        meta = {"syntax": "shortcode", "name": shortcode.name}
        source = state.src[shortcode.start : shortcode.end]
        push_container(
            state, start_line, last + 1, close_line, close_line + 1, meta, source[:3], source
        )
    return True


def _push_single(state: StateBlock, kind: str, first: int, last: int, code: _Shortcode) -> None:
    meta = {"syntax": "shortcode", "name": code.name}
    push_lines(state, kind, first, last + 1, state.src[code.start : code.end], meta)


def _inline(state: StateInline, silent: bool) -> bool:
    src, position = state.src, state.pos
    closing = _OPENERS.get(src[position : position + 3])
    if closing is None:
        return False
    end = src.find(closing, position + 3, state.posMax)
    end = state.posMax if end == -1 else end + 3  # never closed: the rest of the paragraph
    if not silent:
        token = state.push(TEMPLATE, "", 0)
        token.content = src[position:end]
        name = _NAME.match(src, position + 3)
        token.meta = {"syntax": "shortcode", "name": name[3] if name else ""}
    state.pos = end
    return True


def _install(md: MarkdownIt) -> None:
    md.block.ruler.before(
        "table", "shortcode_block", _block, {"alt": ["paragraph", "reference", "blockquote"]}
    )
    md.inline.ruler.after("text", "shortcode", _inline)
    # ``![](images/{{< meta prefix >}}-chart.png)``: the link's destination holds it whole.
    template_destinations(md)
    # A shortcode whose parameters span lines closes with ">}}" at a line's start: that
    # line goes on with the shortcode, not a block quote.
    ruler = md.block.ruler
    rule = ruler.__rules__[ruler.__find__("blockquote")]
    ruler.at("blockquote", _not_a_closing_mark(rule.fn), {"alt": list(rule.alt)})


def _not_a_closing_mark(blockquote: Callable[..., bool]) -> Callable[..., bool]:
    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        start = state.bMarks[start_line] + state.tShift[start_line]
        if state.src.startswith(">}}", start):
            return False
        return blockquote(state, start_line, end_line, silent)

    return rule


SHORTCODES = Syntax("shortcodes", _install, ("{{<", "{{%"))
