"""Third-party rule plugins found through entry points, in real subprocesses (no pip)."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import Outcome, RunCli, WriteFiles

NO_FOO = '''\
"""A contentlint plugin for the tests: the word foo is not allowed."""

from lint.diagnostics import Finding, Severity
from lint.rule import NO_OPTIONS


class {name}:
    """Text that contains "foo".

    Fix: say what you mean instead of foo.
    """

    id = "no-foo"
    summary = "The text says foo."
    groups = ("house-style",)
    severity = Severity.WARNING
    options_schema = NO_OPTIONS
    example = "We use foo here."

    def check(self, doc, options):
        start = doc.text.find("foo")
        while start != -1:
            yield Finding(start, start + 3, "write something better than foo")
            start = doc.text.find("foo", start + 1)
'''

# "foo" on line 3, column 10 and line 5, column 1; an empty section on line 7.
DOCUMENT = "# Notes\n\nThis has foo in it.\n\nfoo again.\n\n## Empty\n\n## Full\n\nText.\n"


def make_plugin(
    root: Path,
    distribution: str,
    module: str,
    source: str,
    entry_points: str,
    group: str = "contentlint.rules",
) -> None:
    """An installed distribution as a folder on PYTHONPATH: a module and its .dist-info."""
    (root / f"{module}.py").write_text(source, encoding="utf-8")
    info = root / f"{distribution}-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {distribution}\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[{group}]\n" + textwrap.dedent(entry_points), encoding="utf-8"
    )


@pytest.fixture
def plugins(tmp_path: Path) -> Path:
    """A folder for plugin distributions, with myplugin (rule no-foo) in it."""
    folder = tmp_path / "site-packages"
    folder.mkdir()
    make_plugin(
        folder, "myplugin", "myplugin", NO_FOO.format(name="NoFoo"), "no-foo = myplugin:NoFoo\n"
    )
    return folder


def _run(contentlint: RunCli, plugins: Path, *args: str) -> Outcome:
    outcome = contentlint(*args, env={"PYTHONPATH": str(plugins)})
    outcome.assert_no_traceback()
    return outcome


def test_rules_lists_the_plugin_with_its_summary(contentlint: RunCli, plugins: Path) -> None:
    outcome = _run(contentlint, plugins, "rules")
    assert outcome.code == 0, outcome.output
    assert outcome.stderr == ""
    listed = [line for line in outcome.stdout.splitlines() if line.split()[:1] == ["no-foo"]]
    assert len(listed) == 1, outcome.stdout
    assert "house-style" in listed[0]
    assert "warning" in listed[0]
    assert listed[0].endswith("The text says foo.")
    # The built-in rules are still there.
    assert "empty-section" in outcome.stdout


def test_check_reports_the_plugin_rule(
    contentlint: RunCli, write: WriteFiles, plugins: Path
) -> None:
    write({"notes.md": DOCUMENT, "clean.md": "# Clean\n\nNothing to see.\n"})
    outcome = _run(contentlint, plugins, "check")
    assert outcome.code == 1, outcome.output
    assert outcome.stderr == ""
    assert outcome.diagnostic_lines() == [
        "notes.md:3:10: warning [no-foo] write something better than foo",
        "notes.md:5:1: warning [no-foo] write something better than foo",
        'notes.md:7:1: warning [empty-section] the section "Empty" is empty',
    ]


def test_plugin_rule_is_selected_configured_and_explained_like_a_built_in(
    contentlint: RunCli, write: WriteFiles, plugins: Path
) -> None:
    write(
        {
            "contentlint.toml": '[rules]\nno-foo = "error"\n\n[[overrides]]\n'
            'files = "legacy/**"\nrules = { no-foo = "off" }\n',
            "notes.md": DOCUMENT,
            "legacy/old.md": DOCUMENT,
        }
    )
    outcome = _run(contentlint, plugins, "check", "--format", "json", "--select", "house-style")
    assert outcome.code == 1, outcome.output
    assert {(item["path"], item["rule"], item["severity"]) for item in outcome.json()} == {
        ("notes.md", "no-foo", "error")
    }
    explained = _run(contentlint, plugins, "explain", "no-foo")
    assert explained.code == 0, explained.output
    assert "The text says foo." in explained.stdout
    assert "say what you mean instead of foo" in explained.stdout


@pytest.mark.parametrize(
    "source",
    [
        "import a_module_that_is_not_installed\n",
        'raise ImportError("brokenplugin needs libbroken")\n',
        "this is not python\n",
        "import sys\nsys.exit(0)\n",
    ],
    ids=["missing-import", "raises-import-error", "syntax-error", "exits-at-import"],
)
def test_a_plugin_that_fails_to_load_is_reported_once_and_skipped(
    contentlint: RunCli, write: WriteFiles, plugins: Path, source: str
) -> None:
    make_plugin(plugins, "brokenplugin", "brokenplugin", source, "broken = brokenplugin:Rule\n")
    write({"notes.md": DOCUMENT})
    outcome = _run(contentlint, plugins, "check")
    warnings = outcome.error_lines()
    assert len(warnings) == 1, outcome.stderr
    assert warnings[0].startswith("warning: ")
    assert "brokenplugin" in warnings[0]
    # The run went on with the other rules, the working plugin's included.
    assert outcome.code == 1, outcome.output
    assert [d["rule"] for d in outcome.diagnostics()] == ["no-foo", "no-foo", "empty-section"]


def test_a_broken_plugin_does_not_stop_the_rules_command(
    contentlint: RunCli, plugins: Path
) -> None:
    make_plugin(
        plugins, "brokenplugin", "brokenplugin", "import nothing_here\n", "b = brokenplugin:X\n"
    )
    outcome = _run(contentlint, plugins, "rules")
    assert outcome.code == 0, outcome.output
    assert len(outcome.error_lines()) == 1 and "brokenplugin" in outcome.stderr
    assert "no-foo" in outcome.stdout


def test_an_entry_point_that_is_not_a_rule_is_skipped(
    contentlint: RunCli, write: WriteFiles, plugins: Path
) -> None:
    make_plugin(
        plugins,
        "oddplugin",
        "oddplugin",
        "class NotARule:\n    id = 'odd'\n",
        "odd = oddplugin:NotARule\n",
    )
    write({"notes.md": DOCUMENT})
    outcome = _run(contentlint, plugins, "check")
    assert outcome.code == 1, outcome.output
    assert len(outcome.error_lines()) == 1, outcome.stderr
    assert outcome.stderr.startswith("warning: ") and "oddplugin" in outcome.stderr


def test_two_plugins_with_the_same_rule_id(
    contentlint: RunCli, write: WriteFiles, plugins: Path
) -> None:
    make_plugin(
        plugins,
        "otherplugin",
        "otherplugin",
        NO_FOO.format(name="AlsoNoFoo"),
        "no-foo = otherplugin:AlsoNoFoo\n",
    )
    write({"notes.md": DOCUMENT})
    for command in (("check",), ("rules",)):
        outcome = _run(contentlint, plugins, *command)
        assert outcome.code == 2, outcome.output
        assert outcome.stdout == ""
        message = outcome.one_line_error("no-foo")
        assert "myplugin" in message and "otherplugin" in message


def test_installing_a_plugin_resolves_cached_unknown_rule_warnings(
    contentlint: RunCli, write: WriteFiles, tmp_path: Path
) -> None:
    """The results cache knows which rules exist: a comment naming a plugin rule stops being
    an unknown name once the plugin is installed, even with the rule off and the file unchanged."""
    write({"notes.md": "# Notes\n\n<!-- contentlint-disable-next-line no-foo -->\nText.\n"})
    before = contentlint("check", "--no-prose", "--format", "json")
    assert [item["rule"] for item in before.json()] == ["unknown-rule"]
    folder = tmp_path / "later-site-packages"
    folder.mkdir()
    source = NO_FOO.format(name="NoFoo") + "\nNoFoo.enabled_by_default = False\n"
    make_plugin(folder, "myplugin", "myplugin", source, "no-foo = myplugin:NoFoo\n")
    after = _run(contentlint, folder, "check", "--no-prose", "--format", "json")
    assert after.code == 0, after.output
