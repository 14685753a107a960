"""Severities, findings (what a rule yields) and diagnostics (what a reporter prints)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(str, enum.Enum):
    """How serious a diagnostic is; ordered so that ``ERROR`` is the highest."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def __str__(self) -> str:
        return self.value


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True, slots=True, order=True)
class Edit:
    """Replace the text between two 1-based positions with ``replacement``; ``safe`` when
    ``--fix`` applies it, else only ``--unsafe-fixes`` does (it needs a human's eye)."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace ``Document.text[start:end]`` with ``text``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Fix:
    """How a rule repairs what it found: edits of the document's text, applied together.

    ``safe`` fixes keep the meaning and are applied by ``--fix``; the others (a spelling
    suggestion, a removed heading) by ``--unsafe-fixes`` only.
    """

    edits: tuple[Replacement, ...]
    safe: bool = True


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule reports: a character span of the document's text and a message.

    ``start`` and ``end`` are offsets into ``Document.text``; the engine turns them into
    lines and columns and stamps the rule id and severity.
    """

    start: int
    end: int
    message: str
    severity: Severity | None = None
    source: str = "contentlint"
    code: str | None = None
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None


@dataclass(frozen=True, slots=True, order=True)
class Diagnostic:
    """One problem at one place in one file, as every reporter receives it."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity = field(compare=False)
    message: str = field(compare=True)
    source: str = "contentlint"
    code: str | None = None
    suggestions: tuple[str, ...] = ()
    fix: tuple[Edit, ...] = ()

    def to_json(self) -> dict[str, object]:
        """The stable JSON object of ``--format json``, with DESIGN.md's key names."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "source": self.source,
            "code": self.code,
            "suggestions": list(self.suggestions),
            "fix": [
                {
                    "line": edit.line,
                    "column": edit.column,
                    "end_line": edit.end_line,
                    "end_column": edit.end_column,
                    "replacement": edit.replacement,
                    "safe": edit.safe,
                }
                for edit in self.fix
            ],
        }

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> Diagnostic:
        """The inverse of ``to_json`` (for the results cache)."""
        return cls(
            path=item["path"],
            line=item["line"],
            column=item["column"],
            end_line=item["end_line"],
            end_column=item["end_column"],
            rule=item["rule"],
            severity=Severity(item["severity"]),
            message=item["message"],
            source=item["source"],
            code=item["code"],
            suggestions=tuple(item["suggestions"]),
            fix=tuple(Edit(**edit) for edit in item["fix"]),
        )
