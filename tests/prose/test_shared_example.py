"""Prose checking on the real draft in ../shared/examples, with the team's vocabulary."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).parents[2].parent / "shared" / "examples" / "coalesce-2024-notes.qmd"
VOCABULARY = ["dbt", "dbtLabs", "Coalesce", "Litedash", "Carta"]


@pytest.fixture
def findings(tmp_path: Path) -> list[dict[str, object]]:
    if not EXAMPLE.is_file():
        pytest.skip(f"{EXAMPLE} is not available")
    shutil.copy(EXAMPLE, tmp_path / EXAMPLE.name)
    (tmp_path / "contentlint.toml").write_text(
        f"[prose]\naccept = {json.dumps(VOCABULARY)}\n", "utf-8"
    )
    outcome = subprocess.run(
        [sys.executable, "-m", "lint", "check", "--select", "prose", "--format", "json", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert outcome.returncode in (0, 1), outcome.stderr
    items: list[dict[str, object]] = json.loads(outcome.stdout)
    return items


def test_the_vocabulary_words_are_not_misspellings(findings: list[dict[str, object]]) -> None:
    lines = EXAMPLE.read_text("utf-8").splitlines()
    flagged = [
        lines[int(str(item["line"])) - 1][
            int(str(item["column"])) - 1 : int(str(item["end_column"])) - 1
        ]
        for item in findings
        if item["rule"] == "spelling"
    ]
    for word in VOCABULARY:
        assert word not in flagged


def test_the_double_space_before_im_is_not_reported(findings: list[dict[str, object]]) -> None:
    """Two spaces in Markdown's source are one on the page: nothing a reader sees."""
    line = EXAMPLE.read_text("utf-8").splitlines()[9]
    column = line.index("  I'm") + 1
    assert "  I'm" in line
    assert not [item for item in findings if item["line"] == 10 and item["column"] == column]
