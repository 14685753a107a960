"""A damaged cache entry is a miss, never an error or a wrong answer; a change of [limits]
is a new result, not a stale one."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

PAGE = "# Page\n\nTODO: finish.\n\n## Empty\n\n## Full\n\nText.\n"


def _check(folder: Path, cache: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CONTENTLINT_CACHE_DIR": str(cache)}
    command = [sys.executable, "-m", "lint", "check", "--format", "json", *args, "."]
    return subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=120, check=False, env=env
    )


def _damage(database: Path, how: str) -> int:
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT key, value FROM entries").fetchall()
        for key, value in rows:
            if how == "flip":
                middle = len(value) // 2
                damaged = (
                    value[:middle] + ("x" if value[middle] != "x" else "y") + value[middle + 1 :]
                )
            else:
                damaged = "not even json"
            connection.execute("UPDATE entries SET value = ? WHERE key = ?", (damaged, key))
    return len(rows)


@pytest.mark.parametrize("how", ["flip", "garbage"])
@pytest.mark.parametrize("name", ["results", "prose"])
def test_a_damaged_entry_is_a_miss(tmp_path: Path, name: str, how: str) -> None:
    folder, cache = tmp_path / "site", tmp_path / "cache"
    folder.mkdir()
    (folder / "page.md").write_text(PAGE, "utf-8")
    first = _check(folder, cache)
    assert first.returncode == 1, first.stderr
    assert _damage(cache / f"{name}-v2.sqlite3", how) > 0
    again = _check(folder, cache)
    assert again.returncode == first.returncode, again.stderr
    assert "Traceback" not in again.stderr and "internal-error" not in again.stdout
    assert json.loads(again.stdout) == json.loads(first.stdout)


def test_a_limits_change_is_a_new_result_not_a_stale_one(tmp_path: Path) -> None:
    folder, cache = tmp_path / "site", tmp_path / "cache"
    folder.mkdir()
    # An empty heading 25 quotes deep: past the default max-nesting (20) it is read as text.
    (folder / "page.md").write_text("# Page\n\nText.\n\n" + "> " * 25 + "#\n", "utf-8")
    assert json.loads(_check(folder, cache, "--no-prose").stdout) == []
    (folder / "contentlint.toml").write_text("[limits]\nmax-nesting = 50\n", "utf-8")
    deeper = json.loads(_check(folder, cache, "--no-prose").stdout)
    assert [item["rule"] for item in deeper] == ["empty-heading"]
