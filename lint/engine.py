"""The engine: read a file, build its document, run the active rules, suppress and sort."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lint.config import ActiveRule, Config, resolve_rules
from lint.diagnostics import Diagnostic, Edit, Finding, Fix, Severity
from lint.dialects import Dialect
from lint.dialects.resolve import DialectResolver
from lint.document import DecodeError, Document, decode
from lint.prose_engines import EngineUnavailable
from lint.prose_settings import ProseSettings
from lint.rule import Rule
from lint.selection import Selection
from lint.suppression import Suppressions, find_suppressions

FILE_ERROR = "file-error"
PROSE_GROUP = "prose"
INTERNAL_ERROR = "internal-error"
#: Files larger than this are reported as ``file-error`` instead of being read.
MAX_FILE_BYTES = 10 * 1024 * 1024


@dataclass
class FileReport:
    """The outcome for one file: its diagnostics, and whether a rule crashed on it."""

    path: str
    diagnostics: list[Diagnostic]
    text: str | None = None
    crashed: bool = False
    #: Prose segments the engine checked for this file, and those that came from its cache.
    prose_checked: int = 0
    prose_cached: int = 0


@dataclass
class Plan:
    """Everything a run decides once and applies to every file."""

    rules: Mapping[str, type[Rule]]
    config: Config
    selection: Selection = field(default_factory=Selection)
    schema_override: str | None = None
    #: The ``[prose]`` settings every prose rule receives as its ``prose`` option.
    prose: ProseSettings | None = None
    #: Whether reports carry the file's text (for reporters that show source lines).
    keep_text: bool = True
    max_file_bytes: int = MAX_FILE_BYTES
    #: The results-cache fingerprint of each list of active rules (keyed by its id).
    fingerprints: dict[int, str] = field(default_factory=dict, repr=False)
    #: A stamp of each schema's files, by schema location (for the results cache).
    schema_stamps: dict[str, str] = field(default_factory=dict, repr=False)
    _instances: dict[str, Rule] = field(default_factory=dict, repr=False)
    _cache: dict[tuple[Any, ...], list[ActiveRule]] = field(default_factory=dict, repr=False)
    _dialects: DialectResolver | None = field(default=None, repr=False)

    @property
    def dialects(self) -> DialectResolver:
        """Which dialect each file gets: the config's choices, detection, the extension."""
        if self._dialects is None:
            from lint.dialects.registered import registered_dialects

            self._dialects = DialectResolver(
                registered_dialects(), self.config.dialects, self.config.detect is not False
            )
        return self._dialects

    def use_dialects(self, dialects: Mapping[str, type[Dialect]]) -> None:
        """Choose among ``dialects`` (as loaded, failures reported) with the config's rules."""
        self._dialects = DialectResolver(
            dialects, self.config.dialects, self.config.detect is not False
        )

    def dialect_for(self, path: Path) -> type[Dialect]:
        return self.dialects.choose(path).dialect

    def active_rules(self, path: Path) -> list[ActiveRule]:
        """The rules that run on ``path``, with their severities and options."""
        key = tuple(entry.applies_to(path) for entry in self.config.scoped)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        resolved = resolve_rules(self.config, self.rules, path, self.schema_override)
        active = [
            ActiveRule(rule_id, severity, self._with_prose(rule_id, options))
            for rule_id, (enabled, severity, options) in resolved.items()
            if self.selection.decide(rule_id, self.rules[rule_id].groups, enabled)
        ]
        self._cache[key] = active
        return active

    def _with_prose(self, rule_id: str, options: dict[str, Any]) -> dict[str, Any]:
        if PROSE_GROUP in self.rules[rule_id].groups:
            return {**options, "prose": self.prose or ProseSettings()}
        return options

    def uses_prose(self, path: Path) -> bool:
        """Whether a prose rule runs on ``path``."""
        return any(PROSE_GROUP in self.rules[rule.id].groups for rule in self.active_rules(path))

    def instance(self, rule_id: str) -> Rule:
        rule = self._instances.get(rule_id)
        if rule is None:
            rule = self._instances[rule_id] = self.rules[rule_id]()
        return rule


def _file_error(
    display: str, message: str, plan: Plan, path: Path, line: int = 1, column: int = 1
) -> FileReport:
    active = {rule.id: rule for rule in plan.active_rules(path)}
    if FILE_ERROR not in active:
        return FileReport(display, [])
    severity = active[FILE_ERROR].severity
    diagnostic = Diagnostic(display, line, column, line, column, FILE_ERROR, severity, message)
    return FileReport(display, [diagnostic])


def check_path(display: str, path: Path, plan: Plan) -> FileReport:
    """Read ``path`` and check it; unreadable files become a ``file-error`` diagnostic."""
    try:
        size = path.stat().st_size
        if size > plan.max_file_bytes:
            limit = plan.max_file_bytes // (1024 * 1024)
            return _file_error(
                display, f"the file is larger than {limit} MB; it was not read", plan, path
            )
        data = path.read_bytes()
    except FileNotFoundError:
        return _file_error(display, "the file does not exist", plan, path)
    except IsADirectoryError:
        return _file_error(display, "this is a folder, not a file", plan, path)
    except OSError as error:
        return _file_error(
            display, f"the file cannot be read: {error.strerror or error}", plan, path
        )
    return check_bytes(display, path, data, plan)


def check_bytes(display: str, path: Path, data: bytes, plan: Plan) -> FileReport:
    """Check the bytes of a file (from disk or standard input) as if they were ``path``."""
    try:
        text = decode(data)
    except DecodeError as error:
        return _file_error(display, error.message, plan, path, error.line, error.column)
    return check_text(display, path, text, plan)


def check_text(display: str, path: Path, text: str, plan: Plan) -> FileReport:
    """Run every active rule on the document of ``text``."""
    doc = Document.from_text(display, text, plan.dialect_for(path))
    report = FileReport(display, [], doc.text if plan.keep_text else None)
    prose_statistics = sys.modules.get("lint.prose_check")
    before = _prose_counts(prose_statistics)
    suppressions: Suppressions | None = None
    looked_for_suppressions = False
    for active in plan.active_rules(path):
        rule_class = plan.rules[active.id]
        try:
            findings = list(plan.instance(active.id).check(doc, active.options))
            if findings and not looked_for_suppressions:
                looked_for_suppressions = True
                found = find_suppressions(doc)
                suppressions = None if found.empty else found
        except EngineUnavailable:
            raise  # the prose engine cannot run at all: one message for the run, not per file
        except Exception as error:  # noqa: BLE001 - a crashing rule must not stop the run
            report.crashed = True
            message = f'rule "{active.id}" crashed on this file: {type(error).__name__}: {error}'
            report.diagnostics.append(
                Diagnostic(display, 1, 1, 1, 1, INTERNAL_ERROR, Severity.ERROR, message)
            )
            continue
        for finding in findings:
            diagnostic = _diagnostic(doc, active, finding)
            if suppressions is not None and suppressions.suppresses(
                active.id, rule_class.groups, diagnostic.line
            ):
                continue
            report.diagnostics.append(diagnostic)
    report.diagnostics.sort()
    after = _prose_counts(sys.modules.get("lint.prose_check"))
    report.prose_checked = after[0] - before[0]
    report.prose_cached = after[1] - before[1]
    if not report.diagnostics:
        report.text = None  # nothing to show, nothing to send back from a worker
    return report


def _prose_counts(module: Any) -> tuple[int, int]:
    """(checked, from cache) so far in this process, if prose checking was imported at all."""
    if module is None:
        return 0, 0
    return module.STATISTICS.checked, module.STATISTICS.from_cache


def _diagnostic(doc: Document, active: ActiveRule, finding: Finding) -> Diagnostic:
    line, column = doc.lines.position(finding.start)
    end_line, end_column = doc.lines.position(max(finding.end, finding.start))
    return Diagnostic(
        path=doc.path,
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=active.id,
        severity=finding.severity or active.severity,
        message=finding.message,
        source=finding.source,
        code=finding.code,
        suggestions=finding.suggestions,
        fix=_edits(doc, finding.fix) if finding.fix is not None else (),
    )


def _edits(doc: Document, fix: Fix) -> tuple[Edit, ...]:
    edits = []
    for replacement in fix.edits:
        line, column = doc.lines.position(replacement.start)
        end_line, end_column = doc.lines.position(replacement.end)
        edits.append(Edit(line, column, end_line, end_column, replacement.text, fix.safe))
    return tuple(edits)
