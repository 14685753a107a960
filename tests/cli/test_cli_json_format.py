"""`--format json`: one JSON array of diagnostic objects with exactly DESIGN.md's keys."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

KEYS = {
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "severity",
    "message",
    "source",
    "code",
    "suggestions",
    "fix",
}

DOCUMENT = """\
---
title: [not closed
---

# Notes

##

Text under an empty heading.

## Empty

## Last

Done.
"""


def test_every_object_has_exactly_the_documented_keys(invoke: RunCli, write: WriteFiles) -> None:
    write({"notes.md": DOCUMENT, "other/latin.md": b"caf\xe9\n"})
    outcome = invoke("check", "--format", "json")
    assert outcome.code == 1, outcome.output
    items = json.loads(outcome.stdout)
    assert isinstance(items, list)
    assert {item["rule"] for item in items} == {
        "frontmatter-syntax",
        "empty-heading",
        "empty-section",
        "file-error",
    }
    for item in items:
        assert set(item) == KEYS, item
        assert isinstance(item["path"], str)
        for key in ("line", "column", "end_line", "end_column"):
            assert isinstance(item[key], int) and item[key] >= 1, item
        assert (item["end_line"], item["end_column"]) >= (item["line"], item["column"]), item
        assert item["severity"] in {"error", "warning", "info"}
        assert isinstance(item["message"], str) and item["message"]
        assert item["rule"] not in item["message"]
        assert item["source"] == "contentlint"
        assert item["code"] is None or isinstance(item["code"], str)
        assert isinstance(item["suggestions"], list)
        assert isinstance(item["fix"], list)


def test_values_match_the_text_format(invoke: RunCli, write: WriteFiles) -> None:
    write({"notes.md": DOCUMENT})
    items = invoke("check", "--format", "json", "notes.md").json()
    text = invoke("check", "notes.md").diagnostics()
    assert [
        (item["path"], str(item["line"]), str(item["column"]), item["rule"], item["message"])
        for item in items
    ] == [(d["path"], d["line"], d["column"], d["rule"], d["message"]) for d in text]
    empty_section = next(item for item in items if item["rule"] == "empty-section")
    assert empty_section == {
        "path": "notes.md",
        "line": 11,
        "column": 1,
        "end_line": 11,
        "end_column": 9,
        "rule": "empty-section",
        "severity": "warning",
        "message": 'the section "Empty" is empty',
        "source": "contentlint",
        "code": None,
        "suggestions": [],
        "fix": [],
    }


def test_a_clean_run_prints_an_empty_array(invoke: RunCli, write: WriteFiles) -> None:
    write({"fine.md": "# Fine\n\nText.\n"})
    outcome = invoke("check", "--format", "json")
    assert outcome.code == 0, outcome.output
    assert json.loads(outcome.stdout) == []


def test_json_output_is_only_json(contentlint: RunCli, write: WriteFiles) -> None:
    write({"notes.md": DOCUMENT})
    outcome = contentlint("check", "--format", "json", "notes.md")
    assert outcome.code == 1
    # No summary line before or after the array: the whole output parses.
    assert len(outcome.json()) == 3
    assert outcome.stderr == ""
