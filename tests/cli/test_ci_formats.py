"""The CI formats on file names that need care, from the real CLI in a subprocess: SARIF URIs
that are RFC 3986 URI references resolving to the files on disk, JUnit read by junitparser,
and suggestions in the text output."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import pytest
from junitparser import Attr, JUnitXml, TestCase, TestSuite

if TYPE_CHECKING:
    from tests.cli.conftest import Outcome, RunCli, WriteFiles

#: One document per case: an error (and a warning), warnings only, an info note only, nothing.
DOCUMENTS: dict[str, str] = {
    "posts/my post.md": (
        "---\ntitle: [unclosed\n---\n\n# Launch\n\nPlans start at ten euros; TODO: confirm.\n"
    ),
    "posts/100%.md": "# Pricing\n\nPlans start at ten euros; TODO: confirm the number.\n",
    "posts/café.md": "# Café\n\nAll done here, nothing left.\n\n<!-- TODO: a photo -->\n",
    "posts/clean.md": "# Clean\n\nAll done here.\n",
}
if os.name != "nt":  # characters a Windows file name cannot hold
    DOCUMENTS["posts/what? #1 [a]:b.md"] = "# What\n\nTBD\n"
WARNINGS_ONLY = "posts/100%.md"
INFO_ONLY = "posts/café.md"

#: RFC 3986, Appendix B: the components of any URI reference.
APPENDIX_B = re.compile(r"^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?$")
#: RFC 3986, section 2: only unreserved and reserved characters, and percent-encoded octets.
URI_CHARACTERS = re.compile(r"^(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*$")


def uri_parts(uri: str) -> dict[str, str | None]:
    """The components of ``uri``, after asserting it is a strict RFC 3986 URI reference."""
    assert URI_CHARACTERS.match(uri), f"{uri!r} has characters a URI cannot hold unencoded"
    match = APPENDIX_B.match(uri)
    assert match, uri
    scheme, authority, path, query, fragment = match.group(2, 4, 5, 7, 9)
    assert scheme is None or SCHEME.match(scheme), uri
    if scheme is None and authority is None:
        # A relative-path reference: its first segment cannot hold a colon (RFC 3986, 4.2).
        assert ":" not in path.split("/", 1)[0], uri
    unquote(path, errors="strict")  # the percent-encoded octets are UTF-8
    return {
        "scheme": scheme,
        "authority": authority,
        "path": path,
        "query": query,
        "fragment": fragment,
    }


def file_uri_path(uri: str) -> Path:
    """The local path of an absolute ``file:`` URI with no host, query or fragment."""
    parts = uri_parts(uri)
    assert parts["scheme"] == "file" and parts["authority"] == "", uri
    assert parts["query"] is None and parts["fragment"] is None, uri
    path = unquote(urlsplit(uri).path, errors="strict")
    if re.match(r"^/[A-Za-z]:/", path):  # file:///C:/…
        path = path[1:]
    return Path(path)


@pytest.fixture
def sarif_schema(shared_dir: Path) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(
        (shared_dir / "reference" / "sarif-schema-2.1.0.json").read_text("utf-8")
    )
    return schema


def sarif_files(outcome: Outcome, schema: dict[str, Any]) -> list[Path]:
    """Validate a SARIF log against the OASIS schema; the file of each result, from its URI."""
    log = json.loads(outcome.stdout)
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [error.message for error in validator.iter_errors(log)] == []
    (sarif_run,) = log["runs"]
    bases = sarif_run["originalUriBaseIds"]
    assert set(bases) == {"%SRCROOT%"}
    base = bases["%SRCROOT%"]["uri"]
    assert base.endswith("/")
    assert file_uri_path(base).is_dir()
    files = []
    for result in sarif_run["results"]:
        (location,) = result["locations"]
        artifact = location["physicalLocation"]["artifactLocation"]
        uri = artifact["uri"]
        parts = uri_parts(uri)
        if "uriBaseId" in artifact:
            assert artifact["uriBaseId"] == "%SRCROOT%"
            assert parts["scheme"] is None and parts["authority"] is None, uri
            assert not uri.startswith("/") and parts["query"] is None, uri
            assert parts["fragment"] is None, uri
            uri = urljoin(base, uri)
        path = file_uri_path(uri)
        assert path.is_file(), f"{artifact} does not resolve to a file ({path})"
        files.append(path)
    return files


def with_findings(project: Path) -> set[Path]:
    return {(project / name).resolve() for name in DOCUMENTS if name != "posts/clean.md"}


def test_sarif_uris_are_rfc_3986_and_resolve_to_the_files(
    write: WriteFiles, contentlint: RunCli, project: Path, sarif_schema: dict[str, Any]
) -> None:
    write(DOCUMENTS)
    outcome = contentlint("check", "--no-prose", "--format", "sarif", "posts")
    assert outcome.code == 1, outcome.output
    files = sarif_files(outcome, sarif_schema)
    assert {path.resolve() for path in files} == with_findings(project)
    log = json.loads(outcome.stdout)
    base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"]
    assert file_uri_path(base).resolve() == project.resolve()
    uris = {
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
    }
    assert {"posts/my%20post.md", "posts/100%25.md", "posts/caf%C3%A9.md"} <= uris
    if os.name != "nt":
        assert "posts/what%3F%20%231%20%5Ba%5D%3Ab.md" in uris


def test_sarif_paths_outside_the_working_folder_are_absolute_file_uris(
    write: WriteFiles, contentlint: RunCli, project: Path, sarif_schema: dict[str, Any]
) -> None:
    write(DOCUMENTS)
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    outcome = contentlint(
        "check",
        "--no-prose",
        "--format",
        "sarif",
        "../posts",
        str(project / "posts"),
        cwd=elsewhere,
    )
    assert outcome.code == 1, outcome.output
    files = sarif_files(outcome, sarif_schema)
    assert {path.resolve() for path in files} == with_findings(project)
    log = json.loads(outcome.stdout)
    for result in log["runs"][0]["results"]:
        artifact = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert "uriBaseId" not in artifact and artifact["uri"].startswith("file:///"), artifact


class FileTestCase(TestCase):
    """A test case with the ``file`` attribute that GitLab reads."""

    file = Attr()


class FileTestSuite(TestSuite):
    testcase = FileTestCase


class Report(JUnitXml):
    testsuite = FileTestSuite


def junit_cases(outcome: Outcome) -> dict[str, FileTestCase]:
    """The test cases by name, after checking the totals against the cases themselves."""
    report = Report.fromstring(outcome.stdout.encode("utf-8"))
    (suite,) = list(report)
    cases: dict[str, FileTestCase] = {}
    for case in suite:
        assert isinstance(case, FileTestCase) and case.name not in cases, case
        cases[case.name] = case
    failing = sum(1 for case in cases.values() if case.is_failure)
    for element in (report, suite):
        assert (element.tests, element.failures, element.errors, element.skipped) == (
            len(cases),
            failing,
            0,
            0,
        )
    for case in cases.values():
        assert case.file == case.name
        assert case.classname
        assert not case.is_error and not case.is_skipped
        assert len(case.result) <= 1  # one <failure> for a failing file, however many findings
    return cases


def test_junit_is_one_case_per_file_and_counts_failing_cases(
    write: WriteFiles, contentlint: RunCli
) -> None:
    write(DOCUMENTS)
    outcome = contentlint("check", "--no-prose", "--format", "junit", "posts")
    assert outcome.code == 1, outcome.output
    cases = junit_cases(outcome)
    assert set(cases) == set(DOCUMENTS)
    findings = contentlint("check", "--no-prose", "--format", "json", "posts").json()
    for name, case in cases.items():
        mine = [item for item in findings if item["path"] == name]
        failing = [item for item in mine if item["severity"] != "info"]
        assert case.is_failure == bool(failing), name
        if failing:
            (failure,) = case.result
            lines = (failure.text or "").splitlines()
            assert len(lines) == len(failing), failure.text
            for line, item in zip(lines, failing, strict=True):
                assert line == (
                    f"{name}:{item['line']}:{item['column']}: {item['severity']} "
                    f"[{item['rule']}] {item['message']}"
                )
    # The info note (below the default --fail-on warning) passes, its finding in the output.
    assert cases[INFO_ONLY].is_passed
    assert "info [placeholder-text]" in (cases[INFO_ONLY].system_out or "")
    assert cases["posts/clean.md"].is_passed and cases["posts/clean.md"].system_out is None


def test_junit_with_fail_on_error_passes_a_file_with_only_warnings(
    write: WriteFiles, contentlint: RunCli
) -> None:
    write(DOCUMENTS)
    outcome = contentlint("check", "--no-prose", "--format", "junit", "--fail-on", "error", "posts")
    assert outcome.code == 1, outcome.output  # "my post.md" has an error
    cases = junit_cases(outcome)
    warnings = cases[WARNINGS_ONLY]
    assert warnings.is_passed, "a file with only warnings fails a run that fails on errors only"
    assert "warning [placeholder-text]" in (warnings.system_out or "")
    (failure,) = cases["posts/my post.md"].result
    assert "error [frontmatter-syntax]" in (failure.text or "")
    assert "warning" not in (failure.text or "")
    assert "warning [placeholder-text]" in (cases["posts/my post.md"].system_out or "")


def test_text_and_concise_show_a_spelling_suggestion(
    write: WriteFiles, contentlint: RunCli
) -> None:
    write({"guide.md": "# Caching\n\nThis is a short tutrial on caching pages.\n"})
    found = contentlint("check", "--select", "spelling", "--format", "json", "guide.md").json()
    (typo,) = [item for item in found if "tutrial" in item["message"]]
    assert "tutorial" in typo["suggestions"]
    shown = ", ".join(f'"{word}"' for word in typo["suggestions"][:3])
    shown = re.sub(r', ("[^"]*")$', r" or \1", shown)
    text = contentlint("check", "--select", "spelling", "--format", "text", "guide.md")
    lines = text.stdout.splitlines()
    headline = lines.index(f"guide.md:3:17: warning [spelling] {typo['message']}")
    assert lines[headline + 4] == f"  = help: did you mean {shown}?"
    concise = contentlint("check", "--select", "spelling", "--format", "concise", "guide.md")
    assert f"{typo['message']} (did you mean {shown}?)" in concise.stdout
