"""The baseline in real subprocesses: adopt the tool on a folder of drafts, keep quiet about
what is recorded even when lines move, report exactly what is new, and refuse a bad file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.cli.conftest import RunCli, WriteFiles

DRAFTS = {
    "drafts/a.md": "# Plan\n\nTODO: ask the team.\n\n## Empty\n\n## Next\n\nWe move the\n",
    "drafts/b.md": "# Ideas\n\n**Keynote.**\n\n**Panel**\n\nTBD\n",
    "drafts/c.md": "# Done\n\nThis page is finished.\n",
}


def _baseline(contentlint: RunCli, *args: str) -> tuple[int, str, str]:
    outcome = contentlint("check", "--no-prose", "--baseline", "baseline.json", *args, "drafts")
    outcome.assert_no_traceback()
    return outcome.code, outcome.stdout, outcome.stderr


def test_adopt_move_lines_and_see_only_the_new_finding(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write(DRAFTS)
    assert contentlint("check", "--no-prose", "drafts").code == 1
    code, _, stderr = _baseline(contentlint, "--update-baseline")
    assert code == 0 and "recorded 5 findings" in stderr
    assert _baseline(contentlint)[0] == 0
    # Paragraphs added above every finding: nothing comes back.
    for name in ("drafts/a.md", "drafts/b.md"):
        path = project / name
        text = path.read_text("utf-8")
        path.write_text(text.replace("\n\n", "\n\nA new paragraph, written later.\n\n"), "utf-8")
    code, stdout, _ = _baseline(contentlint)
    assert code == 0, stdout
    # One new TODO: exactly that one is reported.
    path = project / "drafts" / "c.md"
    path.write_text(path.read_text("utf-8") + "\nTODO: add the screenshot.\n", "utf-8")
    outcome = contentlint(
        "check", "--no-prose", "--baseline", "baseline.json", "--format", "json", "drafts"
    )
    assert outcome.code == 1
    assert [(d["path"], d["line"], d["rule"]) for d in outcome.json()] == [
        ("drafts/c.md", 5, "placeholder-text")
    ]


def test_the_file_is_stable_sorted_json_and_a_fixed_finding_drops_out(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write(DRAFTS)
    _baseline(contentlint, "--update-baseline")
    first = (project / "baseline.json").read_text("utf-8")
    _baseline(contentlint, "--update-baseline")
    assert (project / "baseline.json").read_text("utf-8") == first  # stable
    data = json.loads(first)
    findings = data["findings"]
    assert data["version"] == 1
    keys = [(item["path"], item["rule"], item["fingerprint"]) for item in findings]
    assert keys == sorted(keys)
    assert {"path", "rule", "fingerprint", "message"} == set(findings[0])
    (project / "drafts" / "b.md").write_text("# Ideas\n\nAll written.\n", "utf-8")
    _baseline(contentlint, "--update-baseline")
    paths = {
        item["path"] for item in json.loads((project / "baseline.json").read_text())["findings"]
    }
    assert paths == {"drafts/a.md"}


def test_the_config_names_the_baseline_and_paths_are_relative_to_it(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({**DRAFTS, "contentlint.toml": 'baseline = "ci/known.json"\n'})
    outcome = contentlint("check", "--no-prose", "--update-baseline", "drafts")
    assert outcome.code == 0, outcome.output
    recorded = json.loads((project / "ci" / "known.json").read_text("utf-8"))["findings"]
    assert {item["path"] for item in recorded} == {"../drafts/a.md", "../drafts/b.md"}
    # Run from another folder: the same files match the same entries.
    elsewhere = contentlint("check", "--no-prose", ".", cwd=project / "drafts")
    assert elsewhere.code == 0, elsewhere.output
    assert "5 problems recorded in the baseline not shown." in elsewhere.stdout


def test_a_bad_baseline_is_one_line_and_exit_2(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({**DRAFTS, "baseline.json": "{not json"})
    code, _, stderr = _baseline(contentlint)
    assert code == 2
    assert stderr.startswith("error: ") and "not a contentlint baseline" in stderr
    assert len(stderr.strip().splitlines()) == 1
    write({"baseline.json": '{"findings": 3}'})
    assert _baseline(contentlint)[0] == 2
    assert (project / "baseline.json").read_text("utf-8") == '{"findings": 3}'


def test_update_baseline_needs_a_file(contentlint: RunCli, write: WriteFiles) -> None:
    write(DRAFTS)
    outcome = contentlint("check", "--update-baseline", "drafts")
    assert outcome.code == 2
    outcome.one_line_error("--update-baseline needs a baseline file")


def test_sarif_carries_the_fingerprints(contentlint: RunCli, write: WriteFiles) -> None:
    write(DRAFTS)
    _baseline(contentlint, "--update-baseline")
    sarif = contentlint("check", "--no-prose", "--format", "sarif", "drafts")
    results = json.loads(sarif.stdout)["runs"][0]["results"]
    marks = [result["partialFingerprints"]["contentlint/v1"] for result in results]
    assert len(marks) == 5 and len(set(marks)) == 5
