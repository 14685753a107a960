"""Running ``python -m lint check`` as a real process, for the tests outside tests/cli."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path


def run_check(
    cwd: Path,
    *args: str,
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """``contentlint check ARGS`` in ``cwd``; ``env`` replaces the environment when given."""
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", *args],
        cwd=cwd,
        env=dict(env) if env is not None else {**os.environ, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
