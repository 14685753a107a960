"""The Markdown extensions most generators share, from mdit-py-plugins: footnotes (also
inline ``^[…]``), definition lists, dollar math and attribute blocks (``{.class}``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lint.dialects.syntax import Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


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


FOOTNOTES = Syntax("footnotes", _footnotes, ("[^", "^["))
DEFINITION_LISTS = Syntax("definition-lists", _definitions, ("\n:", "\n~"))
MATH = Syntax("math", _math, ("$",))
ATTRIBUTES = Syntax("attributes", _attributes, ("{",))
