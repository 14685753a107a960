"""A file name that is not UTF-8 is shown as an escape in every format, never a traceback,
even when the output stream's encoding is strict UTF-8; SARIF percent-encodes its bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(os.name != "posix", reason="names are bytes on POSIX only")


@pytest.mark.parametrize("output_format", ["text", "concise", "json", "sarif", "github", "junit"])
def test_a_name_that_is_not_utf8_is_escaped(tmp_path: Path, output_format: str) -> None:
    try:
        (tmp_path / os.fsdecode(b"caf\xe9.md")).write_bytes(b"# A\n\n## Empty\n\n## B\n\nText.\n")
    except OSError:
        pytest.skip("this file system takes UTF-8 names only")
    env = {**os.environ, "PYTHONIOENCODING": "utf-8:strict", "NO_COLOR": "1"}
    command = [sys.executable, "-m", "lint", "check", "--no-prose", "--no-cache"]
    outcome = subprocess.run(
        [*command, "--format", output_format, "."],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert outcome.returncode == 1, outcome.stderr
    assert b"Traceback" not in outcome.stderr
    text = outcome.stdout.decode("utf-8")  # valid UTF-8, whatever the name
    if output_format == "sarif":
        uris = [
            result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            for result in json.loads(text)["runs"][0]["results"]
        ]
        assert uris == ["caf%E9.md"]
    elif output_format == "junit":
        assert 'file="caf\ufffd.md"' in text  # XML cannot carry a lone surrogate at all
    else:
        assert "caf\\udce9.md" in text
