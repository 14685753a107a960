"""Astro and Starlight: MDX and Markdown with asides (``:::note[Title]`` … ``:::``) and
SmartyPants typography."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.mdx import MDX_ONLY, MDX_SYNTAX
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.containers import COLON_FENCES


class Starlight(Dialect):
    name: ClassVar[str] = "starlight"
    layout: ClassVar[str] = "starlight"
    front_matter_schema: ClassVar[str | None] = "starlight"
    summary: ClassVar[str] = "Astro and Starlight (MDX, :::asides[Title], SmartyPants)"
    syntax: ClassVar[tuple[Syntax, ...]] = (COLON_FENCES, *MDX_SYNTAX)
    markers: ClassVar[tuple[str, ...]] = ("astro.config.*",)
    extensions: ClassVar[tuple[str, ...]] = (".md", ".mdx", ".markdown")
    typographer: ClassVar[bool] = True

    @classmethod
    def syntax_for(cls, page: Path) -> tuple[Syntax, ...]:
        """Astro compiles only ``.mdx`` as MDX: a ``.md`` page is Markdown with asides, where
        braces and ``import`` lines are text and tags are HTML."""
        if page.suffix.lower() in cls.mdx_extensions:
            return cls.syntax
        return _MARKDOWN_SYNTAX

    @classmethod
    def content_folder(cls, site_root: Path) -> Path | None:
        """Only Starlight's docs collection has Starlight's front matter; an Astro site's
        other collections have the schemas the site defines (see ``generated_schema``)."""
        docs = site_root / "src" / "content" / "docs"
        return docs if docs.is_dir() else None

    @classmethod
    def generated_schema(cls, path: Path, site_root: Path) -> str | None:
        """The schema Astro generated for the page's content collection
        (``.astro/collections/NAME.schema.json`` for ``src/content/NAME/``)."""
        try:
            collection = path.relative_to(site_root / "src" / "content").parts[0]
        except (ValueError, IndexError):
            return None
        return _collection_schema(str(site_root), collection)


#: The syntax of Astro's ``.md`` pages: the same, without what only MDX reads.
_MARKDOWN_SYNTAX = tuple(syntax for syntax in Starlight.syntax if syntax not in MDX_ONLY)


@cache
def _collection_schema(site_root: str, collection: str) -> str | None:
    schema = Path(site_root) / ".astro" / "collections" / f"{collection}.schema.json"
    return str(schema) if schema.is_file() else None


def forget_collections() -> None:
    _collection_schema.cache_clear()
