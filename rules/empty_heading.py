"""Rule ``empty-heading``: headings with no text."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Fix, Replacement, Severity
from lint.document import Document
from lint.inline import plain_text
from lint.rule import NO_OPTIONS


class EmptyHeading:
    """An ATX (``##``) or setext heading with no text.

    A heading whose only content is markup or an HTML tag has no text either. Empty headings
    render as blank gaps and break the table of contents. A heading with only pandoc
    attributes (``## {.sidebar}``, ``## {.flow}``) is a layout marker of Quarto dashboards and
    slides, and is not reported.

    Fix: write the heading's text, or remove the heading (``--unsafe-fixes`` removes it).
    """

    id: ClassVar[str] = "empty-heading"
    summary: ClassVar[str] = "A heading has no text."
    groups: ClassVar[tuple[str, ...]] = ("structure",)
    severity: ClassVar[Severity] = Severity.WARNING
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS
    example: ClassVar[str] = "# Title\n\nText.\n\n##\n\nMore text.\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        tokens = doc.tokens
        for index, token in enumerate(tokens):
            if token.type != "heading_open" or token.map is None:
                continue
            if token.attrGet("pandoc") or plain_text(tokens[index + 1]).strip():
                continue
            span = doc.line_span(token.map[0] + 1)
            line = doc.text[span.start : span.end]
            if token.markup.startswith("#"):  # ATX: at its hashes, after any list or quote marker
                start = span.start + max(line.find(token.markup), 0)
            else:
                start = span.start + len(line) - len(line.lstrip(" \t>"))
            yield Finding(
                start,
                span.end,
                f"level {token.tag[1:]} heading has no text",
                fix=_removal(doc, token.map, line),
            )


def _removal(doc: Document, lines: list[int], first_line: str) -> Fix | None:
    """Removing the heading's lines is a fix that needs a human's eye (unsafe); only for a
    heading of the document's own flow, not one inside a list item or a quote."""
    if first_line.lstrip(" ")[:1] in (">", "-", "*", "+") or first_line[:1].isdigit():
        return None
    start = doc.lines.line_start(lines[0] + 1)
    end = doc.lines.line_start(lines[1] + 1)
    return Fix((Replacement(start, end, ""),), safe=False)
