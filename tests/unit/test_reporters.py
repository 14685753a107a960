"""The reporters: output shape, carets under the span, suggestions, summary lines, SARIF URIs
and JUnit test cases."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import click
import pytest

from lint.diagnostics import Diagnostic, Edit, Severity
from lint.reporters import Reporter, ReporterOptions, Summary
from lint.reporters.concise import ConciseReporter
from lint.reporters.json_output import JsonReporter
from lint.reporters.junit import JunitReporter
from lint.reporters.sarif import SarifReporter
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


def test_text_carets_after_wide_characters_without_tabs() -> None:
    text = "漢字 é TODO\n"
    output = run(TextReporter, [("a.md", [diagnostic(1, 6, 10, path="a.md")], text)])
    # Two cells for each ideograph, one for the accented letter and the spaces.
    assert output.splitlines()[3] == "  |        ^^^^"


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


# --- suggestions in text and concise -----------------------------------------------------------


def suggesting(
    *suggestions: str, line: int = 1, message: str = 'unknown word "tutrial"'
) -> Diagnostic:
    return Diagnostic(
        "a.md", line, 1, line, 8, "spelling", Severity.WARNING, message, suggestions=suggestions
    )


def test_text_shows_a_suggestion_under_the_carets() -> None:
    output = run(TextReporter, [("a.md", [suggesting("tutorial")], "tutrial\n")])
    lines = output.splitlines()
    assert lines[:6] == [
        'a.md:1:1: warning [spelling] unknown word "tutrial"',
        "  |",
        "1 | tutrial",
        "  | ^^^^^^^",
        '  = help: did you mean "tutorial"?',
        "",
    ]


def test_text_shows_at_most_three_suggestions() -> None:
    output = run(TextReporter, [("a.md", [suggesting("a", "b", "c", "d")], "tutrial\n")])
    assert '  = help: did you mean "a", "b" or "c"?\n' in output
    assert '"d"' not in output
    two = run(TextReporter, [("a.md", [suggesting("a", "b")], "tutrial\n")])
    assert '  = help: did you mean "a" or "b"?\n' in two


def test_text_help_lines_up_with_the_bar_of_a_wide_gutter() -> None:
    text = "\n" * 11 + "tutrial\n"
    output = run(TextReporter, [("a.md", [suggesting("tutorial", line=12)], text)])
    lines = output.splitlines()
    help_line = next(line for line in lines if "help:" in line)
    assert help_line == '   = help: did you mean "tutorial"?'
    assert help_line.index("=") == lines[1].index("|")


def test_text_help_without_a_source_line() -> None:
    output = run(TextReporter, [("a.md", [suggesting("tutorial")], None)])
    assert output.splitlines()[:2] == [
        'a.md:1:1: warning [spelling] unknown word "tutrial"',
        '  = help: did you mean "tutorial"?',
    ]


def test_text_no_help_without_suggestions_or_when_the_message_already_asks() -> None:
    plain = run(TextReporter, [("a.md", [suggesting()], "tutrial\n")])
    asked = suggesting("title", message='unknown key "titel" (did you mean "title"?)')
    already = run(TextReporter, [("a.md", [asked], "titel: x\n")])
    blank = run(TextReporter, [("a.md", [suggesting("", " ")], "tutrial\n")])
    assert "help" not in plain + already + blank


def test_text_keeps_a_suggestion_that_is_already_quoted() -> None:
    output = run(TextReporter, [("a.md", [suggesting('"tutorial"')], "x: 'tutrial'\n")])
    assert '= help: did you mean "tutorial"?' in output


def test_text_help_is_coloured_only_with_colour() -> None:
    files = [("a.md", [suggesting("tutorial")], "tutrial\n")]
    coloured = run(TextReporter, files, ReporterOptions(color=True))
    help_line = next(line for line in coloured.splitlines() if "help" in line)
    assert "\x1b[" in help_line
    assert click.unstyle(help_line) == '  = help: did you mean "tutorial"?'


def test_concise_appends_the_suggestions_to_the_line() -> None:
    output = run(ConciseReporter, [("a.md", [suggesting("tutorial", "tutorials")], None)])
    assert output.splitlines()[0] == (
        'a.md:1:1: warning [spelling] unknown word "tutrial" (did you mean "tutorial" or '
        '"tutorials"?)'
    )
    coloured = run(
        ConciseReporter, [("a.md", [suggesting("tutorial")], None)], ReporterOptions(color=True)
    )
    assert click.unstyle(coloured.splitlines()[0]).endswith('(did you mean "tutorial"?)')


# --- sarif -------------------------------------------------------------------------------------


def sarif_log(
    files: Sequence[str], root: Path | None, monkeypatch: pytest.MonkeyPatch, cwd: Path
) -> dict[str, Any]:
    monkeypatch.chdir(cwd)
    found = [(path, [diagnostic(1, 1, 5, path=path)], "TODO\n") for path in files]
    log = json.loads(run(SarifReporter, found, ReporterOptions(root=root)))
    (sarif_run,) = log["runs"]
    assert isinstance(sarif_run, dict)
    return sarif_run


def locations(sarif_run: Mapping[str, Any]) -> list[dict[str, str]]:
    return [
        result["locations"][0]["physicalLocation"]["artifactLocation"]
        for result in sarif_run["results"]
    ]


def test_sarif_uris_are_percent_encoded_and_relative_to_srcroot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = ["posts/my post.md", "posts/100%.md", "posts/café.md", "posts/a#b?c:d.md", "-"]
    sarif_run = sarif_log(paths, tmp_path, monkeypatch, tmp_path)
    assert sarif_run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": tmp_path.as_uri() + "/"}}
    assert locations(sarif_run) == [
        {"uri": "posts/my%20post.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "posts/100%25.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "posts/caf%C3%A9.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "posts/a%23b%3Fc%3Ad.md", "uriBaseId": "%SRCROOT%"},
        {"uri": "-", "uriBaseId": "%SRCROOT%"},
    ]


def test_sarif_root_defaults_to_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sarif_run = sarif_log(["a b.md"], None, monkeypatch, tmp_path)
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.as_uri() + "/"
    assert sarif_run["originalUriBaseIds"]["%SRCROOT%"]["uri"].endswith("/")
    assert locations(sarif_run) == [{"uri": "a%20b.md", "uriBaseId": "%SRCROOT%"}]


def test_sarif_paths_outside_the_root_are_absolute_file_uris(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "site"
    root.mkdir()
    outside = tmp_path / "other" / "notes #1.md"
    sarif_run = sarif_log(["../other/notes #1.md", str(outside)], root, monkeypatch, root)
    expected = {"uri": outside.as_uri()}
    assert locations(sarif_run) == [expected, expected]
    assert expected["uri"].startswith("file:///") and "%20%231" in expected["uri"]


def test_sarif_display_paths_are_rebased_on_a_root_above_the_working_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cwd = tmp_path / "repo" / "docs"
    cwd.mkdir(parents=True)
    sarif_run = sarif_log(["guide/é.md"], tmp_path / "repo", monkeypatch, cwd)
    assert locations(sarif_run) == [{"uri": "docs/guide/%C3%A9.md", "uriBaseId": "%SRCROOT%"}]


# --- junit -------------------------------------------------------------------------------------


def junit_root(fail_on: Severity | None = None) -> ElementTree.Element:
    files = [
        (
            "errors.md",
            [
                diagnostic(
                    1, 1, 2, rule="empty-section", severity=Severity.ERROR, path="errors.md"
                ),
                diagnostic(2, 1, 2, path="errors.md"),
                diagnostic(
                    3, 1, 2, rule="outline-section", severity=Severity.INFO, path="errors.md"
                ),
            ],
            None,
        ),
        ("warnings.md", [diagnostic(4, 2, 3, path="warnings.md")], None),
        ("clean.md", [], None),
    ]
    options = ReporterOptions() if fail_on is None else ReporterOptions(fail_on=fail_on)
    return ElementTree.fromstring(run(JunitReporter, files, options).encode("utf-8"))


def test_junit_fails_a_case_once_at_the_default_threshold() -> None:
    root = junit_root()
    suite = root.find("testsuite")
    assert suite is not None
    expected = {"tests": "3", "failures": "2", "errors": "0", "skipped": "0"}
    for element in (root, suite):
        assert {key: element.get(key) for key in expected} == expected
    cases = {case.get("name"): case for case in suite.iter("testcase")}
    assert list(cases) == ["errors.md", "warnings.md", "clean.md"]
    assert [case.get("file") for case in cases.values()] == list(cases)
    assert all(case.get("classname") for case in cases.values())
    (failure,) = cases["errors.md"].findall("failure")
    assert failure.get("message") == "2 problems (1 error, 1 warning)"
    assert failure.get("type") == "error"
    assert (failure.text or "").splitlines() == [
        'errors.md:1:1: error [empty-section] placeholder "TODO" left in the text',
        'errors.md:2:1: warning [placeholder-text] placeholder "TODO" left in the text',
    ]
    output = cases["errors.md"].find("system-out")
    assert output is not None
    assert (
        output.text == 'errors.md:3:1: info [outline-section] placeholder "TODO" left in the text'
    )
    assert cases["warnings.md"].findall("failure")[0].get("type") == "warning"
    assert list(cases["clean.md"]) == []


def test_junit_findings_below_fail_on_are_output_of_a_passing_case() -> None:
    root = junit_root(Severity.ERROR)
    assert (root.get("tests"), root.get("failures")) == ("3", "1")
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert cases["warnings.md"].findall("failure") == []
    output = cases["warnings.md"].find("system-out")
    assert output is not None
    assert (
        output.text
        == 'warnings.md:4:2: warning [placeholder-text] placeholder "TODO" left in the text'
    )
    (failure,) = cases["errors.md"].findall("failure")
    assert failure.get("message") == "1 problem (1 error)"
    errors_output = cases["errors.md"].find("system-out")
    assert errors_output is not None
    assert len((errors_output.text or "").splitlines()) == 2


def test_junit_fail_on_info_fails_a_case_with_only_info_notes() -> None:
    files = [("a.md", [diagnostic(1, 1, 2, severity=Severity.INFO, path="a.md")], None)]
    root = ElementTree.fromstring(run(JunitReporter, files, ReporterOptions(fail_on=Severity.INFO)))
    assert root.get("failures") == "1"
    failure = root.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "1 problem (1 info note)"


def test_junit_stays_well_formed_with_characters_xml_cannot_carry() -> None:
    bad = diagnostic(1, 1, 2, message="form\x0cfeed & <tag> \x00", path="a\x01.md")
    root = ElementTree.fromstring(run(JunitReporter, [("a\x01.md", [bad], None)]))
    case = root.find("testsuite/testcase")
    assert case is not None
    assert case.get("file") == "a\ufffd.md"
    failure = case.find("failure")
    assert failure is not None
    assert "form\ufffdfeed & <tag> \ufffd" in (failure.text or "")
