"""The text and JSON reporters: output shape, carets under the span, summary lines."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping, Sequence

from lint.diagnostics import Diagnostic, Edit, Severity
from lint.reporters import Reporter, ReporterOptions, Summary
from lint.reporters.concise import ConciseReporter
from lint.reporters.json_output import JsonReporter
from lint.reporters.text import TextReporter

JSON_KEYS = [
    "path",
    "line",
    "column",
    "end_line",
    "end_column",
    "rule",
    "severity",
    "message",
    "source",
    "code",
    "suggestions",
    "fix",
]


def diagnostic(
    line: int,
    column: int,
    end_column: int,
    rule: str = "placeholder-text",
    severity: Severity = Severity.WARNING,
    message: str = 'placeholder "TODO" left in the text',
    path: str = "docs/a.md",
) -> Diagnostic:
    return Diagnostic(path, line, column, line, end_column, rule, severity, message)


def run(
    reporter_class: type[Reporter],
    files: Sequence[tuple[str, Sequence[Diagnostic], str | None]],
    options: ReporterOptions | None = None,
    groups: Mapping[str, Sequence[str]] | None = None,
) -> str:
    stream = io.StringIO()
    reporter = reporter_class(stream, options or ReporterOptions())
    summary = Summary(groups_of=groups or {})
    reporter.start()
    for path, diagnostics, text in files:
        reporter.file(path, diagnostics, text)
        summary.add(diagnostics)
    reporter.finish(summary)
    return stream.getvalue()


# --- json ------------------------------------------------------------------------------------


def test_json_keys_are_exactly_the_documented_ones() -> None:
    full = Diagnostic(
        "a.md",
        3,
        5,
        3,
        9,
        "spelling",
        Severity.INFO,
        'unknown word "teh"',
        source="harper",
        code="SpellCheck",
        suggestions=("the", "tech"),
        fix=(Edit(3, 5, 3, 8, "the"),),
    )
    output = run(JsonReporter, [("a.md", [full], "text")])
    items = json.loads(output)
    assert len(items) == 1
    assert list(items[0]) == JSON_KEYS
    assert items[0] == {
        "path": "a.md",
        "line": 3,
        "column": 5,
        "end_line": 3,
        "end_column": 9,
        "rule": "spelling",
        "severity": "info",
        "message": 'unknown word "teh"',
        "source": "harper",
        "code": "SpellCheck",
        "suggestions": ["the", "tech"],
        "fix": [
            {
                "line": 3,
                "column": 5,
                "end_line": 3,
                "end_column": 8,
                "replacement": "the",
                "safe": True,
            }
        ],
    }


def test_json_defaults_and_several_files() -> None:
    first = diagnostic(1, 1, 5, path="a.md")
    second = diagnostic(2, 3, 4, rule="empty-section", severity=Severity.ERROR, path="b.md")
    items = json.loads(
        run(JsonReporter, [("a.md", [first], ""), ("c.md", [], ""), ("b.md", [second], "")])
    )
    assert [(item["path"], item["rule"], item["severity"]) for item in items] == [
        ("a.md", "placeholder-text", "warning"),
        ("b.md", "empty-section", "error"),
    ]
    assert items[0]["source"] == "contentlint"
    assert items[0]["code"] is None
    assert items[0]["suggestions"] == []
    assert items[0]["fix"] == []


def test_json_with_nothing_is_an_empty_array() -> None:
    assert json.loads(run(JsonReporter, [("a.md", [], "")])) == []


def test_json_keeps_non_ascii() -> None:
    output = run(
        JsonReporter, [("é.md", [diagnostic(1, 1, 2, message="« café »", path="é.md")], "")]
    )
    assert "« café »" in output
    assert json.loads(output)[0]["message"] == "« café »"


# --- text ------------------------------------------------------------------------------------


def test_text_headline_snippet_and_carets() -> None:
    text = "# Title\n\nSome TODO here.\n"
    output = run(TextReporter, [("docs/a.md", [diagnostic(3, 6, 10)], text)])
    lines = output.splitlines()
    assert (
        lines[0] == 'docs/a.md:3:6: warning [placeholder-text] placeholder "TODO" left in the text'
    )
    assert lines[1] == "  |"
    assert lines[2] == "3 | Some TODO here."
    assert lines[3] == "  |      ^^^^"
    # The carets sit exactly under the span.
    assert lines[3].index("^") == lines[2].index("TODO")
    assert lines[3].count("^") == len("TODO")


def test_text_message_never_contains_the_rule_id_twice() -> None:
    output = run(TextReporter, [("a.md", [diagnostic(1, 1, 5, path="a.md")], "TODO\n")])
    assert output.splitlines()[0].count("placeholder-text") == 1


def test_text_carets_after_wide_characters_and_tabs() -> None:
    text = "😀\tTODO\n"
    output = run(TextReporter, [("a.md", [diagnostic(1, 3, 7, path="a.md")], text)])
    snippet, carets = output.splitlines()[2:4]
    assert snippet == "1 | 😀\tTODO"
    # The emoji is two cells wide and the tab is kept, so the carets line up on screen.
    assert carets == "  |   \t^^^^"


def test_text_crlf_source_line_has_no_carriage_return() -> None:
    text = "one\r\nTODO two\r\n"
    output = run(TextReporter, [("a.md", [diagnostic(2, 1, 5, path="a.md")], text)])
    assert "2 | TODO two\n" in output
    assert "\r" not in output


def test_text_span_past_the_line_gets_one_caret_at_least() -> None:
    text = "# Heading\n"
    output = run(TextReporter, [("a.md", [diagnostic(1, 10, 10, path="a.md")], text)])
    assert output.splitlines()[3] == "  |          ^"


def test_text_multi_line_span_underlines_to_the_end_of_the_first_line() -> None:
    multi = Diagnostic("a.md", 1, 3, 2, 2, "r", Severity.ERROR, "m")
    output = run(TextReporter, [("a.md", [multi], "abcdef\nxyz\n")])
    assert output.splitlines()[3] == "  |   ^^^^"


def test_text_long_lines_are_cut_around_the_span() -> None:
    text = "x" * 500 + " TODO " + "y" * 500 + "\n"
    column = text.index("TODO") + 1
    output = run(TextReporter, [("a.md", [diagnostic(1, column, column + 4, path="a.md")], text)])
    snippet, carets = output.splitlines()[2:4]
    assert len(snippet) < 200
    assert "…" in snippet
    assert carets.index("^") == snippet.index("TODO")
    assert carets.count("^") == 4


def test_text_without_source_prints_only_headlines() -> None:
    output = run(TextReporter, [("a.md", [diagnostic(1, 1, 2, path="a.md")], None)])
    assert output.splitlines()[0].startswith("a.md:1:1: warning [placeholder-text]")
    assert "|" not in output


def test_text_snippet_uses_the_same_lines_as_the_line_index() -> None:
    text = "intro\u2028still line one\nTODO here\n"
    output = run(TextReporter, [("a.md", [diagnostic(2, 1, 5, path="a.md")], text)])
    assert "2 | TODO here" in output


def test_text_summary_lines() -> None:
    files = [
        ("a.md", [diagnostic(1, 1, 5, path="a.md")], "TODO\n"),
        (
            "b.md",
            [
                diagnostic(1, 1, 2, rule="empty-section", severity=Severity.ERROR, path="b.md"),
                diagnostic(2, 1, 2, rule="empty-section", severity=Severity.ERROR, path="b.md"),
            ],
            "#\n#\n",
        ),
        ("c.md", [], "fine\n"),
    ]
    groups = {"placeholder-text": ["unfinished"], "empty-section": ["structure"]}
    output = run(TextReporter, files, groups=groups)
    assert "Found 3 problems (2 errors, 1 warning) in 2 of 3 files.\n" in output
    assert output.endswith("By group: structure 2, unfinished 1\n")


def test_text_no_problems_and_quiet() -> None:
    assert run(TextReporter, [("a.md", [], "x\n")]) == "No problems found in 1 file.\n"
    assert run(TextReporter, [("a.md", [], "x\n")], ReporterOptions(quiet=True)) == ""


def test_concise_is_one_line_per_problem() -> None:
    output = run(ConciseReporter, [("a.md", [diagnostic(2, 3, 4, path="a.md")], "x\nyyTODO\n")])
    lines = output.splitlines()
    assert lines[0] == 'a.md:2:3: warning [placeholder-text] placeholder "TODO" left in the text'
    assert lines[1].startswith("Found 1 problem (1 warning) in 1 of 1 file.")


def test_colour_only_when_asked() -> None:
    plain = run(TextReporter, [("a.md", [diagnostic(1, 1, 5, path="a.md")], "TODO\n")])
    coloured = run(
        TextReporter,
        [("a.md", [diagnostic(1, 1, 5, path="a.md")], "TODO\n")],
        ReporterOptions(color=True),
    )
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured
