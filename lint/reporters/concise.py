"""The ``concise`` format: one line per diagnostic, a summary and the count per group."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

import click

from lint.diagnostics import Diagnostic, Severity
from lint.escaping import visible
from lint.reporters import Reporter, Summary

SEVERITY_COLORS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _fix_mark(diagnostic: Diagnostic) -> str:
    """``[*] `` before the message of a problem that ``--fix`` repairs (as ruff marks it)."""
    return "[*] " if diagnostic.fix and all(edit.safe for edit in diagnostic.fix) else ""


#: How many of a finding's suggestions the text formats show.
SHOWN_SUGGESTIONS = 3


def _quoted(suggestion: str) -> str:
    """A suggestion in double quotes, unless it already is a quoted value (a YAML string)."""
    if len(suggestion) >= 2 and suggestion[0] == suggestion[-1] and suggestion[0] in "\"'":
        return suggestion
    return f'"{suggestion}"'


def suggestion_help(diagnostic: Diagnostic) -> str | None:
    """``did you mean "a", "b" or "c"?`` for a finding's first suggestions, or None when it has
    none (or its message already asks, as an unknown key's does)."""
    shown = [_quoted(s) for s in diagnostic.suggestions if s.strip()][:SHOWN_SUGGESTIONS]
    if not shown or "did you mean" in diagnostic.message:
        return None
    choices = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
    return visible(f"did you mean {choices}?")


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


class ConciseReporter(Reporter):
    """``path:line:col: severity [rule] message`` (and a finding's first suggestions after it,
    ``(did you mean "x"?)``), then a summary line and the count of findings per group; with
    ``--statistics``, a table of counts per rule instead of the problems."""

    description: ClassVar[str] = "one line per problem and a summary"

    def style(self, text: str, **styles: object) -> str:
        """``text`` with terminal styles when colour is on, plain otherwise."""
        return click.style(text, **styles) if self.options.color else text  # type: ignore[arg-type]

    def headline(self, diagnostic: Diagnostic) -> str:
        severity = diagnostic.severity
        return (
            f"{self.style(visible(diagnostic.path), bold=True)}:{diagnostic.line}:"
            f"{diagnostic.column}: "
            f"{self.style(severity.value, fg=SEVERITY_COLORS[severity], bold=True)} "
            f"[{self.style(visible(diagnostic.rule), fg='cyan')}] {_fix_mark(diagnostic)}"
            f"{visible(diagnostic.message)}\n"
        )

    def file(self, path: str, diagnostics: Sequence[Diagnostic], text: str | None) -> None:
        if self.options.statistics:
            return  # the table of counts stands in for the problems themselves
        for diagnostic in diagnostics:
            line = self.headline(diagnostic)
            help_text = suggestion_help(diagnostic)
            if help_text:  # on the same line, after the message: `(did you mean "x"?)`
                line = line.removesuffix("\n") + " " + self.style(f"({help_text})", dim=True)
                line += "\n"
            self.stream.write(line)

    def finish(self, summary: Summary) -> None:
        if self.options.quiet:
            if self.options.statistics and summary.total:
                self._statistics(summary)  # asked for by name: shown even with --quiet
            return
        files = _plural(summary.files_checked, "file")
        if summary.fixed:
            self.stream.write(f"Fixed {_plural(summary.fixed, 'problem')}.\n")
        if summary.in_baseline:
            self.stream.write(
                f"{_plural(summary.in_baseline, 'problem')} recorded in the baseline not shown.\n"
            )
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
        if summary.fixable:
            more = (
                f" ({summary.fixable_unsafe} more with --unsafe-fixes)"
                if summary.fixable_unsafe
                else ""
            )
            self.stream.write(f"{summary.fixable} fixable with --fix (marked [*]){more}.\n")
        elif summary.fixable_unsafe:
            self.stream.write(f"{summary.fixable_unsafe} fixable with --unsafe-fixes.\n")
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
