"""Small sites of each generator, checked by the real CLI: every broken link, image, anchor
and cross-reference is found at its columns, and every valid link, in the generator's own
forms, is silent."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import Outcome, RunCli, WriteFiles

LINKS = ("--no-cache", "--select", "links", "--format", "json")


def _found(outcome: Outcome) -> set[tuple[str, int, int, str]]:
    assert outcome.code in (0, 1), outcome.output
    return {(d["path"], d["line"], d["column"], d["rule"]) for d in outcome.json()}


def test_a_quarto_site(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "_quarto.yml": "project:\n  type: website\n",
            "index.qmd": (
                "---\ntitle: Home\n---\n\n"
                "Read [the guide](docs/guide.qmd), [rendered](docs/guide.html#first-steps),\n"
                "[from the root](/docs/guide.qmd), [a folder](docs/) and [gone](docs/gone.qmd).\n"
                "\n![A chart](images/chart.png) and ![no image](images/missing.png).\n"
            ),
            "images/chart.png": b"\x89PNG\r\n",
            "docs/plot.png": b"\x89PNG\r\n",
            "docs/index.qmd": "---\ntitle: Docs\n---\n\nText.\n",
            "docs/guide.qmd": (
                "---\ntitle: Guide\n---\n\n## 1. First steps\n\n"
                "As @fig-plot and @tbl-sizes show (not @fig-nothing), see @sec-more.\n\n"
                "![Plot](plot.png){#fig-plot}\n\n| a |\n|---|\n| 1 |\n\n: Sizes {#tbl-sizes}\n\n"
                "## More {#sec-more}\n\n"
                "{{< include _shared.qmd >}}\n\nBack to [the start](#first-steps), "
                "[the shared part](#shared-part) and [nowhere](#nowhere).\n"
            ),
            "docs/_shared.qmd": "## Shared part\n\nSee [a page](gone-too.qmd).\n",
        }
    )
    found = _found(contentlint("check", *LINKS, "."))
    assert found == {
        ("index.qmd", 6, 64, "broken-link"),
        ("index.qmd", 8, 46, "broken-link"),
        ("docs/guide.qmd", 7, 39, "undefined-crossref"),
        ("docs/guide.qmd", 21, 82, "missing-anchor"),
    }


def test_a_quarto_book_cross_references_across_its_chapters(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write(
        {
            "_quarto.yml": (
                "project:\n  type: book\nbook:\n  title: B\n  chapters:\n    - index.qmd\n"
                "    - part: Methods\n      chapters: [methods/data.qmd]\n"
                "  appendices: [extra.qmd]\n"
            ),
            "index.qmd": "# Preface\n\nSee @fig-growth, @sec-sources, @tbl-extra and @fig-gone.\n",
            "methods/data.qmd": (
                "# Data {#sec-sources}\n\n![Growth](g.png){#fig-growth}\n\nBack to @sec-preface.\n"
            ),
            "methods/g.png": b"\x89PNG\r\n",
            "extra.qmd": "# Extra\n\n| a |\n|---|\n| 1 |\n\n: More {#tbl-extra}\n",
        }
    )
    outcome = contentlint("check", *LINKS, "--select", "undefined-crossref", "index.qmd")
    assert _found(outcome) == {("index.qmd", 3, 47, "undefined-crossref")}
    assert "names no label in this book" in outcome.json()[0]["message"]
    found = _found(contentlint("check", *LINKS, "--select", "undefined-crossref", "."))
    assert found == {
        ("index.qmd", 3, 47, "undefined-crossref"),
        ("methods/data.qmd", 5, 9, "undefined-crossref"),
    }


def test_a_quarto_book_with_a_missing_chapter_or_a_hostile_project_file(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    page = {"index.qmd": "# Preface\n\nSee @fig-typo.\n"}
    books = [
        "project:\n  type: book\nbook:\n  chapters: [index.qmd, not-written-yet.qmd]\n",
        "project:\n  type: book\nbook:\n  chapters: &a [index.qmd, *a]\n",  # a list in itself
        "project:\n  type: book\ndate: 2024-02-30\nbook:\n  chapters: [index.qmd]\n",
    ]
    for book in books:
        write({**page, "_quarto.yml": book})
        outcome = contentlint("check", *LINKS, "--select", "undefined-crossref", ".")
        outcome.assert_no_traceback()
        assert _found(outcome) == {("index.qmd", 3, 5, "undefined-crossref")}, book


def test_a_hugo_site(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "hugo.toml": 'title = "Site"\n',
            "content/_index.md": "---\ntitle: Home\n---\n\nSee [the docs](/docs/) and "
            "[install](/docs/install/#requirements).\n",
            "content/docs/_index.md": "---\ntitle: Docs\n---\n\nText.\n",
            "content/docs/install.md": (
                "---\ntitle: Install\n---\n\n## Requirements\n\n"
                'Next: [configure](../configure/), [by ref]({{< ref "configure" >}}),\n'
                '[relref]({{< relref "/docs/configure" >}}#options), [renamed](/docs/setup/),\n'
                "[an alias](/old/install/) and [a bad anchor](../configure/#option).\n"
            ),
            "content/docs/configure/index.md": (
                "---\ntitle: Configure\naliases: [/old/configure/]\n---\n\n## Options\n"
            ),
            "content/old/readme.md": "---\ntitle: Old\naliases: [/old/install/]\n---\n\nText.\n",
        }
    )
    found = _found(contentlint("check", *LINKS, "."))
    assert found == {
        ("content/docs/install.md", 8, 63, "broken-link"),
        ("content/docs/install.md", 9, 46, "missing-anchor"),
    }


def test_a_jekyll_site(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "_config.yml": "title: Site\n",
            "index.md": (
                "---\ntitle: Home\n---\n\n"
                "Read [the post]({% post_url 2024-01-02-hello %}), [a page]({% link about.md %}),\n"
                "[a gone page]({% link gone.md %}), [base]({{ site.baseurl }}/about.md#team) and\n"
                "[a file](about.md#tema).\n"
            ),
            "about.md": "---\ntitle: About\n---\n\n## Team\n\nText.\n",
            "_posts/2024-01-02-hello.md": "---\ntitle: Hello\n---\n\nText.\n",
        }
    )
    found = _found(contentlint("check", *LINKS, "."))
    assert found == {("index.md", 6, 15, "broken-link"), ("index.md", 7, 10, "missing-anchor")}


def test_a_docusaurus_site(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "docusaurus.config.js": "module.exports = {};\n",
            "docs/01-intro.md": (
                "---\ntitle: Intro\n---\n\n"
                "Start with [the setup](/docs/setup), [the same](02-setup.md#steps),\n"
                "[the api](./guides/api.mdx), [by slug](/docs/moved-here),\n"
                "[by id](/docs/guides/calls), [a typo](/docs/stup) and [the route as a\n"
                "file](setup.md).\n"
            ),
            "docs/02-setup.md": "---\ntitle: Setup\n---\n\n## Steps\n\nText.\n",
            "docs/guides/api.mdx": "---\nslug: /moved-here\n---\n\n# API\n",
            "docs/guides/calling.md": (
                "---\nid: calls\n---\n\n# Calls\n\nSee [the intro](01-intro.md) from here.\n"
            ),
        }
    )
    found = _found(contentlint("check", *LINKS, "."))
    assert found == {
        ("docs/01-intro.md", 7, 39, "broken-link"),
        ("docs/01-intro.md", 8, 7, "broken-link"),
    }


def test_an_mkdocs_site(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "mkdocs.yml": "site_name: Site\ndocs_dir: content\n",
            "content/index.md": (
                "# Home\n\nSee [the guide](guide.md#cafe-au-lait), [pretty](guide/),\n"
                "[from the root](/guide.md), [a bad anchor](guide.md#café) and "
                "[a gone page](gone.md).\n"
            ),
            "content/guide.md": "# Guide\n\n## Café au lait\n\nText.\n",
        }
    )
    found = _found(contentlint("check", *LINKS, "."))
    assert found == {
        ("content/index.md", 4, 44, "missing-anchor"),
        ("content/index.md", 4, 77, "broken-link"),
    }


def test_mkdocs_references_that_autorefs_or_appended_snippets_resolve(
    contentlint: RunCli, write: WriteFiles
) -> None:
    """With mkdocstrings or autorefs on, ``[Object][griffe.Object]`` names an object of the
    site; with snippets' ``auto_append``, the appended file defines the page's references.
    Without either, a reference the page does not define is reported."""
    page = "# Guide\n\nAn [Object][griffe.Object] and [the usage][usage] part.\n"
    write(
        {
            "api/mkdocs.yml": "site_name: API\nplugins:\n  - search\n  - mkdocstrings:\n",
            "api/docs/guide.md": page,
            "refs/zensical.yml": (
                "site_name: Refs\nmarkdown_extensions:\n  - pymdownx.snippets:\n"
                "      auto_append:\n      - refs.md\n"
            ),
            "refs/docs/guide.md": page,
            "plain/mkdocs.yml": "site_name: Plain  # no autorefs here\nplugins:\n  - search\n",
            "plain/docs/guide.md": page,
        }
    )
    found = _found(contentlint("check", *LINKS, "."))
    assert found == {
        ("plain/docs/guide.md", 3, 4, "undefined-reference"),
        ("plain/docs/guide.md", 3, 32, "undefined-reference"),
    }


def test_plain_markdown_files(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "README.md": (
                "# Project\n\nSee [the docs](docs/README.md#usage), [the licence](LICENSE),\n"
                "[a typo](docs/REDME.md) and ![the logo](docs/logo.svg).\n"
            ),
            "LICENSE": "MIT\n",
            "docs/README.md": "# Docs\n\n## Usage\n\nText.\n",
        }
    )
    found = _found(contentlint("check", *LINKS, "."))
    assert found == {("README.md", 4, 10, "broken-link"), ("README.md", 4, 41, "broken-link")}
    typo = next(d for d in contentlint("check", *LINKS, ".").json() if d["column"] == 10)
    assert 'did you mean "README.md"?' in typo["message"]


def test_one_target_from_the_root_linked_from_many_pages(
    contentlint: RunCli, write: WriteFiles
) -> None:
    """A root path is resolved once for the whole site: each link keeps its own fragment,
    ``/docs/gui.md`` is not found in ``guide.md``, and ``/docs/guide`` finds it."""
    write(
        {
            "a.md": "# A\n\n[Usage](/docs/guide.md#usage) and [gone](/docs/gui.md).\n",
            "b.md": "# B\n\n[Usage](/docs/guide.md#nothing) and [gone](/docs/gui.md).\n",
            "c/d.md": "# D\n\n[Usage](/docs/guide.md#usage), [no extension](/docs/guide).\n",
            "docs/guide.md": "# Guide\n\n## Usage\n\nText.\n",
        }
    )
    assert _found(contentlint("check", *LINKS, ".")) == {
        ("a.md", 3, 42, "broken-link"),
        ("b.md", 3, 9, "missing-anchor"),
        ("b.md", 3, 44, "broken-link"),
    }


def test_one_file_given_still_sees_the_whole_site(contentlint: RunCli, write: WriteFiles) -> None:
    """A pre-commit run names only the changed file: its targets are read from disk."""
    write(
        {
            "a.md": "# A\n\nSee [b](b.md#second) and [b again](b.md#third).\n",
            "b.md": "# B\n\n## Second\n",
        }
    )
    assert _found(contentlint("check", *LINKS, "a.md")) == {("a.md", 3, 36, "missing-anchor")}


def test_a_renamed_heading_is_found_though_the_linking_page_is_cached(
    contentlint: RunCli, write: WriteFiles
) -> None:
    write({"a.md": "# A\n\nSee [b](b.md#second).\n", "b.md": "# B\n\n## Second\n"})
    cached = ("--select", "links", "--format", "json")
    assert _found(contentlint("check", *cached, ".")) == set()
    write({"b.md": "# B\n\n## The second\n"})
    assert _found(contentlint("check", *cached, ".")) == {("a.md", 3, 9, "missing-anchor")}
    # From the cache entirely, the same.
    assert _found(contentlint("check", *cached, ".")) == {("a.md", 3, 9, "missing-anchor")}


def test_a_suppression_comment_silences_a_link(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "a.md": (
                "# A\n\n<!-- contentlint-disable-next-line broken-link -->\n"
                "A [known gap](gone.md), but [another](gone-too.md).\n\n"
                "<!-- contentlint-disable links -->\n[Off](off.md)\n"
            )
        }
    )
    assert _found(contentlint("check", *LINKS, ".")) == set()
    write({"a.md": "# A\n\nA [known gap](gone.md).\n"})
    assert _found(contentlint("check", *LINKS, ".")) == {("a.md", 3, 15, "broken-link")}


def test_a_quarto_folder_whose_filters_add_content_is_not_held_to_its_ids(
    contentlint: RunCli, write: WriteFiles
) -> None:
    """Quarto's filters (a folder's ``_metadata.yml``) write headings at render time: links
    into that folder's pages are not checked for ids the index cannot see; elsewhere they are."""
    write(
        {
            "_quarto.yml": "project:\n  type: website\n",
            "reference/_metadata.yml": "filters:\n  - reference.lua\n",
            "reference/options.qmd": "---\ntitle: Options\n---\n\nGenerated below.\n",
            "guide/basics.qmd": "---\ntitle: Basics\n---\n\n## Start\n",
            "index.qmd": (
                "---\ntitle: Home\n---\n\n"
                "See [the cache options](reference/options.qmd#cache) and "
                "[the start](guide/basics.qmd#begin).\n"
            ),
        }
    )
    assert _found(contentlint("check", *LINKS, ".")) == {("index.qmd", 5, 70, "missing-anchor")}
