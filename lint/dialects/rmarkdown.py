"""R Markdown, bookdown, blogdown and distill: Pandoc Markdown with knitr chunks, citations,
``\\@ref()`` cross-references and inline footnotes (blogdown adds Hugo's shortcodes)."""

from __future__ import annotations

from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.quarto import PANDOC_SYNTAX
from lint.dialects.syntax import Syntax


class RMarkdown(Dialect):
    name: ClassVar[str] = "rmarkdown"
    heading_ids: ClassVar[str] = "pandoc"
    summary: ClassVar[str] = "R Markdown, bookdown, blogdown and distill (Pandoc Markdown, knitr)"
    syntax: ClassVar[tuple[Syntax, ...]] = PANDOC_SYNTAX
    markers: ClassVar[tuple[str, ...]] = ("_bookdown.yml", "_site.yml", "*.Rproj")
    extensions: ClassVar[tuple[str, ...]] = (".rmd", ".md", ".markdown")
    claims: ClassVar[tuple[str, ...]] = (".rmd",)
    typographer: ClassVar[bool] = True
    detection_order: ClassVar[int] = 90
