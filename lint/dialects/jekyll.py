"""Jekyll: kramdown with Liquid tags and output (``{% include %}``, ``{% link %}``,
``{{ site.baseurl }}``), HTML blocks read to their closing tag, attribute lines ``{: .class}``,
footnotes and jemoji shortcodes."""

from __future__ import annotations

from pathlib import PurePath
from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.common import SITE_MARKDOWN
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.html_blocks import KRAMDOWN_HTML_BLOCKS
from lint.dialects.syntax.liquid import LIQUID


class Jekyll(Dialect):
    name: ClassVar[str] = "jekyll"
    layout: ClassVar[str] = "jekyll"
    front_matter_schema: ClassVar[str | None] = "jekyll"
    summary: ClassVar[str] = "Jekyll (kramdown, Liquid tags and output, attribute lines)"
    syntax: ClassVar[tuple[Syntax, ...]] = (LIQUID, KRAMDOWN_HTML_BLOCKS, *SITE_MARKDOWN)
    markers: ClassVar[tuple[str, ...]] = ("_config.yml", "_config.yaml", "_config.toml")
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown")
    typographer: ClassVar[bool] = True
    detection_order: ClassVar[int] = 80

    @classmethod
    def is_partial(cls, path: PurePath) -> bool:
        # _posts/ and collections (_overviews/) are pages; _includes/ holds the partials.
        return "_includes" in path.parts
