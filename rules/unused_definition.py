"""Rule ``unused-definition``: a link reference or footnote definition that nothing uses."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.rule import NO_OPTIONS
from lint.site.references import unused_definitions
from lint.site.stage import LINKS_GROUP


class UnusedDefinition:
    """A link reference definition (``[label]: url``) or a footnote (``[^note]: …``) that
    no link or reference in the page uses: a leftover of an edit, or a link that was meant
    to be there. Reported as info.

    Fix: use it, or remove it.
    """

    id: ClassVar[str] = "unused-definition"
    summary: ClassVar[str] = "A link reference or footnote definition is never used."
    groups: ClassVar[tuple[str, ...]] = (LINKS_GROUP,)
    severity: ClassVar[Severity] = Severity.INFO
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS
    example: ClassVar[str] = "# Links\n\nText.\n\n[guide]: https://example.org/guide\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        for kind, spot in unused_definitions(doc):
            shown = doc.text[spot.start : spot.end]
            yield Finding(spot.start, spot.end, f'{kind} "{shown}" is defined but never used')
