"""Shared helpers of the CLI tests: run contentlint (subprocess or CliRunner), write files."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest
from click.testing import CliRunner

from lint.cli import main

#: ``path:line:col: severity [rule] message``, the text reporter's line for one diagnostic.
DIAGNOSTIC_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<column>\d+): (?P<severity>error|warning|info) "
    r"\[(?P<rule>[\w-]+)\] (?P<message>.+)$"
)
#: The names contentlint looks for when it walks up from the working directory.
PROJECT_FILES = ("contentlint.toml", ".contentlint.toml", "pyproject.toml")


def contentlint_command() -> list[str]:
    """The console script installed next to this Python, or ``python -m lint`` without one."""
    script = Path(sys.executable).parent / ("contentlint.exe" if os.name == "nt" else "contentlint")
    if script.is_file():
        return [str(script)]
    if (Path(__file__).parents[2] / "lint" / "__main__.py").is_file():
        return [sys.executable, "-m", "lint"]
    pytest.fail(f"no contentlint console script next to {sys.executable}; install the package")


@dataclass(frozen=True)
class Outcome:
    """How one contentlint run ended: its exit code, standard output and standard error."""

    code: int
    stdout: str
    stderr: str
    seconds: float = 0.0

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def diagnostic_lines(self) -> list[str]:
        """The ``path:line:col: severity [rule] message`` lines of the text output."""
        return [line for line in self.stdout.splitlines() if DIAGNOSTIC_LINE.match(line)]

    def diagnostics(self) -> list[dict[str, str]]:
        """Each diagnostic line of the text output, split into its named parts."""
        found = []
        for line in self.stdout.splitlines():
            match = DIAGNOSTIC_LINE.match(line)
            if match:
                found.append(match.groupdict())
        return found

    def json(self) -> list[dict[str, Any]]:
        """The parsed ``--format json`` output."""
        data = json.loads(self.stdout)
        assert isinstance(data, list), self.stdout
        return data

    def rules(self) -> set[str]:
        """The rule ids of the ``--format json`` output."""
        return {str(item["rule"]) for item in self.json()}

    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]

    def assert_no_traceback(self) -> None:
        assert "Traceback" not in self.output, self.output

    def paths(self) -> set[str]:
        """The paths with at least one diagnostic in a ``--format json`` outcome."""
        return {str(item["path"]) for item in self.json()}

    def positions(self, rule: str) -> list[tuple[str, int, int]]:
        """(path, line, column) of every ``rule`` diagnostic in a ``--format json`` outcome."""
        return sorted(
            (str(item["path"]), int(item["line"]), int(item["column"]))
            for item in self.json()
            if item["rule"] == rule
        )

    def one_line_error(self, *fragments: str) -> str:
        """Assert standard error is one ``error: ...`` line containing ``fragments``."""
        errors = self.error_lines()
        assert len(errors) == 1, self.stderr
        assert errors[0].startswith("error: "), errors[0]
        for fragment in fragments:
            assert fragment in errors[0], errors[0]
        return errors[0]


class RunCli(Protocol):
    """Runs ``contentlint ARGS...`` in ``cwd`` (default: the test's project folder)."""

    def __call__(
        self,
        *args: str,
        cwd: Path | None = None,
        stdin: str | bytes | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float = 60,
    ) -> Outcome: ...


class WriteFiles(Protocol):
    """Writes ``{relative path: text or bytes}`` under ``root`` (default: the project folder)."""

    def __call__(self, files: Mapping[str, str | bytes], root: Path | None = None) -> Path: ...


def write_files(root: Path, files: Mapping[str, str | bytes]) -> Path:
    for relative, content in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode("utf-8"))
    return root


def new_project(root: Path) -> Path:
    """Create ``root``, an empty project folder; skip if a config above it would be used."""
    root.mkdir(parents=True)
    for folder in (root, *root.parents):
        for name in PROJECT_FILES:
            candidate = folder / name
            if candidate.is_file() and (
                name != "pyproject.toml" or "[tool.contentlint" in candidate.read_text("utf-8")
            ):
                pytest.skip(f"{candidate} would be picked up as the project's config")
    return root


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """An empty project folder with no contentlint config in it or above it."""
    return new_project(tmp_path / "project")


@pytest.fixture
def write(project: Path) -> WriteFiles:
    def write_to(files: Mapping[str, str | bytes], root: Path | None = None) -> Path:
        return write_files(root or project, files)

    return write_to


def _subprocess_env(extra: Mapping[str, str] | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTHONPATH", "PYTHONSTARTUP", "COLUMNS"}
    }
    env.update({"PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "COLUMNS": "100"})
    env.update(extra or {})
    return env


def process_runner(default_cwd: Path) -> RunCli:
    """A runner of the installed console script in a real subprocess, from ``default_cwd``."""
    command = contentlint_command()

    def run(
        *args: str,
        cwd: Path | None = None,
        stdin: str | bytes | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float = 60,
    ) -> Outcome:
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        started = time.monotonic()
        completed = subprocess.run(
            [*command, *args],
            cwd=cwd or default_cwd,
            input=data if data is not None else b"",
            capture_output=True,
            env=_subprocess_env(env),
            timeout=timeout,
            check=False,
        )
        return Outcome(
            completed.returncode,
            completed.stdout.decode("utf-8", "replace"),
            completed.stderr.decode("utf-8", "replace"),
            time.monotonic() - started,
        )

    return run


@pytest.fixture
def contentlint(project: Path) -> RunCli:
    """Run the installed console script in a real subprocess, from the project folder."""
    return process_runner(project)


class ProjectFactory(Protocol):
    """A fresh project folder with ``files`` in it, and a subprocess runner for it."""

    def __call__(self, files: Mapping[str, str | bytes]) -> tuple[Path, RunCli]: ...


@pytest.fixture(scope="module")
def module_project(tmp_path_factory: pytest.TempPathFactory) -> ProjectFactory:
    """For module-scoped fixtures: one real run whose outcome several tests inspect."""

    def make(files: Mapping[str, str | bytes]) -> tuple[Path, RunCli]:
        root = new_project(tmp_path_factory.mktemp("module") / "project")
        write_files(root, files)
        return root, process_runner(root)

    return make


@pytest.fixture
def invoke(project: Path, monkeypatch: pytest.MonkeyPatch) -> RunCli:
    """Run the click command in this process with CliRunner (faster; allows monkeypatching)."""

    def run(
        *args: str,
        cwd: Path | None = None,
        stdin: str | bytes | None = None,
        env: Mapping[str, str] | None = None,
        timeout: float = 60,
    ) -> Outcome:
        monkeypatch.chdir(cwd or project)
        runner = CliRunner()
        started = time.monotonic()
        result = runner.invoke(
            main, list(args), input=stdin, env=env, catch_exceptions=True, prog_name="contentlint"
        )
        seconds = time.monotonic() - started
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            # An exception that escaped the command is what a user would see as a traceback.
            raise AssertionError(f"contentlint {' '.join(args)} raised") from result.exception
        return Outcome(result.exit_code, result.stdout, result.stderr, seconds)

    return run


@pytest.fixture
def shared_dir() -> Path:
    """The shared folder next to the repository (examples and corpora), or skip."""
    shared = Path(__file__).parents[2].parent / "shared"
    if not shared.is_dir():
        pytest.skip(f"{shared} is not available")
    return shared
