"""Each generator's built-in front matter schema, picked by detection with no config: on small
sites of each generator, documented keys of the wrong type are found at their value, valid
pages (the generator's own forms of dates, lists and keys) are silent, pages outside the
content folder and pages without front matter get no schema; ``detect = false``, an explicit
schema and ``--schema`` take over; ``init`` writes the choice out."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

CHECK = ("check", "--no-prose", "--no-cache", "--select", "frontmatter-schema", "--format", "json")


def _found(contentlint: RunCli, *paths: str) -> list[tuple[str, int, int, str]]:
    outcome = contentlint(*CHECK, *(paths or (".",)))
    outcome.assert_no_traceback()
    assert outcome.code in (0, 1), outcome.output
    return sorted(
        (Path(str(item["path"])).as_posix(), int(item["line"]), int(item["column"]),
         str(item["message"]))
        for item in outcome.json()
    )  # fmt: skip


def test_hugo_pages_in_content_get_hugos_schema(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({
        "hugo.toml": 'title = "Site"\n',
        "content/posts/good.md": (
            "---\ntitle: Good\ndate: Fri, 22 Feb 2019 19:12:24 +0000\ndraft: false\n"
            "weight: 3\ntags: [a, b]\naliases: /old/\nsitemap:\n  priority: 0.5\n"
            "my_own_key: [1, 2]\n---\n\nText.\n"
        ),
        "content/posts/toml.md": (
            '+++\ntitle = "Toml"\ndate = 2024-01-02T10:00:00Z\nweight = 2\n'
            "[sitemap]\n  priority = 1.0\n+++\n\nText.\n"
        ),
        "content/posts/bad.md": (
            "---\ntitle: Bad\ndate: TBD\ndraft: maybe\nweight: first\n"
            "sitemap:\n  - priority = 1.0\n---\n\nText.\n"
        ),
        "content/posts/none.md": "Text without front matter.\n",
        "archetypes/default.md": '---\ntitle: "x"\ndate: [template]\n---\n',
        "README.md": "---\ndraft: nope\n---\n\nNot a page.\n",
    })  # fmt: skip
    assert _found(contentlint) == [
        ("content/posts/bad.md", 3, 7, 'date: "TBD" is not a date (e.g. 2024-10-10 or '
         '2024-10-10T09:30:00Z)'),
        ("content/posts/bad.md", 4, 8, 'draft: "maybe" is a string, expected true or false'),
        ("content/posts/bad.md", 5, 9, 'weight: "first" is a string, expected an integer'),
        ("content/posts/bad.md", 7, 3, 'sitemap: ["priority = 1.0"] is a list, expected a '
         'mapping of keys to values'),
    ]  # fmt: skip


def test_jekyll_defaults_pass_and_includes_are_not_pages(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({
        "_config.yml": "title: Site\n",
        "_posts/2024-01-02-good.md": (
            "---\nlayout: post\ntitle: Good\ndate: 2024-01-02 10:00:00 +0100\n"
            "categories: news releases\ntags: [a]\npermalink: /good/\npublished: true\n"
            "---\n\nText.\n"
        ),
        "_posts/2024-01-03-bad.md": (
            "---\nlayout: post\ntitle: Bad\npublished: someday\ncategories: {a: 1}\n---\n\nText.\n"
        ),
        "_includes/note.md": "---\npublished: nope\n---\n",
        "about.md": "---\nlayout: page\ntitle: About\nredirect_from: [/me/]\n---\n\nText.\n",
    })  # fmt: skip
    assert _found(contentlint) == [
        ("_posts/2024-01-03-bad.md", 4, 12,
         'published: "someday" is a string, expected true or false'),
        ("_posts/2024-01-03-bad.md", 5, 13,
         'categories: {"a": 1} is a mapping, expected a string or a list'),
    ]  # fmt: skip


def test_quarto_documents_get_quartos_schema(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({
        "_quarto.yml": "project:\n  type: website\n",
        "index.qmd": (
            "---\ntitle: Home\ndate: last-modified\nauthor:\n  - name: A\n  - B\n"
            "format:\n  html:\n    toc: true\ncategories: [a, b]\n---\n\nText.\n"
        ),
        "posts/bad.qmd": (
            "---\ntitle: Bad\ndate: soon\ntoc: \"yes\"\npage-layout: wide\n---\n\nText.\n"
        ),
        "_partial.qmd": "---\ntoc: nope\n---\n",
    })  # fmt: skip
    found = _found(contentlint)
    assert [(path, line, column) for path, line, column, _ in found] == [
        ("posts/bad.qmd", 3, 7), ("posts/bad.qmd", 4, 6), ("posts/bad.qmd", 5, 14),
    ]  # fmt: skip
    assert "is not a date (e.g. 2024-10-10, today or last-modified)" in found[0][3]
    assert '"wide" is not one of the allowed values: "article", "full", "custom"' in found[2][3]


def test_docusaurus_and_mkdocs_pages(contentlint: RunCli, write: WriteFiles, project: Path) -> None:
    write({
        "web/docusaurus.config.js": "module.exports = {};\n",
        "web/docs/intro.md": (
            "---\nid: intro\nsidebar_position: 2\ntags: [a, {label: B, permalink: /b}]\n"
            "authors: [me, {name: You}]\n---\n\nText.\n"
        ),
        "web/blog/2024-01-01-post.md": (
            "---\ntitle: Post\nsidebar_position: first\ntoc_max_heading_level: 9\n"
            "tags: one\n---\n\nText.\n"
        ),
        "mk/mkdocs.yml": "site_name: Site\ndocs_dir: pages\n",
        "mk/pages/index.md": "---\ntitle: Home\nhide: [navigation, toc]\n---\n\nText.\n",
        "mk/pages/bad.md": "---\nhide: [sidebar]\nsearch:\n  boost: high\n---\n\nText.\n",
        "mk/README.md": "---\nhide: [everything]\n---\n\nNot in docs_dir.\n",
    })  # fmt: skip
    found = _found(contentlint)
    assert [(path, line, column) for path, line, column, _ in found] == [
        ("mk/pages/bad.md", 2, 8), ("mk/pages/bad.md", 4, 10),
        ("web/blog/2024-01-01-post.md", 3, 19), ("web/blog/2024-01-01-post.md", 4, 24),
        ("web/blog/2024-01-01-post.md", 5, 7),
    ]  # fmt: skip


def test_starlight_docs_need_a_title_and_astro_collections_use_their_generated_schema(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    generated = (
        '{"$ref": "#/definitions/blog", "definitions": {"blog": {"type": "object", '
        '"properties": {"title": {"type": "string"}, "pubDate": {"type": "string"}}, '
        '"required": ["title", "pubDate"], "additionalProperties": false}}, '
        '"$schema": "http://json-schema.org/draft-07/schema#"}'
    )
    write({
        "astro.config.mjs": "export default {};\n",
        ".astro/collections/blog.schema.json": generated,
        "src/content/docs/guide.md": (
            "---\ntitle: Guide\nsidebar:\n  order: 1\n  badge: New\ntableOfContents: false\n"
            "---\n\nText.\n"
        ),
        "src/content/docs/untitled.mdx": (
            "---\ndescription: No title\ntemplate: page\n---\n\nText.\n"
        ),
        "src/content/blog/post.md": (
            "---\ntitle: Post\npubDate: '2024-01-01'\nauthr: me\n---\n\nText.\n"
        ),
        "src/content/notes/free.md": "---\nanything: [goes]\n---\n\nText.\n",
    })  # fmt: skip
    found = _found(contentlint)
    assert [(path, line, column) for path, line, column, _ in found] == [
        ("src/content/blog/post.md", 4, 1),
        ("src/content/docs/untitled.mdx", 1, 1), ("src/content/docs/untitled.mdx", 3, 11),
    ]  # fmt: skip
    assert "authr" in found[0][3] and "title" in found[1][3]


def test_detection_off_an_explicit_schema_and_the_option_take_over(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({
        "hugo.toml": 'title = "Site"\n',
        "content/a.md": "---\ntitle: A\nweight: first\n---\n\nText.\n",
        "content/none.md": "Text.\n",
        "own.schema.json": '{"type": "object", "required": ["author"]}',
    })  # fmt: skip
    assert [line for _, line, _, _ in _found(contentlint)] == [3]
    write({"contentlint.toml": "detect = false\n"})
    assert _found(contentlint) == []
    write({"contentlint.toml": '[[schemas]]\nfiles = "content/**"\nschema = "own.schema.json"\n'})
    messages = [message for _, _, _, message in _found(contentlint)]
    assert len(messages) == 2 and "author" in messages[0] and "no front matter" in messages[1]
    (project / "contentlint.toml").unlink()
    messages = [
        message
        for _, _, _, message in _found(contentlint, "--schema", "builtin:blog-post", "content/a.md")
    ]
    assert messages and all("weight" not in message for message in messages)


def test_verbose_says_which_schema_each_folder_got(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({"hugo.toml": "", "content/a.md": "---\ntitle: A\n---\n\nText.\n"})
    outcome = contentlint("check", "--no-prose", "--no-cache", "-v", ".")
    assert "schema builtin:hugo (detected) for 1 file in content" in outcome.stderr


def test_init_writes_the_detected_choice(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({
        "mkdocs.yml": "site_name: Site\ndocs_dir: pages\n",
        "pages/index.md": "---\ntitle: Home\nhide: [sidebar]\n---\n\nText.\n",
    })  # fmt: skip
    assert contentlint("init").code == 0
    written = (project / "contentlint.toml").read_text("utf-8")
    assert "# Detected: a mkdocs site (mkdocs.yml in .)" in written
    assert '[[schemas]]\nfiles = "pages/**"\nschema = "builtin:mkdocs"\n' in written
    assert [line for _, line, _, _ in _found(contentlint)] == [3]
