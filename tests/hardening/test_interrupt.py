"""Ctrl-C: the run stops promptly, no worker outlives it, and the cache stays sound."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path


def _processes_mentioning(marker: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            command = (entry / "cmdline").read_bytes().decode("utf-8", "replace")
        except OSError:
            continue
        if marker in command:
            found.append(int(entry.name))
    return found


def _interruptible() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_stops_the_workers_and_keeps_the_cache_sound(tmp_path: Path) -> None:
    posts = tmp_path / "interrupted-run-posts"
    posts.mkdir()
    paragraph = "A paragraph long enough to take a moment to *parse* and `check`. " * 80
    for number in range(3000):
        (posts / f"post-{number:04}.md").write_text(
            f"# Post {number}\n\n{paragraph}\n\n## Empty\n", "utf-8"
        )
    cache = tmp_path / "cache"
    env = {**os.environ, "CONTENTLINT_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "lint", "check", "--no-prose", "--jobs", "2", str(posts)]
    run = subprocess.Popen(
        command,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        # Ctrl-C as a terminal sends it, even when this suite runs as a background job (whose
        # children inherit SIGINT ignored).
        preexec_fn=_interruptible,
    )
    time.sleep(1.5)
    assert run.poll() is None, "the run ended before it could be interrupted"
    interrupted_at = time.monotonic()
    run.send_signal(signal.SIGINT)
    _, stderr = run.communicate(timeout=30)
    assert time.monotonic() - interrupted_at < 10
    assert run.returncode == 130, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    deadline = time.monotonic() + 10
    while _processes_mentioning(str(posts)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _processes_mentioning(str(posts)) == []

    for database in cache.glob("*.sqlite3"):
        with sqlite3.connect(database) as connection:
            assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    resumed = subprocess.run(command, env=env, capture_output=True, check=False, timeout=300)
    clean = subprocess.run(
        [*command[:3], "check", "--no-prose", "--no-cache", "--jobs", "2", str(posts)],
        env=env,
        capture_output=True,
        check=False,
        timeout=300,
    )
    assert resumed.returncode == clean.returncode == 1
    assert resumed.stdout == clean.stdout
