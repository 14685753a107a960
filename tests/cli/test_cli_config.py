"""Project config: where it is found, what it sets ([rules], [[schemas]], [[overrides]])."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

# "Install" on line 5 is an empty section.
EMPTY_SECTION = "# Guide\n\nIntro.\n\n## Install\n\n## Use\n\nRun it.\n"
POST_SCHEMA = """\
{
  "type": "object",
  "required": ["title", "date"],
  "properties": {
    "title": {"type": "string"},
    "date": {"type": "string", "format": "date"}
  }
}
"""
# No date (required by the post schema), and a date that is not a date.
POST_WITHOUT_DATE = "---\ntitle: A post\n---\n\n# A post\n\nText.\n"
POST_WITH_BAD_DATE = "---\ntitle: A post\ndate: 10/10/2024\n---\n\n# A post\n\nText.\n"


def _severity_of_empty_section(invoke: RunCli, *args: str, cwd: Path | None = None) -> str | None:
    outcome = invoke("check", "--format", "json", *args, cwd=cwd)
    severities = {item["severity"] for item in outcome.json() if item["rule"] == "empty-section"}
    assert len(severities) <= 1
    return severities.pop() if severities else None


def test_default_severity_without_config(invoke: RunCli, write: WriteFiles) -> None:
    write({"guide.md": EMPTY_SECTION})
    assert _severity_of_empty_section(invoke) == "warning"


@pytest.mark.parametrize("name", ["contentlint.toml", ".contentlint.toml"])
def test_config_found_by_walking_up_from_the_working_folder(
    invoke: RunCli, write: WriteFiles, project: Path, name: str
) -> None:
    write({name: '[rules]\nempty-section = "error"\n', "docs/guides/guide.md": EMPTY_SECTION})
    deep = project / "docs" / "guides"
    assert _severity_of_empty_section(invoke, cwd=deep) == "error"
    assert _severity_of_empty_section(invoke, "guide.md", cwd=deep) == "error"
    assert _severity_of_empty_section(invoke, cwd=project) == "error"


def test_rule_turned_off(invoke: RunCli, write: WriteFiles) -> None:
    write({"contentlint.toml": '[rules]\nempty-section = "off"\n', "guide.md": EMPTY_SECTION})
    outcome = invoke("check")
    assert outcome.code == 0, outcome.output
    assert "No problems found in 1 file" in outcome.stdout


def test_rule_made_an_error_in_text_output(invoke: RunCli, write: WriteFiles) -> None:
    write({"contentlint.toml": '[rules]\nempty-section = "error"\n', "guide.md": EMPTY_SECTION})
    outcome = invoke("check", "--fail-on", "error")
    assert outcome.code == 1, outcome.output
    assert outcome.diagnostic_lines() == [
        'guide.md:5:1: error [empty-section] the section "Install" is empty'
    ]


def test_rule_table_with_severity_and_options(invoke: RunCli, write: WriteFiles) -> None:
    config = '[rules.empty-section]\nseverity = "info"\nallow = ["Install"]\n'
    document = EMPTY_SECTION + "\n## Notes\n"
    write({"contentlint.toml": config, "guide.md": document})
    outcome = invoke("check", "--format", "json")
    assert [(item["line"], item["severity"]) for item in outcome.json()] == [(11, "info")]


def test_pyproject_tool_table(invoke: RunCli, write: WriteFiles, project: Path) -> None:
    write(
        {
            "pyproject.toml": (
                '[project]\nname = "site"\n\n[tool.contentlint.rules]\nempty-section = "error"\n'
            ),
            "docs/guide.md": EMPTY_SECTION,
        }
    )
    assert _severity_of_empty_section(invoke, cwd=project / "docs") == "error"


def test_pyproject_without_tool_table_is_passed_over(
    invoke: RunCli, write: WriteFiles, project: Path
) -> None:
    write(
        {
            "contentlint.toml": '[rules]\nempty-section = "info"\n',
            "site/pyproject.toml": '[project]\nname = "site"\n',
            "site/guide.md": EMPTY_SECTION,
        }
    )
    assert _severity_of_empty_section(invoke, cwd=project / "site") == "info"


def test_nearest_config_wins(invoke: RunCli, write: WriteFiles, project: Path) -> None:
    write(
        {
            "contentlint.toml": '[rules]\nempty-section = "info"\n',
            "site/.contentlint.toml": '[rules]\nempty-section = "error"\n',
            "site/guide.md": EMPTY_SECTION,
        }
    )
    assert _severity_of_empty_section(invoke, cwd=project / "site") == "error"
    # Found from the file, not from the working folder.
    assert _severity_of_empty_section(invoke, "site", cwd=project) == "error"
    assert _severity_of_empty_section(invoke, "site/guide.md", cwd=project) == "error"


def test_config_option_reads_a_file_after_the_project_one(
    invoke: RunCli, write: WriteFiles
) -> None:
    write(
        {
            "contentlint.toml": '[rules]\nempty-section = "error"\nempty-heading = "info"\n',
            "ci/relaxed.toml": '[rules]\nempty-section = "off"\n',
            "ci/strict.toml": '[rules]\nempty-section = "error"\n',
            "guide.md": EMPTY_SECTION + "\n##\n\nText.\n",
        }
    )
    relaxed = invoke("check", "--format", "json", "--config", "ci/relaxed.toml")
    # empty-section is off, and the project file's empty-heading setting still applies.
    assert [(item["rule"], item["severity"]) for item in relaxed.json()] == [
        ("empty-heading", "info")
    ]
    assert _severity_of_empty_section(invoke, "--config", "ci/strict.toml") == "error"


def test_config_option_without_a_project_file(
    invoke: RunCli, write: WriteFiles, tmp_path: Path
) -> None:
    elsewhere = write({"settings.toml": '[rules]\nempty-section = "error"\n'}, tmp_path / "other")
    write({"guide.md": EMPTY_SECTION})
    config = str(elsewhere / "settings.toml")
    assert _severity_of_empty_section(invoke, "--config", config) == "error"


def test_schemas_glob_and_path_relative_to_the_config_file(
    invoke: RunCli, write: WriteFiles, project: Path
) -> None:
    write(
        {
            "contentlint.toml": (
                '[[schemas]]\nfiles = "posts/**"\nschema = "schemas/post.schema.json"\n'
            ),
            "schemas/post.schema.json": POST_SCHEMA,
            "posts/2024/first.md": POST_WITHOUT_DATE,
            "posts/second.qmd": POST_WITH_BAD_DATE,
            "pages/about.md": POST_WITHOUT_DATE,
        }
    )
    # Run from a folder where "schemas/post.schema.json" does not exist: the path is the
    # config file's, not the working folder's.
    for cwd, prefix in ((project, "posts/"), (project / "posts", "")):
        outcome = invoke("check", "--format", "json", ".", cwd=cwd)
        assert outcome.code == 1, outcome.output
        found = {
            (item["path"], item["line"], item["column"], item["message"]) for item in outcome.json()
        }
        assert found == {
            (f"{prefix}2024/first.md", 1, 1, 'missing required key "date"'),
            (
                f"{prefix}second.qmd",
                3,
                7,
                'date: "10/10/2024" is not a valid date (expected YYYY-MM-DD)',
            ),
        }


def test_schema_option_applies_to_every_file(invoke: RunCli, write: WriteFiles) -> None:
    write(
        {
            "post.schema.json": POST_SCHEMA,
            "posts/a.md": POST_WITHOUT_DATE,
            "pages/b.md": POST_WITHOUT_DATE,
        }
    )
    outcome = invoke("check", "--format", "json", "--schema", "post.schema.json")
    assert outcome.positions("frontmatter-schema") == [("pages/b.md", 1, 1), ("posts/a.md", 1, 1)]


def test_last_matching_schema_wins(invoke: RunCli, write: WriteFiles) -> None:
    write(
        {
            "contentlint.toml": (
                '[[schemas]]\nfiles = "**/*.md"\nschema = "post.schema.json"\n\n'
                '[[schemas]]\nfiles = "notes/**"\nschema = "note.schema.json"\n'
            ),
            "post.schema.json": POST_SCHEMA,
            "note.schema.json": '{"required": ["title"]}',
            "notes/a.md": POST_WITHOUT_DATE,
            "posts/a.md": POST_WITHOUT_DATE,
        }
    )
    outcome = invoke("check", "--format", "json")
    assert outcome.paths() == {"posts/a.md"}


def test_overrides_turn_a_rule_off_for_a_glob(invoke: RunCli, write: WriteFiles) -> None:
    write(
        {
            "contentlint.toml": (
                '[rules]\nempty-section = "error"\n\n'
                '[[overrides]]\nfiles = "drafts/**"\nrules = { empty-section = "off" }\n'
            ),
            "drafts/idea.md": EMPTY_SECTION,
            "drafts/2025/later/idea.qmd": EMPTY_SECTION,
            "posts/idea.md": EMPTY_SECTION,
            "posts/drafts.md": EMPTY_SECTION,
        }
    )
    outcome = invoke("check", "--format", "json")
    assert outcome.positions("empty-section") == [
        ("posts/drafts.md", 5, 1),
        ("posts/idea.md", 5, 1),
    ]
    assert {item["severity"] for item in outcome.json()} == {"error"}
    # A file named on the command line gets the override too.
    named = invoke("check", "drafts/idea.md")
    assert named.code == 0, named.output


def test_overrides_change_severity(invoke: RunCli, write: WriteFiles) -> None:
    write(
        {
            "contentlint.toml": (
                '[[overrides]]\nfiles = ["legacy/**", "*.Rmd"]\n'
                'rules = { empty-section = "info" }\n'
            ),
            "legacy/old.md": EMPTY_SECTION,
            "analysis.Rmd": EMPTY_SECTION,
            "new.md": EMPTY_SECTION,
        }
    )
    outcome = invoke("check", "--format", "json")
    assert {(item["path"], item["severity"]) for item in outcome.json()} == {
        ("legacy/old.md", "info"),
        ("analysis.Rmd", "info"),
        ("new.md", "warning"),
    }
