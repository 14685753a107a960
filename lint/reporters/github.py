"""The ``github`` format: GitHub Actions workflow commands, shown as annotations on the diff."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from lint.diagnostics import Diagnostic, Severity
from lint.escaping import visible
from lint.reporters import Reporter, Summary

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command: ``%``, CR and LF escaped."""
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)


def escape_property(text: str) -> str:
    """A property value: like the message, and ``:`` and ``,`` escaped too."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GithubReporter(Reporter):
    """``::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`` per problem
    (``notice`` for info). Chosen automatically when ``GITHUB_ACTIONS=true`` and no
    ``--format`` is given."""

    description: ClassVar[str] = "GitHub Actions annotations (workflow commands)"

    def file(self, path: str, diagnostics: Sequence[Diagnostic], text: str | None) -> None:
        for diagnostic in diagnostics:
            properties = {
                "file": diagnostic.path,
                "line": str(diagnostic.line),
                "col": str(diagnostic.column),
                "endLine": str(diagnostic.end_line),
                "endColumn": str(diagnostic.end_column),
                "title": f"contentlint {diagnostic.rule}",
            }
            rendered = ",".join(
                f"{key}={escape_property(value)}" for key, value in properties.items()
            )
            command = _COMMANDS[diagnostic.severity]
            self.stream.write(f"::{command} {rendered}::{escape_data(diagnostic.message)}\n")

    def finish(self, summary: Summary) -> None:
        if not self.options.quiet:
            self.stream.write(
                f"contentlint: {summary.total} problem(s) in {summary.files_with_problems} "
                f"of {summary.files_checked} file(s)\n"
            )
