"""Where a page's project is and what its own words are (lint.prose.project_words)."""

from __future__ import annotations

from pathlib import Path

from lint.prose.project_words import forget_project_words, project_words_for
from lint.prose.vocabulary import code_of_markdown
from tests.cli.conftest import write_files as _write


def test_the_code_of_a_markdown_page_without_parsing_it() -> None:
    text = "Use `purrr::map` here.\n\n```{r}\nlibrary(chatlas)\n```\n\n~~~\nnanoplot\n~~~\n"
    code = code_of_markdown(text)
    assert code.split() == ["library(chatlas)", "nanoplot", "purrr::map"]
    assert "here" not in code
    assert code_of_markdown("An unclosed ``` fence and a ` lone backtick.\n") == ""
    assert code_of_markdown("Both ``a `b` c`` and `d`.\n").split("\n") == ["a `b` c", "d"]


def test_the_nearest_project_file_marks_the_root(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            ".git/HEAD": "ref: refs/heads/main\n",
            "pyproject.toml": '[project]\nname = "griblet"\n',
            "docs/mkdocs.yml": "site_name: Grib docs\nrepo_name: owner/griblet-site\n",
            "docs/guide/usage.md": "# Usage\n\nText with `flumox()` in it.\n",
            "docs/node_modules/x.md": "`hidden_word`\n",
        },
    )
    forget_project_words()
    found = project_words_for(tmp_path / "docs/guide/usage.md")
    assert found.root == tmp_path / "docs"
    # The repository root's project file, the site's, the folders down to the page, the code.
    assert {"griblet", "grib", "site", "guide", "flumox"} <= found.words
    assert "hidden" not in found.words
    assert found.digest != project_words_for(tmp_path / "elsewhere.md").digest


def test_no_project_file_and_no_repository(tmp_path: Path) -> None:
    _write(tmp_path, {"notes/frobnitz/a.md": "# A\n\n`zzcode`\n"})
    forget_project_words()
    found = project_words_for(tmp_path / "notes/frobnitz/a.md")
    assert "frobnitz" in found.words
    assert "zzcode" not in found.words  # no project: the page's own code is its own words


def test_a_binary_project_file_is_read_as_far_as_it_decodes(tmp_path: Path) -> None:
    _write(tmp_path, {"package.json": b'\x00\xff\xfe{"name": "qqpkg"}', "a.md": "# A\n"})
    forget_project_words()
    found = project_words_for(tmp_path / "a.md")
    assert found.root == tmp_path
    assert "qqpkg" in found.words


def test_the_packages_a_project_depends_on_are_its_words(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "DESCRIPTION": (
                "Package: purrq\nTitle: Functional Tools for Data\n"
                "Imports: cli (>= 3.6), magrittx (>= 1.5),\n    rlanq\n"
                "Suggests: readxq, zoomba\nDescription: Makes pipelines of data.\n"
            ),
            "vignettes/intro.Rmd": "# Intro\n\nText.\n",
            "site/package.json": (
                '{"name": "site", "dependencies": {"clsxq": "^2", "@mdx-js/react": "3"},'
                ' "devDependencies": {"prismq-renderer": "1"}}'
            ),
            "site/docs/a.md": "# A\n",
            "py/pyproject.toml": (
                '[project]\nname = "toolq"\ndependencies = ["jsonschemq>=4", "click"]\n'
                '[project.optional-dependencies]\ntest = ["pytesq (>=8)"]\n'
            ),
            "py/docs/b.md": "# B\n",
        },
    )
    forget_project_words()
    r_words = project_words_for(tmp_path / "vignettes/intro.Rmd").words
    assert {"purrq", "magrittx", "rlanq", "readxq", "zoomba"} <= r_words
    assert "pipelines" not in r_words  # the description is prose, not names
    node_words = project_words_for(tmp_path / "site/docs/a.md").words
    assert {"clsxq", "mdx", "prismq", "renderer"} <= node_words
    python_words = project_words_for(tmp_path / "py/docs/b.md").words
    assert {"toolq", "jsonschemq", "pytesq"} <= python_words
