"""Docusaurus: MDX in ``.md`` and ``.mdx`` files, with admonitions (``:::note Title`` …
``:::``) and heading ids (``## Title {#id}``)."""

from __future__ import annotations

from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.mdx import MDX_SYNTAX
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.containers import COLON_FENCES
from lint.dialects.syntax.pandoc import HEADING_IDS


class Docusaurus(Dialect):
    name: ClassVar[str] = "docusaurus"
    layout: ClassVar[str] = "docusaurus"
    front_matter_schema: ClassVar[str | None] = "docusaurus"
    summary: ClassVar[str] = "Docusaurus (MDX, :::admonitions, {#heading-ids})"
    syntax: ClassVar[tuple[Syntax, ...]] = (
        COLON_FENCES,
        *MDX_SYNTAX,
        HEADING_IDS,
    )
    markers: ClassVar[tuple[str, ...]] = ("docusaurus.config.*",)
    extensions: ClassVar[tuple[str, ...]] = (".md", ".mdx", ".markdown")
    mdx_extensions: ClassVar[tuple[str, ...]] = (".md", ".mdx", ".markdown")
