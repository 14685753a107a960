"""MDN Web Docs: GitHub Markdown with KumaScript macros (``{{domxref("Event")}}``,
``{{EmbedLiveSample("x")}}``) and its definition-list and note conventions."""

from __future__ import annotations

from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.extensions import DEFINITION_LISTS, FOOTNOTES, STRIKETHROUGH, TABLES
from lint.dialects.syntax.templates import TEMPLATES


class Mdn(Dialect):
    name: ClassVar[str] = "mdn"
    heading_ids: ClassVar[str] = "mdn"
    layout: ClassVar[str] = "mdn"
    summary: ClassVar[str] = "MDN Web Docs (GitHub Markdown with KumaScript macros)"
    syntax: ClassVar[tuple[Syntax, ...]] = (
        TABLES,
        STRIKETHROUGH,
        FOOTNOTES,
        DEFINITION_LISTS,
        TEMPLATES,
    )
    markers: ClassVar[tuple[str, ...]] = ("_wikihistory.json", "_redirects.txt")
    extensions: ClassVar[tuple[str, ...]] = (".md",)
    detection_order: ClassVar[int] = 85
