"""Every rule's help link (SARIF ``helpUri``, the editor's code description) lands on a README
heading: the anchors are computed from the README's headings as GitHub computes them."""

from __future__ import annotations

import itertools
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from lint import rule_help_uri
from lint.engine import INTERNAL_ERROR
from lint.registry import load_rules

README = Path(__file__).parents[2] / "README.md"
README_URL = "https://github.com/contentlint/contentlint/blob/main/README.md"
#: The section whose headings are the rules' documentation.
RULE_LIST = "what-it-checks"


def github_slug(text: str) -> str:
    """GitHub's anchor of a heading whose text content is ``text`` (github-slugger): lower
    case; every character but letters, marks, digits, ``_``, ``-`` and spaces dropped; each
    space a ``-``."""
    kept = (
        character
        for character in text.lower()
        if character in " -_" or unicodedata.category(character)[0] in "LMN"
    )
    return "".join(kept).replace(" ", "-")


def _text_content(inline: Token) -> str:
    """What a heading's inline content renders as text (code spans keep their content)."""
    return "".join(
        child.content for child in inline.children or () if child.type in ("text", "code_inline")
    )


def readme_headings(source: str) -> list[tuple[int, str]]:
    """(level, anchor) of every heading, duplicates numbered ``-1``, ``-2`` as GitHub does."""
    tokens = MarkdownIt("commonmark").parse(source)
    seen: Counter[str] = Counter()
    headings = []
    for opening, inline in itertools.pairwise(tokens):
        if opening.type != "heading_open":
            continue
        slug = github_slug(_text_content(inline))
        anchor = f"{slug}-{seen[slug]}" if seen[slug] else slug
        seen[slug] += 1
        headings.append((int(opening.tag[1]), anchor))
    return headings


def rule_list_anchors(headings: list[tuple[int, str]]) -> set[str]:
    """The anchors of the headings inside the rule list section."""
    levels = [level for level, anchor in headings if anchor == RULE_LIST]
    assert levels, f"README.md has no heading with the anchor #{RULE_LIST}"
    start = [anchor for _, anchor in headings].index(RULE_LIST)
    inside = set()
    for level, anchor in headings[start + 1 :]:
        if level <= levels[0]:
            break
        inside.add(anchor)
    return inside


@pytest.fixture(scope="module")
def anchors() -> set[str]:
    return rule_list_anchors(readme_headings(README.read_text("utf-8")))


def test_the_slug_is_githubs() -> None:
    assert github_slug("`contentlint --version`, `contentlint COMMAND --help`") == (
        "contentlint---version-contentlint-command---help"
    )
    assert github_slug("Prose: spelling, grammar and style") == "prose-spelling-grammar-and-style"
    assert github_slug("Site generators (dialects)") == "site-generators-dialects"
    assert github_slug("Café & crème_brûlée") == "café--crème_brûlée"
    assert readme_headings("# A\n\n## A\n\n```\n# not a heading\n```\n\nB\n-\n") == [
        (1, "a"),
        (2, "a-1"),
        (2, "b"),
    ]


def test_every_registered_rule_links_to_its_heading_in_the_rule_list(anchors: set[str]) -> None:
    rule_ids = sorted(load_rules().items)
    assert "spelling" in rule_ids and "file-error" in rule_ids
    missing = []
    for rule_id in [*rule_ids, INTERNAL_ERROR]:
        uri = rule_help_uri(rule_id)
        page, _, fragment = uri.partition("#")
        assert page == README_URL, uri
        if fragment not in anchors:
            missing.append(rule_id)
    assert missing == [], f"no README heading in '## What it checks' for {missing}"


def test_an_unknown_anchor_is_missing(anchors: set[str]) -> None:
    assert "no-such-rule" not in anchors
    assert "site-generators-dialects" in anchors  # the section's other headings count as well
