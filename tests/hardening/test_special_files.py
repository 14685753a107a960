"""The walk and the reader: only regular files are read, nothing blocks, the size limit holds
for what is actually read (standard input too), and no link leads the tool out of the project."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hardening.test_bad_inputs import run

GOOD = "# Good\n\n## Empty\n\n## Full\n\nText.\n"  # one empty-section finding, line 3


def _findings(results: list[dict[str, object]]) -> set[tuple[object, object]]:
    return {(item["path"], item["rule"]) for item in results}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_fifo_named_like_a_document_is_reported_not_waited_for(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, "utf-8")
    os.mkfifo(tmp_path / "x.md")
    code, results, stderr, _ = run(tmp_path, "--no-prose", ".", seconds=10)
    assert code == 1, stderr
    assert _findings(results) == {("good.md", "empty-section"), ("x.md", "file-error")}
    message = next(item["message"] for item in results if item["rule"] == "file-error")
    assert "named pipe" in str(message)


def test_a_link_to_a_device_or_outside_the_project_is_not_read(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    (project / "docs" / "good.md").write_text(GOOD, "utf-8")
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n\nThe password is hunter2 TODO.\n", "utf-8")
    (project / "docs" / "leak.md").symlink_to(secret)
    (project / "docs" / "zero.md").symlink_to("/dev/zero")
    (project / "docs" / "alias.md").symlink_to(project / "docs" / "good.md")
    code, results, stderr, peak_kb = run(project, "--no-prose", "docs", seconds=10)
    assert code == 1, stderr
    assert _findings(results) == {("docs/good.md", "empty-section")}  # alias.md is good.md
    assert "hunter2" not in stderr and "hunter2" not in str(results)
    warnings = [line for line in stderr.splitlines() if line.startswith("warning:")]
    assert warnings == [
        "warning: docs/leak.md: a link to outside the project; not read",
        "warning: docs/zero.md: a link to outside the project; not read",
    ]
    assert peak_kb < 300 * 1024


def test_a_device_named_on_the_command_line_is_a_file_error(tmp_path: Path) -> None:
    code, results, stderr, peak_kb = run(tmp_path, "--no-prose", "/dev/zero", seconds=10)
    assert code == 1, stderr
    assert [(item["rule"], "character device" in str(item["message"])) for item in results] == [
        ("file-error", True)
    ]
    assert peak_kb < 300 * 1024


def test_standard_input_obeys_the_size_limit(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text("[limits]\nmax-file-size = 1\n", "utf-8")
    command = [sys.executable, "-m", "lint", "check", "--no-prose", "--format", "json", "-"]
    outcome = subprocess.run(
        command,
        cwd=tmp_path,
        input=b"# Big\n\n" + b"word " * (3 * 1024 * 1024 // 5),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert outcome.returncode == 1, outcome.stderr
    assert b"larger than 1 MB" in outcome.stdout


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root enters any folder")
def test_a_folder_that_cannot_be_entered_is_named(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, "utf-8")
    closed = tmp_path / "closed"
    closed.mkdir()
    closed.chmod(0)
    try:
        code, results, stderr, _ = run(tmp_path, "--no-prose", ".", seconds=10)
    finally:
        closed.chmod(0o755)
    assert code == 1
    assert _findings(results) == {("good.md", "empty-section")}
    assert "warning: ./closed: cannot enter this folder" in stderr
