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
