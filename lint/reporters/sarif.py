"""The ``sarif`` format: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import inspect
import json
import os
from collections.abc import Sequence
from pathlib import Path, PurePath
from typing import Any, ClassVar
from urllib.parse import quote

from lint import __version__, rule_help_uri
from lint.diagnostics import Diagnostic, Severity
from lint.reporters import Reporter, Summary

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
#: Diagnostics the engine itself reports; they are not rules a plugin registers.
_ENGINE_RULES = {
    "internal-error": "A rule crashed on this file; the other rules still ran.",
}


#: The base id of every relative ``artifactLocation``; ``originalUriBaseIds`` says where it is.
SRCROOT = "%SRCROOT%"


def _absolute(path: PurePath) -> Path:
    """``path`` made absolute without following links, with ``..`` and ``.`` folded."""
    return Path(os.path.normpath(Path(path).absolute()))


def root_uri(root: Path) -> str:
    """The absolute ``file:`` URI of a folder, ending in ``/`` as a base URI must."""
    uri = _absolute(root).as_uri()
    return uri if uri.endswith("/") else uri + "/"


def artifact_location(path: str, root: Path, cwd: Path | None = None) -> dict[str, str]:
    """The SARIF ``artifactLocation`` of a display path (relative to ``cwd``, the working
    folder, or absolute): inside ``root`` a percent-encoded relative URI reference against
    ``%SRCROOT%`` (what code scanning matches to the repository), else an absolute ``file:``
    URI. Both are RFC 3986 URI references: every character outside the unreserved set (spaces,
    ``%``, ``#``, ``?``, ``:``, non-ASCII as UTF-8) is percent-encoded."""
    given = PurePath(path)
    absolute = _absolute(given if given.is_absolute() else Path(cwd or Path.cwd()) / given)
    try:
        relative = absolute.relative_to(_absolute(root))
    except ValueError:
        if os.name == "nt":
            return {"uri": absolute.as_uri()}
        return {"uri": "file://" + quote(os.fsencode(absolute.as_posix()), safe="/")}
    # os.fsencode: a name that is not UTF-8 is percent-encoded from its own bytes.
    return {"uri": quote(os.fsencode(relative.as_posix()), safe="/"), "uriBaseId": SRCROOT}


class SarifReporter(Reporter):
    """One SARIF 2.1.0 log with one run: the rules that ran (id, summary, documentation and a
    help link) and every diagnostic with its region. Columns count Unicode code points."""

    needs_text: ClassVar[bool] = True  # for the fingerprints
    description: ClassVar[str] = "SARIF 2.1.0 (GitHub code scanning)"

    def start(self) -> None:
        self._results: list[dict[str, Any]] = []
        self._rule_index: dict[str, int] = {}
        self._rules: list[dict[str, Any]] = []
        self._cwd = Path.cwd()
        self._root = self.options.root or self._cwd

    def _rule(self, rule_id: str) -> int:
        index = self._rule_index.get(rule_id)
        if index is not None:
            return index
        rule = self.options.rules.get(rule_id)
        if rule is not None:
            summary = rule.summary
            documentation = inspect.cleandoc(rule.__doc__ or "") or summary
            level = _LEVELS[rule.severity]
            tags = list(rule.groups)
        else:
            summary = _ENGINE_RULES.get(rule_id, rule_id)
            documentation, level, tags = summary, "error", []
        self._rules.append(
            {
                "id": rule_id,
                "name": rule_id,
                "shortDescription": {"text": summary},
                "fullDescription": {"text": documentation},
                "help": {"text": documentation},
                "helpUri": rule_help_uri(rule_id),
                "defaultConfiguration": {"level": level},
                "properties": {"tags": tags},
            }
        )
        index = self._rule_index[rule_id] = len(self._rules) - 1
        return index

    def file(self, path: str, diagnostics: Sequence[Diagnostic], text: str | None) -> None:
        from lint.baseline import fingerprints

        marks = fingerprints(path, text, diagnostics)
        for diagnostic, mark in zip(diagnostics, marks, strict=True):
            region: dict[str, int] = {
                "startLine": diagnostic.line,
                "startColumn": diagnostic.column,
            }
            if (diagnostic.end_line, diagnostic.end_column) > (diagnostic.line, diagnostic.column):
                region["endLine"] = diagnostic.end_line
                region["endColumn"] = diagnostic.end_column
            result: dict[str, Any] = {
                "ruleId": diagnostic.rule,
                "ruleIndex": self._rule(diagnostic.rule),
                "level": _LEVELS[diagnostic.severity],
                "message": {"text": diagnostic.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": artifact_location(
                                diagnostic.path, self._root, self._cwd
                            ),
                            "region": region,
                        }
                    }
                ],
                # The baseline's fingerprint: code scanning follows a finding across commits.
                "partialFingerprints": {"contentlint/v1": mark},
            }
            if diagnostic.source != "contentlint" or diagnostic.code:
                result["properties"] = {"source": diagnostic.source, "code": diagnostic.code}
            if diagnostic.suggestions:
                result.setdefault("properties", {})["suggestions"] = list(diagnostic.suggestions)
            self._results.append(result)

    def finish(self, summary: Summary) -> None:
        log = {
            "$schema": SARIF_SCHEMA,
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "contentlint",
                            "version": __version__,
                            "semanticVersion": __version__,
                            "informationUri": rule_help_uri(None),
                            "rules": self._rules,
                        }
                    },
                    "originalUriBaseIds": {SRCROOT: {"uri": root_uri(self._root)}},
                    "columnKind": "unicodeCodePoints",
                    "results": self._results,
                }
            ],
        }
        json.dump(log, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
