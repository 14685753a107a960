"""Shared by the benchmarks: run a command as a process, time it, and read its peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

#: Runs the command given as arguments and prints its exit code and the largest resident set
#: of it or any process it started (ru_maxrss of the waited-for children, in KB on Linux).
_WRAPPER = (
    "import json, resource, subprocess, sys; "
    "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode; "
    "print(json.dumps([code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))"
)


#: The extensions of the pages the benchmarks count (lower case).
PAGE_EXTENSIONS = (".md", ".markdown", ".qmd", ".rmd", ".mdx")


#: (name, folder under the corpora, dialect).
SITES: tuple[tuple[str, str, str], ...] = (
    ("quarto-web", "quarto-web", "quarto"),
    ("quarto-blog/robjhyndman", "quarto-blog/robjhyndman.com", "quarto"),
    ("quarto-blog/canouil", "quarto-blog/mickael.canouil.fr", "quarto"),
    ("rmarkdown", "rmarkdown", "rmarkdown"),
    ("hugo", "hugo", "hugo"),
    ("jekyll", "jekyll", "jekyll"),
    ("docusaurus", "docusaurus", "docusaurus"),
    ("mdx", "mdx", "mdx"),
    ("mkdocs", "mkdocs", "mkdocs"),
    ("vitepress", "vitepress", "vitepress"),
    ("plain-blog", "plain-blog", "markdown"),
    ("mdn", "mdn", "mdn"),
)


#: The dialect of a site the benchmarks do not know: detected per file, as for a user.
DETECTED = ""


def chosen_sites(
    sites: Sequence[tuple[str, str, str]], corpora: Path, only: str | None
) -> Iterator[tuple[str, Path, str]]:
    """(name, folder, dialect) of each of ``sites`` that ``corpora`` holds (only the site
    named ``only`` when given). A folder of other sites (none of ``sites`` in it) gives each
    of its subfolders as a site, its dialect ``DETECTED`` from its own project files."""
    known = [(name, (corpora / folder).resolve(), dialect) for name, folder, dialect in sites]
    if not any(folder.is_dir() for _, folder, _ in known):
        known = [
            (folder.name, folder.resolve(), DETECTED)
            for folder in sorted(corpora.iterdir())
            if folder.is_dir() and folder.name != "drafts"
        ]
    for name, folder, dialect in known:
        if (only is None or only == name) and folder.is_dir():
            yield name, folder, dialect


def count_pages(folder: Path) -> int:
    """How many pages ``folder`` holds, at any depth."""
    return sum(1 for path in folder.rglob("*") if path.suffix.lower() in PAGE_EXTENSIONS)


def check_json(folder: Path, config: str, *options: str) -> list[dict[str, object]]:
    """The findings of a real ``contentlint check --format json`` of ``folder`` (no cache, no
    prose) under a scratch config file holding ``config``."""
    import tempfile

    with tempfile.TemporaryDirectory() as scratch:
        config_file = Path(scratch) / "contentlint.toml"
        config_file.write_text(config, "utf-8")
        command = [
            sys.executable, "-m", "lint", "check", "--no-cache", "--no-prose", "--format", "json",
            "--exit-zero", "--config", str(config_file), *options, str(folder),
        ]  # fmt: skip
        outcome = subprocess.run(command, capture_output=True, text=True, check=False)
    if outcome.returncode != 0:
        raise SystemExit(f"contentlint failed on {folder}: {outcome.stderr[-2000:]}")
    return list(json.loads(outcome.stdout))


def child_environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment a user's shell gives: bytecode caching on, no colour."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["NO_COLOR"] = "1"
    env.update(extra or {})
    return env


@dataclass(frozen=True)
class Measured:
    seconds: float
    peak_mb: float
    code: int
    stderr: str = ""


def measure(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> Measured:
    """Wall time and peak memory (largest single process) of one run of ``command``."""
    started = time.perf_counter()
    outcome = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *command],
        cwd=cwd,
        env=child_environment(env),
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    code, peak_kb = json.loads(outcome.stdout.strip().splitlines()[-1])
    return Measured(seconds, peak_kb / 1024, code, outcome.stderr)


def timed(
    command: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, str]:
    """Wall time of one run, and its standard error."""
    started = time.perf_counter()
    outcome = subprocess.run(
        command, cwd=cwd, env=child_environment(env), capture_output=True, text=True, check=False
    )
    return time.perf_counter() - started, outcome.stderr


def median_seconds(command: list[str], runs: int, cwd: Path | None = None) -> float:
    timed(command, cwd)  # warm the file cache and the bytecode cache first
    return statistics.median(timed(command, cwd)[0] for _ in range(runs))
