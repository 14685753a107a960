"""A page's facts reach the main process and the results cache unchanged."""

from __future__ import annotations

import pickle

from lint.dialects.registered import registered_dialects
from lint.document import Document
from lint.site.facts import CrossRef, LinkUse, PageFacts, page_facts

PAGE = """---
title: Facts
listing:
  id: posts
---

## Setting up {#sec-setup}

See [the guide](guide.qmd#install), ![a plot](plot.png) and @fig-trend.

<a href="other.html#top">other</a>

{{< include _part.qmd >}}
"""


def _facts() -> PageFacts:
    return page_facts(Document.from_text("page.qmd", PAGE, registered_dialects()["quarto"]))


def test_the_facts_of_a_page_hold_its_ids_links_and_cross_references() -> None:
    facts = _facts()
    assert {"sec-setup", "posts"} <= facts.anchors
    assert [(link.target, link.image, link.place) for link in facts.links] == [
        ("guide.qmd#install", False, (9, 17, 9, 34)),
        ("plot.png", True, (9, 47, 9, 55)),
        ("other.html#top", False, (11, 10, 11, 24)),
    ]
    assert facts.crossrefs == (CrossRef("fig-trend", (9, 61, 9, 71)),)
    assert facts.includes == ("_part.qmd",)


def test_facts_survive_pickling_as_a_worker_sends_them() -> None:
    facts = _facts()
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        copy = pickle.loads(pickle.dumps(facts, protocol=protocol))
        assert copy == facts
        assert isinstance(copy.links[0], LinkUse)


def test_facts_survive_the_results_cache() -> None:
    facts = _facts()
    assert PageFacts.from_json(facts.to_json()) == facts


def test_a_quarto_appendix_heading_titled_by_the_language_keys_has_its_id() -> None:
    page = (
        "---\ntitle: Basics\nlanguage:\n  section-title-footnotes: Example Footnotes\n---\n\nA.\n"
    )
    facts = page_facts(Document.from_text("page.qmd", page, registered_dialects()["quarto"]))
    assert "example-footnotes" in facts.anchors


def test_ids_in_a_docusaurus_mdx_code_block_are_the_pages_own() -> None:
    # Docusaurus renders an ``mdx-code-block`` fence's body as MDX, in place: its ids are
    # anchors of the page. Any other fence is code, whose ids are shown, not rendered.
    page = (
        '# T\n\n```mdx-code-block\n<details id="node-env">\n<summary>Why?</summary>\n```\n\n'
        'Text.\n\n```mdx-code-block\n</details>\n```\n\n```html\n<div id="shown"></div>\n```\n'
    )
    doc = Document.from_text("docs/a.mdx", page, registered_dialects()["docusaurus"])
    anchors = page_facts(doc).anchors
    assert "node-env" in anchors and "shown" not in anchors
