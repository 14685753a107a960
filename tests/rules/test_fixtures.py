"""Every rule against its fixture documents: pass/* give no finding, fail/* exactly the expected.

Layout, per rule id: ``tests/rules/<rule-id>/pass/<doc>`` and
``tests/rules/<rule-id>/fail/<case>.<ext>`` with ``<case>.expected.yaml``, a list of
``{rule, line, column}`` mappings (optionally ``end_line``, ``end_column``, ``severity`` and
``message_contains``). A ``schema.json`` in the folder, or a ``<case>.schema.json`` beside a
document, is given as ``--schema`` would be; a ``contentlint.toml`` in the folder is read as the
project config. Only the rule under test runs; a site rule (group ``links``) runs in the site
stage, as in a real run, with the folder as the site's root (the pages and files its links
point at live in a subfolder, ``site/``, which holds no fixtures).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from lint.config import Config, merge, read_config_file
from lint.engine import Plan, check_path
from lint.prose.settings import prose_settings
from lint.registry import load_rules, rule_classes
from lint.rule import Rule
from lint.selection import Selection
from lint.site.stage import SiteStage
from lint.site.urls import UrlSettings

FIXTURES = Path(__file__).parent
DOCUMENT_SUFFIXES = {".md", ".markdown", ".qmd", ".rmd", ".mdx"}


@cache
def registered_rules() -> dict[str, type[Rule]]:
    return rule_classes(load_rules())


@dataclass(frozen=True)
class Fixture:
    rule_id: str
    document: Path
    expected: tuple[dict[str, Any], ...] | None  # None: a passing document

    def __str__(self) -> str:
        return self.document.relative_to(FIXTURES).as_posix()


def _documents(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.glob("*")
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES
    )


def _fixtures() -> list[Fixture]:
    found = []
    for rule_folder in sorted(path for path in FIXTURES.iterdir() if path.is_dir()):
        if rule_folder.name.startswith(("_", ".")):
            continue
        for document in _documents(rule_folder / "pass"):
            found.append(Fixture(rule_folder.name, document, None))
        for document in _documents(rule_folder / "fail"):
            expected_file = document.with_name(f"{document.stem}.expected.yaml")
            expected = yaml.safe_load(expected_file.read_text(encoding="utf-8"))
            found.append(Fixture(rule_folder.name, document, tuple(expected)))
    return found


def _plan(fixture: Fixture) -> Plan:
    folder = fixture.document.parent
    config = Config(root=folder, links={"root": str(folder)})
    project_file = folder / "contentlint.toml"
    if project_file.is_file():
        config = merge(config, read_config_file(project_file, registered_rules()))
    schema = next(
        (
            path
            for path in (folder / f"{fixture.document.stem}.schema.json", folder / "schema.json")
            if path.is_file()
        ),
        None,
    )
    return Plan(
        rules=registered_rules(),
        config=config,
        selection=Selection(select=(fixture.rule_id,)),
        schema_override=str(schema) if schema else None,
        prose=prose_settings(config, use_cache=False),
    )


FIXTURE_LIST = _fixtures()


@pytest.mark.parametrize("fixture", FIXTURE_LIST, ids=str)
def test_fixture(fixture: Fixture, tmp_path: Path) -> None:
    # Checked in a copy of its folder: never part of this repository's project, whose other
    # pages and files would lend it their words (lint.prose.project_words).
    folder = tmp_path / fixture.document.parent.name
    shutil.copytree(fixture.document.parent, folder)
    fixture = replace(fixture, document=folder / fixture.document.name)
    plan = _plan(fixture)
    report = check_path(str(fixture.document), fixture.document, plan)
    if report.facts is not None:
        stage = SiteStage(plan)
        stage.add(fixture.document, report.facts)
        urls = UrlSettings.from_table(plan.config.links)
        if urls.enabled:
            stage.check_urls(urls, None)
        report.diagnostics = sorted(
            [*report.diagnostics, *stage.diagnostics(report.path, fixture.document)]
        )
    found: list[dict[str, Any]] = [
        {
            "rule": diagnostic.rule,
            "line": diagnostic.line,
            "column": diagnostic.column,
            "end_line": diagnostic.end_line,
            "end_column": diagnostic.end_column,
            "severity": str(diagnostic.severity),
            "message": diagnostic.message,
        }
        for diagnostic in report.diagnostics
    ]
    if fixture.expected is None:
        assert found == [], f"{fixture} should pass"
        return
    shown = [(item["rule"], item["line"], item["column"], item["message"]) for item in found]
    assert len(found) == len(fixture.expected), f"{fixture}: got {shown}"
    for want, got in zip(fixture.expected, found, strict=True):
        for key in ("rule", "line", "column", "end_line", "end_column", "severity"):
            if key in want:
                assert got[key] == want[key], f"{fixture}: {key} of {want} differs; got {shown}"
        if "message_contains" in want:
            assert str(want["message_contains"]) in str(got["message"]), f"{fixture}: got {shown}"


def test_every_registered_rule_has_passing_and_failing_fixtures() -> None:
    covered_pass = {fixture.rule_id for fixture in FIXTURE_LIST if fixture.expected is None}
    covered_fail = {fixture.rule_id for fixture in FIXTURE_LIST if fixture.expected is not None}
    rule_ids = set(registered_rules())
    assert rule_ids - covered_pass == set(), "rules without a passing fixture"
    assert rule_ids - covered_fail == set(), "rules without a failing fixture"


def test_every_failing_fixture_expects_its_own_rule() -> None:
    for fixture in FIXTURE_LIST:
        if fixture.expected is not None:
            assert fixture.expected, f"{fixture} expects nothing; move it to pass/"
            assert {item["rule"] for item in fixture.expected} == {fixture.rule_id}, str(fixture)
