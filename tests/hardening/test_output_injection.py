"""No control character or workflow command from a document or a config reaches the output:
escaped in every text format and on standard error, kept as data in the structured ones."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

# A front matter key with a newline and a workflow command after it, ESC colour codes and an
# OSC 52 clipboard write in a heading that is a placeholder.
HOSTILE = (
    '---\n"bad\\n::error file=x::owned": 1\ntitle: "\\e[31mred"\n---\n\n'
    "# TODO \x1b]52;c;b3duZWQ=\x07 \x1b[2J\n\nText.\n"
)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "lint", "check", "--no-prose", "--no-cache", *args]
    return subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "post.md").write_text(HOSTILE, "utf-8")
    schema = {"type": "object", "additionalProperties": False, "properties": {"title": {}}}
    (tmp_path / "post.schema.json").write_text(json.dumps(schema), "utf-8")
    return tmp_path


@pytest.mark.parametrize("output_format", ["text", "concise", "github"])
def test_text_formats_escape_control_characters_and_start_no_line(
    folder: Path, output_format: str
) -> None:
    outcome = _check(folder, "--schema", "post.schema.json", "--format", output_format)
    assert outcome.returncode == 1, outcome.stderr
    assert "placeholder-text" in outcome.stdout and "frontmatter-schema" in outcome.stdout
    assert not CONTROL.search(outcome.stdout), repr(outcome.stdout)
    assert not any(line.startswith("::error file=x") for line in outcome.stdout.splitlines())


def test_structured_formats_keep_the_text_as_data(folder: Path) -> None:
    outcome = _check(folder, "--schema", "post.schema.json", "--format", "json")
    messages = " ".join(item["message"] for item in json.loads(outcome.stdout))
    assert "::error file=x::owned" in messages  # as data inside a JSON string: harmless


def test_a_config_error_on_standard_error_is_escaped_too(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text('"bad\\n::error::owned\\u001b[2J" = 1\n', "utf-8")
    (tmp_path / "post.md").write_text("# Post\n\nText.\n", "utf-8")
    outcome = _check(tmp_path, "--format", "github")
    assert outcome.returncode == 2
    assert not CONTROL.search(outcome.stderr), repr(outcome.stderr)
    assert len(outcome.stderr.strip().splitlines()) == 1
    assert not outcome.stderr.startswith("::")
