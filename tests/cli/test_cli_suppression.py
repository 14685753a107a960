"""Inline suppression comments: disable/enable ranges, next line, whole file, not in code."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles


def _empty_sections(invoke: RunCli, write: WriteFiles, document: str) -> list[int]:
    """The lines of the empty-section findings in ``document``."""
    return [line for _, line, _ in _findings(invoke, write, document, "empty-section")]


def _findings(
    invoke: RunCli, write: WriteFiles, document: str, rule: str
) -> list[tuple[str, int, int]]:
    """(path, line, column) of the ``rule`` findings in ``document``, checked as doc.md."""
    write({"doc.md": document})
    outcome = invoke("check", "--format", "json", "doc.md")
    assert outcome.code in (0, 1), outcome.output
    return outcome.positions(rule)


CONTROL = """\
# Intro

Text.

## One

## Two

## Three

Text.
"""


def test_without_comments_every_empty_section_is_reported(
    invoke: RunCli, write: WriteFiles
) -> None:
    assert _empty_sections(invoke, write, CONTROL) == [5, 7]


def test_disable_and_enable_a_range(invoke: RunCli, write: WriteFiles) -> None:
    document = """\
# Intro

Text.

<!-- contentlint-disable empty-section -->

## Hidden one

## Hidden two

<!-- contentlint-enable -->

## Shown

## Full

Text.
"""
    assert _empty_sections(invoke, write, document) == [13]


def test_enable_naming_the_rule(invoke: RunCli, write: WriteFiles) -> None:
    document = """\
# Intro

Text.

<!-- contentlint-disable empty-section -->
## Hidden
<!-- contentlint-enable empty-section -->

## Shown

## Full

Text.
"""
    assert _empty_sections(invoke, write, document) == [9]


def test_disable_without_enable_lasts_to_the_end(invoke: RunCli, write: WriteFiles) -> None:
    document = (
        "# Intro\n\nText.\n\n## Shown\n\n<!-- contentlint-disable -->\n\n"
        "## Hidden\n\n## Hidden too\n"
    )
    assert _empty_sections(invoke, write, document) == [5]


def test_disable_names_only_some_rules(invoke: RunCli, write: WriteFiles) -> None:
    document = """\
# Intro

Text.

<!-- contentlint-disable empty-heading -->

## Still reported

##

Text under an empty heading.

<!-- contentlint-enable -->
"""
    assert _empty_sections(invoke, write, document) == [7]
    assert _findings(invoke, write, document, "empty-heading") == []


def test_disable_by_group_and_several_rules(invoke: RunCli, write: WriteFiles) -> None:
    by_group = (
        "# Intro\n\nText.\n\n<!-- contentlint-disable structure -->\n## Hidden\n\n##\n\nText.\n"
    )
    assert _empty_sections(invoke, write, by_group) == []
    assert _findings(invoke, write, by_group, "empty-heading") == []
    by_list = by_group.replace("structure", "empty-heading, empty-section")
    assert _empty_sections(invoke, write, by_list) == []
    assert _findings(invoke, write, by_list, "empty-heading") == []


def test_disable_next_line(invoke: RunCli, write: WriteFiles) -> None:
    document = """\
# Intro

Text.

<!-- contentlint-disable-next-line empty-section -->
## Hidden

## Shown

## Full

Text.
"""
    assert _empty_sections(invoke, write, document) == [8]


def test_disable_next_line_covers_one_line_only(invoke: RunCli, write: WriteFiles) -> None:
    document = """\
# Intro

Text.

<!-- contentlint-disable-next-line empty-section -->

## Shown, because the comment was for the blank line

## Full

Text.
"""
    assert _empty_sections(invoke, write, document) == [7]


def test_disable_file(invoke: RunCli, write: WriteFiles) -> None:
    document = "<!-- contentlint-disable-file -->\n\n# One\n\n# Two\n\n##\n\nText.\n"
    assert _empty_sections(invoke, write, document) == []
    assert _findings(invoke, write, document, "empty-heading") == []


def test_disable_file_for_one_rule_at_the_bottom(invoke: RunCli, write: WriteFiles) -> None:
    document = "# One\n\n# Two\n\n##\n\nText.\n\n<!-- contentlint-disable-file empty-section -->\n"
    assert _empty_sections(invoke, write, document) == []
    assert _findings(invoke, write, document, "empty-heading") == [("doc.md", 5, 1)]


def test_comments_inside_code_fences_do_not_count(invoke: RunCli, write: WriteFiles) -> None:
    document = """\
# How to silence contentlint

Put one of these comments in your document:

```markdown
<!-- contentlint-disable-file -->
<!-- contentlint-disable empty-section -->
<!-- contentlint-disable-next-line empty-section -->
```

## Still reported

## Has a code block

~~~
<!-- contentlint-disable empty-section -->
~~~
## Reported as well

## Full

Text.
"""
    assert _empty_sections(invoke, write, document) == [11, 18]


def test_comments_in_indented_code_do_not_count(invoke: RunCli, write: WriteFiles) -> None:
    document = (
        "# Intro\n\nText:\n\n    <!-- contentlint-disable-file -->\n\n"
        "## Reported\n\n## Full\n\nText.\n"
    )
    assert _empty_sections(invoke, write, document) == [7]


def test_comments_in_front_matter_do_not_count(invoke: RunCli, write: WriteFiles) -> None:
    document = '---\ntitle: "<!-- contentlint-disable-file -->"\n---\n\n# One\n\n# Two\n\nText.\n'
    assert _empty_sections(invoke, write, document) == [5]


def test_suppression_in_a_real_process(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "hidden.md": (
                "<!-- contentlint-disable-file empty-section -->\n# One\n\n# Two\n\nText.\n"
            ),
            "shown.md": "# One\n\n# Two\n\nText.\n",
        }
    )
    outcome = contentlint("check")
    assert outcome.code == 1, outcome.output
    assert outcome.diagnostic_lines() == [
        'shown.md:1:1: warning [empty-section] the section "One" is empty'
    ]


# --- disable-line, front matter comments, unknown names: the real CLI in a subprocess ---------

POST_SCHEMA = (
    '{"type": "object", "properties": {"title": {"type": "string"},'
    ' "kind": {"enum": ["guide", "reference"]}}}'
)


def _json_findings(
    contentlint: RunCli, write: WriteFiles, files: dict[str, str], *args: str
) -> list[tuple[str, str, int, int]]:
    """(path, rule, line, column) of every finding of a real ``check --format json`` run."""
    write({"post.schema.json": POST_SCHEMA, **files})
    outcome = contentlint(
        "check", "--format", "json", "--no-prose", "--schema", "post.schema.json", *args
    )
    assert outcome.code in (0, 1), outcome.output
    outcome.assert_no_traceback()
    return sorted(
        (str(item["path"]), str(item["rule"]), int(item["line"]), int(item["column"]))
        for item in outcome.json()
    )


YAML_POST = """\
---
title: "TODO # contentlint-disable-line placeholder-text"
kind: guid # contentlint-disable-line frontmatter-schema
# contentlint-disable-next-line unfinished
summary: TODO # the author's note
other: TODO
---

# Post

Text TODO here. <!-- contentlint-disable-line placeholder-text -->

- one TODO
- two TODO <!-- contentlint-disable-line unfinished -->

Still TODO.
"""


def test_each_comment_form_in_yaml_and_the_body(contentlint: RunCli, write: WriteFiles) -> None:
    findings = _json_findings(contentlint, write, {"post.md": YAML_POST}, "post.md")
    assert findings == [
        ("post.md", "placeholder-text", 2, 9),  # a "#" in a quoted string is not a comment
        ("post.md", "placeholder-text", 6, 8),  # the next-line comment covers one line
        ("post.md", "placeholder-text", 13, 7),
        ("post.md", "placeholder-text", 16, 7),
    ]
    bare = YAML_POST.replace(" # contentlint-disable-line frontmatter-schema", "").replace(
        "<!-- contentlint-disable-line placeholder-text -->", ""
    )
    removed = _json_findings(contentlint, write, {"post.md": bare}, "post.md")
    assert ("post.md", "frontmatter-schema", 3, 7) in removed
    assert ("post.md", "placeholder-text", 11, 6) in removed


def test_next_line_in_yaml_covers_the_following_line_only(
    contentlint: RunCli, write: WriteFiles
) -> None:
    post = (
        "---\ntitle: Post\n# contentlint-disable-next-line placeholder-text\n"
        "summary: TODO\nother: TODO\n---\n\nText.\n"
    )
    findings = _json_findings(contentlint, write, {"post.md": post}, "post.md")
    assert findings == [("post.md", "placeholder-text", 5, 8)]


def test_each_comment_form_in_toml(contentlint: RunCli, write: WriteFiles) -> None:
    post = (
        "+++\n"
        'title = "TODO # contentlint-disable-line placeholder-text"\n'
        'kind = "guid" # contentlint-disable-line frontmatter-schema\n'
        "# contentlint-disable-next-line placeholder-text\n"
        "summary = 'TODO'\n"
        'other = """TODO"""\n'
        "+++\n\nText.\n"
    )
    findings = _json_findings(contentlint, write, {"post.md": post}, "post.md")
    assert findings == [
        ("post.md", "placeholder-text", 2, 10),
        ("post.md", "placeholder-text", 6, 12),
    ]


def test_json_front_matter_takes_no_hash_comment(contentlint: RunCli, write: WriteFiles) -> None:
    post = (
        '{\n  "title": "Post",\n  "kind": "guid # contentlint-disable-line frontmatter-schema"\n}'
        "\n\nText.\n"
    )
    findings = _json_findings(contentlint, write, {"post.md": post}, "post.md")
    assert findings == [("post.md", "frontmatter-schema", 3, 11)]
    hidden = post.replace("Text.", "<!-- contentlint-disable-file frontmatter-schema -->\n\nText.")
    assert _json_findings(contentlint, write, {"post.md": hidden}, "post.md") == []


def test_unknown_names_are_warnings_at_the_name(contentlint: RunCli, write: WriteFiles) -> None:
    post = (
        "---\ntitle: Post\nkind: guid # contentlint-disable-line frontmatter-schemaa\n---\n\n"
        "# Post\n\n## Empty <!-- contentlint-disable-line empty-sectoin -->\n\n## Full\n\n"
        "Text TODO. <!-- contentlint-disable-line unfinished, nonsense -->\n"
    )
    write({"post.schema.json": POST_SCHEMA, "post.md": post})
    outcome = contentlint("check", "--no-prose", "--schema", "post.schema.json", "post.md")
    assert outcome.code == 1, outcome.output
    found = [
        (item["rule"], item["severity"], int(item["line"]), int(item["column"]))
        for item in outcome.diagnostics()
    ]
    assert found == [
        ("frontmatter-schema", "error", 3, 7),
        ("unknown-rule", "warning", 3, 39),
        ("empty-section", "warning", 8, 1),
        ("unknown-rule", "warning", 8, 40),
        ("unknown-rule", "warning", 12, 54),
    ]
    messages = [item["message"] for item in outcome.diagnostics() if item["rule"] == "unknown-rule"]
    assert all("no rule or group is named" in message for message in messages)
    assert '"nonsense"' in messages[2]
    # Selected away like any rule; the findings the names failed to hide stay.
    ignored = _json_findings(
        contentlint, write, {"post.md": post}, "post.md", "--ignore", "unknown-rule"
    )
    assert [rule for _, rule, _, _ in ignored] == ["empty-section", "frontmatter-schema"]


def test_rules_lists_unknown_rule(contentlint: RunCli) -> None:
    outcome = contentlint("rules")
    assert outcome.code == 0, outcome.output
    (line,) = [line for line in outcome.stdout.splitlines() if line.startswith("unknown-rule ")]
    assert "suppression" in line and "warning" in line


def test_mdx_comments_suppress_in_mdx_and_a_docusaurus_page(
    invoke: RunCli, write: WriteFiles
) -> None:
    page = """\
# Intro

Text.

{/* contentlint-disable-next-line empty-section */}
## One

## Two

Text. TODO {/* contentlint-disable-line placeholder-text */}
"""
    write({"site/docusaurus.config.js": "export default {};\n", "site/docs/page.mdx": page})
    control = page.replace("{/* contentlint-disable-next-line empty-section */}\n", "")
    write({"site/docs/intro.md": page, "site/docs/control.mdx": control})
    outcome = invoke("check", "--format", "json", "site/docs")
    assert outcome.positions("empty-section") == [("site/docs/control.mdx", 5, 1)]
    assert outcome.positions("placeholder-text") == []
    write({"notes/notes.md": page})  # plain Markdown: the braces are text, nothing is suppressed
    outcome = invoke("check", "--format", "json", "notes")
    assert outcome.positions("empty-section") == [("notes/notes.md", 6, 1)]
    assert outcome.positions("placeholder-text") == [("notes/notes.md", 10, 7)]
