"""The engine: read a file, build its document, run the active rules, suppress and sort."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lint.config import ActiveRule, Config, resolve_rules
from lint.diagnostics import Diagnostic, Edit, Finding, Fix, Replacement, Severity
from lint.dialects import Dialect
from lint.dialects.resolve import Choice, DialectResolver
from lint.document import DecodeError, Document, decode
from lint.projects import Projects
from lint.prose.engines import EngineUnavailable
from lint.prose.settings import ProseSettings
from lint.reading import ReadRefused, read_document
from lint.rule import Rule
from lint.selection import Selection
from lint.site.facts import PageFacts
from lint.site.stage import is_site_rule
from lint.suppression import UNKNOWN_RULE, Suppressions, find_suppressions, unknown_names

FILE_ERROR = "file-error"
PROSE_GROUP = "prose"
INTERNAL_ERROR = "internal-error"
SCHEMA_RULE = "frontmatter-schema"
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
    #: What the site stage needs of the page, when a site rule runs on it.
    facts: PageFacts | None = None


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
    #: Where each file's config is found (None: ``config`` applies to every file).
    projects: Projects | None = None
    _instances: dict[str, Rule] = field(default_factory=dict, repr=False)
    _cache: dict[tuple[Any, ...], list[ActiveRule]] = field(default_factory=dict, repr=False)
    _site_rules: dict[int, list[ActiveRule]] = field(default_factory=dict, repr=False)
    _detected: dict[tuple[Path, tuple[Path, ...]], str | None] = field(
        default_factory=dict, repr=False
    )
    #: The keys of the active-rule lists whose schema detection chose.
    _detection_applied: set[tuple[Any, ...]] = field(default_factory=set, repr=False)
    _registered_dialects: Mapping[str, type[Dialect]] | None = field(default=None, repr=False)
    _resolvers: dict[tuple[Path, ...], DialectResolver] = field(default_factory=dict, repr=False)
    _project_prose: dict[tuple[Path, ...], ProseSettings | None] = field(
        default_factory=dict, repr=False
    )

    def config_for(self, path: Path) -> Config:
        """The configuration that governs ``path``."""
        return self.config if self.projects is None else self.projects.for_file(path)

    def add_project(self, config: Config, prose: ProseSettings | None) -> None:
        """The ``[prose]`` settings of a project's config (for the run's own config, also
        ``prose``)."""
        self._project_prose[config.sources] = prose
        if config.sources == self.config.sources:
            self.prose = prose

    def prose_for(self, path: Path) -> ProseSettings | None:
        return self._project_prose.get(self.config_for(path).sources, self.prose)

    @property
    def dialects(self) -> DialectResolver:
        """Which dialect each file of the run's own config gets."""
        return self._resolver(self.config)

    def _resolver(self, config: Config) -> DialectResolver:
        resolver = self._resolvers.get(config.sources)
        if resolver is None:
            if self._registered_dialects is None:
                from lint.dialects.registered import registered_dialects

                self._registered_dialects = registered_dialects()
            resolver = DialectResolver(
                self._registered_dialects, config.dialects, config.detect is not False
            )
            self._resolvers[config.sources] = resolver
        return resolver

    def use_dialects(self, dialects: Mapping[str, type[Dialect]]) -> None:
        """Choose among ``dialects`` (as loaded, failures reported) with each config's rules."""
        self._registered_dialects = dialects
        self._resolvers.clear()

    def dialect_choice(self, path: Path) -> Choice:
        """The dialect of ``path`` and why: its config's choices, detection, the extension."""
        return self._resolver(self.config_for(path)).choose(path)

    def dialect_for(self, path: Path) -> type[Dialect]:
        return self.dialect_choice(path).dialect

    def active_rules(self, path: Path, config: Config | None = None) -> list[ActiveRule]:
        """The rules that run on ``path`` (under ``config``, else its own), with their
        severities and options."""
        config = config or self.config_for(path)
        key = self._rules_key(path, config)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        resolved = resolve_rules(config, self.rules, path, self.schema_override)
        detected = key[1]
        if detected is not None and _use_detected_schema(resolved, detected):
            self._detection_applied.add(key)
        prose = self._project_prose.get(config.sources, self.prose)
        active = [
            ActiveRule(rule_id, severity, self._with_prose(rule_id, options, prose))
            for rule_id, (enabled, severity, options) in resolved.items()
            if self.selection.decide(rule_id, self.rules[rule_id].groups, enabled)
        ]
        self._cache[key] = active
        return active

    def schema_choice(self, path: Path) -> tuple[str, bool] | None:
        """The front matter schema of ``path`` and whether detection chose it (for ``-v``)."""
        config = self.config_for(path)
        for rule in self.active_rules(path, config):
            if rule.id == SCHEMA_RULE and rule.options.get("schema"):
                return str(rule.options["schema"]), self._rules_key(path, config) in (
                    self._detection_applied
                )
        return None

    def _rules_key(self, path: Path, config: Config) -> tuple[Any, ...]:
        """What decides the active rules of ``path``: its config, its detected schema and
        which scoped entries of the config match it."""
        detected = self._detected_schema(path, config)
        return (config.sources, detected, *(entry.applies_to(path) for entry in config.scoped))

    def _detected_schema(self, path: Path, config: Config) -> str | None:
        """The schema detection gives ``path`` (its generator's), unless detection is off."""
        if config.detect is False or SCHEMA_RULE not in self.rules:
            return None
        key = (path, config.sources)
        if key not in self._detected:
            from lint.detected_schema import detected_schema

            choice = self._resolver(config).choose(path)
            self._detected[key] = detected_schema(path, choice, config.root)
        return self._detected[key]

    def _with_prose(
        self, rule_id: str, options: dict[str, Any], prose: ProseSettings | None
    ) -> dict[str, Any]:
        if PROSE_GROUP in self.rules[rule_id].groups:
            return {**options, "prose": prose or ProseSettings()}
        return options

    def uses_prose(self, path: Path, config: Config | None = None) -> bool:
        """Whether a prose rule runs on ``path`` (under ``config``, else its own)."""
        return any(
            PROSE_GROUP in self.rules[rule.id].groups for rule in self.active_rules(path, config)
        )

    def site_rules(self, path: Path, config: Config | None = None) -> list[ActiveRule]:
        """The active rules of ``path`` that look across the site (see lint.site.stage)."""
        active = self.active_rules(path, config)
        found = self._site_rules.get(id(active))
        if found is None:
            found = [rule for rule in active if is_site_rule(self.rules[rule.id])]
            self._site_rules[id(active)] = found
        return found

    def instance(self, rule_id: str) -> Rule:
        rule = self._instances.get(rule_id)
        if rule is None:
            rule = self._instances[rule_id] = self.rules[rule_id]()
        return rule


def _use_detected_schema(
    resolved: dict[str, tuple[bool, Severity, dict[str, Any]]], schema: str
) -> bool:
    """The detected schema applies where no config entry or ``--schema`` chose one (then
    True); a page without front matter is not a finding under it (generators do not
    require one)."""
    enabled, severity, options = resolved[SCHEMA_RULE]
    if options.get("schema"):
        return False
    options = {**options, "schema": schema, "require-front-matter": False}
    resolved[SCHEMA_RULE] = (enabled, severity, options)
    return True


def file_error(
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
        data = read_document(path, plan.max_file_bytes)
    except ReadRefused as refused:
        return file_error(display, str(refused), plan, path)
    except FileNotFoundError:
        return file_error(display, "the file does not exist", plan, path)
    except IsADirectoryError:
        return file_error(display, "this is a folder, not a file", plan, path)
    except OSError as error:
        return file_error(
            display, f"the file cannot be read: {error.strerror or error}", plan, path
        )
    return check_bytes(display, path, data, plan)


def check_bytes(display: str, path: Path, data: bytes, plan: Plan) -> FileReport:
    """Check the bytes of a file (from disk or standard input) as if they were ``path``."""
    try:
        text = decode(data)
    except DecodeError as error:
        return file_error(display, error.message, plan, path, error.line, error.column)
    return check_text(display, path, text, plan)


def check_text(display: str, path: Path, text: str, plan: Plan) -> FileReport:
    """Run every active rule on the document of ``text``."""
    try:
        doc = Document.from_text(display, text, plan.dialect_for(path))
    except Exception as error:  # noqa: BLE001 - one hostile file must not stop the run
        message = f"this file could not be read into a document: {type(error).__name__}: {error}"
        diagnostic = Diagnostic(display, 1, 1, 1, 1, INTERNAL_ERROR, Severity.ERROR, message)
        return FileReport(display, [diagnostic], crashed=True)
    report = FileReport(display, [], doc.text if plan.keep_text else None)
    prose_statistics = sys.modules.get("lint.prose.checking")
    before = _prose_counts(prose_statistics)
    comments = _Comments(doc)
    active_rules = plan.active_rules(path)
    # ``unknown-rule`` is the engine's: it reports names in the comments that no rule or group
    # of the run has, so the comments are read whenever it is on.
    unknown_rule = next((rule for rule in active_rules if rule.id == UNKNOWN_RULE), None)
    if unknown_rule is not None and comments.suppressions() is not None:
        report.diagnostics.extend(
            _unknown_names(doc, plan, unknown_rule, comments.suppressions_found())
        )
    for active in active_rules:
        rule_class = plan.rules[active.id]
        try:
            findings = [
                _diagnostic(doc, active, finding)
                for finding in plan.instance(active.id).check(doc, active.options)
            ]
            suppressions = comments.suppressions() if findings else None
        except EngineUnavailable:
            raise  # the prose engine cannot run at all: one message for the run, not per file
        except (Exception, SystemExit) as error:  # noqa: BLE001 - a crashing rule (even one
            # that calls sys.exit) must not stop the run
            report.crashed = True
            message = f'rule "{active.id}" crashed on this file: {type(error).__name__}: {error}'
            report.diagnostics.append(
                Diagnostic(display, 1, 1, 1, 1, INTERNAL_ERROR, Severity.ERROR, message)
            )
            continue
        report.diagnostics.extend(
            diagnostic
            for diagnostic in findings
            if suppressions is None
            or not suppressions.suppresses(active.id, rule_class.groups, diagnostic.line)
        )
    site_rules = plan.site_rules(path)
    if site_rules:
        report.facts = _facts(doc, plan, site_rules, comments.suppressions(), report)
    report.diagnostics.sort()
    after = _prose_counts(sys.modules.get("lint.prose.checking"))
    report.prose_checked = after[0] - before[0]
    report.prose_cached = after[1] - before[1]
    if not report.diagnostics:
        report.text = None  # nothing to show, nothing to send back from a worker
    return report


class _Comments:
    """A document's suppression comments, read when first needed (most files have none and
    most rules find nothing)."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._found: Suppressions | None = None

    def suppressions_found(self) -> Suppressions:
        if self._found is None:
            self._found = find_suppressions(self._doc)
        return self._found

    def suppressions(self) -> Suppressions | None:
        """The comments, or None when the document has none."""
        found = self.suppressions_found()
        return None if found.empty else found


def _facts(
    doc: Document,
    plan: Plan,
    site_rules: list[ActiveRule],
    suppressions: Suppressions | None,
    report: FileReport,
) -> PageFacts | None:
    """The page's facts for the site stage, with the site rules its comments turn off
    where its links are; a page they cannot be read from is an internal error."""
    from lint.site.facts import page_facts

    try:
        facts = page_facts(doc)
    except Exception as error:  # noqa: BLE001 - one hostile file must not stop the run
        report.crashed = True
        message = f"the links of this file could not be read: {type(error).__name__}: {error}"
        report.diagnostics.append(
            Diagnostic(doc.path, 1, 1, 1, 1, INTERNAL_ERROR, Severity.ERROR, message)
        )
        return None
    if suppressions is None:
        return facts
    lines = {link.place[0] for link in facts.links} | {ref.place[0] for ref in facts.crossrefs}
    muted = []
    for line in sorted(lines):
        off = tuple(
            rule.id
            for rule in site_rules
            if suppressions.suppresses(rule.id, plan.rules[rule.id].groups, line)
        )
        if off:
            muted.append((line, off))
    return replace(facts, muted=tuple(muted))


def _unknown_names(
    doc: Document, plan: Plan, active: ActiveRule, suppressions: Suppressions
) -> list[Diagnostic]:
    """``unknown-rule`` diagnostics: the names in suppression comments that are neither a
    rule id nor a group of the run's rules (a comment may suppress them too)."""
    known = set(plan.rules)
    groups = plan.rules[active.id].groups
    for rule in plan.rules.values():
        known.update(rule.groups)
    return [
        _diagnostic(doc, active, finding)
        for finding in unknown_names(suppressions, known)
        if not suppressions.suppresses(active.id, groups, doc.lines.position(finding.start)[0])
    ]


def _prose_counts(module: Any) -> tuple[int, int]:
    """(checked, from cache) so far in this process, if prose checking was imported at all."""
    if module is None:
        return 0, 0
    return module.STATISTICS.checked, module.STATISTICS.from_cache


def _diagnostic(doc: Document, active: ActiveRule, finding: Finding) -> Diagnostic:
    _check_shape(finding)
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
        suggestions=tuple(finding.suggestions),
        fix=_edits(doc, finding.fix) if finding.fix is not None else (),
    )


def _check_shape(finding: Finding) -> None:
    """Raise TypeError for a finding (a plugin's, say) whose fields would break a reporter."""
    if not isinstance(finding, Finding):
        raise TypeError(f"a rule must yield Finding objects, not {type(finding).__name__}")
    for name in ("start", "end"):
        value = getattr(finding, name)
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"a finding's {name} must be an offset (int), not {value!r}")
    if not isinstance(finding.message, str) or not isinstance(finding.source, str):
        raise TypeError("a finding's message and source must be strings")
    if finding.severity is not None and not isinstance(finding.severity, Severity):
        raise TypeError(f"a finding's severity must be a Severity, not {finding.severity!r}")
    if finding.code is not None and not isinstance(finding.code, str):
        raise TypeError(f"a finding's code must be a string, not {finding.code!r}")
    if not isinstance(finding.suggestions, (tuple, list)) or not all(
        isinstance(item, str) for item in finding.suggestions
    ):
        raise TypeError("a finding's suggestions must be a tuple of strings")
    if finding.fix is not None and not (
        isinstance(finding.fix, Fix)
        and all(
            isinstance(edit, Replacement)
            and isinstance(edit.start, int)
            and isinstance(edit.end, int)
            and isinstance(edit.text, str)
            for edit in finding.fix.edits
        )
    ):
        raise TypeError("a finding's fix must be a Fix of Replacements")


def _edits(doc: Document, fix: Fix) -> tuple[Edit, ...]:
    edits = []
    for replacement in fix.edits:
        line, column = doc.lines.position(replacement.start)
        end_line, end_column = doc.lines.position(replacement.end)
        edits.append(Edit(line, column, end_line, end_column, replacement.text, fix.safe))
    return tuple(edits)
