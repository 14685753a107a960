"""Reporters: one small base class; each output format is one module, found by entry point."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, TextIO

from lint.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from lint.rule import Rule


@dataclass
class Summary:
    """Counts over the whole run, for the closing lines of a report."""

    files_checked: int = 0
    files_with_problems: int = 0
    by_severity: Counter[Severity] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    groups_of: Mapping[str, Sequence[str]] = field(default_factory=dict)
    #: Diagnostics that ``--fix`` would repair, and those only ``--unsafe-fixes`` would.
    fixable: int = 0
    fixable_unsafe: int = 0
    #: Problems that ``--fix`` repaired in this run (in files it wrote).
    fixed: int = 0
    #: Findings left out because the baseline records them.
    in_baseline: int = 0

    def add(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.files_checked += 1
        if diagnostics:
            self.files_with_problems += 1
        for diagnostic in diagnostics:
            self.by_severity[diagnostic.severity] += 1
            self.by_rule[diagnostic.rule] += 1
            if diagnostic.fix:
                if all(edit.safe for edit in diagnostic.fix):
                    self.fixable += 1
                else:
                    self.fixable_unsafe += 1

    @property
    def total(self) -> int:
        return sum(self.by_severity.values())


@dataclass
class ReporterOptions:
    """What the command line tells every reporter."""

    quiet: bool = False
    color: bool = False
    statistics: bool = False
    #: Every rule of the run by id, for formats that describe the rules (SARIF).
    rules: Mapping[str, type[Rule]] = field(default_factory=dict)
    #: The run's root folder: SARIF's ``%SRCROOT%``, which relative paths are written against.
    #: None means the working folder (display paths are relative to it).
    root: Path | None = None
    #: The run's ``--fail-on`` threshold: findings at or above it fail a JUnit test case;
    #: the ones below it are reported as that case's output.
    fail_on: Severity = Severity.WARNING


class Reporter:
    """Receives the run as it happens: ``start``, one ``file`` call per file, ``finish``."""

    #: One line for ``--help``.
    description: ClassVar[str] = ""
    #: Whether ``file`` wants the file's text (to show source lines); else it gets None.
    needs_text: ClassVar[bool] = False

    def __init__(self, stream: TextIO, options: ReporterOptions) -> None:
        self.stream = stream
        self.options = options

    def start(self) -> None:
        """Called once, before any file."""

    def file(self, path: str, diagnostics: Sequence[Diagnostic], text: str | None) -> None:
        """Called once per checked file, in a stable order, with its sorted diagnostics."""

    def finish(self, summary: Summary) -> None:
        """Called once, after the last file."""
