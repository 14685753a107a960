"""``--fix``, ``--unsafe-fixes`` and ``--diff`` on real files on disk, in real subprocesses: each
fix edits only its value's characters, files keep their mode, BOM and line endings, and bad input
changes nothing."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

SCHEMA = {
    "type": "object",
    "properties": {
        "date": {"type": "string", "format": "date"},
        "kind": {"enum": ["tutorial", "guide", "reference"]},
        "draft": {"type": "boolean"},
        "weight": {"type": "integer"},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
}
BODY = "\n# Notes\n\nThe notes are finished.\n"


def _project(write: WriteFiles, files: dict[str, str | bytes]) -> Path:
    return write({"schema.json": json.dumps(SCHEMA), **files})


def _check(contentlint: RunCli, *args: str) -> tuple[int, list[dict[str, object]]]:
    outcome = contentlint(
        "check", "--no-prose", "--no-cache", "--schema", "schema.json", "--format", "json", *args
    )
    outcome.assert_no_traceback()
    return outcome.code, outcome.json() if outcome.stdout.strip() else []


def test_the_seed_drafts_date_is_fixed_and_nothing_else(
    contentlint: RunCli, project: Path, shared_dir: Path
) -> None:
    draft = project / "notes.qmd"
    shutil.copyfile(shared_dir / "examples" / "coalesce-2024-notes.qmd", draft)
    draft.chmod(0o644)
    before = draft.read_bytes()
    args = ("check", "--no-prose", "--schema", "builtin:blog-post", "notes.qmd")
    diff = contentlint(*args, "--diff")
    assert diff.code == 1, diff.output
    assert '-date: "10/10/2024"\n+date: "2024-10-10"\n' in diff.stdout
    assert draft.read_bytes() == before  # --diff writes nothing
    fixed = contentlint(*args, "--fix")
    fixed.assert_no_traceback()
    after = draft.read_bytes()
    assert after == before.replace(b'date: "10/10/2024"', b'date: "2024-10-10"')
    assert "Fixed 1 problem." in fixed.stdout
    recheck = contentlint(*args, "--select", "frontmatter", "--format", "json")
    assert recheck.code == 0 and recheck.json() == []


@pytest.mark.parametrize(
    ("front_matter", "fixed"),
    [
        ("date: 10/13/2024", "date: 2024-10-13"),  # month first: 13 cannot be a month
        ("date: '13.10.2024'", "date: '2024-10-13'"),  # the quotes stay as they were
        ('date: "October 13, 2024"', 'date: "2024-10-13"'),
        ("kind: tutorail", "kind: tutorial"),  # the one close value of the enum
        ('kind: "Guide"', 'kind: "guide"'),
        ('draft: "yes"', "draft: true"),
        ("draft: 'off'", "draft: false"),
        ('weight: "3"', "weight: 3"),
        ("tags: python", "tags: [python]"),
        ('tags: "python, r"', 'tags: ["python, r"]'),
    ],
)
def test_each_yaml_fix_edits_only_its_value(
    contentlint: RunCli, write: WriteFiles, project: Path, front_matter: str, fixed: str
) -> None:
    text = f"---\ntitle: Notes  # a comment that stays\n{front_matter}\nauthor: Ana\n---\n{BODY}"
    _project(write, {"post.md": text})
    code, found = _check(contentlint, "--fix", "post.md")
    assert code == 0, found
    assert (project / "post.md").read_text("utf-8") == text.replace(front_matter, fixed)


def test_toml_and_json_front_matter_are_fixed_in_their_own_syntax(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    toml = '+++\ntitle = "Notes"\ndraft = "yes"\ntags = "python"\nkind = \'tutorail\'\n+++\n'
    json_text = '{\n  "title": "Notes",\n  "weight": "3",\n  "date": "10/13/2024"\n}\n'
    _project(write, {"a.md": toml + BODY, "b.md": json_text + BODY})
    code, found = _check(contentlint, "--fix", "a.md", "b.md")
    assert code == 0, found
    assert (
        (project / "a.md")
        .read_text("utf-8")
        .startswith(
            '+++\ntitle = "Notes"\ndraft = true\ntags = ["python"]\nkind = \'tutorial\'\n+++\n'
        )
    )
    assert (
        (project / "b.md")
        .read_text("utf-8")
        .startswith('{\n  "title": "Notes",\n  "weight": 3,\n  "date": "2024-10-13"\n}\n')
    )


def test_what_is_not_clear_is_not_fixed(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    text = f"---\ndate: 03/04/2024\nkind: xyz\ndraft: maybe\n---\n{BODY}"
    _project(write, {"post.md": text})
    code, found = _check(contentlint, "--fix", "post.md")
    assert code == 1 and len(found) == 3
    assert all(item["fix"] == [] for item in found)  # 03/04: March or April?
    assert (project / "post.md").read_text("utf-8") == text


def test_mode_bom_and_crlf_are_kept(contentlint: RunCli, write: WriteFiles, project: Path) -> None:
    text = b"\xef\xbb\xbf---\r\ndraft: 'yes'\r\n---\r\n\r\n# Notes\r\n\r\nDone.\r\n"
    _project(write, {"post.md": text})
    (project / "post.md").chmod(0o640)
    code, _ = _check(contentlint, "--fix", "post.md")
    assert code == 0
    assert (project / "post.md").read_bytes() == text.replace(b"'yes'", b"true")
    assert stat.S_IMODE((project / "post.md").stat().st_mode) == 0o640
    assert [p.name for p in project.iterdir() if p.name.startswith(".post")] == []


def test_prose_fixes_safe_and_unsafe(contentlint: RunCli, write: WriteFiles, project: Path) -> None:
    text = "# Notes\n\nThis is is a test of a apple.\n\n##\n\nEnd.\n"
    write({"post.md": text})
    fixed = contentlint("check", "--no-cache", "--fix", "--select", "grammar", "post.md")
    fixed.assert_no_traceback()
    assert (project / "post.md").read_text("utf-8") == text.replace(
        "is is a test of a apple", "is a test of an apple"
    )
    safe_only = contentlint("check", "--no-cache", "--fix", "--select", "empty-heading", "post.md")
    assert safe_only.code == 1 and "1 fixable with --unsafe-fixes." in safe_only.stdout
    assert "##\n" in (project / "post.md").read_text("utf-8")
    unsafe = contentlint("check", "--no-cache", "--unsafe-fixes", "--select", "empty-heading", ".")
    assert unsafe.code == 0, unsafe.output
    assert "##\n" not in (project / "post.md").read_text("utf-8")


def test_a_second_fix_changes_nothing(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    text = f"---\ndate: 10/13/2024\ndraft: 'yes'\ntags: python\n---\n{BODY}"
    _project(write, {"post.md": text})
    _check(contentlint, "--fix", "post.md")
    once = (project / "post.md").read_bytes()
    diff = contentlint("check", "--no-prose", "--schema", "schema.json", "--diff", "post.md")
    assert diff.code == 0 and diff.stdout == ""
    assert (project / "post.md").read_bytes() == once


def test_a_read_only_file_is_an_error_and_stays(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    text = f"---\ndraft: 'yes'\n---\n{BODY}"
    _project(write, {"post.md": text})
    (project / "post.md").chmod(0o444)
    outcome = contentlint("check", "--no-prose", "--schema", "schema.json", "--fix", "post.md")
    assert outcome.code == 2
    outcome.one_line_error("post.md: not fixed: it is read-only")
    assert (project / "post.md").read_text("utf-8") == text


def test_an_undecodable_file_is_reported_and_left(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    data = "---\ndraft: 'yes'\n---\n\nCaf\xe9.\n".encode("latin-1")
    _project(write, {"post.md": data})
    code, found = _check(contentlint, "--fix", "post.md")
    assert code == 1 and [item["rule"] for item in found] == ["file-error"]
    assert (project / "post.md").read_bytes() == data


def test_fix_on_standard_input_is_refused_but_diff_works(
    contentlint: RunCli, write: WriteFiles
) -> None:
    _project(write, {})
    text = f"---\ndraft: 'yes'\n---\n{BODY}"
    args = ("check", "--no-prose", "--schema", "schema.json", "--stdin-filename", "post.md")
    refused = contentlint(*args, "--fix", stdin=text)
    assert refused.code == 2
    refused.one_line_error("standard input cannot be fixed in place")
    diff = contentlint(*args, "--diff", stdin=text)
    assert diff.code == 1 and "-draft: 'yes'\n+draft: true\n" in diff.stdout


def test_diff_and_fix_together_is_a_usage_error(contentlint: RunCli, write: WriteFiles) -> None:
    write({"post.md": BODY})
    outcome = contentlint("check", "--fix", "--diff", "post.md")
    assert outcome.code == 2
    outcome.one_line_error("--diff")


def test_a_single_spelling_suggestion_is_an_unsafe_fix(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({"post.md": "# Notes\n\nWe meet tommorow at noon.\n"})
    args = ("check", "--no-cache", "--select", "spelling", "post.md")
    assert contentlint(*args, "--fix").code == 1  # not applied by --fix
    assert "tommorow" in (project / "post.md").read_text("utf-8")
    assert contentlint(*args, "--unsafe-fixes").code == 0
    assert (project / "post.md").read_text("utf-8") == "# Notes\n\nWe meet tomorrow at noon.\n"


UPPERCASE_TITLE = '''\
"""A contentlint plugin for the tests: titles in capitals, fixed to lower case."""

from lint.diagnostics import Finding, Fix, Replacement, Severity
from lint.rule import NO_OPTIONS


class Shouting:
    """A heading in capitals."""

    id = "shouting"
    summary = "A heading is in capitals."
    groups = ("house-style",)
    severity = Severity.WARNING
    options_schema = NO_OPTIONS
    example = "# LOUD\\n"

    def check(self, doc, options):
        at = doc.text.find("# LOUD")
        if at != -1:
            fix = Fix((Replacement(at + 2, at + 6, "Loud"),))
            yield Finding(at + 2, at + 6, "the heading shouts", fix=fix)
'''


def test_a_plugin_rule_fixes_the_same_way(
    contentlint: RunCli, write: WriteFiles, project: Path, tmp_path: Path
) -> None:
    from tests.cli.test_cli_plugins import make_plugin

    folder = tmp_path / "site-packages"
    folder.mkdir()
    make_plugin(folder, "shouting", "shouting", UPPERCASE_TITLE, "shouting = shouting:Shouting\n")
    write({"post.md": "# LOUD\n\nText.\n"})
    env = {"PYTHONPATH": str(folder)}
    listed = contentlint("check", "--select", "shouting", "post.md", env=env)
    assert "[shouting] [*] the heading shouts" in listed.stdout, listed.output
    fixed = contentlint("check", "--select", "shouting", "--fix", "post.md", env=env)
    assert fixed.code == 0, fixed.output
    assert (project / "post.md").read_text("utf-8") == "# Loud\n\nText.\n"
