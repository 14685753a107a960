"""Rule, dialect and reporter plugins, loaded from entry points; built-ins register the same way."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib.metadata import EntryPoint, entry_points
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lint.rule import Rule

RULES_GROUP = "contentlint.rules"
REPORTERS_GROUP = "contentlint.reporters"
DIALECTS_GROUP = "contentlint.dialects"

_REQUIRED_ATTRIBUTES = ("id", "summary", "groups", "severity", "options_schema", "check")


class RegistryError(Exception):
    """Two plugins claim the same name: the run cannot tell which one the user means."""


@dataclass
class Loaded:
    """What a group's entry points gave: name → object, and one message per plugin that failed."""

    items: dict[str, Any] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)


def _origin(entry: EntryPoint) -> str:
    distribution = getattr(entry, "dist", None)
    return f"{entry.value} ({distribution.name})" if distribution is not None else entry.value


def _load_group(group: str) -> tuple[list[tuple[EntryPoint, Any]], list[str]]:
    loaded: list[tuple[EntryPoint, Any]] = []
    failures: list[str] = []
    seen: set[tuple[str, str]] = set()
    for entry in entry_points(group=group):
        if (entry.name, entry.value) in seen:  # the same distribution found twice on sys.path
            continue
        seen.add((entry.name, entry.value))
        try:
            loaded.append((entry, entry.load()))
        except (Exception, SystemExit) as error:  # noqa: BLE001 - any failure of a plugin
            # to import (sys.exit at import included) is reported
            failures.append(
                f"plugin '{entry.name}' from {_origin(entry)} failed to load and was skipped: "
                f"{type(error).__name__}: {error}"
            )
    return loaded, failures


def load_rules() -> Loaded:
    """Every rule class registered under ``contentlint.rules``, by rule id."""
    loaded, failures = _load_group(RULES_GROUP)
    result = Loaded(failures=failures)
    origins: dict[str, EntryPoint] = {}  # its distribution is read only for a message
    for entry, rule in loaded:
        missing = [name for name in _REQUIRED_ATTRIBUTES if not hasattr(rule, name)]
        if missing:
            result.failures.append(
                f"plugin '{entry.name}' from {_origin(entry)} is not a rule (it lacks "
                f"{', '.join(missing)}) and was skipped"
            )
            continue
        rule_id = rule.id
        if rule_id in result.items and result.items[rule_id] is not rule:
            raise RegistryError(
                f"two plugins register the rule id '{rule_id}': {_origin(origins[rule_id])} "
                f"and {_origin(entry)}; uninstall one of them"
            )
        result.items[rule_id] = rule
        origins[rule_id] = entry
    return result


def reporter_names() -> list[str]:
    """The names of every registered output format, without importing any of them."""
    return sorted({entry.name for entry in entry_points(group=REPORTERS_GROUP)})


def load_reporter(name: str) -> Loaded:
    """The reporter class registered as ``name`` (only that one is imported), if any."""
    result = Loaded()
    for entry in entry_points(group=REPORTERS_GROUP, name=name):
        try:
            result.items.setdefault(entry.name, entry.load())
        except (Exception, SystemExit) as error:  # noqa: BLE001 - any failure of a plugin
            # to import (sys.exit at import included) is reported
            result.failures.append(
                f"output format '{name}' from {_origin(entry)} failed to load: "
                f"{type(error).__name__}: {error}"
            )
    return result


def rule_classes(loaded: Loaded) -> dict[str, type[Rule]]:
    return dict(sorted(loaded.items.items()))


def load_dialects() -> Loaded:
    """Every dialect class registered under ``contentlint.dialects``, by name."""
    loaded, failures = _load_group(DIALECTS_GROUP)
    result = Loaded(failures=failures)
    origins: dict[str, EntryPoint] = {}
    from lint.dialects import Dialect

    for entry, dialect in loaded:
        if not (isinstance(dialect, type) and issubclass(dialect, Dialect)):
            result.failures.append(
                f"plugin '{entry.name}' from {_origin(entry)} is not a dialect (a subclass of "
                "lint.dialects.Dialect) and was skipped"
            )
            continue
        if dialect.name in result.items and result.items[dialect.name] is not dialect:
            raise RegistryError(
                f"two plugins register the dialect '{dialect.name}': "
                f"{_origin(origins[dialect.name])} and {_origin(entry)}; uninstall one of them"
            )
        result.items[dialect.name] = dialect
        origins[dialect.name] = entry
    return result
