"""Rule ``frontmatter-syntax``: front matter that does not parse."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.rule import NO_OPTIONS


class FrontmatterSyntax:
    """Front matter that is not valid YAML, TOML or JSON.

    Reports, at the parser's line and column: a syntax error; a front matter block that is
    opened (``---`` or ``+++`` on the first line) and never closed; a key given twice in the
    same mapping (at its second occurrence, since YAML would silently keep only the last); a
    YAML tag that would construct an object (``!!python/object``; nothing is ever executed);
    YAML aliases that expand into an enormous value (an "alias bomb").
    """

    id: ClassVar[str] = "frontmatter-syntax"
    summary: ClassVar[str] = "Front matter is not valid YAML, TOML or JSON, or repeats a key."
    groups: ClassVar[tuple[str, ...]] = ("frontmatter",)
    severity: ClassVar[Severity] = Severity.ERROR
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS
    example: ClassVar[str] = "---\ntitle: My post\ntitle: My other post\n---\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        if doc.front_matter is None:
            return
        for problem in doc.front_matter.problems:
            yield Finding(problem.span.start, problem.span.end, problem.message)
