"""MkDocs and Material for MkDocs: Python-Markdown with admonitions (``!!! note "Title"``,
collapsible ``??? example``), content tabs (``=== "Tab"``), attribute lists, snippets and
includes, emoji shortcodes."""

from __future__ import annotations

from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.admonitions import ADMONITIONS, CONTENT_TABS
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
from lint.dialects.syntax.includes import INCLUDES
from lint.dialects.syntax.liquid import LIQUID
from lint.dialects.syntax.pandoc import HEADING_IDS
from lint.dialects.syntax.templates import TEMPLATES


class Mkdocs(Dialect):
    name: ClassVar[str] = "mkdocs"
    summary: ClassVar[str] = "MkDocs and Material (!!! admonitions, === tabs, snippets, emoji)"
    syntax: ClassVar[tuple[Syntax, ...]] = (
        TABLES,
        STRIKETHROUGH,
        ADMONITIONS,
        CONTENT_TABS,
        INCLUDES,
        LIQUID,
        ATTRIBUTE_LINES,
        FOOTNOTES,
        DEFINITION_LISTS,
        MATH,
        ATTRIBUTES,
        HEADING_IDS,
        TEMPLATES,
        EMOJI_SHORTCODES,
    )
    markers: ClassVar[tuple[str, ...]] = ("mkdocs.yml", "mkdocs.yaml")
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown")
