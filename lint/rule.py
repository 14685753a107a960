"""The rule protocol every built-in and plugin rule follows."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Protocol, runtime_checkable

from lint.diagnostics import Finding, Severity

if TYPE_CHECKING:
    from lint.document import Document


@runtime_checkable
class Rule(Protocol):
    """A rule declares itself with class attributes and yields findings from ``check``.

    ``options_schema`` is a JSON Schema object whose ``properties`` carry each option's
    ``default``; the class docstring is the rule's documentation (``contentlint explain``),
    and ``example`` a short document that triggers the rule.
    """

    id: ClassVar[str]
    summary: ClassVar[str]
    groups: ClassVar[tuple[str, ...]]
    severity: ClassVar[Severity]
    options_schema: ClassVar[Mapping[str, Any]]

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]: ...


#: The options schema of a rule that takes no options.
NO_OPTIONS: Mapping[str, Any] = {"type": "object", "properties": {}, "additionalProperties": False}


def default_options(rule: type[Rule]) -> dict[str, Any]:
    """Each option's ``default`` from the rule's options schema."""
    properties = rule.options_schema.get("properties", {})
    return {name: spec["default"] for name, spec in properties.items() if "default" in spec}


def enabled_by_default(rule: type[Rule]) -> bool:
    """Rules are on unless they say ``enabled_by_default = False`` (for example ``draft-flag``)."""
    return bool(getattr(rule, "enabled_by_default", True))


def example_of(rule: type[Rule]) -> str:
    return str(getattr(rule, "example", "") or "")
