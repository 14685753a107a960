"""Rule ``broken-url``: an external link or image that does not answer, checked only when asked."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Severity
from lint.site.facts import PageFacts
from lint.site.index import SiteIndex, SitePage
from lint.site.stage import LinkRule, SiteFinding


class BrokenUrl(LinkRule):
    """An external ``http``/``https`` link or image whose server answers that it is not
    there (404, 410 and the other 4xx), fails (5xx), or cannot be reached or does not answer
    in time, after retries.

    The network is asked only when the run says so (``--check-urls`` or ``[links]
    check-urls = true``), never by the language server. Each URL is asked once however many
    pages link to it (its ``#fragment`` dropped), at most ``url-per-host`` at once per host,
    with ``url-timeout`` seconds per try and ``url-retries`` more tries with a growing wait
    (or the server's ``Retry-After``) after a timeout, an unreachable host, 429 or 5xx. A
    definite answer is kept in the cache for ``url-max-age`` hours. A login (401), a refusal
    (403) or a rate limit that outlasts the retries (429) says nothing about the page, so it
    is not reported; nor are loopback addresses and the hosts reserved for examples
    (``url-skip-hosts``).

    Fix: update the URL (the page may have moved), or remove the link.
    """

    id: ClassVar[str] = "broken-url"
    summary: ClassVar[str] = "An external URL is broken (checked only with --check-urls)."
    severity: ClassVar[Severity] = Severity.WARNING
    example: ClassVar[str] = "# Guide\n\nSee [the spec](https://example.org/gone).\n"

    def check_site(
        self, page: SitePage, facts: PageFacts, site: SiteIndex, options: Mapping[str, Any]
    ) -> Iterator[SiteFinding]:
        if not site.urls or facts.partial:
            return
        from lint.site.urls import checkable

        for link in facts.links:
            url = checkable(link.target)
            result = site.urls.get(url) if url else None
            if result is not None and result.broken:
                what = "image" if link.image else "URL"
                yield SiteFinding(link.place, f'{what} "{link.target}" {result.message}')
