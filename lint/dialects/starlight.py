"""Astro and Starlight: MDX and Markdown with asides (``:::note[Title]`` … ``:::``) and
SmartyPants typography."""

from __future__ import annotations

from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.mdx import MDX_SYNTAX
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.containers import COLON_FENCES


class Starlight(Dialect):
    name: ClassVar[str] = "starlight"
    layout: ClassVar[str] = "starlight"
    summary: ClassVar[str] = "Astro and Starlight (MDX, :::asides[Title], SmartyPants)"
    syntax: ClassVar[tuple[Syntax, ...]] = (COLON_FENCES, *MDX_SYNTAX)
    markers: ClassVar[tuple[str, ...]] = ("astro.config.*",)
    extensions: ClassVar[tuple[str, ...]] = (".md", ".mdx", ".markdown")
    typographer: ClassVar[bool] = True
