"""Folder listings: read once during a run, afresh outside one."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from lint import listings
from lint.cli import main


@pytest.fixture
def remembering() -> Iterator[None]:
    listings.remember_for_this_run()
    try:
        yield
    finally:
        listings.forget()


def test_outside_a_run_every_question_reads_the_folder(tmp_path: Path) -> None:
    assert listings.names_of(str(tmp_path)) == frozenset()
    (tmp_path / "a.md").write_text("x\n", "utf-8")
    (tmp_path / "sub").mkdir()
    assert listings.names_of(str(tmp_path)) == {"a.md", "sub/"}


@pytest.mark.usefixtures("remembering")
def test_during_a_run_a_folder_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x\n", "utf-8")
    assert listings.names_of(str(tmp_path)) == {"a.md"}
    (tmp_path / "b.md").write_text("x\n", "utf-8")
    assert listings.names_of(str(tmp_path)) == {"a.md"}
    assert listings.is_file_in(str(tmp_path), "a.md")
    assert not listings.is_file_in(str(tmp_path), "b.md")


def test_an_unreadable_folder_holds_nothing(tmp_path: Path) -> None:
    assert listings.names_of(str(tmp_path / "missing")) == frozenset()


def test_a_link_to_nothing_does_not_exist(tmp_path: Path) -> None:
    (tmp_path / ".git").symlink_to(tmp_path / "gone")
    assert not listings.exists_in(str(tmp_path), ".git")


@pytest.mark.usefixtures("remembering")
def test_a_folder_that_cannot_be_listed_rules_nothing_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that can be entered but not read (``chmod 311``): its files are found by
    asking for them, as without a listing."""
    (tmp_path / "contentlint.toml").write_text("", "utf-8")
    real_scandir = os.scandir

    def refuse(folder: str) -> Any:
        if folder == str(tmp_path):
            raise PermissionError(13, "Permission denied", folder)
        return real_scandir(folder)

    monkeypatch.setattr(os, "scandir", refuse)
    assert listings.names_of(str(tmp_path)) == frozenset()
    assert listings.is_file_in(str(tmp_path), "contentlint.toml")
    assert not listings.is_file_in(str(tmp_path), "pyproject.toml")


def test_a_broken_git_link_does_not_end_the_config_search(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "contentlint.toml").write_text('[rules]\nplaceholder-text = "off"\n', "utf-8")
    repository = tmp_path / "repo"
    repository.mkdir()
    (repository / ".git").symlink_to(tmp_path / "gone")
    (repository / "page.md").write_text("# Title\n\nTODO: write this.\n", "utf-8")
    monkeypatch.chdir(repository)
    result = CliRunner().invoke(main, ["check", "--no-cache", "--no-prose", "page.md"])
    assert result.exit_code == 0, result.output


def test_walk_is_sorted_top_down_and_can_be_pruned(tmp_path: Path) -> None:
    for name in ("b/two.md", "a/one.md", "a/skip/three.md", "top.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x\n", "utf-8")
    seen = []
    for folder, subfolders, files in listings.walk(str(tmp_path)):
        subfolders[:] = [name for name in subfolders if name != "skip"]
        seen.append((Path(folder).relative_to(tmp_path).as_posix(), files))
    assert seen == [(".", ["top.md"]), ("a", ["one.md"]), ("b", ["two.md"])]


def test_a_run_forgets_what_it_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two runs in one process (an editor's on-save command through a long-lived host): the
    second sees the config file written after the first."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".git").mkdir()
    (tmp_path / "page.md").write_text("# Title\n\nTODO: write this.\n", "utf-8")
    runner = CliRunner()
    first = runner.invoke(main, ["check", "--no-cache", "--no-prose", "page.md"])
    assert first.exit_code == 1, first.output
    (tmp_path / "contentlint.toml").write_text('[rules]\nplaceholder-text = "off"\n', "utf-8")
    second = runner.invoke(main, ["check", "--no-cache", "--no-prose", "page.md"])
    assert second.exit_code == 0, second.output
    assert listings._REMEMBERED is None
