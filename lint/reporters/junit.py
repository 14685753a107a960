"""The ``junit`` format: JUnit XML, one test case per file, failing at ``--fail-on``."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections import Counter
from collections.abc import Sequence
from typing import ClassVar

from lint.diagnostics import Diagnostic, Severity
from lint.reporters import Reporter, Summary

#: Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters that would make the document ill-formed."""
    return _NOT_XML.sub("\ufffd", text)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _counts(diagnostics: Sequence[Diagnostic]) -> str:
    """``3 problems (1 error, 2 warnings)``, the message of a test case's failure."""
    by_severity = Counter(diagnostic.severity for diagnostic in diagnostics)
    counts = ", ".join(
        _plural(by_severity[severity], severity.value.replace("info", "info note"))
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if by_severity[severity]
    )
    return f"{_plural(len(diagnostics), 'problem')} ({counts})"


def _line(diagnostic: Diagnostic) -> str:
    """``path:line:col: severity [rule] message``, as the ``concise`` format writes it."""
    return (
        f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}: "
        f"{diagnostic.severity.value} [{diagnostic.rule}] {diagnostic.message}"
    )


class JunitReporter(Reporter):
    """A ``<testsuites>`` document for GitLab, Jenkins and other CI servers: each checked file
    is a ``<testcase>`` (``file`` is its path). A case fails when the file has a finding at or
    above ``--fail-on``: those findings are its one ``<failure>``, one line each; the findings
    below the threshold are the case's ``<system-out>``, so a run that exits 0 shows no failed
    test. ``failures`` counts failing cases, not problems."""

    description: ClassVar[str] = "JUnit XML (GitLab, Jenkins)"

    def start(self) -> None:
        self._suite = ElementTree.Element("testsuite", name="contentlint")
        self._failures = 0
        self._cases = 0

    def file(self, path: str, diagnostics: Sequence[Diagnostic], text: str | None) -> None:
        self._cases += 1
        name = xml_text(path)
        case = ElementTree.SubElement(
            self._suite, "testcase", name=name, classname="contentlint", file=name
        )
        threshold = self.options.fail_on.rank
        failing = [d for d in diagnostics if d.severity.rank >= threshold]
        passing = [d for d in diagnostics if d.severity.rank < threshold]
        if failing:
            self._failures += 1
            worst = max(failing, key=lambda diagnostic: diagnostic.severity.rank)
            failure = ElementTree.SubElement(
                case, "failure", message=_counts(failing), type=worst.severity.value
            )
            failure.text = xml_text("\n".join(_line(diagnostic) for diagnostic in failing))
        if passing:
            output = ElementTree.SubElement(case, "system-out")
            output.text = xml_text("\n".join(_line(diagnostic) for diagnostic in passing))

    def finish(self, summary: Summary) -> None:
        totals = {
            "tests": str(self._cases),
            "failures": str(self._failures),
            "errors": "0",
            "skipped": "0",
        }
        for key, value in totals.items():
            self._suite.set(key, value)
        root = ElementTree.Element("testsuites", {"name": "contentlint", **totals})
        root.append(self._suite)
        ElementTree.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ElementTree.tostring(root, encoding="unicode"))
        self.stream.write("\n")
