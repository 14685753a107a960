"""Plain Markdown (CommonMark and GitHub's extensions), for files no generator claims.

Other generators' syntax is recognised where a document uses it unmistakably (a folder of
Markdown copied out of a site keeps its shortcodes, admonitions and Liquid tags), so a
published page reads as published whatever the tool was told.
"""

from __future__ import annotations

import re
from typing import ClassVar

from lint.dialects import Dialect
from lint.dialects.syntax import Syntax
from lint.dialects.syntax.admonitions import ADMONITIONS, CONTENT_TABS
from lint.dialects.syntax.attribute_lines import ATTRIBUTE_LINES
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
from lint.dialects.syntax.includes import INCLUDES
from lint.dialects.syntax.liquid import LIQUID
from lint.dialects.syntax.mdx import ESM, ESM_SHAPE, JSX
from lint.dialects.syntax.pandoc import HEADING_IDS
from lint.dialects.syntax.shortcodes import SHORTCODES
from lint.dialects.syntax.tables import GRID_TABLES
from lint.dialects.syntax.templates import TEMPLATES

#: MDX statements in a ``.md`` file (Docusaurus reads ``.md`` as MDX), and then its JSX.
_FENCE = re.compile(r"(?m)^[ \t]*(?:```|~~~)")


def _esm_outside_code(body: str) -> bool:
    """An MDX statement on a line of its own, not inside fenced code (counted by fences)."""
    for found in ESM_SHAPE.finditer(body):
        if len(_FENCE.findall(body, 0, found.start())) % 2 == 0:
            return True
    return False


GUESSED_ESM = Syntax("esm-guessed", ESM.install, ESM.triggers, _esm_outside_code)
GUESSED_JSX = Syntax("jsx-guessed", JSX.install, ("import",), _esm_outside_code)


class Markdown(Dialect):
    name: ClassVar[str] = "markdown"
    summary: ClassVar[str] = (
        "CommonMark with GitHub's tables, footnotes and emoji; other generators' syntax "
        "recognised where a file uses it"
    )
    syntax: ClassVar[tuple[Syntax, ...]] = (
        TABLES,
        STRIKETHROUGH,
        GUESSED_ESM,
        GUESSED_JSX,
        COLON_FENCES,
        ADMONITIONS,
        CONTENT_TABS,
        LIQUID,
        SHORTCODES,
        INCLUDES,
        ATTRIBUTE_LINES,
        GRID_TABLES,
        FOOTNOTES,
        DEFINITION_LISTS,
        MATH,
        ATTRIBUTES,
        HEADING_IDS,
        TEMPLATES,
        EMOJI_SHORTCODES,
    )
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown")
    claims: ClassVar[tuple[str, ...]] = (".md", ".markdown")
