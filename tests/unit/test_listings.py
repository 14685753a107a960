"""Folder listings: read once during a run, afresh outside one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

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
    assert listings.has_entry(str(tmp_path), "a.md")
    assert not listings.has_entry(str(tmp_path), "b.md")


def test_an_unreadable_folder_holds_nothing(tmp_path: Path) -> None:
    assert listings.names_of(str(tmp_path / "missing")) == frozenset()


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
