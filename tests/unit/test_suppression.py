"""Inline suppression comments: ranges, next line, whole file, lists of rules, groups."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from lint.config import Config
from lint.dialects.docusaurus import Docusaurus
from lint.document import Document
from lint.engine import Plan, check_text
from lint.registry import load_rules, rule_classes
from lint.selection import Selection
from lint.suppression import UNKNOWN_RULE, Suppressions, find_suppressions, unknown_names

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


# --- disable-line, front matter comments, unknown names ---------------------------------------

KNOWN = frozenset({"placeholder-text", "empty-section", "draft-flag", "unfinished", "structure"})


def unknown(text: str, known: frozenset[str] = KNOWN) -> list[tuple[str, int, int, int]]:
    """(name, line, column, end column) of each name in a comment that ``known`` lacks."""
    doc = Document.from_text("doc.md", text)
    found = []
    for finding in unknown_names(find_suppressions(doc), known):
        line, column = doc.lines.position(finding.start)
        end_line, end_column = doc.lines.position(finding.end)
        assert end_line == line
        found.append((doc.text[finding.start : finding.end], line, column, end_column))
    return found


def test_disable_line_covers_its_own_line_only() -> None:
    text = "TODO\nTODO <!-- contentlint-disable-line placeholder-text -->\nTODO\n"
    assert suppressed_lines(text) == [2]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == []


def test_disable_line_without_rule_by_group_and_with_several_rules() -> None:
    assert suppressed_lines("a\n<!-- contentlint-disable-line -->\n", "x", ()) == [2]
    assert suppressed_lines("a\nb <!--contentlint-disable-line unfinished-->\n") == [2]
    several = "a\nb <!-- contentlint-disable-line empty-section,placeholder-text -->\n"
    assert suppressed_lines(several) == [2]
    assert suppressed_lines(several, rule="empty-section", groups=()) == [2]
    assert suppressed_lines(several, rule="stub-paragraph", groups=()) == []


def test_disable_line_in_a_list_item_and_a_table_cell() -> None:
    text = (
        "- one\n- two TODO <!-- contentlint-disable-line placeholder-text -->\n\n"
        "| a | b |\n|---|---|\n| c | TODO <!-- contentlint-disable-line placeholder-text --> |\n"
    )
    assert suppressed_lines(text) == [2, 6]


def test_disable_line_is_not_next_line_and_lookalikes_do_nothing() -> None:
    text = (
        "<!-- contentlint-disable-line placeholder-text -->\nTODO\n"
        "<!-- contentlint-disable-lines placeholder-text -->\nTODO\n"
        "<!-- contentlint-disable-linee -->\nTODO\n"
    )
    assert suppressed_lines(text) == [1]


def test_a_comment_shown_in_code_does_not_hide_a_real_one_after_it() -> None:
    text = (
        "```\n<!-- contentlint-disable-line placeholder-text\n```\n"
        "TODO <!-- contentlint-disable-line -->\n"
    )
    assert suppressed_lines(text) == [4]


def test_yaml_disable_line_and_next_line() -> None:
    text = (
        "---\n"
        "title: TODO # contentlint-disable-line placeholder-text\n"
        "# contentlint-disable-next-line unfinished\n"
        "summary: TODO\n"
        "draft: TODO\n"
        "  # contentlint-disable-next-line\n"
        "tags: [TODO]\n"
        "---\n\nTODO\n"
    )
    assert suppressed_lines(text) == [2, 4, 7]
    assert suppressed_lines(text, rule="draft-flag", groups=("unfinished",)) == [4, 7]
    assert suppressed_lines(text, rule="empty-section", groups=("structure",)) == [7]


def test_yaml_comment_after_and_before_an_authors_comment() -> None:
    text = (
        "---\n"
        "a: TODO # kept for now # contentlint-disable-line placeholder-text\n"
        "b: TODO # contentlint-disable-line placeholder-text # reason: a quote\n"
        "c: TODO #contentlint-disable-line placeholder-text\n"
        "---\n"
    )
    assert suppressed_lines(text) == [2, 3, 4]
    assert unknown(text) == []  # "reason:" and "a quote" are the author's, not names


def test_hash_inside_yaml_strings_and_values_is_not_a_comment() -> None:
    text = (
        "---\n"
        'a: "TODO # contentlint-disable-line placeholder-text"\n'
        "b: 'TODO # contentlint-disable-line placeholder-text'\n"
        'c: "two lines\n'
        '  # contentlint-disable-next-line placeholder-text"\n'
        "d: TODO\n"
        "e: |\n"
        "  # contentlint-disable-next-line placeholder-text\n"
        "f: TODO\n"
        "g: a#contentlint-disable-line placeholder-text\n"
        "h: C# and F#\n"
        "---\n"
    )
    assert suppressed_lines(text) == []


def test_yaml_plain_scalars_with_quotes_inside_still_end_at_a_comment() -> None:
    text = (
        "---\n"
        "title: it's TODO # contentlint-disable-line placeholder-text\n"
        'note: say "hi" TODO # contentlint-disable-line placeholder-text\n'
        "e: |  # contentlint-disable-line placeholder-text\n"
        "  text\n"
        "---\n"
    )
    assert suppressed_lines(text) == [2, 3, 4]


def test_yaml_comments_after_a_syntax_error_do_not_count() -> None:
    text = (
        "---\n"
        "a: TODO # contentlint-disable-line placeholder-text\n"
        'b: "never closed # contentlint-disable-line placeholder-text\n'
        "---\n"
    )
    assert suppressed_lines(text) == [2]


def test_toml_disable_line_and_next_line_and_strings() -> None:
    text = (
        "+++\n"
        'title = "TODO" # contentlint-disable-line placeholder-text\n'
        "# contentlint-disable-next-line placeholder-text\n"
        'summary = "TODO"\n'
        'a = "TODO \\" # contentlint-disable-line placeholder-text"\n'
        "b = 'TODO # contentlint-disable-line placeholder-text'\n"
        'c = """\n'
        "# contentlint-disable-next-line placeholder-text\n"
        'TODO"""\n'
        "d = '''\n"
        "# contentlint-disable-line placeholder-text'''\n"
        'e = ["TODO", # contentlint-disable-line placeholder-text\n'
        '  "x"]\n'
        "+++\n"
    )
    assert suppressed_lines(text) == [2, 4, 12]


def test_json_front_matter_has_no_comments() -> None:
    text = '{\n  "title": "TODO # contentlint-disable-line placeholder-text"\n}\n\nTODO\n'
    assert suppressed_lines(text) == []
    assert unknown(text.replace("placeholder-text", "nonsense")) == []


def test_unknown_names_are_found_at_their_exact_position() -> None:
    text = (
        "---\n"
        "draft: true # contentlint-disable-line draft-flg\n"
        "# contentlint-disable-next-line unfinished, placehodler-text\n"
        "x: 1\n"
        "---\n"
        "\n"
        "<!-- contentlint-disable empty-sectoin -->\n"
        "Text <!-- contentlint-disable-line placeholder-text,bogus -->\n"
        "<!-- contentlint-enable nope -->\n"
        "<!-- contentlint-disable-next-line\n"
        "     structur -->\n"
        "<!-- contentlint-disable-file structure unfinished -->\n"
    )
    assert unknown(text) == [
        ("draft-flg", 2, 40, 49),
        ("placehodler-text", 3, 45, 61),
        ("empty-sectoin", 7, 26, 39),
        ("bogus", 8, 53, 58),
        ("nope", 9, 25, 29),
        ("structur", 11, 6, 14),
    ]


def test_group_names_are_known_and_names_in_code_or_strings_are_not_looked_at() -> None:
    text = (
        '---\ntitle: "# contentlint-disable-line nonsense"\n---\n\n'
        "<!-- contentlint-disable unfinished, structure -->\n"
        "```\n<!-- contentlint-disable nonsense -->\n```\n"
    )
    assert unknown(text) == []
    assert unknown(text, known=frozenset()) == [("unfinished", 5, 26, 36), ("structure", 5, 38, 47)]


def test_unknown_name_suggests_the_closest_rule() -> None:
    doc = Document.from_text("doc.md", "<!-- contentlint-disable empty-sectoin, zzzzzz -->\n")
    findings = list(unknown_names(find_suppressions(doc), KNOWN))
    assert [finding.suggestions for finding in findings] == [("empty-section",), ()]
    assert "empty-sectoin" in findings[0].message


@pytest.mark.parametrize(
    "text",
    [
        "<!-- contentlint-disable" + " " * 200_000 + "x",
        "<!-- contentlint-disable-line a\n" * 20_000,
        "x <!-- contentlint-disable-line a -->\n" * 20_000,
        "---\n" + "a: 1 # contentlint-disable-line b # # # #\n" * 20_000 + "---\n",
        "---\n" + "a: '" + "# " * 100_000 + "'\n---\n<!-- contentlint-disable-file -->\n",
        "+++\n" + 'a = "' + '\\" # ' * 50_000 + '"\n' + "# contentlint-disable-line b\n+++\n",
        "+++\n" + "a = '''" + "'' #" * 50_000 + "\n+++\n<!-- contentlint-disable-file -->\n",
    ],
    ids=["spaces", "unclosed", "many", "yaml-hashes", "yaml-string", "toml-escapes", "toml-ml"],
)
def test_hostile_comments_are_read_in_linear_time(text: str) -> None:
    started = time.perf_counter()
    suppressions(text)
    assert time.perf_counter() - started < 5


# --- MDX: {/* … */} comments, where <!-- --> does not compile ----------------------------------


def mdx_suppressed_lines(text: str, path: str = "page.mdx", dialect: Any = None) -> list[int]:
    found = find_suppressions(Document.from_text(path, text, dialect))
    return [line for line in range(1, text.count("\n") + 2) if found.suppresses(RULE, GROUPS, line)]


def test_mdx_comments_suppress_in_every_form() -> None:
    text = (
        "{/* contentlint-disable placeholder-text */}\nTODO\n{/* contentlint-enable */}\n\n"
        "{/* contentlint-disable-next-line unfinished */}\nTODO\n\n"
        "TODO {/* contentlint-disable-line placeholder-text */}\n\nTODO\n"
    )
    assert mdx_suppressed_lines(text) == [1, 2, 3, 6, 8]
    whole = "# T\n\n{/* contentlint-disable-file */}\n\nTODO\n"
    assert mdx_suppressed_lines(whole) == [1, 2, 3, 4, 5, 6]


def test_mdx_comments_count_only_where_the_document_is_read_as_mdx() -> None:
    text = "{/* contentlint-disable-next-line placeholder-text */}\nTODO\n"
    assert mdx_suppressed_lines(text, "doc.md") == []  # plain Markdown shows it as text
    assert mdx_suppressed_lines(text, "docs/intro.md", Docusaurus) == [2]  # read as MDX
    html = "<!-- contentlint-disable-next-line placeholder-text -->\nTODO\n"
    assert mdx_suppressed_lines(html) == [2]  # an HTML comment still counts where it parses


def test_an_unclosed_mdx_comment_does_not_hide_a_closed_html_one_after_it() -> None:
    text = "{/* contentlint-disable x\n\n<!-- contentlint-disable-next-line unfinished -->\nTODO\n"
    assert mdx_suppressed_lines(text) == [4]
    assert mdx_suppressed_lines(
        "x\n{/* contentlint-disable */} TODO\n```\n{/* contentlint-enable */}\n```\n"
    ) == [2, 3, 4, 5, 6]


def test_unknown_names_in_mdx_comments_are_found_at_their_position() -> None:
    doc = Document.from_text("page.mdx", "Text. {/* contentlint-disable-line placeholder-txt */}\n")
    (finding,) = unknown_names(find_suppressions(doc), KNOWN)
    assert doc.text[finding.start : finding.end] == "placeholder-txt"
    assert doc.lines.position(finding.start) == (1, 36)


def test_hostile_mdx_comments_are_read_in_linear_time() -> None:
    text = (
        "{/* contentlint-disable-line a\n" * 20_000 + "<!-- contentlint-disable-line a\n" * 20_000
    )
    started = time.perf_counter()
    find_suppressions(Document.from_text("page.mdx", text))
    assert time.perf_counter() - started < 5


def _check(text: str, selection: Selection | None = None) -> list[tuple[str, int, int]]:
    """(rule, line, column) of what the engine reports on ``text`` with every built-in rule."""
    plan = Plan(rule_classes(load_rules()), Config(root=Path.cwd()), selection or Selection())
    report = check_text("doc.md", Path("doc.md"), text, plan)
    return [(item.rule, item.line, item.column) for item in report.diagnostics]


UNKNOWN_IN_BOTH = (
    "---\ntitle: T\ndraft: true # contentlint-disable-line draft-flg\n---\n\n"
    "# T\n\nText TODO. <!-- contentlint-disable-line placeholder-txt -->\n"
)


def test_the_engine_reports_unknown_names_and_keeps_the_finding_they_failed_to_hide() -> None:
    assert _check(UNKNOWN_IN_BOTH, Selection(select=("unknown-rule", "placeholder-text"))) == [
        ("unknown-rule", 3, 40),
        ("placeholder-text", 8, 6),
        ("unknown-rule", 8, 42),
    ]


def test_unknown_rule_can_be_ignored_or_suppressed_like_any_rule() -> None:
    assert _check(UNKNOWN_IN_BOTH, Selection(ignore=("unknown-rule",))) == [
        ("placeholder-text", 8, 6)
    ]
    by_group = UNKNOWN_IN_BOTH + "<!-- contentlint-disable-file suppression -->\n"
    assert [item[0] for item in _check(by_group)] == ["placeholder-text"]
    known = UNKNOWN_IN_BOTH.replace("draft-flg", "draft-flag").replace("-txt", "-text")
    assert _check(known) == []


def test_the_rule_id_is_registered_under_the_engines_name() -> None:
    rule = rule_classes(load_rules())[UNKNOWN_RULE]
    assert rule.id == UNKNOWN_RULE == "unknown-rule"
    assert rule.groups == ("suppression",)


def test_a_comment_shown_in_inline_code_suppresses_nothing() -> None:
    text = (
        "Write `<!-- contentlint-disable-line placeholder-text -->` at a line's end. TODO\n\n"
        "A real one after code: `x` TODO <!-- contentlint-disable-line placeholder-text -->\n"
    )
    assert suppressed_lines(text) == [3]
