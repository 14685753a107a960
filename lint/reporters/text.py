"""The ``text`` format: one line per diagnostic and a summary."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from lint.diagnostics import Diagnostic, Severity
from lint.reporters import Reporter, Summary


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter(Reporter):
    """``path:line:col: severity [rule] message``, then a summary line."""

    description: ClassVar[str] = "one line per problem and a summary (the default)"

    def file(self, path: str, diagnostics: Sequence[Diagnostic], text: str | None) -> None:
        for diagnostic in diagnostics:
            self.stream.write(
                f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: "
                f"{diagnostic.severity.value} [{diagnostic.rule}] {diagnostic.message}\n"
            )

    def finish(self, summary: Summary) -> None:
        if self.options.quiet:
            return
        files = _plural(summary.files_checked, "file")
        if not summary.total:
            self.stream.write(f"No problems found in {files}.\n")
            return
        counts = ", ".join(
            _plural(summary.by_severity[severity], severity.value.replace("info", "info note"))
            for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
            if summary.by_severity[severity]
        )
        self.stream.write(
            f"Found {_plural(summary.total, 'problem')} ({counts}) in "
            f"{summary.files_with_problems} of {files}.\n"
        )
