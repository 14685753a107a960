"""The ``text`` format: one line per diagnostic and a summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from lint.diagnostics import Diagnostic, Severity
from lint.reporters import Reporter, Summary


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class TextReporter(Reporter):
    """``path:line:col: severity [rule] message``, then a summary line and the count of
    findings per group; with ``--statistics``, a table of counts per rule."""

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
        by_group: Counter[str] = Counter()
        for rule, count in summary.by_rule.items():
            for group in summary.groups_of.get(rule, ("other",))[:1]:
                by_group[group] += count
        self.stream.write(
            "By group: "
            + ", ".join(f"{group} {count}" for group, count in sorted(by_group.items()))
            + "\n"
        )
        if self.options.statistics:
            self._statistics(summary)

    def _statistics(self, summary: Summary) -> None:
        rows = sorted(summary.by_rule.items(), key=lambda item: (-item[1], item[0]))
        width = max(len(str(count)) for _, count in rows)
        rule_width = max(len(rule) for rule, _ in rows)
        self.stream.write("\n")
        for rule, count in rows:
            group = ", ".join(summary.groups_of.get(rule, ("other",)))
            self.stream.write(f"{count:>{width}}  {rule:<{rule_width}}  {group}\n")
