"""Bad documents: each is reported clearly, never with a traceback, and the run goes on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import Outcome, ProjectFactory, RunCli, WriteFiles

GOOD_WITH_WARNING = "# Guide\n\nIntro.\n\n## Install\n\n## Use\n\nRun it.\n"
CLEAN = "---\ntitle: Fine\n---\n\n# Fine\n\nText.\n"

# Nine levels of nine aliases: 9**9 (387 million) values once expanded.
ALIAS_BOMB = (
    "---\n"
    + 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n'
    + "".join(
        f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]\n"
        for previous, name in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "---\n\n# Laughs\n\nText.\n"
)

# (file name, content, rule, line, column, words the message must contain)
BAD_DOCUMENTS: list[tuple[str, bytes, str, int, int | None, tuple[str, ...]]] = [
    (
        "image.md",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10",
        "file-error",
        1,
        1,
        ("binary",),
    ),
    (
        "latin1.md",
        "---\ntitle: Résumé\n---\n\nText.\n".encode("latin-1"),
        "file-error",
        2,
        9,
        ("UTF-8", "0xe9"),
    ),
    (
        "utf16.md",
        "# Title\n\nText.\n".encode("utf-16"),
        "file-error",
        1,
        1,
        ("UTF-16",),
    ),
    (
        "unterminated.md",
        b"---\ntitle: Never closed\n\n# Heading\n\nText.\n",
        "frontmatter-syntax",
        1,
        1,
        ("never closed",),
    ),
    (
        "invalid-yaml.md",
        b"---\ntitle: Fine\ntags: [one, two\n---\n\nText.\n",
        "frontmatter-syntax",
        4,
        1,
        ("invalid YAML",),
    ),
    (
        "tab-yaml.md",
        b"---\ntitle: Fine\n\tauthor: Me\n---\n\nText.\n",
        "frontmatter-syntax",
        3,
        1,
        ("invalid YAML",),
    ),
    (
        "invalid-toml.md",
        b"+++\ntitle = \n+++\n\nText.\n",
        "frontmatter-syntax",
        2,
        9,
        ("TOML",),
    ),
    (
        "invalid-json.md",
        b'{\n"title": ,\n}\n\nText.\n',
        "frontmatter-syntax",
        2,
        10,
        ("JSON",),
    ),
    (
        "alias-bomb.md",
        ALIAS_BOMB.encode(),
        "frontmatter-syntax",
        2,
        1,
        ("aliases",),
    ),
    (
        "self-alias.md",
        b"---\na: &a [1, *a]\n---\n\nText.\n",
        "frontmatter-syntax",
        2,
        1,
        ("alias",),
    ),
    (
        "deep.md",
        b"---\nx: " + b"[" * 5000 + b"]" * 5000 + b"\n---\n\nText.\n",
        "frontmatter-syntax",
        2,
        None,  # the column depends on where PyYAML gives up
        ("nesting",),
    ),
]


def _check(contentlint: RunCli, *paths: str, timeout: float = 30) -> Outcome:
    outcome = contentlint("check", "--format", "json", *paths, timeout=timeout)
    outcome.assert_no_traceback()
    return outcome


@pytest.fixture(scope="module")
def mixed_run(module_project: ProjectFactory) -> tuple[Outcome, Outcome]:
    """One real run (JSON, then text) over every bad document plus good, clean and empty ones."""
    files: dict[str, str | bytes] = {name: content for name, content, *_ in BAD_DOCUMENTS}
    files.update({"a-good.md": GOOD_WITH_WARNING, "empty.md": b"", "z-clean.md": CLEAN})
    _, contentlint = module_project(files)
    return contentlint("check", "--format", "json", "."), contentlint("check", ".")


@pytest.mark.parametrize(
    ("name", "content", "rule", "line", "column", "words"),
    BAD_DOCUMENTS,
    ids=[case[0] for case in BAD_DOCUMENTS],
)
def test_bad_document_is_reported_where_it_is(
    mixed_run: tuple[Outcome, Outcome],
    name: str,
    content: bytes,
    rule: str,
    line: int,
    column: int | None,
    words: tuple[str, ...],
) -> None:
    outcome = mixed_run[0]
    outcome.assert_no_traceback()
    bad = [item for item in outcome.json() if item["path"] == name]
    assert len(bad) == 1, bad
    assert bad[0]["rule"] == rule
    assert bad[0]["severity"] == "error"
    assert bad[0]["line"] == line
    if column is not None:
        assert bad[0]["column"] == column
    for word in words:
        assert word in bad[0]["message"], bad[0]["message"]


def test_bad_documents_do_not_stop_the_run(mixed_run: tuple[Outcome, Outcome]) -> None:
    as_json, as_text = mixed_run
    for outcome in mixed_run:
        outcome.assert_no_traceback()
        assert outcome.code == 1, outcome.output
        assert outcome.stderr == ""
    # The good file sorts before every bad one and the clean one after: both were checked.
    assert as_json.positions("empty-section") == [("a-good.md", 5, 1)]
    assert as_json.paths() == {"a-good.md", *(name for name, *_ in BAD_DOCUMENTS)}
    reported = {(d["path"], d["rule"]) for d in as_text.diagnostics()}
    assert reported == {("a-good.md", "empty-section")} | {
        (name, rule) for name, _, rule, *_ in BAD_DOCUMENTS
    }
    files = len(BAD_DOCUMENTS) + 3
    assert f"in {len(BAD_DOCUMENTS) + 1} of {files} files" in as_text.stdout


def test_an_empty_file_is_fine(contentlint: RunCli, write: WriteFiles) -> None:
    write({"empty.md": b"", "blank.md": b"\n\n  \n"})
    outcome = contentlint("check", "empty.md", "blank.md")
    outcome.assert_no_traceback()
    assert outcome.code == 0, outcome.output
    assert "No problems found in 2 files" in outcome.stdout


def test_an_empty_file_under_a_schema_has_no_front_matter(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"empty.md": b"", "post.schema.json": '{"required": ["title"]}'})
    outcome = _check(contentlint, "--schema", "post.schema.json", "empty.md")
    assert outcome.code == 1, outcome.output
    assert outcome.positions("frontmatter-schema") == [("empty.md", 1, 1)]
    assert "no front matter" in outcome.json()[0]["message"]


def test_a_yaml_python_tag_is_not_executed(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    marker = project / "MARKER"
    write(
        {
            "evil.md": (
                "---\n"
                f'title: !!python/object/apply:os.system ["touch {marker}"]\n'
                'other: !!python/object/apply:os.system ["touch MARKER"]\n'
                "---\n\n# Evil\n\nText.\n"
            ),
            "good.md": GOOD_WITH_WARNING,
        }
    )
    outcome = _check(contentlint, ".")
    assert not marker.exists(), "a YAML tag in front matter executed a command"
    assert outcome.code == 1, outcome.output
    evil = [item for item in outcome.json() if item["path"] == "evil.md"]
    assert [(item["rule"], item["line"]) for item in evil][:1] == [("frontmatter-syntax", 2)]
    assert "python/object" in evil[0]["message"]
    assert ("good.md", 5, 1) in outcome.positions("empty-section")


def test_the_alias_bomb_finishes_fast(contentlint: RunCli, write: WriteFiles) -> None:
    write({"bomb.md": ALIAS_BOMB, "good.md": GOOD_WITH_WARNING})
    outcome = _check(contentlint, ".", timeout=20)
    assert outcome.seconds < 5, f"the alias bomb took {outcome.seconds:.1f} s"
    assert outcome.positions("frontmatter-syntax") == [("bomb.md", 2, 1)]
    assert outcome.positions("empty-section") == [("good.md", 5, 1)]


def test_the_alias_bomb_under_a_schema_finishes_fast(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"bomb.md": ALIAS_BOMB, "post.schema.json": '{"required": ["title"]}'})
    outcome = _check(contentlint, "--schema", "post.schema.json", "bomb.md", timeout=20)
    assert outcome.seconds < 5, f"the alias bomb took {outcome.seconds:.1f} s"
    assert outcome.code == 1
    assert outcome.rules() == {"frontmatter-syntax"}


def test_a_missing_path_exits_2_and_the_others_are_still_checked(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"a-good.md": GOOD_WITH_WARNING, "latin1.md": "é\n".encode("latin-1")})
    outcome = contentlint("check", "a-good.md", "nope.md", "latin1.md", "missing-folder")
    outcome.assert_no_traceback()
    assert outcome.code == 2, outcome.output
    errors = outcome.error_lines()
    assert len(errors) == 2, outcome.stderr
    assert all(line.startswith("error: ") for line in errors)
    assert "nope.md" in errors[0] and "missing-folder" in errors[1]
    assert {(d["path"], d["rule"]) for d in outcome.diagnostics()} == {
        ("a-good.md", "empty-section"),
        ("latin1.md", "file-error"),
    }


def test_a_missing_path_exits_2_even_when_the_rest_is_clean(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"clean.md": CLEAN})
    outcome = contentlint("check", "clean.md", "gone.md")
    outcome.assert_no_traceback()
    assert outcome.code == 2, outcome.output
    outcome.one_line_error("gone.md")
    assert "No problems found in 1 file" in outcome.stdout


def test_a_folder_named_like_a_document_is_not_read_as_one(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"folder.md/inside.md": GOOD_WITH_WARNING})
    outcome = contentlint("check", ".")
    outcome.assert_no_traceback()
    assert outcome.code == 1, outcome.output
    assert [d["path"] for d in outcome.diagnostics()] == ["folder.md/inside.md"]
