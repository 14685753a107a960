"""The languagetool engine against a local server that replays LanguageTool's responses."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.processes import run_check
from tests.prose.languagetool_replay import REPLAYS, ReplayServer, original_text

DRAFT = (REPLAYS / "draft.md").read_text("utf-8")
#: Names a running LanguageTool server for the integration test, e.g. http://localhost:8081
SERVER_VARIABLE = "CONTENTLINT_LANGUAGETOOL_URL"


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_check(project, *args)


def write_project(root: Path, server: str, extra: str = "") -> Path:
    (root / "posts").mkdir(parents=True)
    (root / "posts" / "draft.md").write_text(DRAFT, "utf-8")
    (root / "contentlint.toml").write_text(
        f'[prose]\nengine = "languagetool"\nlanguage = "en-US"\n{extra}\n'
        f'[prose.languagetool]\nserver = "{server}"\nmother-tongue = "de-DE"\n'
        'disabled-rules = ["WHITESPACE_RULE"]\n',
        "utf-8",
    )
    return root


def diagnostics(outcome: subprocess.CompletedProcess[str]) -> list[dict[str, Any]]:
    assert "Traceback" not in outcome.stderr, outcome.stderr
    items: list[dict[str, Any]] = json.loads(outcome.stdout)
    return items


def test_findings_land_on_the_exact_columns_with_categories_mapped(tmp_path: Path) -> None:
    with ReplayServer() as server:
        project = write_project(tmp_path, server.url)
        outcome = run(project, "--select", "prose", "--format", "json", "--no-cache", "posts")
    found = {
        (item["line"], item["column"], item["end_column"], item["rule"], item["code"])
        for item in diagnostics(outcome)
    }
    assert found == {
        (5, 3, 9, "spelling", "MORFOLOGIK_RULE_EN_US"),  # "Cachng"
        (5, 12, 17, "spelling", "MORFOLOGIK_RULE_EN_US"),  # "notez", after a 2-unit emoji
        (9, 4, 11, "spelling", "MORFOLOGIK_RULE_EN_US"),  # "recieve", after &amp; mapping
        (9, 36, 43, "style", "EN_PLAIN_ENGLISH_REPLACE"),  # "utilize"
        (9, 44, 51, "grammar", "EN_A_VS_AN"),  # "a apple"
    }
    lines = DRAFT.splitlines()
    for item in diagnostics(outcome):
        flagged = lines[item["line"] - 1][item["column"] - 1 : item["end_column"] - 1]
        assert flagged in {"Cachng", "notez", "recieve", "utilize", "a apple"}
        assert item["source"] == "languagetool"
    receive = next(item for item in diagnostics(outcome) if item["column"] == 4)
    assert receive["suggestions"] == ["receive"]


def test_markup_goes_as_annotated_text_with_the_options(tmp_path: Path) -> None:
    with ReplayServer() as server:
        project = write_project(tmp_path, server.url)
        run(project, "--select", "prose", "--format", "json", "--no-cache", "posts")
        (request,) = server.checks()
    annotation = json.loads(request["data"])["annotation"]
    assert {"markup": "`cache_dir`", "interpretAs": "code"} in annotation
    assert {"markup": "](https://example.com/x)"} in annotation
    assert all("https://" not in item.get("text", "") for item in annotation)
    assert request["language"] == "en-US"
    assert request["motherTongue"] == "de-DE"
    assert request["disabledRules"] == "WHITESPACE_RULE"
    assert "text" not in request


def test_long_documents_are_split_under_the_request_limit(tmp_path: Path) -> None:
    paragraphs = "\n\n".join(f"Paragraph {n} says something plain and short." for n in range(60))
    with ReplayServer() as server:
        project = write_project(tmp_path, server.url)
        (project / "contentlint.toml").write_text(
            (project / "contentlint.toml").read_text("utf-8") + "max-request-chars = 1000\n",
            "utf-8",
        )
        (project / "posts" / "long.md").write_text(f"# Long\n\n{paragraphs}\n", "utf-8")
        outcome = run(project, "--select", "prose", "--no-cache", "posts/long.md")
        sizes = [len(original_text(fields)) for fields in server.checks()]
    assert outcome.returncode == 0, outcome.stdout + outcome.stderr
    assert len(sizes) >= 3 and max(sizes) <= 1000
    assert sum(sizes) >= len(paragraphs)


def test_the_accept_list_applies_to_languagetool_too(tmp_path: Path) -> None:
    with ReplayServer() as server:
        project = write_project(tmp_path, server.url, 'accept = ["recieve", "Cachng"]')
        outcome = run(project, "--select", "spelling", "--format", "json", "--no-cache", "posts")
    assert [item["column"] for item in diagnostics(outcome)] == [12]


def test_an_unreachable_server_is_one_message_and_exit_2(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    project = write_project(tmp_path, f"http://127.0.0.1:{port}")
    (project / "posts" / "second.md").write_text("# Second\n\nMore text.\n", "utf-8")
    outcome = run(project, "posts")
    assert outcome.returncode == 2
    errors = [line for line in outcome.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, outcome.stderr
    assert errors[0].startswith("error: prose checking cannot run")
    assert "cannot be reached" in errors[0] and "--no-prose" in errors[0]
    assert outcome.stdout == ""
    skipped = run(project, "--no-prose", "posts")
    assert skipped.returncode in (0, 1) and "error:" not in skipped.stderr


def test_no_java_is_one_message_and_exit_2(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("# A\n\nText.\n", "utf-8")
    (tmp_path / "contentlint.toml").write_text('[prose]\nengine = "languagetool"\n', "utf-8")
    env = {**os.environ, "PATH": str(Path(sys.executable).parent)}
    outcome = subprocess.run(
        [sys.executable, "-m", "lint", "check", "a.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert outcome.returncode == 2
    assert outcome.stderr.count("error:") == 1 and "Java" in outcome.stderr


@pytest.mark.skipif(not os.environ.get(SERVER_VARIABLE), reason=f"{SERVER_VARIABLE} is not set")
def test_a_real_languagetool_server(tmp_path: Path) -> None:
    url = os.environ[SERVER_VARIABLE]
    try:
        urllib.request.urlopen(f"{url.rstrip('/')}/v2/languages", timeout=5).close()
    except OSError as error:
        pytest.skip(f"no LanguageTool server at {url}: {error}")
    project = write_project(tmp_path, url)
    outcome = run(project, "--select", "prose", "--format", "json", "--no-cache", "posts")
    found = diagnostics(outcome)
    lines = DRAFT.splitlines()
    flagged = {lines[d["line"] - 1][d["column"] - 1 : d["end_column"] - 1] for d in found}
    assert "recieve" in flagged
    assert not any("cache_dir" in text or "https" in text for text in flagged)
