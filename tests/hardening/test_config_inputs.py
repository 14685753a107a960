"""Hostile configs: a glob that is no pattern, a glob that would backtrack for ever, a word list
that never ends, and a config above the repository that would take it over."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lint.globs import GlobError, compile_glob, matches

GOOD = "# Good\n\n## Empty\n\n## Full\n\nText.\n"


def _check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "lint", "check", "--no-cache", *args]
    return subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize("where", ["config", "option"])
def test_a_glob_that_is_no_pattern_is_one_error(tmp_path: Path, where: str) -> None:
    (tmp_path / "good.md").write_text(GOOD, "utf-8")
    if where == "config":
        (tmp_path / "contentlint.toml").write_text('exclude = ["[z-a].md"]\n', "utf-8")
        outcome = _check(tmp_path, "--no-prose")
    else:
        outcome = _check(tmp_path, "--no-prose", "--exclude", "[z-a].md")
    assert outcome.returncode == 2, outcome.stderr
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and "[z-a].md" in lines[0]
    with pytest.raises(GlobError):
        compile_glob("[z-a].md")


def test_globs_of_many_stars_match_long_names_in_linear_time() -> None:
    name = "a-" * 5000 + "b"
    started = time.perf_counter()
    assert not matches(name, ("*-*-*-*-*-*-*-*.txt",))
    assert matches(name + ".txt", ("*-*-*-*-*-*-*-*.txt",))
    assert time.perf_counter() - started < 1.0
    assert matches("x-y-z.md", ("*-*-*.md",)) and not matches("x-y.md", ("*-*-*.md",))
    assert matches("ababab", ("*ab*ab",)) and matches("docs/a-b.md", ("docs/*-*.md",))


def test_a_vocabulary_that_is_a_device_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, "utf-8")
    (tmp_path / "contentlint.toml").write_text('[prose]\nvocabulary = "/dev/zero"\n', "utf-8")
    outcome = _check(tmp_path)
    assert outcome.returncode == 2, outcome.stderr
    assert "character device" in outcome.stderr and "Traceback" not in outcome.stderr


def test_a_config_above_the_repository_does_not_take_it_over(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text('exclude = ["**"]\n', "utf-8")
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    (repository / "good.md").write_text(GOOD, "utf-8")
    outcome = _check(repository, "--no-prose", "--format", "concise")
    assert outcome.returncode == 1, outcome.stdout + outcome.stderr
    assert "good.md:3:1: warning [empty-section]" in outcome.stdout


@pytest.mark.parametrize("value", ["nan", "inf", "-inf"])
def test_a_limit_that_is_not_a_finite_number_is_one_error(tmp_path: Path, value: str) -> None:
    (tmp_path / "good.md").write_text(GOOD, "utf-8")
    (tmp_path / "contentlint.toml").write_text(f"[limits]\npattern-seconds = {value}\n", "utf-8")
    outcome = _check(tmp_path, "--no-prose")
    assert outcome.returncode == 2, outcome.stderr
    assert outcome.stderr.startswith("error: ") and "contentlint.toml:2:" in outcome.stderr


def test_a_backtracking_schema_pattern_is_stopped_and_said(tmp_path: Path) -> None:
    schema = (
        '{"type": "object", "properties": {"slug": {"pattern": "^(a|a)*$"}},'
        ' "patternProperties": {"^(b|b)*$": {}}, "additionalProperties": false}'
    )
    (tmp_path / "post.schema.json").write_text(schema, "utf-8")
    (tmp_path / "contentlint.toml").write_text("[limits]\npattern-seconds = 0.2\n", "utf-8")
    slug = "a" * 40 + "!"
    (tmp_path / "post.md").write_text(f"---\nslug: {slug}\n---\n\n# Post\n\nText.\n", "utf-8")
    (tmp_path / "other.md").write_text(f"---\n{'b' * 40}!: 1\n---\n\n# Post\n\nText.\n", "utf-8")
    started = time.perf_counter()
    outcome = _check(tmp_path, "--no-prose", "--schema", "post.schema.json", "--format", "concise")
    assert time.perf_counter() - started < 20
    assert outcome.returncode == 1, outcome.stderr
    lines = [line for line in outcome.stdout.splitlines() if "frontmatter-schema" in line]
    assert any(line.startswith("post.md:2:7:") for line in lines)  # checked or stopped
    timed_out = [line for line in lines if "took more than 0.2 s" in line]
    assert len(timed_out) == 1 and timed_out[0].startswith("other.md:")


def _alias_bomb_schema() -> str:
    lines = ["type: object", "definitions:", "  a: &a {enum: [x, x, x, x, x, x, x, x, x]}"]
    for level in range(8):
        name, previous = chr(98 + level), chr(97 + level)
        lines.append(f"  {name}: &{name} {{allOf: [{', '.join(['*' + previous] * 9)}]}}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", ["device", "fifo-ref", "alias-bomb", "deep"])
def test_a_hostile_schema_is_one_error(tmp_path: Path, case: str) -> None:
    (tmp_path / "post.md").write_text("---\ntitle: T\n---\n\n# T\n\nText.\n", "utf-8")
    schema = "post.schema.json"
    if case == "device":
        schema = "/dev/zero"
    elif case == "fifo-ref":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes here")
        os.mkfifo(tmp_path / "part.json")
        (tmp_path / schema).write_text('{"$ref": "part.json"}', "utf-8")
    elif case == "alias-bomb":
        schema = "post.schema.yaml"
        (tmp_path / schema).write_text(_alias_bomb_schema(), "utf-8")
    else:
        (tmp_path / schema).write_text('{"items": ' * 3000 + "{}" + "}" * 3000, "utf-8")
    started = time.perf_counter()
    outcome = _check(tmp_path, "--no-prose", "--schema", schema)
    assert time.perf_counter() - started < 20
    assert outcome.returncode == 2, outcome.stdout + outcome.stderr
    lines = outcome.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), outcome.stderr
