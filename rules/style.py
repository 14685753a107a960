"""Rule ``style``: wordiness, redundancy and word choice, from the prose engine and vocabulary."""

from __future__ import annotations

from typing import ClassVar

from lint.diagnostics import Severity
from lint.prose.rule import ProseRule


class Style(ProseRule):
    """A style suggestion for the prose: redundancy, wordiness, readability, word choice,
    typography. Harper's style-like lint kinds, or LanguageTool's style categories.

    Also every use of a word on the project's reject list (``[prose] reject``, or ``!word``
    in the ``vocabulary`` file), with the code ``vocabulary-reject``.

    Severity ``info`` by default: style is advice.

    Fix: consider the suggestion, or turn the engine rule off in the config.
    """

    id: ClassVar[str] = "style"
    summary: ClassVar[str] = "The prose could be clearer or uses a rejected word (prose engine)."
    severity: ClassVar[Severity] = Severity.INFO
    example: ClassVar[str] = "# Notes\n\nIt is very very good.\n"
