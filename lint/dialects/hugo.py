"""Hugo: Goldmark Markdown with shortcodes (inline, paired, spanning lines, ``{{% %}}``),
heading attributes, footnotes, definition lists and emoji; typographic dashes and quotes."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.common import SITE_MARKDOWN
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.shortcodes import SHORTCODES

_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json")
_OLD_CONFIGS = ("config.toml", "config.yaml", "config.yml", "config.json")


class Hugo(Dialect):
    name: ClassVar[str] = "hugo"
    layout: ClassVar[str] = "hugo"
    front_matter_schema: ClassVar[str | None] = "hugo"
    summary: ClassVar[str] = "Hugo (Goldmark, shortcodes, heading attributes, emoji)"
    syntax: ClassVar[tuple[Syntax, ...]] = (SHORTCODES, *SITE_MARKDOWN)
    markers: ClassVar[tuple[str, ...]] = (*_CONFIGS, "config/", *_OLD_CONFIGS)
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown")
    typographer: ClassVar[bool] = True

    @classmethod
    def detect(cls, folder: Path, names: frozenset[str]) -> bool:
        if any(name in names for name in _CONFIGS):
            return True
        if "config/" in names and (folder / "config" / "_default").is_dir():
            return True
        # Before Hugo 0.110 the site config was config.toml, beside a content/ folder.
        return "content/" in names and any(name in names for name in _OLD_CONFIGS)
