"""The document model and the parser: token lines, Quarto and Pandoc syntax, sections."""

from __future__ import annotations

import pytest
from markdown_it.token import Token

from lint.document import DecodeError, Document, decode
from lint.inline import plain_text
from lint.sections import Section, build_sections, is_comment_only


def parse(text: str) -> list[Token]:
    """The tokens of ``text`` as a Quarto document's body."""
    return Document.from_text("doc.qmd", text).tokens


def document(text: str, path: str = "doc.qmd") -> Document:
    return Document.from_text(path, text)


def file_line(token: Token) -> int:
    """The 1-based file line where a block token starts."""
    assert token.map is not None
    return token.map[0] + 1


def tokens_of(doc: Document, kind: str) -> list[Token]:
    return [token for token in doc.tokens if token.type == kind]


def inline_after(doc: Document, opening: Token) -> Token:
    """The token right after ``opening`` (found by identity: equal tokens are common)."""
    position = next(index for index, token in enumerate(doc.tokens) if token is opening)
    return doc.tokens[position + 1]


def children_of(inline: Token) -> list[tuple[str, str]]:
    return [(child.type, child.content) for child in inline.children or []]


# --- decoding --------------------------------------------------------------------------------


def test_decode_keeps_crlf_and_drops_bom() -> None:
    assert decode(b"\xef\xbb\xbfa\r\nb") == "a\r\nb"


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"\xff\xfea\x00", "UTF-16"),
        (b"text\x00more", "binary"),
        (b"ok\nbad \xe9 byte", "line 2, column 5"),
    ],
)
def test_decode_errors_explain_themselves(data: bytes, fragment: str) -> None:
    with pytest.raises(DecodeError) as raised:
        decode(data)
    assert fragment in raised.value.message


def test_decode_error_position_counts_characters() -> None:
    with pytest.raises(DecodeError) as raised:
        decode("é😀\n€x".encode() + b"\xff")
    assert (raised.value.line, raised.value.column) == (2, 3)


# --- token lines -----------------------------------------------------------------------------


def test_token_lines_are_file_lines_after_yaml_front_matter() -> None:
    doc = document("---\ntitle: x\nauthor: y\n---\n\n# Heading\n\nParagraph.\n")
    assert doc.body_first_line == 5
    heading, paragraph = tokens_of(doc, "heading_open")[0], tokens_of(doc, "paragraph_open")[0]
    assert file_line(heading) == 6
    assert file_line(paragraph) == 8


def test_token_lines_after_toml_and_crlf_front_matter() -> None:
    doc = document('+++\r\ntitle = "x"\r\n+++\r\n# Heading\r\n')
    assert file_line(tokens_of(doc, "heading_open")[0]) == 4
    assert inline_after(doc, tokens_of(doc, "heading_open")[0]).content == "Heading"


def test_front_matter_is_not_parsed_as_markdown() -> None:
    doc = document("---\ntitle: x\n---\n")
    assert doc.tokens == []
    assert doc.sections == ()


def test_thematic_break_at_the_top_is_markdown() -> None:
    doc = document("---\n\nText.\n")
    assert doc.front_matter is None
    assert [token.type for token in doc.tokens][:2] == ["hr", "paragraph_open"]


def test_block_span_and_line_span() -> None:
    text = "---\nt: 1\n---\nfirst line\nsecond line\r\n\nnext\n"
    doc = document(text)
    paragraph = tokens_of(doc, "paragraph_open")[0]
    span = doc.block_span(paragraph)
    assert text[span.start : span.end] == "first line\nsecond line"
    line = doc.line_span(5)
    assert text[line.start : line.end] == "second line"


def test_lone_carriage_return_does_not_shift_token_lines() -> None:
    text = "Para one\rcontinued\n\n# Heading\n"
    doc = document(text)
    heading = tokens_of(doc, "heading_open")[0]
    assert file_line(heading) == doc.lines.position(text.index("# Heading"))[0]


# --- Quarto, Pandoc and GFM syntax -----------------------------------------------------------


NESTED_DIVS = """::: {.callout-note}
Outer text.

::: {.inner}
Inner text.
:::

After the inner div.
:::

Outside.
"""


def test_nested_fenced_divs() -> None:
    doc = document(NESTED_DIVS)
    opens = tokens_of(doc, "container_open")
    assert [token.info for token in opens] == ["{.callout-note}", "{.inner}"]
    assert [token.map for token in opens] == [[0, 9], [3, 6]]
    assert len(tokens_of(doc, "container_close")) == 2
    # "After the inner div." is still inside the outer div, "Outside." is not.
    levels = {
        inline_after(doc, token).content: token.level for token in tokens_of(doc, "paragraph_open")
    }
    assert levels == {"Outer text.": 1, "Inner text.": 2, "After the inner div.": 1, "Outside.": 0}


def test_fenced_div_with_bare_class_word() -> None:
    doc = document("::: notes\nSpeaker notes.\n:::\n")
    assert [token.info for token in tokens_of(doc, "container_open")] == ["notes"]


def test_colons_alone_do_not_open_a_div() -> None:
    doc = document(":::\nText.\n")
    assert tokens_of(doc, "container_open") == []


def test_code_chunk_is_a_fence_and_hides_div_markers() -> None:
    text = "::: {.panel}\n```{r}\n#| label: fig-x\nx <- 1\n:::\n```\nAfter.\n:::\n"
    doc = document(text)
    fences = tokens_of(doc, "fence")
    assert len(fences) == 1
    assert fences[0].info == "{r}"
    assert fences[0].content == "#| label: fig-x\nx <- 1\n:::\n"
    # The div closes on the last line, not on the ":::" inside the chunk.
    assert tokens_of(doc, "container_open")[0].map == [0, 8]
    assert tokens_of(doc, "paragraph_open")[0].level == 1


def test_shortcodes_are_tokens() -> None:
    doc = document("See {{< video https://example.com/v.mp4 >}} and {{% note %}} here.\n")
    inline = tokens_of(doc, "inline")[0]
    assert ("template", "{{< video https://example.com/v.mp4 >}}") in children_of(inline)
    assert ("template", "{{% note %}}") in children_of(inline)


def test_dollar_math_inline_and_block() -> None:
    doc = document("Energy $E = mc^2$ and $$x$$ here, but not $5 or $6.\n\n$$\na^2\n$$\n")
    inline = tokens_of(doc, "inline")[0]
    kinds = [kind for kind, _ in children_of(inline)]
    assert ("math_inline", "E = mc^2") in children_of(inline)
    assert "math_inline_double" in kinds
    assert kinds.count("math_inline") == 1  # prices are not math
    blocks = tokens_of(doc, "math_block")
    assert len(blocks) == 1
    assert blocks[0].content.strip() == "a^2"


@pytest.mark.parametrize(
    ("source", "citations"),
    [
        ("As shown [@smith2020, p. 3].", ["[@smith2020, p. 3]"]),
        ("See [see @a; @b] too.", ["[see @a; @b]"]),
        ("@doe99 says so.", ["@doe99"]),
        ("Suppressed [-@doe99].", ["[-@doe99]"]),
        ("Mail me at ann@example.com.", []),
        ("A [link](https://x) is not one.", []),
    ],
)
def test_citations(source: str, citations: list[str]) -> None:
    inline = tokens_of(document(source + "\n"), "inline")[0]
    assert [content for kind, content in children_of(inline) if kind == "citation"] == citations


def test_footnotes() -> None:
    doc = document("Text[^note].\n\n[^note]: The note.\n\nMore.\n")
    inline = tokens_of(doc, "inline")[0]
    assert [kind for kind, _ in children_of(inline)] == ["text", "footnote_ref", "text"]
    assert tokens_of(doc, "footnote_block_open")
    note = [inline_after(doc, token) for token in tokens_of(doc, "paragraph_open")]
    assert {token.content: file_line(token) for token in note} == {
        "Text[^note].": 1,
        "The note.": 3,
        "More.": 5,
    }


def test_tables() -> None:
    doc = document("| a | b |\n|---|---|\n| 1 | 2 |\n")
    cells = [
        inline_after(doc, token).content
        for token in doc.tokens
        if token.type in ("th_open", "td_open")
    ]
    assert cells == ["a", "b", "1", "2"]
    assert tokens_of(doc, "table_open")[0].map == [0, 3]


def test_definition_lists() -> None:
    doc = document("Term\n: The definition.\n")
    assert tokens_of(doc, "dl_open")
    assert inline_after(doc, tokens_of(doc, "dt_open")[0]).content == "Term"
    assert inline_after(doc, tokens_of(doc, "paragraph_open")[0]).content == "The definition."


@pytest.mark.parametrize(
    ("heading", "text", "attributes"),
    [
        ("## Results {#sec-results .unnumbered}", "Results", "{#sec-results .unnumbered}"),
        ("## Results {-}", "Results", "{-}"),
        ("## Results {#sec-r -}", "Results", "{#sec-r -}"),
        ("## Key {width=50%}", "Key", "{width=50%}"),
        ("## Sets {a, b}", "Sets {a, b}", None),
    ],
)
def test_heading_attributes(heading: str, text: str, attributes: str | None) -> None:
    doc = document(heading + "\n")
    opening = tokens_of(doc, "heading_open")[0]
    assert inline_after(doc, opening).content == text
    assert plain_text(inline_after(doc, opening)) == text
    assert opening.attrGet("pandoc") == attributes


def test_heading_with_attributes_only_is_empty() -> None:
    doc = document("## {#sec-empty}\n")
    inline = inline_after(doc, tokens_of(doc, "heading_open")[0])
    assert plain_text(inline).strip() == ""


def test_mdx_import_is_not_a_paragraph() -> None:
    source = "import Chart from './chart'\n\n# Title\n"
    mdx = document(source, "page.mdx")
    assert mdx.dialect.name == "mdx"
    assert next(token.type for token in mdx.tokens) == "hidden"
    # A .md file of no known site that starts with an MDX import is read as MDX (Docusaurus
    # reads .md as MDX); a sentence that starts with "import" is a paragraph.
    assert next(token.type for token in document(source, "page.md").tokens) == "hidden"
    prose = "import the data first, then plot it.\n"
    assert next(token.type for token in document(prose, "page.md").tokens) == "paragraph_open"


def test_plain_text_keeps_words_and_drops_markup() -> None:
    inline = next(token for token in parse("A *b* `c` ![d](e.png) [f](g)\nh\n") if token.children)
    assert plain_text(inline) == "A b c d f h"


# --- documents -------------------------------------------------------------------------------


def test_output_formats_and_slides() -> None:
    doc = document("---\nformat:\n  revealjs: default\n  html: default\n---\n# A\n")
    assert doc.output_formats == ("revealjs", "html")
    assert doc.is_slides()
    rmd = document("---\noutput: html_document\n---\n", "a.Rmd")
    assert rmd.output_formats == ("html_document",)
    assert not rmd.is_slides()
    assert document("No front matter.\n").output_formats == ()


def test_segment_of_one_inline_matches_full_extraction() -> None:
    doc = document("# Title\n\nSome *text* here.\n")
    second = tokens_of(doc, "inline")[1]
    inline_index = next(index for index, token in enumerate(doc.tokens) if token is second)
    segment = doc.segment(inline_index)
    assert segment is not None
    assert segment.text == "Some text here."
    assert [item.text for item in doc.prose()] == ["Title", "Some text here."]
    assert doc.segment(0) is None  # not an inline token


# --- sections --------------------------------------------------------------------------------

SECTIONED = """# A

Intro.

## A1

## A2

Text.

# B

::: {.column}
## In a column
Text.
:::

## After
<!-- only a comment -->
"""


def heading_text(doc: Document, section: Section) -> str:
    return doc.tokens[section.heading + 1].content


def outline(doc: Document, sections: tuple[Section, ...] | list[Section]) -> list[object]:
    return [
        (
            heading_text(doc, section),
            section.level,
            section.line,
            section.end_line,
            section.is_empty,
            outline(doc, section.children),
        )
        for section in sections
    ]


def test_section_tree() -> None:
    doc = document(SECTIONED)
    assert outline(doc, doc.sections) == [
        (
            "A",
            1,
            1,
            10,
            False,
            [("A1", 2, 5, 6, True, []), ("A2", 2, 7, 10, False, [])],
        ),
        (
            "B",
            1,
            11,
            18,
            False,
            [("In a column", 2, 14, 16, False, []), ("After", 2, 18, 18, True, [])],
        ),
    ]


def test_section_blocks_are_its_own_content() -> None:
    doc = document(SECTIONED)
    first = doc.sections[0]
    assert [doc.tokens[index + 1].content for index in first.blocks] == ["Intro."]
    column = doc.sections[1].children[0]
    assert column.div_depth == 1
    assert column.ends_with_div


def test_parent_whose_content_is_subsections_is_not_empty() -> None:
    doc = document("# Parent\n\n## Child\n\nText.\n")
    parent = doc.sections[0]
    assert parent.blocks == []
    assert not parent.is_empty


def test_sections_follow_front_matter_lines() -> None:
    doc = document("---\ntitle: x\n---\n# One\n\nText.\n\n# Two\n")
    assert [(section.line, section.end_line) for section in doc.sections] == [(4, 7), (8, 8)]


def test_lists_and_quotes_are_one_content_block_each() -> None:
    doc = document("# Lists\n\n- a\n- b\n\n> quote\n")
    kinds = [kind for kind, _ in doc.flow]
    # A list and a quote are one content block each, not one per item.
    assert kinds == ["heading", "content", "content"]
    assert len(doc.sections[0].blocks) == 2


def test_comment_only_html_block() -> None:
    tokens = parse("<!-- a -->\n\n<div>x</div>\n\n<!-- b --> <span>c</span>\n")
    html = [token for token in tokens if token.type == "html_block"]
    assert [is_comment_only(token) for token in html] == [True, False, False]


def test_build_sections_without_headings() -> None:
    assert build_sections(parse("Just text.\n")) == ()
