"""MkDocs, Material for MkDocs and Zensical (Material's successor, the same Markdown):
Python-Markdown with admonitions (``!!! note "Title"``, collapsible ``??? example``), content
tabs (``=== "Tab"``), PyMdown blocks (``/// details | Title``), attribute lists, snippets and
includes, mkdocstrings' ``::: package.Class``, PyMdown's keys (``++ctrl+c++``), emoji
shortcodes."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.common import SITE_MARKDOWN
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.admonitions import ADMONITIONS, CONTENT_TABS
from lint.dialects.syntax.fancy_lists import FANCY_LISTS
from lint.dialects.syntax.includes import AUTODOC, INCLUDES
from lint.dialects.syntax.keys import KEYS
from lint.dialects.syntax.liquid import LIQUID
from lint.dialects.syntax.slash_blocks import SLASH_BLOCKS

#: The configuration files of MkDocs and of Zensical, which builds the same sites.
MKDOCS_CONFIGS = ("mkdocs.yml", "mkdocs.yaml", "zensical.toml", "zensical.yml", "zensical.yaml")
#: A config that resolves references across the site: autorefs on (mkdocstrings brings it:
#: ``- autorefs`` or ``mkdocstrings:`` in YAML's plugins, ``[project.plugins.mkdocstrings]``
#: in TOML), or PyMdown snippets' ``auto_append``, which appends files of link definitions
#: to every page.
_RESOLVES_REFERENCES = re.compile(
    r"^[ \t]*(?:-[ \t]*)?[\"']?(?:autorefs|mkdocstrings)[\"']?[ \t]*:?[ \t]*(?:#.*)?$"
    r"|plugins\.(?:autorefs|mkdocstrings)\b|^[ \t]*[\"']?auto_append[\"']?[ \t]*[:=]",
    re.MULTILINE,
)
#: A config larger than this is not read for its plugins.
_MOST_CONFIG_BYTES = 1024 * 1024


class Mkdocs(Dialect):
    name: ClassVar[str] = "mkdocs"
    heading_ids: ClassVar[str] = "python-markdown"
    layout: ClassVar[str] = "mkdocs"
    front_matter_schema: ClassVar[str | None] = "mkdocs"
    summary: ClassVar[str] = "MkDocs and Material (!!! admonitions, === tabs, snippets, emoji)"
    syntax: ClassVar[tuple[Syntax, ...]] = (
        ADMONITIONS,
        CONTENT_TABS,
        SLASH_BLOCKS,
        INCLUDES,
        AUTODOC,
        KEYS,
        LIQUID,
        *SITE_MARKDOWN,
    )
    markers: ClassVar[tuple[str, ...]] = MKDOCS_CONFIGS
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown")

    @classmethod
    def resolves_references(cls, page: Path) -> bool:
        """With autorefs on (mkdocstrings turns it on), ``[Object][griffe.Object]`` and
        ``[the guide][usage]`` name an object or a heading anywhere in the site; with
        snippets' ``auto_append``, the appended files define the page's references."""
        return _AUTOREFS in cls.site_features(page)

    @classmethod
    def site_features(cls, page: Path) -> tuple[str, ...]:
        return _features(page.absolute().parent)

    @classmethod
    def syntax_for(cls, page: Path) -> tuple[Syntax, ...]:
        """With PyMdown's fancylists on, ``a.``, ``iv)`` and ``#.`` items are ordered lists."""
        if _FANCY_LISTS in cls.site_features(page):
            return (*cls.syntax, FANCY_LISTS)
        return cls.syntax


#: The features of a config that change how its pages read.
_AUTOREFS = "site-wide references"
_FANCY_LISTS = "fancylists"
#: PyMdown's fancylists among the config's Markdown extensions.
_FANCY_LISTS_ON = re.compile(r"pymdownx\.fancylists\b")


def forget_site_configs() -> None:
    """Read the MkDocs configs again (a language server's files changed)."""
    _features.cache_clear()


@lru_cache(maxsize=256)
def _features(folder: Path) -> tuple[str, ...]:
    """What the MkDocs config nearest above ``folder`` turns on: references resolved across
    the site (autorefs, or files appended to every page), PyMdown's fancy lists."""
    from lint.reading import ReadRefused, read_document

    for current in (folder, *folder.parents):
        for name in MKDOCS_CONFIGS:
            config = current / name
            if config.is_file():
                try:
                    text = read_document(config, _MOST_CONFIG_BYTES).decode("utf-8", "replace")
                except (OSError, ReadRefused):
                    return ()
                found = (
                    (_AUTOREFS, _RESOLVES_REFERENCES.search(text)),
                    (_FANCY_LISTS, _FANCY_LISTS_ON.search(text)),
                )
                return tuple(feature for feature, on in found if on is not None)
    return ()
