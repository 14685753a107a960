"""Pandoc's fancy lists: ordered list items numbered with letters, roman numerals or ``#``,
after a full stop, a bracket or between brackets (``a.``, ``iv)``, ``(B)``, ``#.``).

markdown-it-py's own list rule does the work (items, nesting, tightness, laziness); only
what it takes for a marker changes. It is the same function run with two names of its module
bound otherwise: the marker scanner, and the reading of the marker's number (a letter or a
numeral counts as 2, so that, as in Pandoc, such a list never interrupts a paragraph). Where
the installed markdown-it-py's rule does not read its markers through those names, nothing
is installed and lists are CommonMark's.
"""

from __future__ import annotations

import re
import types
from typing import TYPE_CHECKING, Any

from lint.dialects.syntax import Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock

#: A marker: an optional opening bracket, a number, ``#``, a roman numeral or one letter, and
#: a full stop or a closing bracket.
_MARKER = re.compile(r"(\()?([0-9]{1,9}|#|[ivxlcdm]{1,8}|[IVXLCDM]{1,8}|[a-zA-Z])([.)])")
#: A well-formed roman numeral (``did`` and ``civil`` are words, not numerals), either case.
_ROMAN = re.compile(r"(?i)m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
#: What Pandoc reads as a page number, not a list: ``p. 12``.
_PAGE_NUMBER = re.compile(r"p\.[ \t]+[0-9]")
#: A line that may begin a fancy list item (the cheap test of a document).
_ANY_MARKER = re.compile(r"(?m)^[ \t]*\(?(?:#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)][ \t]")
#: The value markdown-it reads for a marker that is not a number: not 1, so the list does
#: not interrupt a paragraph (Pandoc wants a blank line before a list).
_NOT_FIRST = 2


def _skip_marker(state: StateBlock, line: int) -> int:
    """The offset after the line's list marker, or -1 (the signature of markdown-it's own)."""
    start = state.bMarks[line] + state.tShift[line]
    end = state.eMarks[line]
    found = _MARKER.match(state.src, start, end)
    if found is None:
        return -1
    opening, number, delimiter = found.groups()
    if opening and delimiter != ")":
        return -1
    if len(number) > 1 and not number.isdigit() and not _ROMAN.fullmatch(number):
        return -1
    after = found.end()
    if after < end and state.src[after] not in " \t":
        return -1
    # Pandoc: a capital letter and a full stop need two spaces after them ("B. Russell"),
    # and "p. 12" is a page.
    capital = len(number) == 1 and number.isupper() and delimiter == "."
    if capital and not state.src.startswith(("  ", "\t"), after, end):
        return -1
    if number == "p" and _PAGE_NUMBER.match(state.src, start, end):
        return -1
    return after


def _marker_value(marker: str) -> int:
    """What markdown-it reads as the number of a marker (``int`` in its rule): CommonMark's
    own (``1.``, ``1)``) as written; any other not 1, so that it interrupts no paragraph."""
    return int(marker) if marker.isdigit() else _NOT_FIRST


def _fancy_list_rule(list_rule: Any) -> Any:
    """markdown-it's list rule reading fancy markers; None where it cannot be rebound."""
    code = getattr(list_rule, "__code__", None)
    if code is None or not {"skipOrderedListMarker", "int"} <= set(code.co_names):
        return None
    names = dict(list_rule.__globals__)
    names["skipOrderedListMarker"] = _skip_marker
    names["int"] = _marker_value
    return types.FunctionType(code, names, list_rule.__name__, list_rule.__defaults__)


def _install(md: MarkdownIt) -> None:
    ruler = md.block.ruler
    rule = ruler.__rules__[ruler.__find__("list")]
    fancy = _fancy_list_rule(rule.fn)
    if fancy is not None:
        ruler.at("list", fancy, {"alt": list(rule.alt)})


FANCY_LISTS = Syntax("fancy-lists", _install, (), _ANY_MARKER.search)
