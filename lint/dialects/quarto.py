"""Quarto: Pandoc Markdown with fenced divs (callouts, layouts, tabsets, listings),
shortcodes, cross-references and citations, executable code chunks."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.containers import COLON_FENCES
from lint.dialects.syntax.emoji import EMOJI_SHORTCODES
from lint.dialects.syntax.extensions import (
    ATTRIBUTES,
    DEFINITION_LISTS,
    FOOTNOTES,
    MATH,
    STRIKETHROUGH,
    TABLES,
)
from lint.dialects.syntax.fancy_lists import FANCY_LISTS
from lint.dialects.syntax.pandoc import (
    BLANK_LINE_BEFORE_BLOCKS,
    CHUNKS_WITH_BACKTICKS,
    CITATIONS,
    DISPLAY_MATH_ATTRIBUTES,
    HEADING_IDS,
    LATEX_ENVIRONMENTS,
)
from lint.dialects.syntax.shortcodes import SHORTCODES
from lint.dialects.syntax.tables import GRID_TABLES

PANDOC_SYNTAX: tuple[Syntax, ...] = (
    TABLES,
    STRIKETHROUGH,
    COLON_FENCES,
    SHORTCODES,
    GRID_TABLES,
    FOOTNOTES,
    DEFINITION_LISTS,
    FANCY_LISTS,
    MATH,
    DISPLAY_MATH_ATTRIBUTES,
    ATTRIBUTES,
    CITATIONS,
    HEADING_IDS,
    EMOJI_SHORTCODES,
    BLANK_LINE_BEFORE_BLOCKS,
    LATEX_ENVIRONMENTS,
    CHUNKS_WITH_BACKTICKS,
)


class Quarto(Dialect):
    name: ClassVar[str] = "quarto"
    heading_ids: ClassVar[str] = "pandoc"
    layout: ClassVar[str] = "quarto"
    front_matter_schema: ClassVar[str | None] = "quarto"
    summary: ClassVar[str] = "Quarto (Pandoc Markdown, fenced divs, shortcodes, cross-references)"
    syntax: ClassVar[tuple[Syntax, ...]] = PANDOC_SYNTAX
    markers: ClassVar[tuple[str, ...]] = ("_quarto.yml", "_quarto.yaml")
    extensions: ClassVar[tuple[str, ...]] = (".qmd", ".md", ".markdown", ".rmd")
    claims: ClassVar[tuple[str, ...]] = (".qmd",)
    typographer: ClassVar[bool] = True

    @classmethod
    def is_partial(cls, path: PurePath) -> bool:
        # Quarto renders no file or folder whose name starts with "_": they are included.
        return any(part.startswith("_") for part in path.parts if part not in ("..", "."))
