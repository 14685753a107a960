"""The bundled examples/ folder: the README's first command shows exactly these findings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli

REPOSITORY = Path(__file__).parents[2]

EXPECTED = [
    ("examples/launch-notes.md", 17, 48, "placeholder-text"),
    ("examples/launch-notes.md", 20, 1, "empty-section"),
    ("examples/launch-notes.md", 29, 1, "stub-paragraph"),
    ("examples/launch-notes.md", 31, 1, "stub-paragraph"),
    ("examples/launch-notes.md", 33, 1, "stub-paragraph"),
    ("examples/launch-notes.md", 37, 54, "truncated-text"),
    ("examples/retention-analysis.Rmd", 6, 1, "frontmatter-syntax"),
    # A heading with no text is empty-heading's to report, not also an empty section.
    ("examples/retention-analysis.Rmd", 24, 1, "empty-heading"),
    ("examples/retention-analysis.Rmd", 28, 71, "truncated-text"),
    ("examples/workshop-recap.qmd", 19, 1, "outline-section"),
    ("examples/workshop-recap.qmd", 31, 3, "placeholder-text"),
    ("examples/workshop-recap.qmd", 31, 8, "broken-link"),  # the figure is not there yet
    ("examples/workshop-recap.qmd", 35, 41, "placeholder-text"),
]


def test_the_examples_show_every_defect_they_were_written_with(contentlint: RunCli) -> None:
    outcome = contentlint("check", "--no-prose", "--format", "json", "examples", cwd=REPOSITORY)
    assert outcome.code == 1, outcome.output
    found = [(item["path"], item["line"], item["column"], item["rule"]) for item in outcome.json()]
    assert found == EXPECTED


def test_the_finished_example_is_clean(contentlint: RunCli) -> None:
    outcome = contentlint("check", "examples/style-guide.md", cwd=REPOSITORY)
    assert outcome.code == 0, outcome.output
    assert outcome.diagnostic_lines() == []


def test_the_prose_engine_finds_the_misspelt_word_at_its_column(contentlint: RunCli) -> None:
    outcome = contentlint(
        "check",
        "--select",
        "spelling",
        "--format",
        "json",
        "--no-cache",
        "examples",
        cwd=REPOSITORY,
    )
    found = [
        (item["path"], item["line"], item["column"], item["end_column"]) for item in outcome.json()
    ]
    assert ("examples/workshop-recap.qmd", 10, 28, 38) in found
    typo = next(item for item in outcome.json() if item["line"] == 10)
    assert typo["source"] == "harper" and "environment" in typo["suggestions"]
