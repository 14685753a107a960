"""A project's own words are no misspellings in its pages: the names its project files hold,
the names of its folders and the words its pages' code writes; a typo beside them still is."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from tests.cli.conftest import Outcome, RunCli, WriteFiles

SPELLING = ("--select", "spelling", "--format", "json")


def _words(outcome: Outcome) -> list[tuple[str, int, int, str]]:
    assert outcome.code in (0, 1), outcome.output
    return sorted((d["path"], d["line"], d["column"], d["message"].split("`")[1])
                  for d in outcome.json())  # fmt: skip


def test_the_name_in_the_project_file_is_the_projects_word(
    contentlint: RunCli, write: WriteFiles
) -> None:
    page = "---\ntitle: Start\n---\n\nThe zorblat package draws charts; we recieve them.\n"
    write(
        {
            "site/_quarto.yml": "project:\n  type: website\nwebsite:\n  title: zorblat\n",
            "site/start.qmd": page,
            "elsewhere/start.qmd": page,
        }
    )
    assert _words(contentlint("check", "--no-cache", *SPELLING, ".")) == [
        ("elsewhere/start.qmd", 5, 5, "zorblat"),
        ("elsewhere/start.qmd", 5, 38, "recieve"),
        ("site/start.qmd", 5, 38, "recieve"),
    ]


def test_a_word_another_page_writes_in_its_code(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "mkdocs.yml": "site_name: Charts\n",
            "docs/index.md": "# Charts\n\nDraw glimmerplots beside the table, or recieve none.\n",
            "docs/api.md": "# API\n\n```python\ntable.fmt_glimmerplot(columns='x')\n```\n",
        }
    )
    assert _words(contentlint("check", "--no-cache", *SPELLING, ".")) == [
        ("docs/index.md", 3, 40, "recieve")
    ]


def test_the_folder_a_page_is_in_names_the_package(contentlint: RunCli, write: WriteFiles) -> None:
    write({"vignettes/frobnitz/intro.md": "# Intro\n\nWith frobnitz you recieve a list.\n"})
    assert _words(contentlint("check", "--no-cache", *SPELLING, ".")) == [
        ("vignettes/frobnitz/intro.md", 3, 19, "recieve")
    ]


def test_a_cached_page_is_checked_again_when_its_projects_words_change(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write(
        {
            "mkdocs.yml": "site_name: Charts\n",
            "docs/index.md": "# Charts\n\nDraw glimmerplots beside the table.\n",
            "docs/api.md": "# API\n\n```python\ntable.fmt_glimmerplot(columns='x')\n```\n",
        }
    )
    assert _words(contentlint("check", *SPELLING, ".")) == []
    (project / "docs/api.md").write_text("# API\n\nNothing yet.\n", "utf-8")
    assert _words(contentlint("check", *SPELLING, ".")) == [("docs/index.md", 3, 6, "glimmerplots")]


def test_a_typo_in_the_project_files_prose_is_still_a_typo(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write(
        {
            "mkdocs.yml": (
                "site_name: Charts\nsite_description: A libary for charts\n"
                "nav:\n  - Instalation: install.md\n"
            ),
            "docs/install.md": "# Instalation\n\nThis libary draws charts.\n",
        }
    )
    assert _words(contentlint("check", "--no-cache", *SPELLING, ".")) == [
        ("docs/install.md", 1, 3, "Instalation"),
        ("docs/install.md", 3, 6, "libary"),
    ]


def test_a_pipe_named_like_a_page_is_never_waited_on(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    import os

    import pytest

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    write({"_quarto.yml": "project:\n  type: website\n", "index.qmd": "# A\n\nA recieve.\n"})
    os.mkfifo(project / "pipe.qmd")
    os.mkfifo(project / "package.json")
    outcome = contentlint("check", "--no-cache", *SPELLING, "index.qmd", timeout=60)
    assert _words(outcome) == [("index.qmd", 3, 3, "recieve")]
