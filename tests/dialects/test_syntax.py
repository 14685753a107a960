"""The syntax extensions, token by token: what each produces, and what it does with broken input."""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from markdown_it.token import Token

from lint.dialects.registered import registered_dialects
from lint.document import Document
from lint.sections import flow


def tokens(text: str, dialect: str = "markdown", path: str = "doc.md") -> list[Token]:
    return Document.from_text(path, text, registered_dialects()[dialect]).tokens


def kinds(text: str, dialect: str = "markdown", path: str = "doc.md") -> list[str]:
    return [t.type for t in tokens(text, dialect, path) if t.nesting != -1 and t.type != "inline"]


def children(text: str, dialect: str = "markdown") -> list[tuple[str, str]]:
    inline = next(t for t in tokens(text, dialect) if t.type == "inline")
    return [(child.type, child.content) for child in inline.children or []]


# --- colon fences ---------------------------------------------------------------------------


def test_asides_with_titles_in_every_form() -> None:
    for opening, title in [
        (":::note[Where it lives]", "Where it lives"),
        (":::tip Read this first", "Read this first"),
        ("::: details Click me", "Click me"),
        ("::: {.callout-note}", ""),
    ]:
        found = tokens(f"Text before:\n{opening}\nBody.\n:::\n\nAfter.\n")
        opened = next(t for t in found if t.type == "container_open")
        assert opened.meta["title"] == title, opening
        # The closing fence is not read as part of the paragraph before it.
        paragraphs = [t.content for t in found if t.type == "inline"]
        assert "Text before:" in paragraphs and "Body." in paragraphs and "After." in paragraphs


def test_a_colon_fence_never_closed_is_one_line_of_markup() -> None:
    assert kinds(":::warning\nText.\n\nMore.\n") == [
        "hidden",
        "paragraph_open",
        "paragraph_open",
    ]


def test_an_empty_listing_div_is_content() -> None:
    doc = Document.from_text("doc.qmd", "## Posts\n\n:::{#posts}\n:::\n")
    assert [kind for _, _, kind, _ in flow(doc.tokens)] == [
        "heading",
        "div_open",
        "content",
        "div_close",
    ]


# --- admonitions and tabs -------------------------------------------------------------------


def test_mkdocs_admonitions_tabs_and_collapsibles_are_containers() -> None:
    text = (
        '!!! note "Title"\n\n    Body.\n\n??? example\n\n    Hidden.\n\n'
        '=== "Docker"\n\n    Labels.\n\nAfter.\n'
    )
    found = tokens(text, "mkdocs")
    names = [t.meta["name"] for t in found if t.type == "container_open"]
    assert names == ["note", "example", "tab"]
    titles = [t.meta["title"] for t in found if t.type == "container_open"]
    assert titles == ["Title", "", "Docker"]  # no made-up "Example" title
    assert [t.content for t in found if t.type == "inline"] == [
        "Title",
        "Body.",
        "Hidden.",
        "Docker",
        "Labels.",
        "After.",
    ]


def test_three_question_marks_alone_are_not_an_admonition() -> None:
    assert kinds("???\n", "mkdocs") == ["paragraph_open"]


# --- shortcodes -----------------------------------------------------------------------------


def test_shortcodes_paired_spanning_lines_and_code() -> None:
    text = (
        '{{< fig\n    src="x.png"\n    title="X" >}}\n\n{{< note >}}\nInside.\n{{< /note >}}\n\n'
        "{{< highlight go >}}\n// TODO\n{{< /highlight >}}\n"
    )
    found = tokens(text, "hugo")
    assert [t.type for t in found if t.nesting != -1 and t.type != "inline"] == [
        "embed",
        "container_open",
        "paragraph_open",
        "fence",
    ]
    assert next(t for t in found if t.type == "fence").content == "// TODO\n"


def test_a_shortcode_never_closed_runs_to_the_end_of_its_paragraph() -> None:
    assert children("See {{< video x.mp4 and the rest\nof it\n", "hugo") == [
        ("text", "See "),
        ("template", "{{< video x.mp4 and the rest\nof it"),
    ]


# --- Liquid and template output ---------------------------------------------------------------


def test_liquid_blocks() -> None:
    text = (
        "{% include note.html %}\n\n{% comment %}\nTODO\n{% endcomment %}\n\n"
        "{% tabs a %}\n{% tab b %}\nText.\n{% endtab %}\n{% endtabs %}\n\n"
        "{% highlight scala %}\nval x = ???\n{% endhighlight %}\n\n{% assign x = 1 %}\n"
    )
    assert kinds(text, "jekyll") == [
        "embed",
        "comment",
        "container_open",
        "container_open",
        "paragraph_open",
        "fence",
        "hidden",
    ]


def test_kramdown_html_blocks_run_to_their_closing_tag_across_blank_lines() -> None:
    text = (
        "Intro.\n\n"
        '<div class="highlight"><pre><code>&#96;&#96;&#96;scala\n'
        "val a = 1\n\n"
        "def f() = a\n"
        "```</code></pre></div>\n\n"
        "After the block, [a link][home].\n\n[home]: index.md\n"
    )
    assert kinds(text, "jekyll") == ["paragraph_open", "html_block", "paragraph_open"]
    block = next(t for t in tokens(text, "jekyll") if t.type == "html_block")
    assert block.map == [2, 7]
    # CommonMark ends the block at the blank line, and the ``` line then opens code that
    # swallows the rest of the page, the link definition included.
    assert kinds(text)[-1] == "fence"
    # Nested tags are counted; markdown="1" asks kramdown to read Markdown inside: left alone.
    nested = "<div>\n<div>\n\ninner\n</div>\n\nstill in\n</div>\n\nOut.\n"
    assert kinds(nested, "jekyll") == ["html_block", "paragraph_open"]
    opted_in = '<div markdown="1">\n\n**Markdown** here.\n\n</div>\n'
    assert kinds(opted_in, "jekyll") == kinds(opted_in)


def test_kramdown_html_blocks_never_closed_cost_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from lint.dialects.syntax import html_blocks

    lines = 200 * html_blocks.MAX_BLOCK_LINES
    searched: list[int] = []
    search = html_blocks._matching_line

    def counted(all_lines: list[str], first: int, name: str) -> int | None:
        searched.append(first)
        return search(all_lines, first, name)

    monkeypatch.setattr(html_blocks, "_matching_line", counted)
    assert html_blocks.html_block_ends("<div>\n" * lines) == {}
    # Each search reads up to MAX_BLOCK_LINES lines; all of them together, about four passes
    # over the document (the budget), not one search per opener.
    budget = html_blocks.SCAN_BUDGET * (lines + 1) + 2 * html_blocks.MAX_BLOCK_LINES
    assert len(searched) * html_blocks.MAX_BLOCK_LINES <= budget


def test_template_spans_inside_link_targets() -> None:
    hrefs = [
        unquote(str(child.attrGet("href")))
        for t in tokens("[API]({{ site.url }}/api) and [x]({% link a.md %})\n", "jekyll")
        if t.type == "inline"
        for child in t.children or []
        if child.type == "link_open"
    ]
    assert hrefs == ["{{ site.url }}/api", "{% link a.md %}"]


def test_kumascript_macros_are_template_words() -> None:
    assert ("template", '{{domxref("EventTarget")}}') in children(
        'An event on an {{domxref("EventTarget")}}.\n', "mdn"
    )


# --- MDX --------------------------------------------------------------------------------------


def test_jsx_with_markdown_children_and_expressions_with_blank_lines() -> None:
    text = (
        "import Tabs from '@theme/Tabs';\n\n<Tabs>\n<TabItem value=\"a\">\n\nText.\n\n</TabItem>\n"
        "</Tabs>\n\n<Table\n  rows={[\n    {a: 'x }'},\n\n    {b: \"y\"},\n  ]}\n/>\n\n"
        "{/* a note */}\n\nEnd {props.x}.\n"
    )
    assert kinds(text, "mdx", "doc.mdx") == [
        "hidden",
        "container_open",
        "container_open",
        "paragraph_open",
        "embed",
        "comment",
        "paragraph_open",
    ]


def test_a_jsx_tag_never_closed_is_opaque_to_the_next_blank_line() -> None:
    assert kinds("<Note title={\n'x'\n\nAfter.\n", "mdx", "doc.mdx") == ["embed", "paragraph_open"]


def test_jsx_elements_never_closed_keep_their_children() -> None:
    found = tokens("<Tabs>\n<TabItem>\n\nTODO.\n\n## Next\n", "mdx", "doc.mdx")
    assert [t.type for t in found if t.nesting != -1 and t.type != "inline"] == [
        "embed",
        "embed",
        "paragraph_open",
        "heading_open",
    ]


# --- smaller syntaxes -------------------------------------------------------------------------


def test_emoji_shortcodes_are_glyphs_not_colons() -> None:
    assert children("Happy hacking! :wave:\n") == [("text", "Happy hacking! "), ("emoji", ":wave:")]
    assert children("At 10:30:45 and key:value:\n") == [("text", "At 10:30:45 and key:value:")]


def test_grid_tables_includes_and_attribute_lines() -> None:
    text = (
        '+---+---+\n| a | b |\n+===+===+\n| c | d |\n+---+---+\n\n--8<-- "part.md"\n\n'
        "[[toc]]\n\nText.\n{: .note}\n"
    )
    assert kinds(text) == ["grid_table", "embed", "embed", "paragraph_open", "hidden"]


def test_display_math_with_attributes_on_its_closing_line() -> None:
    text = "$$\nx = 1\n$$ {#eq-one}\n\nText.\n\n$$\ny\n=\nz\n$$\n"
    assert kinds(text, "quarto", "doc.qmd") == ["math_block", "paragraph_open", "math_block"]


def test_a_plain_sentence_starting_with_import_is_a_paragraph() -> None:
    assert kinds("import the data, then plot it.\n") == ["paragraph_open"]


def test_a_shortcode_closing_at_a_lines_start_is_no_block_quote() -> None:
    text = 'Before {{< figure\n  src="x.png"\n  caption="A caption"\n>}} after.\n\n> A quote.\n'
    found = tokens(text, "hugo", "post.md")
    assert [t.type for t in found if t.type.startswith("blockquote")] == [
        "blockquote_open",
        "blockquote_close",
    ]
    inline = next(t for t in found if t.type == "inline")
    assert [child.type for child in inline.children or []] == ["text", "template", "text"]


def test_pandoc_needs_a_blank_line_before_a_block_quote_or_a_heading() -> None:
    text = '<a\n  href="x.html"\n  >View source</a>\nText\n# not a heading\n\n> A quote.\n'
    assert kinds(text, "quarto", "doc.qmd") == [
        "paragraph_open",
        "blockquote_open",
        "paragraph_open",
    ]
    assert kinds(text) == [
        "paragraph_open",
        "blockquote_open",
        "paragraph_open",
        "heading_open",
        "blockquote_open",
        "paragraph_open",
    ]


def test_a_knitr_chunk_whose_options_hold_backticks_is_code() -> None:
    text = (
        '```{r, fig.cap="`pkg`\'s app"}\nplot(x)\n```\n\nText.\n\n'
        '```{r, fig.cap="`x`"}\nnever closed\n'
    )
    found = tokens(text, "rmarkdown", "doc.Rmd")
    fences = [(t.info, t.content) for t in found if t.type == "fence"]
    assert fences == [
        ('{r, fig.cap="`pkg`\'s app"}', "plot(x)\n"),
        ('{r, fig.cap="`x`"}', "never closed\n"),
    ]
    assert kinds(text, "rmarkdown", "doc.Rmd") == ["fence", "paragraph_open", "fence"]
    assert kinds(text)[0] == "paragraph_open"  # CommonMark: no fence has backticks in its info


# --- Pandoc's fancy lists -------------------------------------------------------------------


def _items(text: str, dialect: str = "quarto") -> list[tuple[str, int]]:
    """(kind, first line) of each list and paragraph outside items, and each item."""
    wanted = {"ordered_list_open", "bullet_list_open", "list_item_open", "paragraph_open"}
    found = tokens(text, dialect, "doc.qmd")
    return [(t.type, (t.map or [0])[0] + 1) for t in found if t.type in wanted]


def test_fancy_list_markers_make_ordered_lists_in_pandoc_markdown() -> None:
    text = "a. one\nb. two\n\n(i) one\n(ii) two\n\n#. one\n#. two\n\nIV) four\nV) five\n"
    lists = [line for kind, line in _items(text) if kind == "ordered_list_open"]
    assert lists == [1, 4, 7, 10]  # a new list where the delimiter changes
    items = [line for kind, line in _items(text) if kind == "list_item_open"]
    assert items == [1, 2, 4, 5, 7, 8, 10, 11]
    for dialect in ("rmarkdown", "quarto"):
        assert ("list_item_open", 1) in _items(text, dialect)


def test_fancy_markers_that_pandoc_reads_as_text() -> None:
    # A capital letter and a full stop want two spaces; no list interrupts a paragraph; a
    # marker needs a space after it; "1." lists are CommonMark's as before.
    text = "B. Russell wrote it.\n\nText goes on\na. without a blank line\n\ne.g. this\n"
    assert [kind for kind, _ in _items(text)] == ["paragraph_open"] * 3
    assert ("list_item_open", 1) in _items("A.  Capital item\n")
    # Nor does a bracketed number; "p. 12" is a page, "did." a word, "B." alone no item.
    text = "a. x\n\nThe sum given in\n(1) and the fee.\n\nSee\np. 12 and\ndid. it\n\nB.\n"
    assert [kind for kind, _ in _items(text)][3:] == ["paragraph_open"] * 3
    item = "a. See Smith, especially\np. 12 where it is.\nb. second\n"
    assert [line for kind, line in _items(item) if kind == "list_item_open"] == [1, 3]
    assert [kind for kind, _ in _items("Text\n1. interrupts\n")][:2] == [
        "paragraph_open",
        "ordered_list_open",
    ]


def test_plain_markdown_has_no_fancy_lists() -> None:
    assert kinds("a. one\nb. two\n") == ["paragraph_open"]


def test_astro_reads_only_mdx_pages_as_mdx() -> None:
    text = "Use {name} here.\n\n:::note\nAn aside.\n:::\n"
    mdx = tokens(text, "starlight", "src/content/docs/a.mdx")
    md = tokens(text, "starlight", "src/content/docs/a.md")
    assert ("template", "{name}") in [
        (child.type, child.content) for t in mdx for child in t.children or []
    ]
    assert [child.type for child in md[1].children or []] == ["text"]
    assert "container_open" in [t.type for t in md]  # the aside, in both
    assert "container_open" in [t.type for t in mdx]
