"""What reaches the prose engine, construct by construct: what a reader reads, each word at
its place; never code, markup, macros or the syntax of a generator."""

from __future__ import annotations

import pytest

from lint.dialects.registered import registered_dialects
from lint.document import Document
from lint.prose.checking import _front_matter_segments
from lint.prose.segments import PLACEHOLDER, Segment
from tests.unit.test_prose import assert_faithful

C = PLACEHOLDER
CASES = {
    "an MDN macro": (
        "mdn",
        "index.md",
        'Use {{domxref("Element.click")}} now.\n',
        [f"Use {C} now."],
    ),
    "an emoji shortcode": ("hugo", "a.md", "Happy hacking! :wave:\n", ["Happy hacking! "]),
    "an emoji before a comma": (
        "mkdocs",
        "a.md",
        "We liked it :heart:, and went on.\n",
        [f"We liked it {C}, and went on."],
    ),
    "a grid table's borders": (
        "quarto",
        "a.qmd",
        "+-------+-------+\n| Fruit | Price |\n+=======+=======+\n"
        "| Apple | cheap |\n+-------+-------+\n",
        [],
    ),
    "HTML code elements": (
        "markdown",
        "a.md",
        "Press <kbd>Ctrlx</kbd> or <var>varx</var>.\n",
        [f"Press {C} or {C}."],
    ),
    "a Hugo code shortcode": (
        "hugo",
        "a.md",
        "Text.\n\n{{< highlight go >}}\nfunc mian() {}\n{{< /highlight >}}\n",
        ["Text."],
    ),
    "a Hugo shortcode's parameters over lines": (
        "hugo",
        "a.md",
        'Before {{< figure\n  src="x.png"\n  caption="A captoin"\n>}} after.\n',
        [f"Before {C} after."],
    ),
    "MDX expressions and comments": (
        "mdx",
        "a.mdx",
        "Value {props.valu} and {/* a commnt */} end.\n",
        [f"Value {C} and end."],
    ),
    "raw LaTeX": (
        "quarto",
        "a.qmd",
        "See \\textbf{bold} and \\cite{knuth}.\n\n\\begin{equation}\nx = y\n\\end{equation}\n",
        [f"See bold and {C}."],
    ),
    "a LaTeX environment inside a paragraph": (
        "quarto",
        "a.qmd",
        "Thus\n\\begin{align*}\ne_i &= y_i - h_i\n\\end{align*}\n"
        "and it follows. A \\begin{x} stays.\n",
        [f"Thus {C} and it follows. A {C} stays."],
    ),
    "a table caption's marker and attributes": (
        "quarto",
        "a.qmd",
        '| A |\n|---|\n| 1 |\n\n: Sales by year {#tbl-x tbl-colwidths="[30]"}\n',
        ["A", "1", "Sales by year"],
    ),
    "a grid table's caption, its attributes only or words too": (
        "quarto",
        "a.qmd",
        '+---+\n| A |\n+---+\n\n: {tbl-colwidths="\\[50,50\\]"}\n\nText.\n\n'
        "+---+\n| B |\n+---+\n\n: Prices {#tbl-prices}\n",
        ["Text.", "Prices"],
    ),
    "a multiline table's borders and caption marker": (
        "quarto",
        "a.qmd",
        "--------------------\n Fruit    Price\n-------- -----------\n Apple    cheap\n"
        "--------------------\n\nTable: Fruit prices.\n",
        ["Fruit Price", "Apple cheap", "Fruit prices."],
    ),
    "dropped tags": ("markdown", "a.md", "one<br>line,  two  spaces\n", ["one line, two spaces"]),
    "an inline footnote": (
        "quarto",
        "a.qmd",
        "Text^[A note here.] more.\n",
        ["Text more.", "A note here."],
    ),
    "fig-alt and fig-cap": (
        "quarto",
        "a.qmd",
        '![Chart](x.png){fig-alt="An alt text" fig-cap="A caption"}\n',
        ["Chart", "An alt text", "A caption"],
    ),
    "a shortcode in an image's address": (
        "quarto",
        "a.qmd",
        "![](img/{{< meta tool.prefix >}}-chart.png){.border fig-alt=\"A chart ('co').\"}\n",
        ["A chart ('co')."],
    ),
    "multi-line attributes": (
        "quarto",
        "a.qmd",
        '![](x.png){\n  .img-fluid\n  width="50%"\n} then words.\n',
        [" then words."],
    ),
    "a generated changelog entry": (
        "markdown",
        "a.md",
        "- \\[[`0518b9edf3`](https://github.com/o/r/commit/0518b9edf3)] - **assert**: fix it\n"
        "- A line the writer wrote.\n",
        ["A line the writer wrote."],
    ),
    "no-break spaces": ("markdown", "a.md", "on\u00a0“a talk”.\n", ["on “a talk”."]),
    "a heading's attributes with colons": (
        "quarto",
        "a.qmd",
        '## Pitfalls {revealjs:offset-headings-by="-1"}\n\n## Sets {1, 2}\n',
        ["Pitfalls", "Sets {1, 2}"],
    ),
    "JSX children": (
        "mdx",
        "a.mdx",
        "<Note>\n\nThe **children** read.\n\n</Note>\n",
        ["The children read."],
    ),
    "MDX statements among JSX children, not in a list": (
        "starlight",
        "a.mdx",
        "<Preview>\n\nexport const code = `console.log('x');`;\nexport const name = 'x.js';\n\n"
        "<Code code={code} />\n\n</Preview>\n\n- import this text\n",
        ["import this text"],
    ),
    "a component closed in its own tag stands for the words it renders": (
        "mdx",
        "a.mdx",
        '<LanguagesList startsSentence /> translated strings, <Since v="2" /> and <b>bold</b>.\n',
        [f"{C} translated strings, {C} and bold."],
    ),
    "an alert's type, its title apart": (
        "markdown",
        "a.md",
        "> [!NOTE]\n> Notes go here.\n\n> [!warning] Links\n> Links are followed.\n",
        ["Notes go here.", "Links", "Links are followed."],
    ),
    "an attribute list after a link": (
        "mkdocs",
        "a.md",
        "[Source](x.py){: .source-link } and [more](y.md){ .button }.\n",
        ["Source and more."],
    ),
    "an attribute list after a reference defined at build time": (
        "mkdocs",
        "a.md",
        "[Source][_src]{: .source-link }\n\nThe text {: .note } goes on.\n",
        ["Source", "The text goes on."],
    ),
    "a reference autorefs resolve when the site is built": (
        "mkdocs",
        "a.md",
        "It is an [Object][griffe.Object], or [a list][] of [them] [x].\n",
        ["It is an Object, or [a list][] of [them] [x]."],
    ),
    "PyMdown keys": (
        "mkdocs",
        "a.md",
        'Press ++ctrl+alt+"My Speical Key"++ in C++ or g++ now.\n',
        [f"Press {C} in C++ or g++ now."],
    ),
    "a PyMdown block's options": (
        "mkdocs",
        "a.md",
        "/// details | Why it reads\n    type: warning\n\nThe body reads.\n///\n",
        ["Why it reads", "The body reads."],
    ),
}


def _segments(dialect: str, path: str, text: str) -> tuple[Document, list[Segment]]:
    doc = Document.from_text(path, text, registered_dialects()[dialect])
    return doc, list(doc.prose())


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_what_reaches_the_engine(case: str) -> None:
    dialect, path, text, expected = CASES[case]
    doc, found = _segments(dialect, path, text)
    assert [segment.text for segment in found] == expected
    for segment in found:
        assert_faithful(doc, segment)


def test_front_matter_subtitle_and_block_descriptions_are_read_where_they_stand() -> None:
    text = "---\ntitle: T\nsubtitle: A subtitle\ndescription: |\n  A block\n  description.\n---\n"
    doc = Document.from_text("a.qmd", text, registered_dialects()["quarto"])
    found = list(_front_matter_segments(doc, ("subtitle", "description")))
    assert [segment.text for segment in found] == ["A subtitle", "A block\ndescription.\n"]
    block = found[1]
    for word in ("block", "description"):
        start = block.text.index(word)
        span = block.span(start, start + len(word))
        assert text[span.start : span.end] == word
