"""The MDN corpus and its schema: no false positives, and mutated pages pinpointed exactly."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@pytest.fixture
def corpus(shared_dir: Path) -> Path:
    folder = shared_dir / "corpora" / "mdn"
    if not folder.is_dir() or not (shared_dir / "corpora" / "mdn.schema.json").is_file():
        pytest.skip("the MDN corpus is not available")
    return folder


@pytest.fixture
def schema(corpus: Path) -> Path:
    return corpus.parent / "mdn.schema.json"


def test_the_whole_corpus_passes_its_schema(
    contentlint: RunCli, corpus: Path, schema: Path
) -> None:
    pages = [
        path
        for path in corpus.rglob("*.md")
        if not any(part.startswith(".") for part in path.relative_to(corpus).parts)
    ]
    outcome = contentlint(
        "check", "--select", "frontmatter", "--schema", str(schema), str(corpus), timeout=120
    )
    outcome.assert_no_traceback()
    assert outcome.code == 0, outcome.stdout[-3000:] + outcome.stderr
    assert outcome.diagnostic_lines() == []
    assert f"No problems found in {len(pages)} files." in outcome.stdout


def _page(corpus: Path, slug_prefix: str, needs: str = "page-type:") -> str:
    """The text of the first page (in sorted order) whose slug starts with ``slug_prefix``."""
    for path in sorted(corpus.rglob("index.md")):
        text = path.read_text(encoding="utf-8")
        block = FRONT_MATTER.match(text)
        if block is None or "\r" in text:
            continue
        front = block.group(1).splitlines()
        if any(line.startswith(f"slug: {slug_prefix}") for line in front) and any(
            line.startswith(needs) for line in front
        ):
            return text
    pytest.skip(f"no MDN page with a slug under {slug_prefix} and a {needs} line")


def _line_of(text: str, prefix: str) -> int:
    """The 1-based number of the first line that starts with ``prefix``."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(prefix):
            return number
    raise AssertionError(f"no line starts with {prefix!r}")


def _replace_line(text: str, prefix: str, new: str | None) -> str:
    lines = text.splitlines(keepends=True)
    number = _line_of(text, prefix)
    lines[number - 1 : number] = [] if new is None else [new + "\n"]
    return "".join(lines)


def test_mutated_pages_are_reported_at_the_right_place(
    invoke: RunCli, write: WriteFiles, corpus: Path, schema: Path
) -> None:
    api_page = _page(corpus, "Web/API/")
    glossary_page = _page(corpus, "Glossary/")
    css_page = _page(corpus, "Web/CSS/", needs="browser-compat:")
    javascript_page = _page(corpus, "Web/JavaScript/")

    pages: dict[str, str] = {
        "unchanged.md": api_page,
        # A page type that exists, but not for Web/API pages.
        "api-wrong-page-type.md": _replace_line(api_page, "page-type:", "page-type: css-property"),
        "glossary-wrong-page-type.md": _replace_line(
            glossary_page, "page-type:", "page-type: web-api-interface"
        ),
        "unknown-key.md": _replace_line(
            javascript_page,
            "title:",
            javascript_page.splitlines()[_line_of(javascript_page, "title:") - 1]
            + "\nfavourite-colour: blue",
        ),
        "misspelt-key.md": _replace_line(
            css_page,
            "browser-compat:",
            css_page.splitlines()[_line_of(css_page, "browser-compat:") - 1].replace(
                "browser-compat:", "browser-compats:"
            ),
        ),
        "status-not-a-list.md": _replace_line(
            javascript_page,
            "title:",
            javascript_page.splitlines()[_line_of(javascript_page, "title:") - 1]
            + "\nstatus: experimental",
        ),
        "no-slug.md": _replace_line(api_page, "slug:", None),
    }
    write({f"mdn/{name}": text for name, text in pages.items()})

    def at(name: str, line: int, column: int, *words: str) -> tuple[str, int, int, tuple[str, ...]]:
        return (f"mdn/{name}", line, column, words)

    page_type = len("page-type: ") + 1
    expected = [
        at(
            "api-wrong-page-type.md",
            _line_of(pages["api-wrong-page-type.md"], "page-type:"),
            page_type,
            "page-type",
            '"css-property"',
            "allowed values",
            '"web-api-interface"',
        ),
        at(
            "glossary-wrong-page-type.md",
            _line_of(pages["glossary-wrong-page-type.md"], "page-type:"),
            page_type,
            '"web-api-interface"',
            '"glossary-definition"',
        ),
        at(
            "misspelt-key.md",
            _line_of(pages["misspelt-key.md"], "browser-compats:"),
            1,
            'unknown key "browser-compats"',
            'did you mean "browser-compat"',
        ),
        at("no-slug.md", 1, 1, 'missing required key "slug"'),
        at(
            "status-not-a-list.md",
            _line_of(pages["status-not-a-list.md"], "status:"),
            len("status: ") + 1,
            "status",
            '"experimental"',
            "list",
        ),
        at(
            "unknown-key.md",
            _line_of(pages["unknown-key.md"], "favourite-colour:"),
            1,
            'unknown key "favourite-colour"',
        ),
    ]
    outcome = invoke(
        "check", "--format", "json", "--select", "frontmatter", "--schema", str(schema), "mdn"
    )
    assert outcome.code == 1, outcome.output
    items = outcome.json()
    assert [(item["path"], item["line"], item["column"]) for item in items] == [
        (path, line, column) for path, line, column, _ in expected
    ], items
    for item, (_, _, _, words) in zip(items, expected, strict=True):
        assert item["rule"] == "frontmatter-schema"
        assert item["severity"] == "error"
        for word in words:
            assert word in item["message"], item["message"]
