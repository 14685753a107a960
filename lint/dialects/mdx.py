"""MDX: Markdown with ``import``/``export``, JSX elements and ``{expressions}``."""

from __future__ import annotations

from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.extensions import FOOTNOTES, MATH, STRIKETHROUGH, TABLES
from lint.dialects.syntax.mdx import ESM, EXPRESSIONS, JSX

MDX_SYNTAX: tuple[Syntax, ...] = (TABLES, STRIKETHROUGH, ESM, JSX, EXPRESSIONS, FOOTNOTES, MATH)
#: What only MDX reads: a generator's pages that are not compiled as MDX lack these.
MDX_ONLY: frozenset[Syntax] = frozenset({ESM, JSX, EXPRESSIONS})


class Mdx(Dialect):
    name: ClassVar[str] = "mdx"
    layout: ClassVar[str] = "numbered"
    summary: ClassVar[str] = "MDX (Markdown with JSX, import/export and expressions)"
    syntax: ClassVar[tuple[Syntax, ...]] = MDX_SYNTAX
    extensions: ClassVar[tuple[str, ...]] = (".mdx",)
    claims: ClassVar[tuple[str, ...]] = (".mdx",)
