"""Glob patterns with ``**``, anchored by a slash as in .gitignore."""

from __future__ import annotations

import pytest

from lint.globs import compile_glob, matches


@pytest.mark.parametrize(
    ("path", "pattern", "expected"),
    [
        ("posts/a.qmd", "posts/**/*.qmd", True),
        ("posts/2024/05/a.qmd", "posts/**/*.qmd", True),
        ("posts/a.md", "posts/**/*.qmd", False),
        ("other/posts/a.qmd", "posts/**/*.qmd", False),
        ("a.md", "*.md", True),
        ("deep/er/a.md", "*.md", True),  # no slash: the name at any depth
        ("a.md", "/a.md", True),
        ("sub/a.md", "/a.md", False),  # a leading slash anchors
        ("docs/a.md", "docs/*.md", True),
        ("docs/x/a.md", "docs/*.md", False),  # * stays within one folder
        ("_site/x/y.md", "_site/**", True),
        ("_site/x/y.md", "_site/", True),
        ("_site/x/y.md", "_site", True),  # a folder matches what is inside it
        ("my_site/y.md", "_site", False),
        ("x/drafts/a.md", "drafts/**", False),
        ("x/drafts/a.md", "**/drafts/**", True),
        ("a1.md", "a?.md", True),
        ("a12.md", "a?.md", False),
        ("a/b.md", "a?b.md", False),  # ? is not a slash
        ("b.md", "[ab].md", True),
        ("c.md", "[!ab].md", True),
        ("a.md", "[!ab].md", False),
        ("posts/a.md", "./posts/*.md", True),
        ("a+b (1).md", "a+b (1).md", True),  # regex characters are literal
        ("aXb.md", "a.b.md", False),
        ("README.md", "*.MD", False),  # case-sensitive
    ],
)
def test_matches(path: str, pattern: str, expected: bool) -> None:
    assert matches(path, [pattern]) is expected


def test_any_pattern_matches() -> None:
    assert matches("b/c.md", ("a/**", "b/**"))
    assert not matches("c/d.md", ("a/**", "b/**"))
    assert not matches("c/d.md", ())


def test_compile_glob_is_cached() -> None:
    assert compile_glob("posts/**") is compile_glob("posts/**")
