"""Every file of the bad-input corpus: a clear message, the documented exit code, no traceback,
bounded time and memory, and the other files of the run still checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.hardening.corpus import DOCUMENTS, write_corpus

#: Runs the command and prints its exit code and the peak memory of it and its children.
WRAPPER = (
    "import json, resource, subprocess, sys; "
    "r = subprocess.run(sys.argv[2:], capture_output=True, text=True, timeout=float(sys.argv[1])); "
    "print(json.dumps([r.returncode, r.stdout, r.stderr, "
    "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))"
)
MAX_MEMORY_KB = 500 * 1024


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("bad-inputs"))


def run(
    folder: Path, *args: str, seconds: float = 10
) -> tuple[int, list[dict[str, object]], str, int]:
    """Check ``args`` in ``folder``; the run must end within ``seconds`` (10 s a file)."""
    env = {**os.environ, "NO_COLOR": "1"}
    command = [sys.executable, "-m", "lint", "check", "--no-cache", "--format", "json", *args]
    outcome = subprocess.run(
        [sys.executable, "-c", WRAPPER, str(seconds), *command],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=seconds + 60,
    )
    assert outcome.returncode == 0, f"over {seconds} s or crashed: {outcome.stderr[-2000:]}"
    code, stdout, stderr, peak_kb = json.loads(outcome.stdout)
    return code, json.loads(stdout) if stdout.strip() else [], stderr, peak_kb


def time_budget(document: Path) -> float:
    """10 s, or three times what the parse alone takes (markdown-it with the syntax the
    file's dialect installs, in this process) plus 5 s when that is more: the bound is on
    contentlint's own cost, whatever the machine's speed (100,000 headings take markdown-it
    seconds to parse on a slow core)."""
    from lint.document import Document

    try:
        text = document.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return 10.0
    started = time.perf_counter()
    try:
        len(Document.from_text(document.name, text).tokens)
    except Exception:  # noqa: BLE001 - a document the parser refuses: the fixed bound
        return 10.0
    return max(10.0, 3 * (time.perf_counter() - started) + 5)


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_each_bad_file_alone(corpus: Path, name: str) -> None:
    code, diagnostics, stderr, peak_kb = run(corpus, name, seconds=time_budget(corpus / name))
    assert "Traceback" not in stderr
    assert peak_kb < MAX_MEMORY_KB, f"{peak_kb // 1024} MB"
    expected = DOCUMENTS[name][1]
    rules = {str(item["rule"]) for item in diagnostics}
    assert "internal-error" not in rules
    if expected:
        assert expected in rules, diagnostics[:3]
    if expected in ("file-error", "frontmatter-syntax"):
        assert code == 1
        message = next(str(d["message"]) for d in diagnostics if d["rule"] == expected)
        assert "\n" not in message and len(message) < 300
    assert code in (0, 1)


def test_the_whole_corpus_in_one_run_still_checks_the_good_file(corpus: Path) -> None:
    (corpus / "good.md").write_text("# Good\n\nTODO finish this page.\n", "utf-8")
    code, diagnostics, stderr, _ = run(corpus, "--jobs", "2", ".", seconds=120)
    assert "Traceback" not in stderr
    assert code == 1
    assert any(d["path"] == "good.md" and d["rule"] == "placeholder-text" for d in diagnostics)
    assert {d["path"] for d in diagnostics} >= {"binary.md", "latin1.md", "alias-bomb.md"}


def test_a_yaml_tag_that_would_run_a_command_runs_nothing(corpus: Path) -> None:
    marker = corpus / "PWNED"
    marker.unlink(missing_ok=True)
    run(corpus, "yaml-tag.md")
    assert not marker.exists()
