"""Standard input: `check --stdin-filename PATH -` reports and configures as if it were PATH."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

# No "date" (the schema requires it) and an empty section on line 7.
DOCUMENT = "---\ntitle: From the editor\n---\n\n# From the editor\n\n## Empty\n\n## Full\n\nText.\n"
CONFIG = """\
[[schemas]]
files = "posts/**"
schema = "schemas/post.schema.json"

[[overrides]]
files = "drafts/**"
rules = { empty-section = "off" }

[rules]
empty-heading = "error"
"""
SCHEMA = '{"required": ["title", "date"]}'


@pytest.fixture
def site(write: WriteFiles) -> Path:
    # The files on disk are clean: only what comes on standard input may be reported.
    return write(
        {
            "contentlint.toml": CONFIG,
            "schemas/post.schema.json": SCHEMA,
            "posts/a.md": "---\ntitle: On disk\ndate: 2024-01-01\n---\n\nClean.\n",
        }
    )


def test_stdin_reported_under_its_filename_with_its_schema(contentlint: RunCli, site: Path) -> None:
    outcome = contentlint("check", "--stdin-filename", "posts/a.md", "-", stdin=DOCUMENT)
    outcome.assert_no_traceback()
    assert outcome.code == 1, outcome.output
    assert outcome.diagnostic_lines() == [
        'posts/a.md:1:1: error [frontmatter-schema] missing required key "date"',
        'posts/a.md:7:1: warning [empty-section] the section "Empty" is empty',
    ]
    assert "1 of 1 file" in outcome.stdout


def test_stdin_without_dash(invoke: RunCli, site: Path) -> None:
    outcome = invoke("check", "--format", "json", "--stdin-filename", "posts/a.md", stdin=DOCUMENT)
    assert outcome.code == 1, outcome.output
    assert outcome.positions("frontmatter-schema") == [("posts/a.md", 1, 1)]


def test_stdin_gets_the_overrides_of_its_path(contentlint: RunCli, site: Path) -> None:
    outcome = contentlint(
        "check", "--format", "json", "--stdin-filename", "drafts/idea.md", "-", stdin=DOCUMENT
    )
    outcome.assert_no_traceback()
    assert outcome.code == 0, outcome.output
    assert outcome.json() == []


def test_stdin_gets_the_rules_table(invoke: RunCli, site: Path) -> None:
    document = "# Title\n\n##\n\nText.\n"
    outcome = invoke("check", "--stdin-filename", "notes/x.md", "-", stdin=document)
    assert outcome.diagnostic_lines() == [
        "notes/x.md:3:1: error [empty-heading] level 2 heading has no text"
    ]


def test_stdin_path_is_relative_to_the_working_folder(contentlint: RunCli, site: Path) -> None:
    # From posts/, the name a.md is posts/a.md: the config above is found and its schema applies.
    outcome = contentlint(
        "check",
        "--format",
        "json",
        "--stdin-filename",
        "a.md",
        "-",
        cwd=site / "posts",
        stdin=DOCUMENT,
    )
    assert outcome.code == 1, outcome.output
    assert outcome.positions("frontmatter-schema") == [("a.md", 1, 1)]
    assert outcome.positions("empty-section") == [("a.md", 7, 1)]


def test_stdin_with_schema_option_and_select(invoke: RunCli, site: Path) -> None:
    outcome = invoke(
        "check",
        "--select",
        "frontmatter",
        "--schema",
        "schemas/post.schema.json",
        "--stdin-filename",
        "pages/about.md",
        "-",
        stdin=DOCUMENT,
    )
    assert outcome.diagnostic_lines() == [
        'pages/about.md:1:1: error [frontmatter-schema] missing required key "date"'
    ]


def test_stdin_bytes_that_are_not_utf8(contentlint: RunCli, site: Path) -> None:
    outcome = contentlint(
        "check", "--stdin-filename", "posts/b.md", "-", stdin="# Café\n".encode("latin-1")
    )
    outcome.assert_no_traceback()
    assert outcome.code == 1, outcome.output
    assert outcome.diagnostics()[0]["path"] == "posts/b.md"
    assert outcome.diagnostics()[0]["rule"] == "file-error"


def test_stdin_keeps_crlf_positions(contentlint: RunCli, site: Path) -> None:
    document = DOCUMENT.replace("\n", "\r\n")
    outcome = contentlint(
        "check", "--format", "json", "--stdin-filename", "notes/c.md", stdin=document
    )
    assert outcome.positions("empty-section") == [("notes/c.md", 7, 1)]


def test_stdin_without_a_filename(invoke: RunCli, site: Path) -> None:
    outcome = invoke("check", "-", stdin=DOCUMENT)
    outcome.assert_no_traceback()
    assert outcome.code == 1, outcome.output
    assert [d["path"] for d in outcome.diagnostics()] == ["-"]


def test_stdin_together_with_files(invoke: RunCli, site: Path) -> None:
    outcome = invoke(
        "check",
        "--format",
        "json",
        "--stdin-filename",
        "posts/new.md",
        "-",
        "posts/a.md",
        stdin=DOCUMENT,
    )
    assert outcome.code == 1, outcome.output
    assert outcome.paths() == {"posts/new.md"}
