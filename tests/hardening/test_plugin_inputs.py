"""Hostile plugins: a rule that raises or calls sys.exit, a module that exits when imported, a
finding whose fields would break a reporter, and an edit that keeps the module's size and time."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.cli.test_cli_plugins import DOCUMENT, NO_FOO, _run, make_plugin, plugins

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

__all__ = ["plugins"]  # the fixture: myplugin (rule no-foo) installed in a folder


@pytest.mark.parametrize(
    "crash", ['raise ValueError("the plugin tripped")', 'sys.exit("the plugin tripped")']
)
def test_a_crashing_plugin_rule_is_an_internal_error_not_a_traceback(
    contentlint: RunCli, write: WriteFiles, plugins: Path, crash: str
) -> None:
    """Even a rule that calls sys.exit (0 would make the run pass silently) is a crash."""
    source = "import sys\n" + (
        NO_FOO.format(name="Crashy")
        .replace('"no-foo"', '"crashy"')
        .replace('start = doc.text.find("foo")', crash)
    )
    make_plugin(plugins, "crashplugin", "crashplugin", source, "crashy = crashplugin:Crashy\n")
    write({"a.md": DOCUMENT, "b.md": DOCUMENT})
    outcome = _run(contentlint, plugins, "check")
    assert outcome.code == 2, outcome.output
    crashes = [d for d in outcome.diagnostics() if d["rule"] == "internal-error"]
    assert {d["path"] for d in crashes} == {"a.md", "b.md"}
    assert all("crashy" in d["message"] and "tripped" in d["message"] for d in crashes)
    # The other rules still ran on both files.
    assert [d["path"] for d in outcome.diagnostics() if d["rule"] == "no-foo"] == ["a.md"] * 2 + [
        "b.md"
    ] * 2


def test_a_plugin_that_exits_when_imported_is_skipped_not_a_silent_pass(
    contentlint: RunCli, write: WriteFiles, plugins: Path
) -> None:
    make_plugin(plugins, "exiting", "exiting", "import sys\nsys.exit(0)\n", "x = exiting:Rule\n")
    write({"notes.md": DOCUMENT})
    outcome = _run(contentlint, plugins, "check", "--no-prose")
    assert outcome.code == 1, outcome.output  # the other rules still found the problems
    assert [line for line in outcome.error_lines() if "exiting" in line], outcome.stderr
    assert {d["rule"] for d in outcome.diagnostics()} == {"no-foo", "empty-section"}


@pytest.mark.parametrize(
    "finding",
    [
        'Finding("0", 1, "a string offset")',
        "Finding(0, 1, 42)",
        'Finding(0, 1, "bad severity", severity="loud")',
        'Finding(0, 1, "bad suggestions", suggestions=("a", 1))',
        '"not a finding at all"',
    ],
    ids=["string-offset", "number-message", "bad-severity", "number-suggestion", "not-a-finding"],
)
def test_a_finding_of_the_wrong_shape_is_an_internal_error_for_its_file(
    contentlint: RunCli, write: WriteFiles, plugins: Path, finding: str
) -> None:
    source = (
        NO_FOO.format(name="Shapeless")
        .replace('"no-foo"', '"shapeless"')
        .replace('yield Finding(start, start + 3, "write something better than foo")', "")
        .replace('start = doc.text.find("foo", start + 1)', f"yield {finding}\n            break")
    )
    make_plugin(plugins, "shapeless", "shapeless", source, "shapeless = shapeless:Shapeless\n")
    write({"a.md": DOCUMENT, "b.md": "# B\n\nNothing here.\n"})
    for output in ("json", "text", "sarif", "junit", "github"):
        outcome = _run(contentlint, plugins, "check", "--no-prose", "--format", output)
        assert outcome.code == 2, outcome.output
    crashes = [
        d
        for d in _run(contentlint, plugins, "check", "--no-prose", "--format", "json").json()
        if d["rule"] == "internal-error"
    ]
    assert [d["path"] for d in crashes] == ["a.md"]
    assert "shapeless" in crashes[0]["message"]


def test_a_plugin_edit_that_keeps_size_and_time_is_not_served_stale(
    contentlint: RunCli, write: WriteFiles, plugins: Path
) -> None:
    write({"notes.md": DOCUMENT})
    before = _run(contentlint, plugins, "check", "--format", "json")
    assert "write something better than foo" in before.stdout
    module = plugins / "myplugin.py"
    times = module.stat()
    source = module.read_text("utf-8")
    edited = source.replace("write something better than foo", "WRITE SOMETHING BETTER THAN FOO")
    assert len(edited) == len(source)
    module.write_text(edited, "utf-8")
    os.utime(module, ns=(times.st_atime_ns, times.st_mtime_ns))
    after = _run(contentlint, plugins, "check", "--format", "json")
    assert "WRITE SOMETHING BETTER THAN FOO" in after.stdout


SITE_RULE = '''
from lint.diagnostics import Severity
from lint.rule import NO_OPTIONS
from lint.site.stage import SiteFinding


class Linky:
    """A site rule of a plugin whose finding has a place of the wrong shape."""

    id = "linky"
    summary = "Yields a bad place."
    groups = ("links",)
    severity = Severity.WARNING
    options_schema = NO_OPTIONS

    def check(self, doc, options):
        return iter(())

    def check_site(self, page, facts, site, options):
        for link in facts.links:
            yield SiteFinding({place}, "a finding")
'''


@pytest.mark.parametrize("place", ['("3", 1, 3, 2)', "(3, 1)", "link.place"])
def test_a_plugin_site_rule_of_the_wrong_shape_costs_only_its_file(
    contentlint: RunCli, write: WriteFiles, plugins: Path, place: str
) -> None:
    make_plugin(plugins, "linky", "linky", SITE_RULE.format(place=place), "linky = linky:Linky\n")
    write({"a.md": "# A\n\nSee [b](b.md).\n", "b.md": "# B\n\nText.\n"})
    outcome = _run(contentlint, plugins, "check", "--no-prose", "--format", "json")
    found = {(d["path"], d["rule"]) for d in outcome.json()}
    if place == "link.place":  # the right shape: a finding like any other
        assert outcome.code == 1, outcome.output
        assert found == {("a.md", "linky")}
    else:
        assert outcome.code == 2, outcome.output
        assert found == {("a.md", "internal-error")}
