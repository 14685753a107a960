"""The config that applies to a file is found from that file's folder upward, whatever the
working folder: for folders walked, files given and ``--stdin-filename``; ``--config`` wins."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

BLOG_CONFIG = """\
[[schemas]]
files = "posts/**"
schema = "post.schema.json"

[rules]
empty-section = "error"
"""
POST_SCHEMA = '{"type": "object", "required": ["title", "date"]}'
# No date: one schema finding (line 1); "Install" (line 7) is an empty section.
POST = "---\ntitle: A post\n---\n\n# A post\n\n## Install\n\n## Use\n\nRun it.\n"


def _blog(write: WriteFiles, project: Path) -> Path:
    write(
        {
            "blog/contentlint.toml": BLOG_CONFIG,
            "blog/post.schema.json": POST_SCHEMA,
            "blog/posts/first.md": POST,
            "blog/posts/second.qmd": POST,
        }
    )
    return project / "blog"


def _elsewhere(tmp_path: Path) -> Path:
    """A working folder outside the project."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    return folder


def _found(
    contentlint: RunCli, *args: str, cwd: Path, stdin: str | None = None
) -> set[tuple[str, str, str, int]]:
    outcome = contentlint("check", "--no-prose", "--format", "json", *args, cwd=cwd, stdin=stdin)
    outcome.assert_no_traceback()
    assert outcome.code == 1, outcome.output
    return {(item["path"], item["rule"], item["severity"], item["line"]) for item in outcome.json()}


def test_a_folder_walked_from_its_parent_uses_its_own_config(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    _blog(write, project)
    found = _found(contentlint, "blog", cwd=project)
    assert found == {
        ("blog/posts/first.md", "frontmatter-schema", "error", 1),
        ("blog/posts/first.md", "empty-section", "error", 7),
        ("blog/posts/second.qmd", "frontmatter-schema", "error", 1),
        ("blog/posts/second.qmd", "empty-section", "error", 7),
    }


def test_a_file_given_from_elsewhere_uses_its_own_config(
    contentlint: RunCli, write: WriteFiles, project: Path, tmp_path: Path
) -> None:
    blog = _blog(write, project)
    target = str(blog / "posts" / "first.md")
    found = _found(contentlint, target, cwd=_elsewhere(tmp_path))
    assert {(rule, severity) for _, rule, severity, _ in found} == {
        ("frontmatter-schema", "error"),
        ("empty-section", "error"),
    }


def test_stdin_filename_finds_the_config_of_the_path_it_names(
    contentlint: RunCli, write: WriteFiles, project: Path, tmp_path: Path
) -> None:
    blog = _blog(write, project)
    name = str(blog / "posts" / "draft.qmd")
    found = _found(contentlint, "--stdin-filename", name, cwd=_elsewhere(tmp_path), stdin=POST)
    assert {(rule, severity) for _, rule, severity, _ in found} == {
        ("frontmatter-schema", "error"),
        ("empty-section", "error"),
    }


def test_each_project_of_a_monorepo_gets_its_own_config(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write(
        {
            "contentlint.toml": '[rules]\nempty-section = "info"\n',
            "docs/guide.md": POST,
            "site/pyproject.toml": '[tool.contentlint.rules]\nempty-section = "error"\n',
            "site/guide.md": POST,
            "notes/.contentlint.toml": '[rules]\nempty-section = "off"\n',
            "notes/guide.md": POST,
        }
    )
    found = _found(contentlint, ".", cwd=project)
    assert {(path, severity) for path, rule, severity, _ in found if rule == "empty-section"} == {
        ("docs/guide.md", "info"),
        ("site/guide.md", "error"),
    }


def test_a_nested_project_walks_with_its_own_excludes(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write(
        {
            "contentlint.toml": 'exclude = ["site/**"]\n',
            "site/contentlint.toml": 'exclude = ["drafts/**"]\n',
            "site/drafts/wip.md": POST,
            "site/posts/done.md": POST,
            "top.md": POST,
        }
    )
    assert {path for path, *_ in _found(contentlint, "site", cwd=project)} == {"site/posts/done.md"}
    # From the top too: the nearest config governs a folder, so the top-level config's globs
    # stop where the site's project begins (as ruff's nested configs do).
    assert {path for path, *_ in _found(contentlint, ".", cwd=project)} == {
        "site/posts/done.md",
        "top.md",
    }


def test_the_config_option_still_wins(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    _blog(write, project)
    write({"strict.toml": '[rules]\nempty-section = "info"\n'})
    found = _found(contentlint, "--config", "strict.toml", "blog", cwd=project)
    severities = {severity for _, rule, severity, _ in found if rule == "empty-section"}
    assert severities == {"info"}
    # The blog's own schema still applies: --config is read after the project's file.
    assert any(rule == "frontmatter-schema" for _, rule, _, _ in found)


def test_verbose_names_the_config_each_file_used(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    _blog(write, project)
    write({"loose.md": POST})
    outcome = contentlint("check", "--no-prose", "-v", "blog", "loose.md", cwd=project)
    assert "contentlint: config blog/contentlint.toml for 2 files in blog/posts" in outcome.stderr
    assert "contentlint: no config file (the defaults) for 1 file in ." in outcome.stderr


def test_a_broken_config_in_a_nested_project_is_one_error(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({"a/guide.md": POST, "b/contentlint.toml": "fail-on = 3\n", "b/guide.md": POST})
    outcome = contentlint("check", "--no-prose", ".", cwd=project)
    assert outcome.code == 2, outcome.output
    outcome.one_line_error("b/contentlint.toml", "fail-on")
