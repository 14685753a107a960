"""Rule ``broken-link``: a link or image whose target is not in the site."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Severity
from lint.site.facts import PageFacts
from lint.site.index import SiteIndex, SitePage, Status
from lint.site.stage import LinkRule, SiteFinding


class BrokenLink(LinkRule):
    """A relative link or image whose target does not exist, resolved the way the page's
    site generator resolves it.

    A link is read as its generator reads it: Quarto's ``page.qmd`` and ``page.html`` are
    the same page, and ``/`` starts at the project's root; Hugo serves ``content/a/b.md``
    at ``/a/b/`` and reads ``{{< ref "b.md" >}}``; Jekyll reads ``{% link %}``,
    ``{% post_url %}``, ``{{ site.baseurl }}`` and ``permalink``; Docusaurus drops number
    prefixes and honours ``slug`` and ``id``; MkDocs starts at ``docs_dir``. An address the
    index cannot know (one that points outside every folder of the site, which the
    generator's own config may serve, or any other template) is not reported. External
    URLs are not checked here. A file that is included into other pages or never published
    (``_part.qmd``, Quarto's ``_drafts/``) is not checked: its links are the including
    page's.

    Fix: correct the path (the message names the closest existing file or page), or add the
    missing file.
    """

    id: ClassVar[str] = "broken-link"
    summary: ClassVar[str] = "A link or image points to a file or page that does not exist."
    severity: ClassVar[Severity] = Severity.ERROR
    example: ClassVar[str] = "# Guide\n\nSee [the setup](setup.md).\n"

    def check_site(
        self, page: SitePage, facts: PageFacts, site: SiteIndex, options: Mapping[str, Any]
    ) -> Iterator[SiteFinding]:
        for link, resolution in self.resolved_links(page, facts, site):
            if resolution.status is not Status.BROKEN:
                continue
            what = "image" if link.image else "link target"
            message = f'{what} "{resolution.wanted}" does not exist'
            suggestions: tuple[str, ...] = ()
            if resolution.suggestion:
                message += f' (did you mean "{resolution.suggestion}"?)'
                suggestions = (resolution.suggestion,)
            yield SiteFinding(link.place, message, suggestions)
