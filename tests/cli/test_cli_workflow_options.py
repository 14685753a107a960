"""The command-line habits of ruff and markdownlint-cli2 users: --output-file, --exit-zero,
--extend-select, --exclude, .gitignore/.ignore when walking (--no-ignore), rules per project."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

# "Install" (line 5) is an empty section.
EMPTY_SECTION = "# Guide\n\nIntro.\n\n## Install\n\n## Use\n\nRun it.\n"
DRAFT = "---\ntitle: Notes\ndraft: true\n---\n\n# Notes\n\nText.\n"


def _paths(contentlint: RunCli, *args: str, cwd: Path | None = None) -> set[str]:
    outcome = contentlint("check", "--no-prose", "--format", "json", *args, cwd=cwd)
    outcome.assert_no_traceback()
    assert outcome.code in (0, 1), outcome.output
    return outcome.paths()


def test_output_file_gets_the_report_and_stdout_stays_empty(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({"guide.md": EMPTY_SECTION})
    outcome = contentlint("check", "--no-prose", "--format", "json", "-o", "report.json")
    assert outcome.code == 1, outcome.output
    assert outcome.stdout == ""
    report = json.loads((project / "report.json").read_text("utf-8"))
    assert [(item["rule"], item["line"]) for item in report] == [("empty-section", 5)]


def test_output_file_in_a_missing_folder_is_one_error(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"guide.md": EMPTY_SECTION})
    outcome = contentlint("check", "--no-prose", "--output-file", "no/such/folder/report.txt")
    assert outcome.code == 2, outcome.output
    outcome.one_line_error("cannot write the report to no/such/folder/report.txt")


def test_exit_zero_passes_a_run_with_problems_but_not_a_broken_one(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"guide.md": EMPTY_SECTION})
    passing = contentlint("check", "--no-prose", "--exit-zero")
    assert passing.code == 0, passing.output
    assert "[empty-section]" in passing.stdout
    broken = contentlint("check", "--no-prose", "--exit-zero", "guide.md", "missing.md")
    assert broken.code == 2, broken.output


def test_extend_select_adds_to_the_configured_rules(contentlint: RunCli, write: WriteFiles) -> None:
    write({"notes.md": DRAFT, "guide.md": EMPTY_SECTION})
    assert contentlint("check", "--no-prose", "--format", "json").rules() == {"empty-section"}
    extended = contentlint(
        "check", "--no-prose", "--format", "json", "--extend-select", "draft-flag"
    )
    assert extended.rules() == {"empty-section", "draft-flag"}
    # With --select, it adds to what was selected; --ignore by id still wins.
    both = contentlint(
        "check", "--no-prose", "--format", "json", "--select", "structure",
        "--extend-select", "unfinished", "--ignore", "empty-section",
    )  # fmt: skip
    assert both.rules() == {"draft-flag"}
    unknown = contentlint("check", "--extend-select", "draft-flags")
    assert unknown.code == 2
    unknown.one_line_error('"draft-flags"', "draft-flag")


def test_exclude_globs_are_relative_to_the_working_folder_and_repeatable(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write(
        {
            "docs/guide.md": EMPTY_SECTION,
            "docs/old/guide.md": EMPTY_SECTION,
            "notes/guide.md": EMPTY_SECTION,
            "top.md": EMPTY_SECTION,
        }
    )
    assert _paths(contentlint, "--exclude", "docs/old/**", "--exclude", "notes") == {
        "docs/guide.md",
        "top.md",
    }
    # Run from a subfolder: the glob is relative to that folder.
    assert _paths(contentlint, "--exclude", "old", ".", cwd=project / "docs") == {"guide.md"}


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def repository(write: WriteFiles, project: Path) -> Path:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    write(
        {
            ".gitignore": "drafts/\n*.tmp.md\n/generated.md\n",
            "site/.ignore": "scratch.md\n",
            "site/guide.md": EMPTY_SECTION,
            "site/scratch.md": EMPTY_SECTION,
            "site/drafts/wip.md": EMPTY_SECTION,
            "site/notes.tmp.md": EMPTY_SECTION,
            "site/generated.md": EMPTY_SECTION,  # /generated.md is anchored at the top only
            "generated.md": EMPTY_SECTION,
            "site/keep/.gitignore": "*\n!important.md\n",
            "site/keep/important.md": EMPTY_SECTION,
            "site/keep/other.md": EMPTY_SECTION,
        }
    )
    _git("init", "-q", cwd=project)
    return project


def test_the_walk_skips_what_gitignore_and_ignore_files_exclude(
    contentlint: RunCli, repository: Path
) -> None:
    assert _paths(contentlint) == {
        "site/guide.md",
        "site/generated.md",
        "site/keep/important.md",
    }
    # Walking a subfolder obeys the ignore files above it, up to the repository's root.
    assert _paths(contentlint, ".", cwd=repository / "site") == {
        "guide.md",
        "generated.md",
        "keep/important.md",
    }


def test_no_ignore_walks_everything_and_named_files_are_always_checked(
    contentlint: RunCli, repository: Path
) -> None:
    assert len(_paths(contentlint, "--no-ignore")) == 8
    assert _paths(contentlint, "site/drafts/wip.md", "site/scratch.md") == {
        "site/drafts/wip.md",
        "site/scratch.md",
    }


def test_rules_shows_the_severity_the_project_gives_each_rule(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"contentlint.toml": '[rules]\nempty-section = "error"\nspelling = "off"\n'})
    lines = {line.split()[0]: line for line in contentlint("rules").stdout.splitlines()}
    assert lines["empty-section"].split()[2] == "error"
    assert lines["empty-section"].endswith("(default warning)")
    assert lines["spelling"].split()[2] == "off"
    assert "(default" not in lines["empty-heading"]
    items = {
        item["id"]: item for item in json.loads(contentlint("rules", "--format", "json").stdout)
    }
    assert items["empty-section"]["effective_severity"] == "error"
    assert items["draft-flag"]["effective_severity"] == "off"
