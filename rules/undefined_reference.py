"""Rule ``undefined-reference``: a reference-style link whose label has no definition."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.rule import NO_OPTIONS
from lint.site.references import undefined_references
from lint.site.stage import LINKS_GROUP


class UndefinedReference:
    """A reference-style link (``[text][label]`` or ``[label][]``) whose label no
    ``[label]: url`` definition in the page defines: it renders as the bracketed text.

    The shortcut form ``[label]`` alone is not reported (plain brackets are common in
    prose); an escaped bracket is text on purpose. Nor is any reference on an MkDocs site
    whose config turns on autorefs (mkdocstrings does: ``[Object][griffe.Object]`` names an
    object of the site) or appends snippets to every page (PyMdown's ``auto_append``).

    Fix: add the definition, or correct the label (labels match without regard to case).
    """

    id: ClassVar[str] = "undefined-reference"
    summary: ClassVar[str] = "A reference-style link [text][label] has no definition."
    groups: ClassVar[tuple[str, ...]] = (LINKS_GROUP,)
    severity: ClassVar[Severity] = Severity.ERROR
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS
    example: ClassVar[str] = "# Links\n\nRead [the guide][guide].\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        for spot in undefined_references(doc):
            yield Finding(spot.start, spot.end, f'link reference "[{spot.name}]" has no definition')
