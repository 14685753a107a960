"""The Markdown extensions most generators share: GitHub's tables and strikethrough (from
markdown-it-py), and from mdit-py-plugins footnotes (also inline ``^[…]``), definition lists,
dollar math and attribute blocks (``{.class}``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


def _tables(md: MarkdownIt) -> None:
    md.enable("table")


def _strikethrough(md: MarkdownIt) -> None:
    md.enable("strikethrough")


def _footnotes(md: MarkdownIt) -> None:
    from mdit_py_plugins.footnote import footnote_plugin

    md.use(footnote_plugin)


def _definitions(md: MarkdownIt) -> None:
    from mdit_py_plugins.deflist import deflist_plugin

    md.use(deflist_plugin)


def _math(md: MarkdownIt) -> None:
    from mdit_py_plugins.dollarmath import dollarmath_plugin

    md.use(dollarmath_plugin, allow_space=False, allow_digits=False, double_inline=True)


def _attributes(md: MarkdownIt) -> None:
    from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

    md.use(attrs_plugin, spans=True)
    md.use(attrs_block_plugin)


def _footnote_marks(body: str) -> bool:
    return "[^" in body or "^[" in body


# "^" is rare in prose, "[" is not: looking for it first is the cheap test.
#: GitHub's pipe tables and ``~~strikethrough~~``, which every generator reads.
TABLES = Syntax("tables", _tables, ("|",))
STRIKETHROUGH = Syntax("strikethrough", _strikethrough, ("~~",))
FOOTNOTES = Syntax("footnotes", _footnotes, ("^",), _footnote_marks)
DEFINITION_LISTS = Syntax("definition-lists", _definitions, ("\n:", "\n~"))
MATH = Syntax("math", _math, ("$",))
#: An attribute block: ``{#id}``, ``{.class}``, ``{width=50%}``, ``{-}`` (not ``{{macro}}``).
ATTRIBUTE_BLOCK = re.compile(r"\{[#.\-]|\{[A-Za-z_][\w-]*=")
ATTRIBUTES = Syntax("attributes", _attributes, ("{",), ATTRIBUTE_BLOCK.search)
