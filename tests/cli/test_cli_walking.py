"""Which files a folder walk finds: extensions, skipped folders and `exclude` globs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

# Every file gets this document, so every file that is checked reports one empty section.
EMPTY_SECTION = "# Guide\n\nIntro.\n\n## Install\n\n## Use\n\nRun it.\n"


def _reported(invoke: RunCli, *args: str, cwd: Path | None = None) -> set[str]:
    outcome = invoke("check", "--format", "json", *args, cwd=cwd)
    assert outcome.code in (0, 1), outcome.output
    return outcome.paths()


def test_known_extensions_are_found_and_others_not(invoke: RunCli, write: WriteFiles) -> None:
    names = [
        "a.md",
        "b.markdown",
        "c.qmd",
        "d.Rmd",
        "e.rmd",
        "f.mdx",
        "g.MD",
        "notes.txt",
        "readme",
        "page.html",
        "data.yaml",
        "script.R",
        "a.md.bak",
    ]
    write(dict.fromkeys(names, EMPTY_SECTION))
    assert _reported(invoke) == {"a.md", "b.markdown", "c.qmd", "d.Rmd", "e.rmd", "f.mdx", "g.MD"}


def test_a_txt_file_named_on_the_command_line_is_checked(invoke: RunCli, write: WriteFiles) -> None:
    write({"notes.txt": EMPTY_SECTION})
    assert _reported(invoke, "notes.txt") == {"notes.txt"}


def test_hidden_and_build_folders_are_skipped(invoke: RunCli, write: WriteFiles) -> None:
    skipped = [
        ".git/info.md",
        ".hidden/page.md",
        "docs/.cache/page.md",
        "node_modules/pkg/README.md",
        "docs/node_modules/pkg/README.md",
        "_site/index.md",
        "_freeze/post/index.md",
        "posts/_freeze/index.md",
    ]
    kept = ["index.md", "docs/page.qmd", "site/page.md", "freeze/page.md", "posts/_draft.md"]
    write(dict.fromkeys(skipped + kept, EMPTY_SECTION))
    assert _reported(invoke) == set(kept)
    assert _reported(invoke, ".") == set(kept)


def test_hugo_archetypes_are_templates_not_pages(invoke: RunCli, write: WriteFiles) -> None:
    template = '---\ntitle: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\n---\n'
    write({"hugo.toml": 'title = "Site"\n', "archetypes/default.md": template})
    write({"content/post.md": EMPTY_SECTION, "docs/archetypes/page.md": EMPTY_SECTION})
    # Beside a Hugo config, archetypes/ holds Go templates: not walked into, and skipped with
    # --force-exclude (as pre-commit names it); a folder of that name elsewhere is pages.
    assert _reported(invoke, ".") == {"content/post.md", "docs/archetypes/page.md"}
    outcome = invoke("check", "--no-prose", "--force-exclude", "archetypes/default.md")
    assert outcome.code == 0, outcome.output
    assert invoke("check", "--no-prose", "archetypes/default.md").code == 1  # named: checked


def test_a_skipped_folder_named_on_the_command_line_is_checked(
    invoke: RunCli, write: WriteFiles
) -> None:
    write({"node_modules/pkg/README.md": EMPTY_SECTION, "_site/index.md": EMPTY_SECTION})
    assert _reported(invoke, "node_modules/pkg/README.md", "_site") == {
        "node_modules/pkg/README.md",
        "_site/index.md",
    }


def test_exclude_globs(invoke: RunCli, write: WriteFiles) -> None:
    write(
        {
            "contentlint.toml": 'exclude = ["archive/**", "*.generated.md", "docs/tmp/"]\n',
            "archive/2019/old.md": EMPTY_SECTION,
            "posts/list.generated.md": EMPTY_SECTION,
            "docs/tmp/scratch.md": EMPTY_SECTION,
            "docs/page.md": EMPTY_SECTION,
            "posts/archive.md": EMPTY_SECTION,
            "index.md": EMPTY_SECTION,
        }
    )
    expected = {"docs/page.md", "posts/archive.md", "index.md"}
    assert _reported(invoke) == expected


def test_exclude_is_relative_to_the_config_file(
    invoke: RunCli, write: WriteFiles, project: Path
) -> None:
    write(
        {
            "contentlint.toml": 'exclude = ["docs/archive/**"]\n',
            "docs/archive/old.md": EMPTY_SECTION,
            "docs/page.md": EMPTY_SECTION,
        }
    )
    assert _reported(invoke, ".", cwd=project / "docs") == {"page.md"}


def test_excluded_file_named_on_the_command_line(invoke: RunCli, write: WriteFiles) -> None:
    write({"contentlint.toml": 'exclude = ["archive/**"]\n', "archive/old.md": EMPTY_SECTION})
    assert _reported(invoke, "archive/old.md") == {"archive/old.md"}
    assert _reported(invoke, "--force-exclude", "archive/old.md") == set()


def test_display_paths_are_relative_to_the_working_folder(
    invoke: RunCli, write: WriteFiles, project: Path
) -> None:
    write({"docs/guides/setup.md": EMPTY_SECTION})
    assert _reported(invoke, "docs") == {"docs/guides/setup.md"}
    assert _reported(invoke, cwd=project / "docs") == {"guides/setup.md"}
    assert _reported(invoke, "../docs/guides", cwd=project / "docs") == {"guides/setup.md"}


def test_each_file_is_checked_once(invoke: RunCli, write: WriteFiles) -> None:
    write({"docs/page.md": EMPTY_SECTION})
    outcome = invoke("check", "--format", "json", "docs", "docs/page.md", ".")
    assert len(outcome.json()) == 1
