"""MkDocs, Material for MkDocs and Zensical (Material's successor, the same Markdown):
Python-Markdown with admonitions (``!!! note "Title"``, collapsible ``??? example``), content
tabs (``=== "Tab"``), PyMdown blocks (``/// details | Title``), attribute lists, snippets and
includes, mkdocstrings' ``::: package.Class``, PyMdown's keys (``++ctrl+c++``), emoji
shortcodes."""

from __future__ import annotations

from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.common import SITE_MARKDOWN
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.admonitions import ADMONITIONS, CONTENT_TABS
from lint.dialects.syntax.includes import AUTODOC, INCLUDES
from lint.dialects.syntax.keys import KEYS
from lint.dialects.syntax.liquid import LIQUID
from lint.dialects.syntax.slash_blocks import SLASH_BLOCKS

#: The configuration files of MkDocs and of Zensical, which builds the same sites.
MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml", "zensical.toml", "zensical.yml", "zensical.yaml")


class Mkdocs(Dialect):
    name: ClassVar[str] = "mkdocs"
    heading_ids: ClassVar[str] = "python-markdown"
    layout: ClassVar[str] = "mkdocs"
    front_matter_schema: ClassVar[str | None] = "mkdocs"
    summary: ClassVar[str] = "MkDocs and Material (!!! admonitions, === tabs, snippets, emoji)"
    syntax: ClassVar[tuple[Syntax, ...]] = (
        ADMONITIONS,
        CONTENT_TABS,
        SLASH_BLOCKS,
        INCLUDES,
        AUTODOC,
        KEYS,
        LIQUID,
        *SITE_MARKDOWN,
    )
    markers: ClassVar[tuple[str, ...]] = MKDOCS_CONFIGS
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown")
