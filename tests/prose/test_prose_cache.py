"""The prose results cache: what it keeps, what invalidates it, and --no-cache."""

from __future__ import annotations

import dataclasses
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

import pytest

from lint.document import Document
from lint.prose.checking import check_prose
from lint.prose.engines import EngineFinding, Unit
from lint.prose.engines.harper_engine import HarperEngine
from lint.prose.settings import ProseSettings
from tests.processes import run_check

TEXT = (
    "# Notes\n\nThe first paragraph has a mispelled word.\n\n"
    "The second paragraph is fine.\n\nThe third one mentions Quartoo.\n"
)


@pytest.fixture
def checked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The plain text of every unit the engine really checks."""
    seen: list[str] = []
    original = HarperEngine.check

    def counting(self: HarperEngine, units: Sequence[Unit]) -> list[list[EngineFinding]]:
        seen.extend(unit.plain for unit in units)
        return original(self, units)

    monkeypatch.setattr(HarperEngine, "check", counting)
    return seen


def words(text: str, settings: ProseSettings) -> list[str]:
    doc = Document.from_text("notes.md", text)
    return [doc.text[f.start : f.end] for f in check_prose(doc, settings) if f.rule == "spelling"]


def test_a_second_run_checks_nothing_and_finds_the_same(tmp_path: Path, checked: list[str]) -> None:
    settings = ProseSettings(cache_dir=tmp_path)
    first = words(TEXT, settings)
    assert first == ["mispelled", "Quartoo"]
    assert len(checked) == 4
    checked.clear()
    assert words(TEXT, settings) == first
    assert checked == []


def test_a_changed_paragraph_is_the_only_one_checked_again(
    tmp_path: Path, checked: list[str]
) -> None:
    settings = ProseSettings(cache_dir=tmp_path)
    words(TEXT, settings)
    checked.clear()
    changed = TEXT.replace("second paragraph is fine", "second paragraph is short")
    words(changed, settings)
    assert checked == ["The second paragraph is short."]


def test_vocabulary_changes_need_no_engine_run(tmp_path: Path, checked: list[str]) -> None:
    words(TEXT, ProseSettings(cache_dir=tmp_path))
    checked.clear()
    assert words(TEXT, ProseSettings(cache_dir=tmp_path, accept=frozenset({"Quartoo"}))) == [
        "mispelled"
    ]
    assert checked == []


def test_engine_options_invalidate_every_entry(tmp_path: Path, checked: list[str]) -> None:
    words(TEXT, ProseSettings(cache_dir=tmp_path))
    checked.clear()
    other = ProseSettings(cache_dir=tmp_path, harper_rules=(("LongSentences", False),))
    words(TEXT, other)
    assert len(checked) == 4
    checked.clear()
    words(TEXT, dataclasses.replace(other, language="en-GB"))
    assert len(checked) == 4


def test_without_a_cache_folder_everything_is_checked_every_time(checked: list[str]) -> None:
    words(TEXT, ProseSettings(cache_dir=None))
    words(TEXT, ProseSettings(cache_dir=None))
    assert len(checked) == 8


def run(project: Path, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return run_check(project, *args, env=env)


def test_the_cache_folder_is_next_to_the_config_and_no_cache_skips_it(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text("[prose]\naccept = []\n", "utf-8")
    (tmp_path / "notes.md").write_text(TEXT, "utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CONTENTLINT_CACHE_DIR"}
    outcome = run(tmp_path, "--no-cache", "notes.md", env=env)
    assert outcome.returncode == 1, outcome.stderr
    assert not (tmp_path / ".contentlint_cache").exists()
    again = run(tmp_path, "notes.md", env=env)
    assert again.stdout == outcome.stdout
    cache = tmp_path / ".contentlint_cache"
    assert (cache / "README.txt").is_file()
    assert (cache / ".gitignore").read_text("utf-8") == "*\n"
    assert list(cache.glob("prose-v*.sqlite3"))


def test_harper_refuses_other_languages_once_with_exit_2(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text('[prose]\nlanguage = "de-DE"\n', "utf-8")
    (tmp_path / "a.md").write_text("# A\n\nText.\n", "utf-8")
    (tmp_path / "b.md").write_text("# B\n\nText.\n", "utf-8")
    outcome = run(tmp_path, ".", env=dict(os.environ))
    assert outcome.returncode == 2
    assert outcome.stderr.count("error:") == 1
    assert "English only" in outcome.stderr and 'engine = "languagetool"' in outcome.stderr
    assert run(tmp_path, "--no-prose", ".", env=dict(os.environ)).returncode == 0


def test_prose_findings_are_suppressed_like_any_other(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(
        "# A\n\n<!-- contentlint-disable-next-line spelling -->\nA mispelled word.\n\n"
        "<!-- contentlint-disable prose -->\nAnother mispelled word.\n",
        "utf-8",
    )
    outcome = run(tmp_path, "--select", "prose", "a.md", env=dict(os.environ))
    assert outcome.returncode == 0, outcome.stdout
