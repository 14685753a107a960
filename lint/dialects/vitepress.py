"""VitePress: markdown-it with custom containers (``::: tip Title``, ``::: code-group``),
heading ids, emoji, Vue interpolation and components, ``<<<`` code imports and includes."""

from __future__ import annotations

from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.containers import COLON_FENCES
from lint.dialects.syntax.emoji import EMOJI_SHORTCODES
from lint.dialects.syntax.extensions import ATTRIBUTES, FOOTNOTES, MATH, STRIKETHROUGH, TABLES
from lint.dialects.syntax.includes import INCLUDES
from lint.dialects.syntax.pandoc import HEADING_IDS
from lint.dialects.syntax.templates import TEMPLATES


class Vitepress(Dialect):
    name: ClassVar[str] = "vitepress"
    heading_ids: ClassVar[str] = "vitepress"
    layout: ClassVar[str] = "vitepress"
    summary: ClassVar[str] = "VitePress (::: containers, {#ids}, emoji, Vue, <<< imports)"
    syntax: ClassVar[tuple[Syntax, ...]] = (
        TABLES,
        STRIKETHROUGH,
        COLON_FENCES,
        INCLUDES,
        FOOTNOTES,
        MATH,
        ATTRIBUTES,
        HEADING_IDS,
        TEMPLATES,
        EMOJI_SHORTCODES,
    )
    markers: ClassVar[tuple[str, ...]] = (".vitepress/",)
    extensions: ClassVar[tuple[str, ...]] = (".md",)
