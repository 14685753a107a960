"""Worker processes: one killed (as the OOM killer would) costs only the file that killed it,
retried once in a fresh worker; SIGTERM, SIGHUP or kill -9 of the main process ends them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.cli.test_cli_plugins import make_plugin
from tests.hardening.test_interrupt import _processes_mentioning

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="signals and /proc as on Linux")

KILLER = '''
import os, signal
from lint.rule import NO_OPTIONS
from lint.diagnostics import Severity


class Killer:
    """Kills its own process on a page that says KILLME (a stand-in for the OOM killer)."""

    id = "killer"
    summary = "Kills the worker."
    groups = ("house-style",)
    severity = Severity.WARNING
    options_schema = NO_OPTIONS

    def check(self, doc, options):
        if "KILLME" in doc.text:
            os.kill(os.getpid(), signal.SIGKILL)
        return iter(())
'''
EMPTY_SECTION = "# Post {number}\n\nText.\n\n## Empty\n"


def _posts(folder: Path, count: int, paragraph: str = "Text.") -> Path:
    posts = folder / "process-test-posts"
    posts.mkdir()
    for number in range(count):
        text = EMPTY_SECTION.format(number=number).replace("Text.", paragraph)
        (posts / f"post-{number:04}.md").write_text(text, "utf-8")
    return posts


def test_a_killed_worker_costs_only_its_file(tmp_path: Path) -> None:
    plugins = tmp_path / "site-packages"
    plugins.mkdir()
    make_plugin(plugins, "killer", "killer", KILLER, "killer = killer:Killer\n")
    posts = _posts(tmp_path, 40)
    (posts / "post-0017.md").write_text("# Post\n\nKILLME\n\n## Empty\n", "utf-8")
    env = {**os.environ, "PYTHONPATH": str(plugins), "CONTENTLINT_CACHE_DIR": str(tmp_path / "c")}
    command = [sys.executable, "-m", "lint", "check", "--no-prose", "--format", "json", "-j", "2"]
    outcome = subprocess.run(
        [*command, str(posts)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert outcome.returncode == 2, outcome.stderr  # a crash is never exit 1
    assert "Traceback" not in outcome.stderr
    found = json.loads(outcome.stdout)
    crashed = {Path(item["path"]).name for item in found if item["rule"] == "internal-error"}
    assert crashed == {"post-0017.md"}
    sections = {Path(item["path"]).name for item in found if item["rule"] == "empty-section"}
    assert len(sections) == 39 and "post-0017.md" not in sections


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL])
def test_stopping_the_main_process_ends_the_workers(tmp_path: Path, stop: int) -> None:
    paragraph = "A paragraph long enough to take a moment to *parse* and `check`. " * 80
    posts = _posts(tmp_path, 3000, paragraph)
    env = {**os.environ, "CONTENTLINT_CACHE_DIR": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "lint", "check", "--no-prose", "--jobs", "2", str(posts)]
    # As `contentlint … | cat` would: the output is a pipe someone reads to its end.
    run = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(1.5)
    assert run.poll() is None, "the run ended before it could be stopped"
    stopped_at = time.monotonic()
    run.send_signal(stop)
    _, stderr = run.communicate(timeout=30)  # returns only once every writer closed the pipe
    assert time.monotonic() - stopped_at < 15
    if stop != signal.SIGKILL:
        assert run.returncode == 128 + stop, stderr
        assert b"interrupted" in stderr and b"Traceback" not in stderr
    deadline = time.monotonic() + 10
    while _processes_mentioning(str(posts)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_mentioning(str(posts)) == []
