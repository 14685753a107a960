"""Dialects from the command line: listing them, explaining a file's, ``-v``, the config, and a
third-party dialect found through its entry point (real subprocesses)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.cli.test_cli_plugins import make_plugin as make_rule_plugin

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

BUILT_IN = {
    "docusaurus", "hugo", "jekyll", "markdown", "mdn", "mdx", "mkdocs", "quarto", "rmarkdown",
    "starlight", "vitepress",
}  # fmt: skip
#: An MkDocs page: a collapsible block, which plain Markdown would read as "???" left in.
MKDOCS_PAGE = '# Proxy\n\n??? example "A full configuration"\n\n    Set the port.\n'


def test_dialects_lists_every_built_in_one(contentlint: RunCli) -> None:
    outcome = contentlint("dialects", "--format", "json")
    assert outcome.code == 0, outcome.output
    listed = {item["name"]: item for item in json.loads(outcome.stdout)}
    assert set(listed) == BUILT_IN
    assert "_quarto.yml" in listed["quarto"]["markers"]
    assert listed["quarto"]["claims"] == [".qmd"]
    text = contentlint("dialects")
    assert text.code == 0 and "found by: mkdocs.yml" in text.stdout


def test_dialects_explains_each_files_dialect(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "site/_quarto.yml": "project:\n  type: website\n",
            "site/posts/a.md": "# A\n\nText.\n",
            "notes/b.mdx": "# B\n\nText.\n",
            "notes/c.md": "# C\n\nText.\n",
        }
    )
    outcome = contentlint("dialects", "site", "notes", "--format", "json")
    assert outcome.code == 0, outcome.output
    chosen = {
        item["path"]: (item["dialect"], item["reason"]) for item in json.loads(outcome.stdout)
    }
    assert chosen["site/posts/a.md"][0] == "quarto"
    assert chosen["site/posts/a.md"][1].startswith("_quarto.yml in ")
    assert chosen["notes/b.mdx"] == ("mdx", "the .mdx extension")
    assert chosen["notes/c.md"] == ("markdown", "the .md extension")
    missing = contentlint("dialects", "nowhere")
    assert missing.code == 2 and missing.one_line_error("nowhere")


def test_verbose_check_says_which_dialect_each_folder_got(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"docs/mkdocs.yml": "site_name: x\n", "docs/docs/index.md": MKDOCS_PAGE})
    outcome = contentlint("check", "-v", "--no-prose", "docs")
    assert outcome.code == 0, outcome.output
    assert "contentlint: dialect mkdocs (mkdocs.yml in " in outcome.stderr
    assert "for 1 file in docs/docs" in outcome.stderr


def test_the_config_sets_the_dialect(contentlint: RunCli, write: WriteFiles) -> None:
    write({"page.md": MKDOCS_PAGE.replace('??? example "A full configuration"', "???  ")})
    plain = contentlint("check", "--no-prose", "--format", "json", "page.md")
    assert "placeholder-text" in plain.rules()
    write({"index.md": MKDOCS_PAGE, "contentlint.toml": 'dialect = "mkdocs"\n'})
    assert contentlint("check", "--no-prose", "index.md").code == 0


def test_an_unknown_dialect_in_the_config_is_exit_2(contentlint: RunCli, write: WriteFiles) -> None:
    write({"contentlint.toml": '[[overrides]]\nfiles = "docs/**"\ndialect = "mkdoc"\n'})
    outcome = contentlint("check", ".")
    assert outcome.code == 2
    error = outcome.one_line_error('unknown dialect "mkdoc"', 'did you mean "mkdocs"')
    assert "contentlint.toml:3:" in error
    outcome.assert_no_traceback()


WIKI = '''\
"""A contentlint plugin for the tests: a wiki whose "%%" lines are notes to the editors."""

from lint.dialects import Dialect
from lint.dialects.syntax import COMMENT, Syntax
from lint.dialects.syntax.extensions import FOOTNOTES


def _note(state, start_line, end_line, silent):
    start = state.bMarks[start_line] + state.tShift[start_line]
    if not state.src.startswith("%%", start):
        return False
    if silent:
        return True
    token = state.push(COMMENT, "", 0)
    token.content = state.src[start + 2 : state.eMarks[start_line]]
    token.meta = {{"syntax": "wiki", "name": "", "offset": start + 2}}
    token.map = [start_line, start_line + 1]
    state.line = start_line + 1
    return True


def _install(md):
    md.block.ruler.before("paragraph", "wiki_note", _note, {{"alt": ["paragraph"]}})


NOTES = Syntax("wiki-notes", _install, ("%%",))


class {name}(Dialect):
    name = "wiki"
    summary = "A wiki with %% editor notes"
    syntax = (NOTES, FOOTNOTES)
    markers = ("wiki.yml",)
    extensions = (".md",)
'''


def make_plugin(root: Path, module: str, source: str, entry_points: str) -> None:
    """A dialect plugin installed as a folder on PYTHONPATH."""
    make_rule_plugin(root, module, module, source, entry_points, group="contentlint.dialects")


@pytest.fixture
def wiki_plugin(tmp_path: Path) -> Path:
    folder = tmp_path / "site-packages"
    folder.mkdir()
    make_plugin(folder, "wikidialect", WIKI.format(name="Wiki"), "wiki = wikidialect:Wiki\n")
    return folder


def test_a_plugin_dialect_is_detected_and_its_syntax_read(
    contentlint: RunCli, write: WriteFiles, wiki_plugin: Path
) -> None:
    write(
        {
            "wiki/wiki.yml": "name: x\n",
            "wiki/page.md": "# Page\n\nText.\n\n%% TODO: check the dates\n",
        }
    )
    env = {"PYTHONPATH": str(wiki_plugin)}
    listed = contentlint("dialects", env=env)
    assert listed.code == 0 and "wiki" in listed.stdout, listed.output
    outcome = contentlint("check", "--no-prose", "--format", "json", "wiki", env=env)
    outcome.assert_no_traceback()
    found = [
        (item["rule"], item["line"], item["column"], item["severity"]) for item in outcome.json()
    ]
    assert found == [("placeholder-text", 5, 4, "info")]  # a note in a comment, not prose


@pytest.mark.parametrize(
    ("source", "complaint"),
    [
        ("raise ImportError('no')\n", "failed to load"),
        ("class X:\n    name = 'x'\n", "is not a dialect"),
    ],
)
def test_a_broken_plugin_dialect_is_reported_and_skipped(
    contentlint: RunCli, write: WriteFiles, tmp_path: Path, source: str, complaint: str
) -> None:
    folder = tmp_path / "broken-packages"
    folder.mkdir()
    make_plugin(folder, "brokendialect", source, "broken = brokendialect:X\n")
    write({"page.md": "# Page\n\nTODO: write it.\n"})
    outcome = contentlint("check", "--no-prose", "page.md", env={"PYTHONPATH": str(folder)})
    assert outcome.code == 1
    assert "plugin 'broken'" in outcome.stderr and complaint in outcome.stderr
    outcome.assert_no_traceback()


#: An MkDocs page ending with a list numbered in roman numerals.
FANCY_PAGE = (
    "# Check\n\nThe tool answers with:\n\ni.  its version\nii. the path it was installed to\n"
)


def test_mkdocs_reads_fancy_lists_where_the_config_turns_them_on_and_the_cache_follows(
    contentlint: RunCli, write: WriteFiles
) -> None:
    """Without PyMdown's fancylists, Python-Markdown shows "ii. the path…" as a paragraph
    that stops mid-sentence; with it, a list item. Changing the config changes the cached
    result."""
    write({"site/mkdocs.yml": "site_name: x\n", "site/docs/index.md": FANCY_PAGE})
    for _ in range(2):  # the second run from the results cache
        plain = contentlint("check", "--no-prose", "--format", "json", "site")
        assert plain.positions("truncated-text") == [("site/docs/index.md", 6, 31)]
    config = "site_name: x\nmarkdown_extensions:\n  - pymdownx.fancylists\n"
    write({"site/mkdocs.yml": config})
    fancy = contentlint("check", "--no-prose", "--format", "json", "site")
    assert fancy.code == 0, fancy.output
    verbose = contentlint("check", "-v", "--no-prose", "site")
    assert "(mkdocs.yml in " in verbose.stderr
    assert "; the site turns on fancylists) for 1 file in site/docs" in verbose.stderr
