"""Rule ``missing-anchor``: a ``#fragment`` that matches no heading or id of its page."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Severity
from lint.site.facts import PageFacts
from lint.site.index import SiteIndex, SitePage, Status, is_built_in_fragment
from lint.site.stage import LinkRule, SiteFinding
from lint.suggest import closest


class MissingAnchor(LinkRule):
    """A link's ``#fragment`` matches no heading id, explicit id or label of the page it
    points to (this page, for ``#fragment`` alone).

    Heading ids are computed the way the page's generator computes them (GitHub's slugger
    for Docusaurus, Starlight, Hugo and Jekyll's GFM; Pandoc's identifiers for Quarto and R
    Markdown; Python-Markdown's for MkDocs; VitePress' own), with repeats numbered as the
    generator numbers them; explicit ids (``{#id}``, ``id="…"`` in HTML), Quarto labels
    and code chunk labels count too, and so do those of the files the page includes
    (Quarto's ``{{< include >}}``, MkDocs snippets, MDX imports of Markdown). ``#top`` is
    every page's own. A page with content the index cannot see (a component or shortcode
    that renders it) is not held to its ids.

    Fix: link to the heading's current id (the message names the closest one), or give the
    heading an explicit id.
    """

    id: ClassVar[str] = "missing-anchor"
    summary: ClassVar[str] = "A link's #fragment matches no heading or id of its page."
    severity: ClassVar[Severity] = Severity.ERROR
    example: ClassVar[str] = "# Guide\n\n## Install\n\nSee [installing](#instal).\n"

    def check_site(
        self, page: SitePage, facts: PageFacts, site: SiteIndex, options: Mapping[str, Any]
    ) -> Iterator[SiteFinding]:
        for link, resolution in self.resolved_links(page, facts, site):
            fragment = resolution.fragment
            if resolution.status is not Status.FOUND or resolution.path is None:
                continue
            if fragment is None or is_built_in_fragment(fragment) or "=" in fragment:
                continue  # ``#category=x`` is state for the page's script, not an id
            same_page = resolution.path == page.path
            anchors = site.anchors(resolution.path)
            if anchors is None or fragment in anchors:
                continue
            where = "this page" if same_page else f'"{resolution.path.name}"'
            message = f'"#{fragment}" matches no heading or id in {where}'
            match = closest(fragment, sorted(anchors)[:2000])
            suggestions: tuple[str, ...] = ()
            if match is not None:
                message += f' (did you mean "#{match}"?)'
                suggestions = (match,)
            yield SiteFinding(link.place, message, suggestions)
