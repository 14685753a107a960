"""The routes the site index reads from a content folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import lint.site.index as site_index
from lint.site.index import SiteIndex, SitePage
from lint.site.layouts import Layout, layout_named


def _index() -> SiteIndex:
    def nowhere(path: Path) -> SitePage:
        raise AssertionError(f"no page's place is asked for: {path}")

    return SiteIndex(facts_for=lambda path: None, routing_for=lambda path: (), place_of=nowhere)


def test_a_folders_index_page_claims_its_address_before_its_readme(tmp_path: Path) -> None:
    for name in ("guide/README.md", "guide/index.md", "guide/setup.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# Page\n", "utf-8")
    routes = _index().routes(tmp_path, layout_named("mkdocs"))
    assert routes["/guide"] == tmp_path / "guide" / "index.md"
    assert routes["/guide/setup"] == tmp_path / "guide" / "setup.md"


def test_a_content_root_at_the_top_of_the_file_system(monkeypatch: pytest.MonkeyPatch) -> None:
    top = str(Path.cwd().anchor)  # "/", or a drive's root ("C:\\")

    def walk(folder: str) -> Iterator[tuple[str, list[str], list[str]]]:
        assert folder == top  # the file system's own root is not walked for real
        yield top, ["docs"], ["index.md"]
        yield top + "docs", [], ["guide.md"]

    monkeypatch.setattr(site_index, "walk", walk)
    routes = _index().routes(Path(top), Layout)
    assert routes["/docs/guide"] == Path(top, "docs", "guide.md")
    assert routes["/"] == Path(top, "index.md")
