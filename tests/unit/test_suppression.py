"""Inline suppression comments: ranges, next line, whole file, lists of rules, groups."""

from __future__ import annotations

from lint.document import Document
from lint.suppression import Suppressions, find_suppressions

RULE = "placeholder-text"
GROUPS = ("unfinished",)


def suppressions(text: str) -> Suppressions:
    return find_suppressions(Document.from_text("doc.md", text))


def suppressed_lines(text: str, rule: str = RULE, groups: tuple[str, ...] = GROUPS) -> list[int]:
    found = suppressions(text)
    last = text.count("\n") + 1
    return [line for line in range(1, last + 1) if found.suppresses(rule, groups, line)]


def test_no_comments_suppress_nothing() -> None:
    assert suppressed_lines("TODO\n\nMore TODO\n") == []


def test_disable_then_enable_covers_the_lines_between() -> None:
    text = (
        "one\n<!-- contentlint-disable placeholder-text -->\nthree\nfour\n"
        "<!-- contentlint-enable -->\nsix\n"
    )
    assert suppressed_lines(text) == [2, 3, 4, 5]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == []


def test_disable_without_enable_runs_to_the_end() -> None:
    text = "one\n<!-- contentlint-disable placeholder-text -->\nthree\nfour"
    assert suppressed_lines(text) == [2, 3, 4]


def test_disable_without_rule_means_every_rule() -> None:
    text = "one\n<!-- contentlint-disable -->\nthree\n<!-- contentlint-enable -->\nfive\n"
    assert suppressed_lines(text) == [2, 3, 4]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == [2, 3, 4]


def test_list_of_rules_with_commas_or_spaces() -> None:
    text = "<!-- contentlint-disable stub-paragraph, placeholder-text  truncated-text -->\nx\n"
    for rule in ("stub-paragraph", RULE, "truncated-text"):
        assert suppressed_lines(text, rule=rule) == [1, 2, 3]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == []


def test_a_group_name_suppresses_its_rules() -> None:
    text = "<!-- contentlint-disable unfinished -->\nTODO\n"
    assert suppressed_lines(text) == [1, 2, 3]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == []


def test_enable_naming_the_same_rules_closes_only_that_range() -> None:
    text = (
        "<!-- contentlint-disable placeholder-text -->\n"
        "<!-- contentlint-disable empty-section -->\n"
        "three\n"
        "<!-- contentlint-enable placeholder-text -->\n"
        "five\n"
    )
    assert suppressed_lines(text) == [1, 2, 3, 4]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == [2, 3, 4, 5, 6]


def test_next_line() -> None:
    text = "one\n<!-- contentlint-disable-next-line placeholder-text -->\nTODO\nTODO\n"
    assert suppressed_lines(text) == [3]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == []


def test_next_line_without_rule_and_spanning_lines() -> None:
    text = "<!-- contentlint-disable-next-line\n     -->\nthree\nfour\n"
    # The next line is the one after the comment's end.
    assert suppressed_lines(text) == [3]


def test_disable_file_anywhere_in_the_body() -> None:
    text = "TODO\n\nText.\n\n<!-- contentlint-disable-file placeholder-text -->\n"
    assert suppressed_lines(text) == list(range(1, 7))
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == []


def test_disable_file_without_rule() -> None:
    text = "<!-- contentlint-disable-file -->\nTODO\n"
    assert suppressed_lines(text, rule="anything", groups=()) == [1, 2, 3]


def test_comments_in_code_blocks_and_front_matter_do_nothing() -> None:
    text = (
        "---\nnote: <!-- contentlint-disable-file -->\n---\n"
        "```html\n<!-- contentlint-disable-file -->\n```\n\n"
        "    <!-- contentlint-disable-file -->\n\nTODO\n"
    )
    assert suppressed_lines(text) == []


def test_inline_comment_in_a_paragraph_works() -> None:
    text = "Some text <!-- contentlint-disable-next-line --> here\nTODO\nTODO\n"
    assert suppressed_lines(text) == [2]


def test_lookalike_comments_are_ignored() -> None:
    text = "<!-- contentlint-disabled placeholder-text -->\n<!-- contentlint disable -->\nTODO\n"
    assert suppressed_lines(text) == []


def test_enable_one_of_several_disabled_rules() -> None:
    text = (
        "<!-- contentlint-disable placeholder-text, empty-section -->\n"
        "two\n"
        "<!-- contentlint-enable placeholder-text -->\n"
        "TODO\n"
    )
    assert suppressed_lines(text) == [1, 2, 3]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == [1, 2, 3, 4, 5]


def test_enable_one_rule_after_disabling_all() -> None:
    text = "<!-- contentlint-disable -->\ntwo\n<!-- contentlint-enable placeholder-text -->\nTODO\n"
    assert suppressed_lines(text) == [1, 2, 3]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == [1, 2, 3, 4, 5]
