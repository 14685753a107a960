"""Rule ``undefined-footnote``: a footnote reference with no definition."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.rule import NO_OPTIONS
from lint.site.references import undefined_footnotes
from lint.site.stage import LINKS_GROUP


class UndefinedFootnote:
    """A footnote reference (``[^note]``) with no definition (``[^note]: …``) in the page:
    the generator prints the brackets as text.

    Only in dialects with footnotes (all but plain CommonMark); an escaped ``\\[^x]`` is
    text on purpose and not reported.

    Fix: add the definition, or correct the label.
    """

    id: ClassVar[str] = "undefined-footnote"
    summary: ClassVar[str] = "A footnote reference [^x] has no definition."
    groups: ClassVar[tuple[str, ...]] = (LINKS_GROUP,)
    severity: ClassVar[Severity] = Severity.ERROR
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS
    example: ClassVar[str] = "# Notes\n\nAs shown before.[^source]\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        for spot in undefined_footnotes(doc):
            yield Finding(spot.start, spot.end, f'footnote "[^{spot.name}]" has no definition')
