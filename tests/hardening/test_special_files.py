"""The walk and the reader: only regular files are read, nothing blocks, the size limit holds
for what is actually read (standard input too), and no link leads the tool out of the project."""

from __future__ import annotations

import json
import os
import shutil
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


def _without_override() -> list[str] | None:
    """A command prefix under which even root cannot enter a ``chmod 000`` folder: setpriv
    drops the capabilities that let root read any folder; None when there is no way."""
    if os.name != "posix":
        return None
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        return None
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]


@pytest.mark.skipif(_without_override() is None, reason="root here and no setpriv to drop that")
def test_a_folder_that_cannot_be_entered_is_named(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text(GOOD, "utf-8")
    closed = tmp_path / "closed"
    closed.mkdir()
    (closed / "hidden.md").write_text(GOOD, "utf-8")
    closed.chmod(0)
    prefix = _without_override() or []
    command = [sys.executable, "-m", "lint", "check", "--no-cache", "--no-prose", "."]
    try:
        outcome = subprocess.run(
            [*prefix, *command, "--format", "json"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        closed.chmod(0o755)
    assert outcome.returncode == 1, outcome.stderr
    assert _findings(json.loads(outcome.stdout)) == {("good.md", "empty-section")}
    assert "warning: ./closed: cannot enter this folder" in outcome.stderr


def test_a_link_or_include_out_of_the_site_reads_nothing_there(tmp_path: Path) -> None:
    """The links rules never read a page outside the site: its headings would reach the
    output as a did-you-mean."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text("# Secret\n\n## The password is swordfish\n", "utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "_quarto.yml").write_text("project:\n  type: website\n", "utf-8")
    (site / "page.qmd").write_text(
        "---\ntitle: Page\n---\n\n[a](../outside/secret.md#the-password-is-swordfis)\n\n"
        "{{< include ../outside/secret.md >}}\n\n[b](#the-password-is-swordfish)\n",
        "utf-8",
    )
    outcome = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--no-cache", "--select", "links", "."],
        cwd=site,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert outcome.returncode == 0, outcome.stdout + outcome.stderr
    assert 'did you mean "#the-password' not in outcome.stdout
