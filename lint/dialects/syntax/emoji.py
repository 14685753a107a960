"""Emoji shortcodes: ``:wave:``, ``:material-information:`` (GitHub, Hugo, Jekyll's jemoji,
VitePress, Material for MkDocs, Quarto's emoji extension). A glyph, not a word."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lint.dialects.syntax import EMOJI, Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline

_SHORTCODE = re.compile(r":([a-z0-9_+-]{0,60}[a-z][a-z0-9_+-]{0,60}):")


def _emoji(state: StateInline, silent: bool) -> bool:
    src, position = state.src, state.pos
    if src[position] != ":":
        return False
    if position > 0 and (src[position - 1].isalnum() or src[position - 1] in ":/"):
        return False
    found = _SHORTCODE.match(src, position, state.posMax)
    if found is None:
        return False
    after = src[found.end() : found.end() + 1]
    if after and (after.isalnum() or after in ":/"):
        return False
    if not silent:
        token = state.push(EMOJI, "", 0)
        token.content = found[0]
    state.pos = found.end()
    return True


def _install(md: MarkdownIt) -> None:
    md.inline.ruler.after("text", "emoji", _emoji)


#: A quick look for a shortcode anywhere (the rule itself checks the neighbours).
_ANYWHERE = re.compile(r":[a-z][a-z0-9_+-]*:")
EMOJI_SHORTCODES = Syntax("emoji", _install, (":",), _ANYWHERE.search)
