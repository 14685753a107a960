"""Rule ``undefined-crossref``: a Quarto cross-reference (``@fig-plot``) with no label."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.rule import NO_OPTIONS
from lint.site.facts import PageFacts
from lint.site.index import SiteIndex, SitePage
from lint.site.stage import LINKS_GROUP, SiteFinding
from lint.suggest import closest


class UndefinedCrossref:
    """A cross-reference (``@fig-x``, ``@tbl-x``, ``@sec-x``, ``@eq-x``, ``@lst-x``,
    theorem and callout kinds) whose label no figure, table, section, equation, listing or
    div of the page defines (in a Quarto book, of any chapter or appendix the book lists);
    Quarto renders it as ``?@fig-x``.

    Labels are read wherever Quarto takes them: ``{#fig-x}`` after an image, a div, a
    heading, a table caption or display math, and ``#| label: fig-x`` in a code chunk.
    Citations of other keys (``@smith2020``) are bibliography entries, not checked here.

    Fix: correct the label, or add it to the figure, table or section it names.
    """

    id: ClassVar[str] = "undefined-crossref"
    summary: ClassVar[str] = "A cross-reference (@fig-x) names a label the page does not define."
    groups: ClassVar[tuple[str, ...]] = (LINKS_GROUP,)
    severity: ClassVar[Severity] = Severity.ERROR
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS
    example: ClassVar[str] = "# Results\n\nAs @fig-growth shows, it grew.\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        return iter(())

    def check_site(
        self, page: SitePage, facts: PageFacts, site: SiteIndex, options: Mapping[str, Any]
    ) -> Iterator[SiteFinding]:
        if facts.partial or not facts.crossrefs:
            return  # labels of the including page
        labels = site.labels(page)
        if labels is None:
            return  # content the index cannot see
        where = "in this book" if page.layout.book_chapters(page.content_root) else "on this page"
        for ref in facts.crossrefs:
            if ref.label in labels:
                continue
            message = f'cross-reference "@{ref.label}" names no label {where}'
            kind = ref.label.split("-", 1)[0] + "-"
            same_kind = sorted(anchor for anchor in labels if anchor.startswith(kind))
            match = closest(ref.label, same_kind)
            suggestions: tuple[str, ...] = ()
            if match is not None:
                message += f' (did you mean "@{match}"?)'
                suggestions = (match,)
            yield SiteFinding(ref.place, message, suggestions)
