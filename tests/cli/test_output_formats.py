"""Every output format on one run with findings of every group: SARIF, github, junit, text."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jsonschema
import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

DOCUMENTS: dict[str, str | bytes] = {
    "posts/launch.md": (
        "---\ntitle: Launch\ndate: 10/10/2024\n---\n\n# Launch\n\n## Pricing\n\n## Plans\n\n"
        "Plans start at ten euros; TODO: confirm the number.\n\n**Speaker one.**\n\n"
        "**Speaker two.**\n"
    ),
    "posts/broken.md": "---\ntitle: [unclosed\n---\n\nText.\n",
    "posts/latin1.md": "caf\xe9 au lait\n".encode("latin-1"),
    "posts/clean.md": "---\ntitle: Clean\ndate: 2024-10-10\n---\n\n# Clean\n\nAll done here.\n",
}
SCHEMA = {
    "type": "object",
    "properties": {"title": {"type": "string"}, "date": {"type": "string", "format": "date"}},
    "required": ["title", "date"],
}
#: ``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message``
WORKFLOW_COMMAND = re.compile(
    r"^::(?P<command>error|warning|notice) file=(?P<file>[^,]+),line=(?P<line>\d+),"
    r"col=(?P<col>\d+),endLine=(?P<end_line>\d+),endColumn=(?P<end_column>\d+),"
    r"title=(?P<title>[^:]+)::(?P<message>.+)$"
)


@pytest.fixture
def run_format(write: WriteFiles, contentlint: RunCli) -> Any:
    write({**DOCUMENTS, "post.schema.json": json.dumps(SCHEMA)})

    def run(*args: str, env: dict[str, str] | None = None) -> Any:
        return contentlint("check", "--schema", "post.schema.json", "posts", *args, env=env)

    return run


def test_sarif_validates_against_the_sarif_2_1_0_schema(run_format: Any, shared_dir: Path) -> None:
    outcome = run_format("--format", "sarif")
    assert outcome.code == 1, outcome.output
    log = json.loads(outcome.stdout)
    schema = json.loads((shared_dir / "reference" / "sarif-schema-2.1.0.json").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(log)) == []
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert {result["ruleId"] for result in results} >= {
        "frontmatter-schema",
        "frontmatter-syntax",
        "empty-section",
        "placeholder-text",
        "stub-paragraph",
        "file-error",
    }
    for result in results:
        rule = rules[result["ruleIndex"]]
        assert rule["id"] == result["ruleId"]
        assert rule["shortDescription"]["text"] and rule["help"]["text"]
        assert rule["helpUri"].startswith("https://")
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith(("/", "./"))
        assert location["region"]["startLine"] >= 1
    date = next(result for result in results if result["ruleId"] == "frontmatter-schema")
    assert date["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3,
        "startColumn": 7,
        "endLine": 3,
        "endColumn": 17,
    }
    assert date["level"] == "error"


def test_github_lines_are_workflow_commands(run_format: Any) -> None:
    outcome = run_format("--format", "github")
    assert outcome.code == 1
    lines = [line for line in outcome.stdout.splitlines() if line.startswith("::")]
    parsed = [WORKFLOW_COMMAND.match(line) for line in lines]
    assert all(parsed), lines
    found = {(m["file"], int(m["line"]), int(m["col"]), m["title"]) for m in parsed if m}
    assert ("posts/launch.md", 3, 7, "contentlint frontmatter-schema") in found
    assert ("posts/launch.md", 8, 1, "contentlint empty-section") in found
    assert any(m and m["command"] == "error" for m in parsed)
    assert any(m and m["command"] == "warning" for m in parsed)


def test_github_is_the_default_on_github_actions(run_format: Any) -> None:
    outcome = run_format(env={"GITHUB_ACTIONS": "true"})
    assert outcome.stdout.startswith("::"), outcome.stdout
    explicit = run_format("--format", "concise", env={"GITHUB_ACTIONS": "true"})
    assert not explicit.stdout.startswith("::")


def test_github_escapes_commas_colons_and_newlines() -> None:
    from lint.reporters.github import escape_data, escape_property

    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    assert escape_data("one\ntwo\r") == "one%0Atwo%0D"


def test_junit_is_one_case_per_file_and_one_failure_per_failing_file(run_format: Any) -> None:
    outcome = run_format("--format", "junit")
    assert outcome.code == 1
    root = ElementTree.fromstring(outcome.stdout.encode("utf-8"))
    cases = {case.get("name"): case for case in root.iter("testcase")}
    assert set(cases) == set(DOCUMENTS)
    assert cases["posts/clean.md"].findall("failure") == []
    (launch_failure,) = cases["posts/launch.md"].findall("failure")
    json_outcome = run_format("--format", "json")
    # Every finding at the default --fail-on (warning) or above is one line of the one failure.
    failing = [item for item in json_outcome.json() if item["severity"] != "info"]
    launch = [item for item in failing if item["path"] == "posts/launch.md"]
    assert len((launch_failure.text or "").splitlines()) == len(launch)
    failing_files = {item["path"] for item in failing}
    assert root.get("failures") == str(len(failing_files))


def test_junit_drops_characters_xml_cannot_carry() -> None:
    from lint.reporters.junit import xml_text

    assert xml_text("form\x0cfeed\x00") == "form\ufffdfeed\ufffd"


def test_text_shows_the_source_line_with_the_span_underlined(run_format: Any) -> None:
    outcome = run_format()
    lines = outcome.stdout.splitlines()
    index = lines.index(
        "posts/launch.md:3:7: error [frontmatter-schema] [*] "
        'date: "10/10/2024" is not a valid date (expected YYYY-MM-DD)'
    )
    assert lines[index + 2] == "3 | date: 10/10/2024"
    assert lines[index + 3] == "  |       ^^^^^^^^^^"
    assert "\x1b[" not in outcome.stdout  # piped, NO_COLOR set by the runner


def test_color_always_colours_and_no_color_wins_over_auto(run_format: Any) -> None:
    coloured = run_format("--color", "always")
    assert "\x1b[" in coloured.stdout
    plain = run_format("--color", "auto", env={"NO_COLOR": "1"})
    assert "\x1b[" not in plain.stdout


def test_concise_keeps_one_line_per_problem(run_format: Any) -> None:
    outcome = run_format("--format", "concise")
    problem_lines = outcome.diagnostic_lines()
    assert problem_lines
    assert " | " not in outcome.stdout


def test_an_unknown_format_lists_the_registered_ones(run_format: Any) -> None:
    outcome = run_format("--format", "sarf")
    assert outcome.code == 2
    message = outcome.one_line_error("sarf")
    for name in ("concise", "github", "json", "junit", "sarif", "text"):
        assert name in message
    assert 'did you mean "sarif"' in message
