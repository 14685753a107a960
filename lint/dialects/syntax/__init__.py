"""Syntax extensions: parser rules a dialect adds, each installed only where its marks appear.

A syntax is declared by data: a name, the substrings whose presence in a document's body
means it may be used there (``triggers``; none means always), and the function that adds
its rules to a markdown-it parser. Every syntax produces tokens from one small vocabulary,
so that rules and the prose extraction learn a shape once, whatever the generator:

- ``container_open`` / ``container_close``: a block that wraps Markdown and is transparent
  to the document's flow (a fenced div, an admonition, a tab, a paired shortcode, a JSX
  element with Markdown children, a Liquid block tag). ``meta`` holds ``syntax``, ``name``
  and ``title``. An optional title is ``container_title_open``, ``inline``,
  ``container_title_close`` right after the opening token.
- ``embed``: a block that the generator fills with content from elsewhere (an include, a
  shortcode or macro alone on its line, a self-closing component): content, never prose.
- ``comment``: a note the reader never sees (``{% comment %}``, ``{/* */}``); its
  ``content`` is the text inside, ``meta["offset"]`` the source offset where it starts.
- ``hidden``: markup that renders nothing and is not content (``import``/``export``, a
  stray closing tag, ``{% assign %}``).
- ``fence``: code, as markdown-it's own fenced code (a ``{% highlight %}`` body).
- inline ``template``: a macro, shortcode or expression that renders as a word or a link
  (``{{domxref("X")}}``, ``{{< kbd Ctrl >}}``, ``{expr}``); inline ``emoji``: a glyph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


@dataclass(frozen=True, eq=False)
class Syntax:
    """One syntax extension: ``install`` adds its rules to a parser."""

    name: str
    install: Callable[[MarkdownIt], None]
    #: Substrings of which one must be in the body for the syntax to be installed (none:
    #: always). A cheap test: a document without the marks parses with fewer rules.
    triggers: tuple[str, ...] = ()
    #: A closer test, run when a trigger is found (where a dialect only guesses, e.g. MDX
    #: statements in a ``.md`` file of an unknown generator).
    confirm: Callable[[str], object] | None = None

    def present(self, body: str) -> bool:
        for trigger in self.triggers:
            if trigger in body:
                break
        else:
            if self.triggers:
                return False
        return self.confirm is None or bool(self.confirm(body))


#: Block token types that wrap Markdown and are transparent to the flow.
CONTAINER_OPEN = "container_open"
CONTAINER_CLOSE = "container_close"
CONTAINER_TITLE_OPEN = "container_title_open"
EMBED = "embed"
COMMENT = "comment"
HIDDEN = "hidden"
#: Inline token types.
TEMPLATE = "template"
EMOJI = "emoji"
