"""The hooks in .pre-commit-hooks.yaml, run by the real pre-commit against a temporary repo."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPOSITORY = Path(__file__).parents[2]
DOCUMENT_SUFFIXES = (".md", ".markdown", ".mdx", ".qmd", ".Rmd")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


def _pre_commit(work: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PRE_COMMIT")}
    env.update({"PRE_COMMIT_HOME": str(home), "NO_COLOR": "1", "GIT_TERMINAL_PROMPT": "0"})
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="module")
def hook_repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git copy of this checkout's tracked and untracked files, committed, for try-repo."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPOSITORY,
        capture_output=True,
        check=False,
    )
    if listed.returncode != 0:
        pytest.skip("the project is not a git checkout")
    copy = tmp_path_factory.mktemp("hook-repo")
    for name in filter(None, listed.stdout.decode("utf-8").split("\0")):
        source = REPOSITORY / name
        if source.is_file() and not name.startswith("tests/"):
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    _git(copy, "init", "-q")
    _git(copy, "add", "-A")
    _git(copy, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "hooks")
    return copy


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _work_repo(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    return root


def test_the_hook_manifest_covers_every_document_type() -> None:
    hooks = yaml.safe_load((REPOSITORY / ".pre-commit-hooks.yaml").read_text("utf-8"))
    by_id = {hook["id"]: hook for hook in hooks}
    assert set(by_id) == {"contentlint", "contentlint-no-prose"}
    for hook in hooks:
        pattern = re.compile(hook["files"])
        for suffix in DOCUMENT_SUFFIXES:
            assert pattern.search(f"posts/a{suffix}"), (hook["id"], suffix)
        assert not pattern.search("notes.txt")
    assert "--no-prose" in by_id["contentlint-no-prose"]["entry"]
    assert by_id["contentlint"]["require_serial"] is True


def test_try_repo_passes_a_clean_document_and_fails_an_empty_section(
    hook_repository: Path, pre_commit_home: Path, tmp_path: Path
) -> None:
    work = _work_repo(
        tmp_path / "site",
        {
            "clean.md": "# Clean\n\nEverything here is written.\n",
            "draft.qmd": "---\ntitle: Draft\n---\n\n## Setup\n\n## Usage\n\nRun it.\n",
            "notes.txt": "## not a document\n",
        },
    )
    for hook in ("contentlint", "contentlint-no-prose"):
        clean = _pre_commit(
            work, pre_commit_home, "try-repo", str(hook_repository), hook, "--files", "clean.md"
        )
        assert clean.returncode == 0, clean.stdout + clean.stderr
        assert "Passed" in clean.stdout

        draft = _pre_commit(
            work, pre_commit_home, "try-repo", str(hook_repository), hook, "--all-files"
        )
        assert draft.returncode == 1, draft.stdout + draft.stderr
        assert "Failed" in draft.stdout
        assert 'draft.qmd:5:1: warning [empty-section] the section "Setup" is empty' in draft.stdout
        assert "notes.txt" not in draft.stdout
        assert "Traceback" not in draft.stdout + draft.stderr
