"""What a check run does with each file's report besides showing it: its fixes written (and
the file checked again) or shown as a diff, the baseline's findings left out, the current
findings recorded as the new baseline."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from lint.baseline import Baseline, Recorder
from lint.document import DecodeError, decode
from lint.engine import FileReport, Plan, check_bytes
from lint.fixing import FixError, apply_fixes, fixable, unified_diff, write_fixed


@dataclass
class Actions:
    """The run's fix mode (``fix``, ``diff`` or none) and baseline, applied report by report."""

    plan: Plan
    mode: str | None = None
    unsafe: bool = False
    baseline: Baseline | None = None
    recorder: Recorder | None = None
    #: Paths in the baseline are relative to its folder, whoever runs the check from where.
    baseline_folder: Path | None = None
    #: The real path of each displayed path (standard input has none).
    sources: dict[str, Path] = field(default_factory=dict)
    fixed: int = 0
    in_baseline: int = 0
    diffs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    #: The baseline file (read, or to be written with ``--update-baseline``).
    location: Path | None = None

    def process(self, report: FileReport) -> FileReport:
        if self.mode is not None and any(
            fixable(diagnostic, self.unsafe) for diagnostic in report.diagnostics
        ):
            report = self._fix(report)
        if self.baseline is not None or self.recorder is not None:
            key = self._key(report.path)
            text = report.text if report.text is not None else self._read_text(report.path)
            if self.recorder is not None:
                self.recorder.add(key, text, report.diagnostics)
            if self.baseline is not None:
                kept = self.baseline.new_findings(key, text, report.diagnostics)
                self.in_baseline += len(report.diagnostics) - len(kept)
                report = replace(report, diagnostics=kept)
        return report

    def _key(self, display: str) -> str:
        source = self.sources.get(display)
        if source is None or self.baseline_folder is None:
            return Path(display).as_posix()
        return Path(os.path.relpath(source, self.baseline_folder)).as_posix()

    def _read_text(self, display: str) -> str | None:
        source = self.sources.get(display)
        if source is None:
            return None
        try:
            return decode(source.read_bytes())
        except (OSError, DecodeError):
            return None

    def _fix(self, report: FileReport) -> FileReport:
        source = self.sources.get(report.path)
        if source is None:
            if self.mode == "fix":
                self.errors.append(
                    f"{report.path}: standard input cannot be fixed in place; use --diff"
                )
            elif report.text is not None:
                fixed = apply_fixes(report.text, report.diagnostics, self.unsafe)
                self.diffs.append(unified_diff(report.path, report.text, fixed.text))
            return report
        try:
            original = source.read_bytes()
            before = decode(original)
        except (OSError, DecodeError) as error:
            self.errors.append(f"{report.path}: not fixed: it cannot be read as text ({error})")
            return report
        fixed = apply_fixes(before, report.diagnostics, self.unsafe)
        if fixed.text == before:
            return report
        if self.mode == "diff":
            self.diffs.append(unified_diff(report.path, before, fixed.text))
            return report
        try:
            write_fixed(source, original, fixed.text)
        except FixError as error:
            self.errors.append(f"{report.path}: not fixed: {error}")
            return report
        self.fixed += fixed.applied
        return check_bytes(report.path, source, source.read_bytes(), self.plan)
