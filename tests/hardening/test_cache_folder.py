"""contentlint writes only inside a cache folder it created or recognises as its own (a
CACHEDIR.TAG), never in a system folder, never through a symbolic link."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

GOOD = "# Good\n\nText.\n"


def _check(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "CONTENTLINT_CACHE_DIR"}
    command = [sys.executable, "-m", "lint", "check", "--no-prose", "-v", *args]
    return subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=60, check=False, env=env
    )


def _project(tmp_path: Path, config: str) -> Path:
    project = tmp_path / "project"
    (project / ".git").mkdir(parents=True)
    (project / "good.md").write_text(GOOD, "utf-8")
    (project / "contentlint.toml").write_text(config, "utf-8")
    return project


def test_the_project_root_as_cache_dir_is_refused_and_left_alone(tmp_path: Path) -> None:
    project = _project(tmp_path, 'cache-dir = "."\n')
    before = sorted(path.name for path in project.iterdir())
    outcome = _check(project)
    assert outcome.returncode == 0, outcome.stderr
    assert "was not used: it exists and is not contentlint's" in outcome.stderr
    assert sorted(path.name for path in project.iterdir()) == before  # no .gitignore of "*"


def test_a_system_folder_is_never_the_cache(tmp_path: Path) -> None:
    outcome = _check(_project(tmp_path, 'cache-dir = "/etc"\n'))
    assert outcome.returncode == 0, outcome.stderr
    assert "the cache folder /etc was not used: it is a system folder" in outcome.stderr


def test_a_planted_cache_link_is_not_written_through(tmp_path: Path) -> None:
    project = _project(tmp_path, "[rules]\n")
    victim = tmp_path / "victim"
    victim.mkdir()
    (project / ".contentlint_cache").symlink_to(victim)
    outcome = _check(project)
    assert outcome.returncode == 0, outcome.stderr
    assert "reached through a symbolic link" in outcome.stderr
    assert list(victim.iterdir()) == []


def test_a_new_cache_folder_is_tagged_and_used_again(tmp_path: Path) -> None:
    project = _project(tmp_path, 'cache-dir = "build/lint-cache"\n')
    assert _check(project).returncode == 0
    cache = project / "build" / "lint-cache"
    assert (cache / "CACHEDIR.TAG").read_text("utf-8").startswith("Signature: 8a477f597d28d")
    again = _check(project)
    assert "1 from the cache" in again.stderr, again.stderr
    assert "was not used" not in again.stderr


def test_a_relative_cache_dir_that_leaves_the_project_is_an_error(tmp_path: Path) -> None:
    outcome = _check(_project(tmp_path, 'cache-dir = "../elsewhere"\n'))
    assert outcome.returncode == 2, outcome.stderr
    assert "leads out of the project" in outcome.stderr
    assert not (tmp_path / "elsewhere").exists()
