"""contentlint vocabulary: the unknown words of a project, most frequent first, and the
chosen ones written to its vocabulary file (which its config then names)."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import RunCli, WriteFiles

PAGES = {
    "contentlint.toml": "[rules]\n",
    "posts/a.md": "# Notes\n\nWe ship zorbleflux, then zorbleflux again, and qwzx.\n",
    "posts/b.md": "# More\n\nThe Zorbleflux team ships zorbleflux's docs.\n",
}


def test_it_lists_unknown_words_most_frequent_first(contentlint: RunCli, write: WriteFiles) -> None:
    write(PAGES)
    outcome = contentlint("vocabulary", "--format", "json")
    assert outcome.code == 0, outcome.output
    words = json.loads(outcome.stdout)
    assert [item["word"] for item in words] == ["zorbleflux", "qwzx"]
    # "zorbleflux's" is the word's too; "The Zorbleflux team" writes a name.
    assert words[0]["count"] == 3
    assert words[0]["files"] == {"posts/a.md": 2, "posts/b.md": 1}
    text = contentlint("vocabulary", "posts")
    assert text.stdout.splitlines()[0].split() == ["3", "zorbleflux", "posts/a.md,", "posts/b.md"]


def test_write_adds_the_words_and_names_the_file_in_the_config(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write(PAGES)
    outcome = contentlint("vocabulary", "--write", "--min-count", "2")
    assert outcome.code == 0, outcome.output
    assert (project / "vocabulary.txt").read_text("utf-8") == "zorbleflux\n"
    assert 'vocabulary = "vocabulary.txt"' in (project / "contentlint.toml").read_text("utf-8")
    assert "added 1 word(s)" in outcome.stderr
    # Inflections and possessives are covered; the word left is the other one.
    remaining = json.loads(contentlint("vocabulary", "--format", "json").stdout)
    assert [item["word"] for item in remaining] == ["qwzx"]
    contentlint("vocabulary", "--add", "qwzx", "--add", "zorbleflux")
    assert (project / "vocabulary.txt").read_text("utf-8") == "zorbleflux\nqwzx\n"
    assert contentlint("check", "--select", "spelling").code == 0


def test_a_project_without_a_config_gets_one(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({"a.md": "# Notes\n\nThe qwzx tool.\n"})
    outcome = contentlint("vocabulary", "--add", "qwzx")
    assert outcome.code == 0, outcome.output
    assert (project / "contentlint.toml").read_text("utf-8") == (
        '[prose]\nvocabulary = "vocabulary.txt"\n'
    )
    assert contentlint("check", "a.md", "--select", "spelling").code == 0


def test_a_lint_folder_in_the_project_does_not_shadow_contentlint(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({**PAGES, "lint/__init__.py": "raise SystemExit('the wrong lint')\n"})
    outcome = contentlint("vocabulary", "posts", "--format", "json")
    assert outcome.code == 0, outcome.output
    assert [item["word"] for item in json.loads(outcome.stdout)] == ["zorbleflux", "qwzx"]
