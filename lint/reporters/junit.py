"""The ``junit`` format: JUnit XML, one test case per file, one failure per problem."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from typing import ClassVar

from lint.diagnostics import Diagnostic
from lint.reporters import Reporter, Summary

#: Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` without the characters that would make the document ill-formed."""
    return _NOT_XML.sub("\ufffd", text)


class JunitReporter(Reporter):
    """A ``<testsuites>`` document for GitLab, Jenkins and other CI servers: each checked file
    is a ``<testcase>``; each problem in it is a ``<failure>`` with its position and rule."""

    description: ClassVar[str] = "JUnit XML (GitLab, Jenkins)"

    def start(self) -> None:
        self._suite = ElementTree.Element("testsuite", name="contentlint")
        self._failures = 0
        self._cases = 0

    def file(self, path: str, diagnostics: Sequence[Diagnostic], text: str | None) -> None:
        self._cases += 1
        case = ElementTree.SubElement(
            self._suite, "testcase", name=xml_text(path), classname="contentlint"
        )
        for diagnostic in diagnostics:
            self._failures += 1
            where = xml_text(f"{diagnostic.path}:{diagnostic.line}:{diagnostic.column}")
            message = xml_text(diagnostic.message)
            failure = ElementTree.SubElement(
                case,
                "failure",
                message=f"{where}: [{diagnostic.rule}] {message}",
                type=diagnostic.severity.value,
            )
            failure.text = f"{where}: {diagnostic.severity.value} [{diagnostic.rule}] {message}"

    def finish(self, summary: Summary) -> None:
        self._suite.set("tests", str(self._cases))
        self._suite.set("failures", str(self._failures))
        self._suite.set("errors", "0")
        root = ElementTree.Element(
            "testsuites", name="contentlint", tests=str(self._cases), failures=str(self._failures)
        )
        root.append(self._suite)
        ElementTree.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ElementTree.tostring(root, encoding="unicode"))
        self.stream.write("\n")
