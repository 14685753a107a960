"""Template output inside the text: Liquid's ``{{ page.title }}``, MDN's KumaScript macros
(``{{domxref("Event")}}``), Vue's ``{{ count }}``. The template engine runs before
Markdown, so these are opaque words of the text, also inside link targets
(``[docs]({{ site.baseurl }}/docs)``).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from lint.dialects.syntax import TEMPLATE, Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline

#: Template delimiters and their closers (shortcodes ``{{<`` are their own syntax).
DELIMITERS = {"{{": "}}", "{%": "%}"}


def template_end(src: str, position: int, maximum: int) -> int:
    """The end of the template span opening at ``position``; ``maximum`` when never closed."""
    closing = DELIMITERS[src[position : position + 2]]
    end = src.find(closing, position + 2, maximum)
    return maximum if end == -1 else end + 2


def _output(state: StateInline, silent: bool) -> bool:
    src, position = state.src, state.pos
    if not src.startswith("{{", position) or src[position + 2 : position + 3] in ("<", "%"):
        return False
    end = template_end(src, position, state.posMax)
    if not silent:
        token = state.push(TEMPLATE, "", 0)
        token.content = src[position:end]
        token.meta = {"syntax": "template"}
    state.pos = end
    return True


class _TemplateDestinations:
    """markdown-it's link helpers, with destinations that hold template spans read whole."""

    def __init__(self, helpers: Any) -> None:
        self._helpers = helpers
        self.parseLinkLabel = helpers.parseLinkLabel
        self.parseLinkTitle = helpers.parseLinkTitle

    def parseLinkDestination(self, string: str, pos: int, maximum: int) -> Any:
        result = self._helpers.parseLinkDestination(string, pos, maximum)
        if string[pos : pos + 2] not in DELIMITERS and (
            not result.ok or "{" not in string[pos : result.pos + 2]
        ):
            return result
        end, depth = pos, 0
        while end < maximum:
            if string[end : end + 2] in DELIMITERS:
                end = template_end(string, end, maximum)
                continue
            char = string[end]
            if char in " \t\n" or (char == ")" and depth == 0):
                break
            depth += (char == "(") - (char == ")")
            end += 1
        if end == pos:
            return result
        found = SimpleNamespace(ok=True, pos=end, str=string[pos:end])
        return found


def template_destinations(md: MarkdownIt) -> None:
    """Let link destinations hold template spans (idempotent)."""
    if not isinstance(md.helpers, _TemplateDestinations):
        md.helpers = _TemplateDestinations(md.helpers)  # type: ignore[assignment]


def _install(md: MarkdownIt) -> None:
    md.inline.ruler.after("text", "template_output", _output)
    template_destinations(md)


TEMPLATES = Syntax("templates", _install, ("{{",))
