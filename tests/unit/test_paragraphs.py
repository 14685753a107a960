"""Paragraph helpers: labels, link-only paragraphs and the reading order of blocks."""

from __future__ import annotations

import pytest
from markdown_it.token import Token

from lint.document import Document
from lint.paragraphs import (
    MAX_LABEL_WORDS,
    blocks,
    is_italic,
    is_label,
    is_link_only,
    is_paragraph,
    label_text,
    starts_unclosed_label,
)


def first_inline(markdown: str) -> Token:
    doc = Document.from_text("doc.md", markdown + "\n")
    return next(token for token in doc.tokens if token.type == "inline")


@pytest.mark.parametrize(
    ("markdown", "label"),
    [
        ("**Keynote.**", "Keynote."),
        ("**Keynote**.", "Keynote"),
        ("*Label:*", "Label:"),
        ("__Next steps__:", "Next steps"),
        ("**Outer *inner* words**", "Outer inner words"),
        ("**This is bold** and then a sentence.", None),
        ("**Wow!**", None),
        ("Plain text.", None),
        ("**A [link](https://x) label**", None),
        ("**Uses `code`**", None),
        ("**{{domxref('Node')}}**", None),
        ("**" + " ".join(["word"] * (MAX_LABEL_WORDS + 1)) + "**", None),
        ("**" + " ".join(["word"] * MAX_LABEL_WORDS) + "**", " ".join(["word"] * MAX_LABEL_WORDS)),
    ],
)
def test_label_text(markdown: str, label: str | None) -> None:
    assert label_text(first_inline(markdown)) == label


@pytest.mark.parametrize(
    ("markdown", "unclosed"),
    [
        ("**Litedash:", True),
        ("__Started here", True),
        ("**Closed**", False),
        ("Text with ** in it", False),
        ("**" + " ".join(["word"] * (MAX_LABEL_WORDS + 1)), False),
    ],
)
def test_starts_unclosed_label(markdown: str, unclosed: bool) -> None:
    assert starts_unclosed_label(first_inline(markdown)) is unclosed


def test_is_label_covers_both_kinds() -> None:
    assert is_label(first_inline("**Done.**"))
    assert is_label(first_inline("**Cut off"))
    assert not is_label(first_inline("A sentence."))


def test_is_italic() -> None:
    assert is_italic(first_inline("*Italic* start"))
    assert not is_italic(first_inline("Plain *then italic*"))


@pytest.mark.parametrize(
    ("markdown", "link_only"),
    [
        ("[One](a) · [Two](b)", True),
        ("[One](a), [Two](b) | [Three](c)", True),
        ("![Alt](img.png)", True),
        ("[Watch](v.html) {{< video x.mp4 >}}", True),
        ("{{EmbedLiveSample('x')}}", True),
        ("**[Bold link](a)**", True),
        ("Read [the docs](a).", False),
        ("[One](a) and more", False),
        ("`code` only", False),
    ],
)
def test_is_link_only(markdown: str, link_only: bool) -> None:
    assert is_link_only(first_inline(markdown)) is link_only


def test_is_paragraph() -> None:
    doc = Document.from_text("doc.md", "# H\n\nText.\n")
    kinds = [is_paragraph(doc.tokens, index) for index in range(len(doc.tokens))]
    assert kinds.count(True) == 1
    assert doc.tokens[kinds.index(True)].type == "paragraph_open"


def test_blocks_report_what_follows() -> None:
    doc = Document.from_text("doc.md", "Intro.\n\n# One\n\n## Two\n\nText.\n")
    found = [(block.kind, block.next_kind, block.next_level, block.level) for block in blocks(doc)]
    assert found == [
        ("content", "heading", 1, None),
        ("heading", "heading", 2, 1),
        ("heading", "content", None, 2),
        ("content", None, None, 2),
    ]
    last = list(blocks(doc))[-1]
    assert last.next_index is None


def test_a_div_after_a_block_counts_as_content() -> None:
    text = "# Setup\n\nIt appears as:\n\n::: {.callout-note}\n## Note\nBody.\n:::\n"
    doc = Document.from_text("doc.qmd", text)
    found = [(block.kind, block.next_kind) for block in blocks(doc)]
    # The paragraph before the div is followed by "content" although the div starts with
    # a heading: it introduces the callout.
    assert found == [
        ("heading", "content"),
        ("content", "content"),
        ("heading", "content"),
        ("content", None),
    ]
