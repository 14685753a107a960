"""Rule ``unknown-rule``: a suppression comment names no rule and no group."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.rule import NO_OPTIONS
from lint.suppression import UNKNOWN_RULE


class UnknownRule:
    """A name in a suppression comment that is neither a rule id nor a group.

    Every form counts: ``<!-- contentlint-disable NAME -->``, ``-enable``, ``-disable-line``,
    ``-disable-next-line`` and ``-disable-file`` in the body (in MDX, ``{/* contentlint-disable
    NAME */}`` and the rest), and ``# contentlint-disable-line NAME`` or
    ``# contentlint-disable-next-line NAME`` in YAML or TOML front matter. A misspelt
    name suppresses nothing, so the finding it was meant to silence is still reported, and
    the comment looks as if it worked. The finding stands at the name, with the closest
    rule id or group as a suggestion; plugin rules and their groups are known names too.

    The engine reports these while it reads the comments (it knows every registered rule),
    so ``check`` finds nothing itself; select, ignore or suppress the rule like any other.

    Fix: correct the name (``contentlint rules`` lists the ids and groups), or remove it.
    """

    id: ClassVar[str] = UNKNOWN_RULE
    summary: ClassVar[str] = "A suppression comment names no rule and no group."
    groups: ClassVar[tuple[str, ...]] = ("suppression",)
    severity: ClassVar[Severity] = Severity.WARNING
    options_schema: ClassVar[Mapping[str, Any]] = NO_OPTIONS
    example: ClassVar[str] = (
        "# Title\n\n<!-- contentlint-disable-next-line empty-sectoin -->\n## Coming later\n"
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterable[Finding]:
        return ()  # reported by the engine, which holds the names of every rule and group
