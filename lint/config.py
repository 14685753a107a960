"""Configuration: find, read and validate the project file, merge layers, resolve per file."""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from lint.diagnostics import Severity
from lint.dialects.resolve import DialectRule
from lint.globs import matches_below
from lint.listings import exists_in, is_file_in
from lint.rule import Rule, default_options, enabled_by_default
from lint.suggest import did_you_mean

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

PROJECT_FILES = ("contentlint.toml", ".contentlint.toml", "pyproject.toml")
OFF = "off"


class ConfigError(Exception):
    """A config file that cannot be used; the message names the file, line and key."""


@dataclass(frozen=True)
class RuleSetting:
    """What one layer says of one rule: a severity (or ``off``) and options; None keeps."""

    severity: str | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Scoped:
    """An ``[[overrides]]`` or ``[[schemas]]`` entry: globs relative to ``base``."""

    base: Path
    files: tuple[str, ...]
    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    schema: str | None = None

    def applies_to(self, path: Path) -> bool:
        return matches_below(path, self.base, self.files)


@dataclass(frozen=True)
class Config:
    """The merged configuration of a run (without command-line options)."""

    root: Path
    include: tuple[tuple[Path, str], ...] | None = None
    exclude: tuple[tuple[Path, str], ...] = ()
    fail_on: Severity | None = None
    rules: Mapping[str, RuleSetting] = field(default_factory=dict)
    scoped: tuple[Scoped, ...] = ()
    sources: tuple[Path, ...] = ()
    #: The ``[prose]`` table as written, its file paths made absolute.
    prose: Mapping[str, Any] = field(default_factory=dict)
    #: The ``[links]`` table as written, its ``root`` made absolute.
    links: Mapping[str, Any] = field(default_factory=dict)
    cache_dir: Path | None = None
    #: The ``[limits]`` table as written.
    limits: Mapping[str, Any] = field(default_factory=dict)
    #: ``dialect`` settings, project-wide (no globs) and per ``[[overrides]]`` entry, in order.
    dialects: tuple[DialectRule, ...] = ()
    #: Whether dialects are detected from the project's files (None: not said, so yes).
    detect: bool | None = None
    #: The baseline file (``baseline = "FILE"``), relative paths made absolute.
    baseline: Path | None = None


@dataclass(frozen=True)
class ActiveRule:
    """A rule as it runs on one file: its id, severity and complete options."""

    id: str
    severity: Severity
    options: Mapping[str, Any]


# --- finding and reading ---------------------------------------------------------------------


def find_project_config(start: Path, memo: dict[str, Path | None] | None = None) -> Path | None:
    """The nearest contentlint.toml, .contentlint.toml or pyproject.toml with [tool.contentlint],
    at ``start`` or above it, up to the root of its git repository. With ``memo`` (folder →
    answer), each folder climbed through is remembered, so a walk asks each folder once."""
    memo = {} if memo is None else memo
    climbed: list[str] = []
    found: Path | None = None
    folder = start.absolute()
    while True:  # up one folder at a time: most searches end at the first, in the memo
        key = str(folder)
        if key in memo:
            found = memo[key]
            break
        climbed.append(key)
        found = project_file_in(folder)
        if found is not None or is_repository_root(folder) or folder.parent == folder:
            break  # a config outside the repository never governs it
        folder = folder.parent
    for key in climbed:
        memo[key] = found
    return found


def is_repository_root(folder: Path) -> bool:
    """Whether ``folder`` is the top of a git repository: the search for a config stops there,
    so that a config in a folder above (a home folder's, say) never takes over a repository."""
    return exists_in(str(folder), ".git")


def project_file_in(folder: Path) -> Path | None:
    """The project file in ``folder`` itself, if it has one."""
    for name in PROJECT_FILES:
        candidate = folder / name
        if not is_file_in(str(folder), name):  # False, not an error, if unenterable
            continue
        if name != "pyproject.toml" or has_tool_table(candidate):
            return candidate
    return None


def has_tool_table(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    return "[tool.contentlint" in text


def _read_toml(path: Path) -> tuple[dict[str, Any], str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"config file {path} cannot be read: {error}") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None


_CONFIG_VALIDATOR: Any = None


def _config_validator() -> Any:
    from lint.schema import compile_schema

    global _CONFIG_VALIDATOR
    if _CONFIG_VALIDATOR is None:
        text = resources.files("lint.schemas").joinpath("config.schema.json").read_text("utf-8")
        _CONFIG_VALIDATOR = compile_schema(json.loads(text), "urn:contentlint:config", "config")
    return _CONFIG_VALIDATOR


def _validated_key(path: Path, text: str, rules: Mapping[str, type[Rule]]) -> str:
    """What makes a config file valid or not: its text, the tool's version, every rule's
    options schema."""
    from lint import __version__
    from lint.cache import digest

    schemas = json.dumps(
        [[rule_id, rule.options_schema] for rule_id, rule in sorted(rules.items())],
        default=str,
    )
    return "config:" + digest(__version__, str(path), text, schemas)


def _memo(path: Path, data: Mapping[str, Any]) -> Any:
    """Where a config that validated once is remembered: the cache folder next to it (not
    when the config names its own ``cache-dir``, which is not known before it validates)."""

    from lint.cache import Cache

    folder = os.environ.get("CONTENTLINT_CACHE_DIR")
    if folder:
        return Cache(Path(folder), "config")
    if "cache-dir" in data or "cache-dir" in data.get("tool", {}).get("contentlint", {}):
        return None
    return Cache(path.parent.resolve() / ".contentlint_cache", "config")


def _check_globs(path: Path, config: Config) -> Config:
    """Every glob of ``config`` compiles (else ConfigError naming the file and the glob)."""
    from lint.globs import GlobError, compile_glob

    globs = [glob for _, glob in (*(config.include or ()), *config.exclude)]
    globs += [glob for entry in config.scoped for glob in entry.files]
    globs += [glob for entry in config.dialects for glob in entry.files]
    for glob in globs:
        try:
            compile_glob(glob)
        except GlobError as error:
            raise ConfigError(f"{path}: {error}") from None
    return config


def _check_cache_dir(path: Path, data: Mapping[str, Any]) -> None:
    """A relative ``cache-dir`` stays inside the project; outside it takes an absolute path, so
    that a config cannot aim writes at ``../../somewhere`` by accident or by design."""
    table = data.get("tool", {}).get("contentlint", {}) if path.name == "pyproject.toml" else data
    value = table.get("cache-dir") if isinstance(table, Mapping) else None
    if not isinstance(value, str) or Path(value).is_absolute():
        return
    base = path.parent.resolve()
    target = (base / value).resolve()
    if target != base and base not in target.parents:
        raise ConfigError(
            f'{path}: cache-dir "{value}" leads out of the project; give an absolute path '
            "to keep the cache elsewhere"
        )


def read_config_file(path: Path, rules: Mapping[str, type[Rule]], remember: bool = False) -> Config:
    """Read and validate one config file; raises ConfigError naming the file, line and key.

    With ``remember``, a file that validated before with the same text, tool and rules is
    not validated again (so most runs never import jsonschema)."""
    data, text = _read_toml(path)
    _check_cache_dir(path, data)
    memo = _memo(path, data) if remember else None
    key = _validated_key(path, text, rules) if memo is not None else ""
    if memo is not None and memo.get_many([key]):
        memo.close()
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("contentlint", {})
        return _check_globs(path, _config_from_data(data, path.parent.resolve(), (path,)))
    config = _check_globs(path, _validate_config(path, data, text, rules))
    if memo is not None:
        memo.put_many([(key, "valid")])
        memo.close()
    return config


def _validate_config(
    path: Path, data: dict[str, Any], text: str, rules: Mapping[str, type[Rule]]
) -> Config:
    from lint.front_matter import toml_locations
    from lint.positions import LineIndex
    from lint.schema import validate

    prefix: tuple[str, ...] = ()
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("contentlint", {})
        prefix = ("tool", "contentlint")
    locations = toml_locations(text, LineIndex(text), 1)
    index = LineIndex(text)

    def fail(json_path: Sequence[str | int], message: str) -> ConfigError:
        full = (*prefix, *json_path)
        while full and full not in locations:
            full = full[:-1]
        key = locations[full].key if full else None
        line = index.position(key.start)[0] if key is not None else 1
        return ConfigError(f"{path}:{line}: {message}")

    for problem in validate(_config_validator(), data):
        message = problem.message.replace("the front matter", "the config")
        raise fail(problem.path, message)
    _check_rule_tables(data, rules, fail)
    _check_dialects(data, fail)
    _check_numbers(data, (), fail)
    base = path.parent.resolve()
    return _config_from_data(data, base, (path,))


def _check_numbers(value: Any, json_path: tuple[str | int, ...], fail: Any) -> None:
    """TOML allows ``nan`` and ``inf``, which every comparison of a limit lets through (so
    ``pattern-seconds = nan`` would turn the time limit off): no setting takes one."""
    if isinstance(value, float) and not math.isfinite(value):
        name = ".".join(str(part) for part in json_path)
        raise fail(json_path, f"{name}: {value} is not a number a setting can take")
    if isinstance(value, Mapping):
        for key, item in value.items():
            _check_numbers(item, (*json_path, key), fail)
    elif isinstance(value, list):
        for position, item in enumerate(value):
            _check_numbers(item, (*json_path, position), fail)


def _check_dialects(data: Mapping[str, Any], fail: Any) -> None:
    from lint.dialects.registered import registered_dialects

    names = list(registered_dialects())
    places: list[tuple[tuple[str | int, ...], Any]] = [(("dialect",), data.get("dialect"))]
    places += [
        (("overrides", number, "dialect"), entry.get("dialect"))
        for number, entry in enumerate(data.get("overrides", []))
    ]
    for where, name in places:
        if name is not None and name not in names:
            hint = did_you_mean(name, names) or f" (known: {', '.join(names)})"
            raise fail(where, f'unknown dialect "{name}"{hint}')


def _check_rule_tables(data: Mapping[str, Any], rules: Mapping[str, type[Rule]], fail: Any) -> None:
    from lint.schema import compile_schema, label, validate

    tables: list[tuple[tuple[str | int, ...], Mapping[str, Any]]] = [
        (("rules",), data.get("rules", {}))
    ]
    tables += [
        (("overrides", number, "rules"), entry.get("rules", {}))
        for number, entry in enumerate(data.get("overrides", []))
    ]
    for where, table in tables:
        for rule_id, setting in table.items():
            if rule_id not in rules:
                hint = did_you_mean(rule_id, list(rules))
                raise fail((*where, rule_id), f'unknown rule "{rule_id}"{hint}')
            if not isinstance(setting, Mapping):
                continue
            options = {key: value for key, value in setting.items() if key != "severity"}
            validator = compile_schema(
                dict(rules[rule_id].options_schema), f"urn:rule:{rule_id}", rule_id
            )
            for problem in validate(validator, options):
                message = problem.message.replace("the front matter", f'the options of "{rule_id}"')
                message = message.replace(
                    label(problem.path), f"{label((*where, rule_id, *problem.path))}", 1
                )
                raise fail((*where, rule_id, *problem.path), message)


def _rule_settings(table: Mapping[str, Any]) -> dict[str, RuleSetting]:
    settings = {}
    for rule_id, setting in table.items():
        if isinstance(setting, str):
            settings[rule_id] = RuleSetting(severity=setting)
        else:
            options = {key: value for key, value in setting.items() if key != "severity"}
            settings[rule_id] = RuleSetting(severity=setting.get("severity"), options=options)
    return settings


def _globs(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _schema_location(value: str, base: Path) -> str:
    if value.startswith("builtin:"):
        return value
    return str((base / value).resolve())


def _config_from_data(data: Mapping[str, Any], base: Path, sources: tuple[Path, ...]) -> Config:
    scoped = [
        Scoped(base, _globs(entry["files"]), schema=_schema_location(entry["schema"], base))
        for entry in data.get("schemas", [])
    ] + [
        Scoped(base, _globs(entry["files"]), rules=_rule_settings(entry.get("rules", {})))
        for entry in data.get("overrides", [])
        if "rules" in entry
    ]
    dialects = [DialectRule(base, (), data["dialect"])] if "dialect" in data else []
    dialects += [
        DialectRule(base, _globs(entry["files"]), entry["dialect"])
        for entry in data.get("overrides", [])
        if "dialect" in entry
    ]
    fail_on = data.get("fail-on")
    prose = dict(data.get("prose", {}))
    if "vocabulary" in prose:
        prose["vocabulary"] = str((base / prose["vocabulary"]).resolve())
    links = dict(data.get("links", {}))
    if "root" in links:
        links["root"] = str((base / links["root"]).resolve())
    cache_dir = (base / data["cache-dir"]).resolve() if "cache-dir" in data else None
    return Config(
        root=base,
        include=tuple((base, glob) for glob in data["include"]) if "include" in data else None,
        exclude=tuple((base, glob) for glob in data.get("exclude", ())),
        fail_on=Severity(fail_on) if fail_on else None,
        rules=_rule_settings(data.get("rules", {})),
        scoped=tuple(scoped),
        sources=sources,
        prose=prose,
        links=links,
        cache_dir=cache_dir,
        limits=dict(data.get("limits", {})),
        dialects=tuple(dialects),
        detect=data.get("detect"),
        baseline=(base / data["baseline"]).resolve() if "baseline" in data else None,
    )


def merge(lower: Config, upper: Config) -> Config:
    """``upper`` wins key by key; rule settings merge per rule; scoped entries add up."""
    rules = dict(lower.rules)
    for rule_id, setting in upper.rules.items():
        previous = rules.get(rule_id, RuleSetting())
        rules[rule_id] = RuleSetting(
            severity=setting.severity or previous.severity,
            options={**previous.options, **setting.options},
        )
    return Config(
        root=lower.root,
        include=upper.include if upper.include is not None else lower.include,
        exclude=lower.exclude + upper.exclude,
        fail_on=upper.fail_on or lower.fail_on,
        rules=rules,
        scoped=lower.scoped + upper.scoped,
        sources=lower.sources + upper.sources,
        prose=_merge_tables(lower.prose, upper.prose),
        links={**lower.links, **upper.links},
        cache_dir=upper.cache_dir or lower.cache_dir,
        limits={**lower.limits, **upper.limits},
        dialects=lower.dialects + upper.dialects,
        detect=upper.detect if upper.detect is not None else lower.detect,
        baseline=upper.baseline or lower.baseline,
    )


def _merge_tables(lower: Mapping[str, Any], upper: Mapping[str, Any]) -> dict[str, Any]:
    """``upper`` wins key by key; nested tables merge the same way."""
    merged = dict(lower)
    for key, value in upper.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = _merge_tables(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_config(
    cwd: Path, explicit: Path | None, rules: Mapping[str, type[Rule]], remember: bool = False
) -> Config:
    """Defaults, then the project file found from ``cwd`` upward, then ``--config FILE``."""
    from lint.projects import Projects

    return Projects(rules, cwd, explicit, remember).for_folder(cwd.resolve())


# --- resolving per file ----------------------------------------------------------------------


def _apply(
    active: dict[str, tuple[bool, Severity, dict[str, Any]]], settings: Mapping[str, RuleSetting]
) -> None:
    for rule_id, setting in settings.items():
        if rule_id not in active:
            continue
        enabled, severity, options = active[rule_id]
        if setting.severity == OFF:
            enabled = False
        elif setting.severity is not None:
            enabled, severity = True, Severity(setting.severity)
        active[rule_id] = (enabled, severity, {**options, **setting.options})


def resolve_rules(
    config: Config,
    rules: Mapping[str, type[Rule]],
    path: Path,
    schema_override: str | None = None,
) -> dict[str, tuple[bool, Severity, dict[str, Any]]]:
    """rule id → (enabled, severity, options) for ``path``: defaults, [rules], scoped entries."""
    active = {
        rule_id: (enabled_by_default(rule), rule.severity, default_options(rule))
        for rule_id, rule in rules.items()
    }
    _apply(active, config.rules)
    for entry in config.scoped:
        if not entry.applies_to(path):
            continue
        if entry.schema is not None:
            _apply(active, {"frontmatter-schema": RuleSetting(options={"schema": entry.schema})})
        _apply(active, entry.rules)
    if schema_override is not None:
        _apply(active, {"frontmatter-schema": RuleSetting(options={"schema": schema_override})})
    return active


def schema_locations(config: Config) -> list[str]:
    """Every schema the config names, to load (and so check) before any file is read."""
    return [entry.schema for entry in config.scoped if entry.schema is not None]
