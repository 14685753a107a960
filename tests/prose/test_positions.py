"""Exact positions: every prose finding's range in the source is exactly the flagged text.

Hypothesis writes Markdown around known misspellings: emphasis, links, inline code, escapes,
entities, footnotes, tables, nested lists, block quotes, CRLF, tabs, non-ASCII words and
emoji. A misspelling in prose must be reported once, exactly where it is; one in code never.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config
from lint.document import Document
from lint.engine import Plan, check_text
from lint.positions import LineIndex
from lint.prose.settings import ProseSettings
from lint.prose.vocabulary import TERM_REPEATS
from lint.registry import load_rules, rule_classes
from lint.selection import Selection

GOOD = [
    "cache",
    "keeps",
    "data",
    "close",
    "to",
    "where",
    "it",
    "is",
    "needed",
    "so",
    "that",
    "each",
    "request",
    "stays",
    "fast",
    "and",
    "small",
    "pages",
    "load",
    "quickly",
    "for",
    "readers",
    "across",
    "the",
    "world",
    "with",
    "café",
    "naïve",
    "résumé",
]
MISSPELT = [
    "recieve",
    "begginers",
    "dashbord",
    "enviroment",
    "seccond",
    "acheive",
    "wierd",
    "occured",
    "goverment",
    "tommorow",
    "seperate",
]
#: Misspellings written only in code: a word of the document's code is its own word, not
#: reported in its prose, so code holds misspellings the prose never uses.
CODE_ONLY = ["reciept", "adress", "wich", "untill"]
PLAN = Plan(
    rule_classes(load_rules()),
    Config(root=Path.cwd()),
    Selection(select=("spelling",)),
    prose=ProseSettings(),
)


@dataclass
class Source:
    """The document being written, and where its prose misspellings start."""

    newline: str
    parts: list[str] = field(default_factory=list)
    expected: list[int] = field(default_factory=list)
    footnotes: int = 0
    #: How often each misspelling is written: a word written three times in one document is
    #: the document's term (lint.prose.vocabulary.TERM_REPEATS), no typo.
    misspelt_count: dict[str, int] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return sum(map(len, self.parts))

    def add(self, text: str, misspelt_at: int | None = None) -> None:
        if misspelt_at is not None:
            self.expected.append(self.length + misspelt_at)
        self.parts.append(text)


words = st.sampled_from(GOOD)
misspelt = st.sampled_from(MISSPELT)
wrappers = st.sampled_from(["plain", "em", "strong", "under", "link", "code", "footnote"])
extras = st.sampled_from(["", "", "", " \\*", " &amp;", " 🚀", " —", "\t"])


@st.composite
def inline(draw: st.DrawFn, source: Source) -> None:
    """``The`` and a run of words, some misspelt, some wrapped in markup."""
    source.add("The")
    previous = "the"
    for _ in range(draw(st.integers(2, 7))):
        is_misspelt = draw(st.booleans())
        word = draw(misspelt) if is_misspelt else draw(words)
        if word == previous:
            continue  # "to to" is a repetition, which Harper reports instead of the word
        if is_misspelt:
            if source.misspelt_count.get(word, 0) >= TERM_REPEATS - 1:
                continue
            source.misspelt_count[word] = source.misspelt_count.get(word, 0) + 1
        previous = word
        wrapper = draw(wrappers)
        source.add(" ")
        if wrapper == "plain":
            source.add(word, 0 if is_misspelt else None)
        elif wrapper in ("em", "strong", "under"):
            mark = {"em": "*", "strong": "**", "under": "_"}[wrapper]
            source.add(f"{mark}{word}{mark}", len(mark) if is_misspelt else None)
        elif wrapper == "link":
            # (An address names words too: one that holds the typo would vouch for it.)
            source.add(f"[{word}](https://example.org/page?q=1)", 1 if is_misspelt else None)
        elif wrapper == "code":
            source.add(f"`{draw(st.sampled_from(CODE_ONLY)) if is_misspelt else word}`")
        else:
            source.footnotes += 1
            source.add(word, 0 if is_misspelt else None)
            source.add(f"[^n{source.footnotes}]")
        source.add(draw(extras))
    source.add(".")


@st.composite
def documents(draw: st.DrawFn) -> Source:
    source = Source(draw(st.sampled_from(["\n", "\r\n"])))
    nl = source.newline
    source.add(f"# The{nl}{nl}")
    for _ in range(draw(st.integers(1, 5))):
        shape = draw(st.sampled_from(["paragraph", "heading", "list", "quote", "table"]))
        if shape == "heading":
            source.add("## ")
            draw(inline(source))
        elif shape == "list":
            source.add("- ")
            draw(inline(source))
            source.add(f"{nl}  - ")
            draw(inline(source))
        elif shape == "quote":
            source.add("> ")
            draw(inline(source))
        elif shape == "table":
            source.add("| ")
            draw(inline(source))
            source.add(f" | x |{nl}|---|---|{nl}| ")
            draw(inline(source))
            source.add(" | y |")
        else:
            draw(inline(source))
        source.add(f"{nl}{nl}")
    for number in range(1, source.footnotes + 1):
        source.add(f"[^n{number}]: The note.{nl}{nl}")
    return source


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents())
def test_every_spelling_finding_is_exactly_a_misspelt_word(source: Source) -> None:
    text = "".join(source.parts)
    report = check_text("generated.md", Path("generated.md"), text, PLAN)
    lines = text.split("\n")
    index = LineIndex(text)
    starts = []
    for diagnostic in report.diagnostics:
        assert diagnostic.rule == "spelling"
        assert diagnostic.line == diagnostic.end_line
        flagged = lines[diagnostic.line - 1][diagnostic.column - 1 : diagnostic.end_column - 1]
        assert flagged in MISSPELT, (flagged, text)
        starts.append(index.offset(diagnostic.line, diagnostic.column))
    assert sorted(starts) == sorted(source.expected), text


def test_nothing_in_code_urls_math_or_markup_is_prose() -> None:
    text = (
        Path(__file__).parents[1] / "rules" / "spelling" / "pass" / "markup-only.qmd"
    ).read_text("utf-8")
    plan = Plan(
        PLAN.rules, Config(root=Path.cwd()), Selection(select=("prose",)), prose=ProseSettings()
    )
    report = check_text("markup-only.qmd", Path("markup-only.qmd"), text, plan)
    assert report.diagnostics == []
    assert Document.from_text("x.md", text).prose(), "the fixture has prose around its markup"
