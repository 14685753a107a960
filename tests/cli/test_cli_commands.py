"""The `rules`, `explain`, `--version` and `--help` commands."""

from __future__ import annotations

import json
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Any

import pytest

import lint

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

BUILT_IN_RULES = {
    "file-error": "files",
    "frontmatter-syntax": "frontmatter",
    "frontmatter-schema": "frontmatter",
    "empty-heading": "structure",
    "empty-section": "structure",
}


def _rule_class(rule_id: str) -> Any:
    """The class the installed entry point ``rule_id`` names."""
    for entry in entry_points(group="contentlint.rules"):
        if entry.name == rule_id:
            return entry.load()
    raise AssertionError(f"no entry point for the rule {rule_id}")


def test_rules_lists_the_built_in_rules_with_summaries(invoke: RunCli) -> None:
    outcome = invoke("rules")
    assert outcome.code == 0, outcome.output
    rows = {line.split()[0]: line for line in outcome.stdout.splitlines() if line.strip()}
    for rule_id, group in BUILT_IN_RULES.items():
        assert rule_id in rows, outcome.stdout
        summary = _rule_class(rule_id).summary
        assert isinstance(summary, str) and summary and "\n" not in summary
        assert rows[rule_id].endswith(summary), rows[rule_id]
        assert f" {group} " in rows[rule_id], rows[rule_id]
    assert "warning" in rows["empty-section"] and "error" in rows["frontmatter-syntax"]


def test_rules_as_json(invoke: RunCli) -> None:
    outcome = invoke("rules", "--format", "json")
    assert outcome.code == 0, outcome.output
    rules = {item["id"]: item for item in json.loads(outcome.stdout)}
    assert set(BUILT_IN_RULES) <= set(rules)
    assert rules["empty-section"]["groups"] == ["structure"]
    assert rules["empty-section"]["severity"] == "warning"
    assert rules["empty-section"]["options"]["allow"] == ["References", "Bibliography"]
    assert rules["frontmatter-schema"]["options"] == {"schema": None, "require-front-matter": True}


def test_explain_prints_the_docs_and_options(invoke: RunCli) -> None:
    outcome = invoke("explain", "empty-section")
    assert outcome.code == 0, outcome.output
    text = outcome.stdout
    rule = _rule_class("empty-section")
    assert text.startswith(f"empty-section: {rule.summary}")
    assert "Groups: structure" in text
    assert "Default severity: warning" in text
    first_doc_line = rule.__doc__.strip().splitlines()[0]
    assert first_doc_line in text
    assert "Options:" in text
    assert 'allow (default: ["References", "Bibliography"])' in text
    assert "skip_formats (default:" in text
    assert "Example:" in text


@pytest.mark.parametrize("rule_id", sorted(BUILT_IN_RULES))
def test_explain_every_built_in_rule(invoke: RunCli, rule_id: str) -> None:
    outcome = invoke("explain", rule_id)
    assert outcome.code == 0, outcome.output
    assert outcome.stdout.startswith(f"{rule_id}: ")
    assert "Options:" in outcome.stdout
    assert len(outcome.stdout.splitlines()) > 5


def test_explain_an_unknown_rule(invoke: RunCli) -> None:
    outcome = invoke("explain", "nope")
    assert outcome.code == 2, outcome.output
    assert outcome.stdout == ""
    outcome.one_line_error('unknown rule "nope"', "contentlint rules")


def test_explain_a_misspelt_rule_suggests_the_right_one(contentlint: RunCli) -> None:
    outcome = contentlint("explain", "empty-sectoin")
    outcome.assert_no_traceback()
    assert outcome.code == 2, outcome.output
    outcome.one_line_error('unknown rule "empty-sectoin"', 'did you mean "empty-section"')


def test_explain_a_group_is_not_a_rule(invoke: RunCli) -> None:
    outcome = invoke("explain", "structure")
    assert outcome.code == 2, outcome.output
    outcome.one_line_error('"structure"')


def test_version(contentlint: RunCli) -> None:
    outcome = contentlint("--version")
    assert outcome.code == 0, outcome.output
    assert outcome.stdout.strip() == f"contentlint {lint.__version__}"


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        ((), ("Usage: contentlint", "check", "rules", "explain", "--version", "Exit codes")),
        (
            ("check",),
            (
                "Usage: contentlint check",
                "--format",
                "--select",
                "--ignore",
                "--schema",
                "--config",
                "--fail-on",
                "--stdin-filename",
            ),
        ),
        (("rules",), ("Usage: contentlint rules", "--format")),
        (("explain",), ("Usage: contentlint explain", "RULE")),
    ],
    ids=["main", "check", "rules", "explain"],
)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_help(
    invoke: RunCli, command: tuple[str, ...], expected: tuple[str, ...], flag: str
) -> None:
    outcome = invoke(*command, flag)
    assert outcome.code == 0, outcome.output
    for fragment in expected:
        assert fragment in outcome.stdout, outcome.stdout


def test_unknown_command(invoke: RunCli) -> None:
    outcome = invoke("lint")
    assert outcome.code == 2, outcome.output
    assert "lint" in outcome.stderr


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("check", "--fail-on", "bad"), "--fail-on"),
        (("check", "--jobs", "0"), "--jobs"),
        (("check", "--bogus"), "--bogus"),
        (("frobnicate",), "frobnicate"),
    ],
)
def test_a_mistyped_option_is_one_error_line_and_exit_2(
    contentlint: RunCli, args: tuple[str, ...], fragment: str
) -> None:
    outcome = contentlint(*args)
    assert outcome.code == 2
    line = outcome.one_line_error(fragment)
    assert "--help" in line and "Usage:" not in outcome.output


def test_statistics_are_shown_with_quiet(contentlint: RunCli, write: WriteFiles) -> None:
    write({"a.md": "# A\n\n## B\n\n## C\n"})
    outcome = contentlint("check", "--no-prose", "-q", "--statistics", "a.md")
    assert outcome.stdout.rstrip().endswith("2  empty-section  structure")
    assert "Found" not in outcome.stdout


def test_statistics_stand_alone(contentlint: RunCli, write: WriteFiles) -> None:
    write({"a.md": "# A\n\n## B\n\n## C\n", "b.md": "# B\n\nTODO: write.\n"})
    outcome = contentlint("check", "--no-prose", "--statistics", ".")
    assert outcome.code == 1
    assert outcome.diagnostic_lines() == []  # the table stands in for the problems
    lines = outcome.stdout.splitlines()
    assert "2  empty-section     structure" in lines
    assert "1  placeholder-text  unfinished" in lines
    assert any(line.startswith("Found 3 problems") for line in lines)
