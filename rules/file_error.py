"""Rule ``file-error``: files that cannot be read as UTF-8 text documents."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.rule import NO_OPTIONS


class FileError:
    """A file that contentlint cannot read as a text document.

    Reported for a file that cannot be opened (missing, a directory, no permission), a binary
    file (one that contains NUL bytes), a file in another encoding than UTF-8 (Latin-1,
    UTF-16...) and a file larger than the size limit. A UTF-8 byte order mark is fine.

    The engine reports these while it reads the file, before a document exists, so ``check``
    never sees such a file; select or ignore the rule like any other.

    Fix: save the file as UTF-8, or exclude it in ``exclude``.
    """

    id: ClassVar[str] = "file-error"
    summary: ClassVar[str] = (
        "The file cannot be read as UTF-8 text (binary, other encoding, unreadable)."
    )
    groups: ClassVar[tuple[str, ...]] = ("files",)
    severity: ClassVar[Severity] = Severity.ERROR
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS
    example: ClassVar[str] = "caf\\xe9 (a Latin-1 byte in a .md file)"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        return ()  # every document that reaches the rules was read successfully
