"""MkDocs and Material for MkDocs: Python-Markdown with admonitions (``!!! note "Title"``,
collapsible ``??? example``), content tabs (``=== "Tab"``), attribute lists, snippets and
includes, emoji shortcodes."""

from __future__ import annotations

from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.common import SITE_MARKDOWN
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.admonitions import ADMONITIONS, CONTENT_TABS
from lint.dialects.syntax.includes import INCLUDES
from lint.dialects.syntax.liquid import LIQUID


class Mkdocs(Dialect):
    name: ClassVar[str] = "mkdocs"
    heading_ids: ClassVar[str] = "python-markdown"
    layout: ClassVar[str] = "mkdocs"
    front_matter_schema: ClassVar[str | None] = "mkdocs"
    summary: ClassVar[str] = "MkDocs and Material (!!! admonitions, === tabs, snippets, emoji)"
    syntax: ClassVar[tuple[Syntax, ...]] = (
        ADMONITIONS,
        CONTENT_TABS,
        INCLUDES,
        LIQUID,
        *SITE_MARKDOWN,
    )
    markers: ClassVar[tuple[str, ...]] = ("mkdocs.yml", "mkdocs.yaml")
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown")
