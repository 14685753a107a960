"""Exit codes 0, 1 and 2 of `contentlint check`, --fail-on, and one-line usage errors."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

CLEAN = """\
---
title: A clean page
---

# A clean page

Some text about the page.

## Details

More text, with a [link](https://example.com).
"""

# "Install" (line 5) is followed directly by a heading of the same level.
EMPTY_SECTION = """\
# Guide

An introduction.

## Install

## Use

Run the tool.
"""


def test_clean_folder_exits_0_and_says_so(invoke: RunCli, write: WriteFiles) -> None:
    write({"index.md": CLEAN, "docs/more.md": CLEAN})
    outcome = invoke("check")
    assert outcome.code == 0, outcome.output
    assert "No problems found" in outcome.stdout
    assert "2 files" in outcome.stdout
    assert outcome.diagnostic_lines() == []


def test_empty_section_exits_1_with_a_located_warning(invoke: RunCli, write: WriteFiles) -> None:
    write({"clean.md": CLEAN, "guide.md": EMPTY_SECTION})
    outcome = invoke("check", ".")
    assert outcome.code == 1, outcome.output
    assert outcome.diagnostic_lines() == [
        'guide.md:5:1: warning [empty-section] the section "Install" is empty'
    ]
    assert "1 problem" in outcome.stdout


def test_real_process_exit_code_is_1(contentlint: RunCli, write: WriteFiles) -> None:
    write({"guide.md": EMPTY_SECTION})
    outcome = contentlint("check", "guide.md")
    assert outcome.code == 1, outcome.output
    assert outcome.diagnostic_lines()[0].startswith("guide.md:5:1: warning [empty-section] ")
    outcome.assert_no_traceback()


def test_fail_on_error_ignores_warnings(invoke: RunCli, write: WriteFiles) -> None:
    write({"guide.md": EMPTY_SECTION})
    outcome = invoke("check", "--fail-on", "error", "guide.md")
    assert outcome.code == 0, outcome.output
    # The warning is still reported; it just does not fail the run.
    assert len(outcome.diagnostic_lines()) == 1


def test_fail_on_error_fails_on_errors(invoke: RunCli, write: WriteFiles) -> None:
    write({"broken.md": "---\ntitle: [unclosed\n---\n\nText.\n"})
    outcome = invoke("check", "--fail-on", "error", "broken.md")
    assert outcome.code == 1, outcome.output
    assert "error [frontmatter-syntax]" in outcome.stdout


def test_fail_on_info_fails_on_info_and_warnings(invoke: RunCli, write: WriteFiles) -> None:
    write(
        {
            "contentlint.toml": '[rules]\nempty-section = "info"\n',
            "guide.md": EMPTY_SECTION,
        }
    )
    by_default = invoke("check", "guide.md")
    assert by_default.code == 0, by_default.output
    assert "info [empty-section]" in by_default.stdout
    on_info = invoke("check", "--fail-on", "info", "guide.md")
    assert on_info.code == 1, on_info.output

    write({"contentlint.toml": ""})
    warning_on_info = invoke("check", "--fail-on", "info", "guide.md")
    assert warning_on_info.code == 1, warning_on_info.output
    assert "warning [empty-section]" in warning_on_info.stdout


def test_fail_on_from_the_config(invoke: RunCli, write: WriteFiles) -> None:
    write({"contentlint.toml": 'fail-on = "error"\n', "guide.md": EMPTY_SECTION})
    assert invoke("check", "guide.md").code == 0
    # The command line wins over the config.
    assert invoke("check", "--fail-on", "warning", "guide.md").code == 1


def test_clean_run_with_only_info_exits_0(invoke: RunCli, write: WriteFiles) -> None:
    write({"contentlint.toml": '[rules]\nempty-section = "info"\n', "guide.md": EMPTY_SECTION})
    assert invoke("check", "--fail-on", "warning", "guide.md").code == 0


@pytest.mark.parametrize(
    ("args", "fragments"),
    [
        (("--format", "yaml"), ('unknown format "yaml"', "json", "text")),
        (("--format", "jsn"), ('unknown format "jsn"', 'did you mean "json"')),
        (("--select", "no-such-rule"), ('"no-such-rule"',)),
        (("--select", "empty-sectoin"), ('"empty-sectoin"', 'did you mean "empty-section"')),
        (("--select", "structure,frontmater"), ('"frontmater"', 'did you mean "frontmatter"')),
        (("--ignore", "empty-headin"), ('"empty-headin"', 'did you mean "empty-heading"')),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    invoke: RunCli, write: WriteFiles, args: tuple[str, ...], fragments: tuple[str, ...]
) -> None:
    write({"guide.md": EMPTY_SECTION})
    outcome = invoke("check", *args, "guide.md")
    assert outcome.code == 2, outcome.output
    outcome.one_line_error(*fragments)
    assert outcome.stdout == ""


def test_usage_error_in_a_real_process(contentlint: RunCli, write: WriteFiles) -> None:
    write({"guide.md": EMPTY_SECTION})
    outcome = contentlint("check", "--format", "nope", "--select", "structure", "guide.md")
    assert outcome.code == 2, outcome.output
    outcome.one_line_error('unknown format "nope"')
    outcome.assert_no_traceback()


def test_invalid_fail_on_is_a_usage_error(invoke: RunCli, write: WriteFiles) -> None:
    write({"guide.md": EMPTY_SECTION})
    outcome = invoke("check", "--fail-on", "fatal", "guide.md")
    assert outcome.code == 2, outcome.output
    assert "fatal" in outcome.stderr
