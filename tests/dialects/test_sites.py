"""Small sites of every generator, each with its project files: every document gets its
generator's dialect, a published page of it is silent, and a broken one gets exactly the
findings in ``<document>.expected.yaml`` (``{rule, line, column}``, optionally ``severity``).

The structure and unfinished rules run with their defaults, as on a real project.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from lint.config import load_config
from lint.dialects import Dialect
from lint.document import EXTENSIONS
from lint.engine import Plan, check_path
from lint.registry import load_rules, rule_classes
from lint.rule import Rule
from lint.selection import Selection

SITES = Path(__file__).parent / "sites"
GROUPS = ("unfinished", "structure")
#: site folder → the dialect its documents must get.
DIALECTS = {
    "quarto": "quarto",
    "hugo": "hugo",
    "jekyll": "jekyll",
    "docusaurus": "docusaurus",
    "starlight": "starlight",
    "vitepress": "vitepress",
    "mkdocs": "mkdocs",
    "zensical": "mkdocs",
    "mdn": "mdn",
    "rmarkdown": "rmarkdown",
    "plain": "markdown",
}


@cache
def registered_rules() -> dict[str, type[Rule]]:
    return rule_classes(load_rules())


@cache
def plan_for(site: str) -> Plan:
    root = SITES / site
    rules = registered_rules()
    return Plan(
        rules, load_config(root, None, rules), Selection(select=("unfinished", "structure"))
    )


def documents() -> list[tuple[str, Path]]:
    return [
        (site, path)
        for site in sorted(DIALECTS)
        for path in sorted((SITES / site).rglob("*"))
        if path.suffix.lower() in EXTENSIONS and ".expected." not in path.name
    ]


def _id(item: tuple[str, Path]) -> str:
    return item[1].relative_to(SITES).as_posix()


def expected(document: Path) -> list[dict[str, Any]]:
    labels = document.with_name(f"{document.stem}.expected.yaml")
    if not labels.exists():
        return []
    loaded: Any = yaml.safe_load(labels.read_text("utf-8"))
    return list(loaded or [])


def test_every_site_has_documents() -> None:
    assert {site for site, _ in documents()} == set(DIALECTS)


@pytest.mark.parametrize("item", documents(), ids=_id)
def test_document_gets_its_generators_dialect(item: tuple[str, Path]) -> None:
    site, document = item
    choice = plan_for(site).dialects.choose(document)
    assert choice.dialect.name == DIALECTS[site], choice.reason


@pytest.mark.parametrize("item", documents(), ids=_id)
def test_document_findings(item: tuple[str, Path]) -> None:
    site, document = item
    report = check_path(_id(item), document, plan_for(site))
    assert not report.crashed, report.diagnostics
    found = [
        {
            "rule": d.rule,
            "line": d.line,
            "column": d.column,
            "severity": str(d.severity),
            "message": d.message,
        }
        for d in report.diagnostics
    ]
    want = expected(document)
    shown = [(f["rule"], f["line"], f["column"], f["message"]) for f in found]
    assert len(found) == len(want), f"got {shown}"
    for wanted, got in zip(want, found, strict=True):
        for key in ("rule", "line", "column", "severity"):
            if key in wanted:
                assert got[key] == wanted[key], f"{key} of {wanted}: got {shown}"


class _Bare(Dialect):
    """CommonMark with GitHub's tables and nothing else: the parser without any dialect."""

    name = "markdown"
    summary = "no syntax extensions"
    syntax = ()


@pytest.mark.parametrize("site", ["quarto", "hugo", "jekyll", "docusaurus", "starlight", "mkdocs"])
def test_the_published_pages_need_their_dialect(site: str) -> None:
    """Read as bare CommonMark, the site's published pages are not silent: the fixtures
    exercise the syntax their dialect understands."""
    rules = registered_rules()
    root = SITES / site
    plan = Plan(
        rules, load_config(root, None, rules), Selection(select=("unfinished", "structure"))
    )
    plan.use_dialects({"markdown": _Bare})
    published = [path for name, path in documents() if name == site and not expected(path)]
    noisy = [path for path in published if check_path(str(path), path, plan).diagnostics]
    assert noisy, f"{site}: every published page is silent without its dialect"
