"""`--select` and `--ignore` by rule id and by group, comma-separated and repeated."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

# One problem for each of four rules in three groups.
FILES: dict[str, str | bytes] = {
    "structure.md": (
        "# Notes\n\n##\n\nText under an empty heading.\n\n## Empty\n\n## Last\n\nDone.\n"
    ),
    "frontmatter.md": "---\ntitle: [not closed\n---\n\n# Fine\n\nText.\n",
    "latin1.md": "# Résumé\n\nText.\n".encode("latin-1"),
}
ALL_RULES = {"empty-heading", "empty-section", "frontmatter-syntax", "file-error"}


@pytest.fixture
def documents(write: WriteFiles) -> None:
    write(FILES)


@pytest.mark.usefixtures("documents")
def test_without_selection_every_rule_reports(invoke: RunCli) -> None:
    assert invoke("check", "--format", "json").rules() == ALL_RULES


@pytest.mark.usefixtures("documents")
@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (["--select", "empty-section"], {"empty-section"}),
        (["--select", "empty-section,file-error"], {"empty-section", "file-error"}),
        (["--select", "empty-section", "--select", "file-error"], {"empty-section", "file-error"}),
        (["--select", "structure"], {"empty-heading", "empty-section"}),
        (["--select", "frontmatter"], {"frontmatter-syntax"}),
        (["--select", "files"], {"file-error"}),
        (["--select", "frontmatter,files"], {"frontmatter-syntax", "file-error"}),
        (["--select", " structure , files "], {"empty-heading", "empty-section", "file-error"}),
        (["--select", "ALL"], ALL_RULES),
        (["--ignore", "empty-heading"], ALL_RULES - {"empty-heading"}),
        (["--ignore", "empty-heading,file-error"], {"empty-section", "frontmatter-syntax"}),
        (["--ignore", "structure"], {"frontmatter-syntax", "file-error"}),
        (["--ignore", "structure,frontmatter"], {"file-error"}),
        (["--ignore", "structure", "--ignore", "files"], {"frontmatter-syntax"}),
        (["--select", "structure", "--ignore", "empty-heading"], {"empty-section"}),
        (["--select", "empty-heading", "--ignore", "structure"], {"empty-heading"}),
        (["--select", "structure,files", "--ignore", "files"], {"empty-heading", "empty-section"}),
    ],
)
def test_selection(invoke: RunCli, options: list[str], expected: set[str]) -> None:
    outcome = invoke("check", "--format", "json", *options)
    assert outcome.code == 1, outcome.output
    assert outcome.rules() == expected


@pytest.mark.usefixtures("documents")
def test_selecting_a_quiet_rule_exits_0(invoke: RunCli) -> None:
    outcome = invoke("check", "--select", "frontmatter-schema")
    assert outcome.code == 0, outcome.output
    assert "No problems found" in outcome.stdout


@pytest.mark.usefixtures("documents")
def test_ignoring_everything_that_fails_exits_0(invoke: RunCli) -> None:
    outcome = invoke("check", "--ignore", "structure,frontmatter,files")
    assert outcome.code == 0, outcome.output


@pytest.mark.usefixtures("documents")
def test_select_works_in_a_real_process(contentlint: RunCli) -> None:
    outcome = contentlint("check", "--select", "structure", "--ignore", "empty-section")
    assert outcome.code == 1, outcome.output
    assert [d["rule"] for d in outcome.diagnostics()] == ["empty-heading"]


@pytest.mark.usefixtures("documents")
def test_select_overrides_a_rule_turned_off_in_the_config(
    invoke: RunCli, write: WriteFiles
) -> None:
    write({"contentlint.toml": '[rules]\nempty-section = "off"\n'})
    assert invoke("check", "--format", "json", "--select", "structure").rules() == {"empty-heading"}
    assert invoke("check", "--format", "json", "--select", "empty-section").rules() == {
        "empty-section"
    }
