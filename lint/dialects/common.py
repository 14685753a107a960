"""The syntax that kramdown, Goldmark and Python-Markdown sites share: GitHub's tables and
strikethrough, attribute lines and blocks, footnotes, definition lists, math, heading ids,
template output and emoji. A dialect adds its generator's own syntax in front of it."""

from __future__ import annotations

from lint.dialects.syntax import Syntax
from lint.dialects.syntax.attribute_lines import ATTRIBUTE_LINES
from lint.dialects.syntax.emoji import EMOJI_SHORTCODES
from lint.dialects.syntax.extensions import (
    ATTRIBUTES,
    DEFINITION_LISTS,
    FOOTNOTES,
    MATH,
    STRIKETHROUGH,
    TABLES,
)
from lint.dialects.syntax.pandoc import HEADING_IDS
from lint.dialects.syntax.templates import TEMPLATES

SITE_MARKDOWN: tuple[Syntax, ...] = (
    TABLES,
    STRIKETHROUGH,
    ATTRIBUTE_LINES,
    FOOTNOTES,
    DEFINITION_LISTS,
    MATH,
    ATTRIBUTES,
    HEADING_IDS,
    TEMPLATES,
    EMOJI_SHORTCODES,
)
