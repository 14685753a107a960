"""Jekyll: kramdown with Liquid tags and output (``{% include %}``, ``{% link %}``,
``{{ site.baseurl }}``), attribute lines ``{: .class}``, footnotes and jemoji shortcodes."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from lint.dialects import Dialect
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
from lint.dialects.syntax.liquid import LIQUID
from lint.dialects.syntax.pandoc import HEADING_IDS
from lint.dialects.syntax.templates import TEMPLATES


class Jekyll(Dialect):
    name: ClassVar[str] = "jekyll"
    summary: ClassVar[str] = "Jekyll (kramdown, Liquid tags and output, attribute lines)"
    syntax: ClassVar[tuple[Syntax, ...]] = (
        TABLES,
        STRIKETHROUGH,
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
    markers: ClassVar[tuple[str, ...]] = ("_config.yml", "_config.yaml", "_config.toml")
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown")
    typographer: ClassVar[bool] = True
    detection_order: ClassVar[int] = 80

    @classmethod
    def is_partial(cls, path: PurePath) -> bool:
        # _posts/ and collections (_overviews/) are pages; _includes/ holds the partials.
        return "_includes" in path.parts
