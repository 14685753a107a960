"""Prose segments: plain text with every character mapped back to its source offset."""

from __future__ import annotations

import html

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.document import Document
from lint.prose.segments import PLACEHOLDER, Segment


def segments(text: str, path: str = "doc.md") -> tuple[Document, tuple[Segment, ...]]:
    doc = Document.from_text(path, text)
    return doc, doc.prose()


def only_segment(text: str, path: str = "doc.md") -> tuple[Document, Segment]:
    doc, found = segments(text, path)
    assert len(found) == 1, [segment.text for segment in found]
    return doc, found[0]


def source_of(doc: Document, segment: Segment, position: int) -> str:
    return doc.text[segment.starts[position] : segment.ends[position]]


def source_of_word(doc: Document, segment: Segment, word: str) -> str:
    """The source text that ``word`` in the segment stands for."""
    start = segment.text.index(word)
    span = segment.span(start, start + len(word))
    return doc.text[span.start : span.end]


def assert_faithful(doc: Document, segment: Segment) -> None:
    """Every character maps to itself, an escape of itself, an entity or a line break;
    placeholder characters map to the whole construct they replace."""
    for position, char in enumerate(segment.text):
        source = source_of(doc, segment, position)
        if segment.is_placeholder(position):
            assert char in PLACEHOLDER
            continue
        assert (
            source == char
            or source == "\\" + char
            or (source.startswith("&") and html.unescape(source) == char)
            or (char in " \n" and source in ("\n", "\r"))
            or (char == " " and source.lower().startswith("<br"))  # a line break tag
            or (char == " " and source in "\u00a0\u2007\u2009\u200a\u202f")  # a Unicode space
        ), (position, char, source)


def test_plain_paragraph_maps_one_to_one() -> None:
    _, segment = only_segment("Hello world.\n")
    assert segment.text == "Hello world."
    assert segment.kind == "paragraph"
    assert segment.starts == tuple(range(12))
    assert segment.ends == tuple(range(1, 13))


def test_emphasis_markers_are_not_text_and_offsets_skip_them() -> None:
    text = "Some *emph* and **strong** and ~~gone~~ words.\n"
    doc, segment = only_segment(text)
    assert segment.text == "Some emph and strong and gone words."
    assert segment.starts[segment.text.index("emph")] == text.index("emph")
    assert segment.starts[segment.text.index("strong")] == text.index("strong")
    assert segment.starts[segment.text.index("gone")] == text.index("gone")
    assert_faithful(doc, segment)


def test_link_text_is_prose_and_url_is_not() -> None:
    text = 'Read [the guide](https://example.com/guide "Title") now.\n'
    doc, segment = only_segment(text)
    assert segment.text == "Read the guide now."
    assert "example" not in segment.text
    assert "Title" not in segment.text
    assert source_of_word(doc, segment, "the guide") == "the guide"
    assert segment.starts[segment.text.index("now")] == text.index("now")


def test_reference_links() -> None:
    text = "See [the docs][ref] here.\n\n[ref]: https://example.com\n"
    _, segment = only_segment(text)
    assert segment.text == "See the docs here."
    assert segment.starts[segment.text.index("here")] == text.index("here")


def test_inline_code_becomes_a_placeholder_for_the_whole_span() -> None:
    text = "Call `make_thing()` first.\n"
    doc, segment = only_segment(text)
    assert segment.text == f"Call {PLACEHOLDER} first."
    start = segment.text.index(PLACEHOLDER)
    for position in range(start, start + len(PLACEHOLDER)):
        assert source_of(doc, segment, position) == "`make_thing()`"
        assert segment.is_placeholder(position)
    assert not segment.is_placeholder(0)
    assert source_of_word(doc, segment, "first") == "first"


def test_math_shortcodes_citations_and_autolinks_are_placeholders() -> None:
    text = "Add $x+y$ to {{< ref a.md >}} per [@knuth84] at <https://example.com> ok.\n"
    doc, segment = only_segment(text, "doc.qmd")
    assert (
        segment.text == f"Add {PLACEHOLDER} to {PLACEHOLDER} per {PLACEHOLDER} at {PLACEHOLDER} ok."
    )
    placeholders = {
        source_of(doc, segment, position)
        for position in range(len(segment.text))
        if segment.is_placeholder(position)
    }
    assert placeholders == {"$x+y$", "{{< ref a.md >}}", "[@knuth84]", "<https://example.com>"}
    assert segment.starts[segment.text.index("ok")] == text.index("ok")


def test_html_inline_is_dropped() -> None:
    doc, segment = only_segment("Some <em>Ctrl</em> key.\n")
    assert segment.text == "Some Ctrl key."
    assert "em" not in segment.text
    assert_faithful(doc, segment)


def test_the_text_of_html_code_elements_is_a_stand_in() -> None:
    doc, segment = only_segment(
        "Press <kbd>Ctrlx</kbd>, <code class='x'>fooBar</code>, <samp>outpt</samp>.\n"
    )
    assert segment.text == f"Press {PLACEHOLDER}, {PLACEHOLDER}, {PLACEHOLDER}."
    start = segment.text.index(PLACEHOLDER)
    assert doc.text[segment.span(start, start + 4).start :].startswith("<kbd>Ctrlx</kbd>")


def test_a_line_break_tag_keeps_the_words_apart() -> None:
    _, segment = only_segment("one<br>line and two<br/>more\n")
    assert segment.text == "one line and two more"


def test_footnote_reference_is_not_text() -> None:
    doc, found = segments("A claim[^1] here.\n\n[^1]: The source.\n")
    assert [segment.text for segment in found] == ["A claim here.", "The source."]
    for segment in found:
        assert_faithful(doc, segment)


def test_backslash_escapes_map_to_the_escaped_character() -> None:
    text = r"Not \*emphasis\* and 5 \< 6." + "\n"
    doc, segment = only_segment(text)
    assert segment.text == "Not *emphasis* and 5 < 6."
    star = segment.text.index("*")
    assert segment.ends[star] == text.index(r"\*") + 2  # ends just after the star
    assert source_of(doc, segment, star) in ("\\*", "*")
    assert source_of_word(doc, segment, "emphasis") == "emphasis"
    assert_faithful(doc, segment)


def test_entities_map_to_the_whole_entity() -> None:
    text = "Caf&eacute; &copy; 2024 &lt;tag&gt; done.\n"
    doc, segment = only_segment(text)
    assert segment.text == "Café © 2024 <tag> done."
    assert source_of(doc, segment, segment.text.index("é")) == "&eacute;"
    assert source_of(doc, segment, segment.text.index("©")) == "&copy;"
    assert source_of(doc, segment, segment.text.index("<")) == "&lt;"
    assert segment.starts[segment.text.index("done")] == text.index("done")


def test_ampersand_entity_maps_to_the_whole_entity() -> None:
    doc, segment = only_segment("Salt &amp; pepper.\n")
    assert segment.text == "Salt & pepper."
    assert source_of(doc, segment, segment.text.index("&")) == "&amp;"


def test_soft_breaks_and_crlf() -> None:
    text = "First line\r\nsecond *line*\r\n  third.\r\n"
    doc, segment = only_segment(text)
    assert segment.text == "First line second line third."
    assert segment.starts[segment.text.index("second")] == text.index("second")
    assert segment.starts[segment.text.index("third")] == text.index("third")
    assert doc.text[segment.starts[len("First line")]] in "\r\n"
    assert_faithful(doc, segment)


def test_hard_break_is_a_newline() -> None:
    text = "Line one  \nline two\n"
    _, segment = only_segment(text)
    assert segment.text == "Line one\nline two"
    assert segment.starts[segment.text.index("two")] == text.index("two")


def test_offsets_after_front_matter_and_non_ascii() -> None:
    text = "---\r\ntitle: x\r\n---\r\n# Héllo 😀 wörld\r\n\r\nCafé *über* naïve 😀 text.\r\n"
    doc, found = segments(text)
    assert [(segment.kind, segment.text) for segment in found] == [
        ("heading", "Héllo 😀 wörld"),
        ("paragraph", "Café über naïve 😀 text."),
    ]
    heading, paragraph = found
    assert heading.starts[heading.text.index("wörld")] == text.index("wörld")
    assert paragraph.starts[paragraph.text.index("text")] == text.index("text.")
    assert doc.lines.position(paragraph.starts[paragraph.text.index("über")]) == (6, 7)
    for segment in found:
        assert_faithful(doc, segment)


def test_code_blocks_math_blocks_and_html_blocks_are_absent() -> None:
    text = (
        "Intro.\n\n```python\nprint('code words')\n```\n\n    indented code words\n\n"
        "$$\nmath words\n$$\n\n<div>html words</div>\n\nOutro.\n"
    )
    _, found = segments(text)
    assert [segment.text for segment in found] == ["Intro.", "Outro."]


def test_bare_url_text_stays_but_link_destination_is_gone() -> None:
    _, segment = only_segment("Go [here](https://hidden.example) now.\n")
    assert "hidden" not in segment.text


def test_image_alt_text_is_its_own_segment() -> None:
    text = "![A cat sitting](cat.png) caption\n"
    _, found = segments(text)
    kinds = {segment.kind: segment for segment in found}
    assert kinds["alt-text"].text == "A cat sitting"
    assert kinds["alt-text"].starts[0] == text.index("A cat")
    assert "cat.png" not in kinds["paragraph"].text


def test_table_cells_and_containers() -> None:
    text = "| Name | Note \\| pipe |\n|---|---|\n| *Ann* | 😀 ok |\n"
    doc, found = segments(text)
    assert [(segment.kind, segment.text) for segment in found] == [
        ("table-cell", "Name"),
        ("table-cell", "Note | pipe"),
        ("table-cell", "Ann"),
        ("table-cell", "😀 ok"),
    ]
    assert found[2].starts[0] == text.index("Ann")
    assert found[3].starts[0] == text.index("😀")
    assert "td_open" in found[3].containers
    for segment in found:
        assert_faithful(doc, segment)


def test_lists_quotes_terms_and_headings() -> None:
    text = "# Title\n\n- item **one**\n  continued\n\n> quoted *text*\n\nTerm\n: Definition\n"
    doc, found = segments(text)
    assert [(segment.kind, segment.text) for segment in found] == [
        ("heading", "Title"),
        ("paragraph", "item one continued"),
        ("paragraph", "quoted text"),
        ("term", "Term"),
        ("paragraph", "Definition"),
    ]
    assert "bullet_list_open" in found[1].containers
    assert "blockquote_open" in found[2].containers
    assert found[1].starts[found[1].text.index("continued")] == text.index("continued")
    for segment in found:
        assert_faithful(doc, segment)


def test_heading_attributes_and_span_attributes_are_not_text() -> None:
    text = "## Results {#sec-results}\n\n[Small caps]{.smallcaps} and `x`{.r} end.\n"
    _, found = segments(text)
    assert [segment.text for segment in found] == [
        "Results",
        f"Small caps and {PLACEHOLDER} end.",
    ]
    assert found[1].starts[found[1].text.index("end")] == text.index("end")


def test_span_clamps_to_the_segment() -> None:
    _, segment = only_segment("abc\n")
    assert (segment.span(0, 3).start, segment.span(0, 3).end) == (0, 3)
    assert (segment.span(-5, 99).start, segment.span(-5, 99).end) == (0, 3)
    assert (segment.span(2, 2).start, segment.span(2, 2).end) == (2, 3)


# --- property: random inline markup keeps every character where it was ----------------------

_WORDS = st.sampled_from(["alpha", "Bé", "😀x", "naïve", "word", "I", "a1"])


@st.composite
def _pieces(draw: st.DrawFn) -> tuple[str, str]:
    """One (source, expected prose) piece of a paragraph."""
    word = draw(_WORDS)
    wrapper = draw(st.sampled_from(["", "*", "**", "_", "~~", "link", "code", "escape"]))
    if wrapper == "link":
        return f"[{word}](https://x.example/{len(word)})", word
    if wrapper == "code":
        return f"`{word}`", PLACEHOLDER
    if wrapper == "escape":
        return f"\\*{word}", f"*{word}"
    return f"{wrapper}{word}{wrapper}", word


@settings(max_examples=60, deadline=None)
@given(
    pieces=st.lists(_pieces(), min_size=1, max_size=8),
    newline=st.sampled_from(["\n", "\r\n"]),
    breaks=st.lists(st.booleans(), min_size=8, max_size=8),
)
def test_random_inline_markup_maps_back(
    pieces: list[tuple[str, str]], newline: str, breaks: list[bool]
) -> None:
    separators = [newline if broken else " " for broken in breaks]
    source = "Start " + "".join(
        piece + separator for (piece, _), separator in zip(pieces, separators, strict=False)
    )
    source = source.rstrip() + " end." + newline
    expected = "Start " + " ".join(word for _, word in pieces) + " end."
    doc, segment = only_segment(source)
    assert segment.text == expected
    assert_faithful(doc, segment)
    # Every piece is found, in order, where the segment says it is.
    cursor = 0
    for piece, word in pieces:
        at = segment.text.index(word, cursor)
        span = segment.span(at, at + len(word))
        located = doc.text[span.start : span.end]
        if word == PLACEHOLDER:
            assert located == piece
        else:
            assert located in (word, "\\" + word), (piece, located)
        cursor = at + len(word)
