"""Rule ``draft-flag``: front matter that marks the document as a draft."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document


class DraftFlag:
    """Front matter that marks the document as a draft: ``draft: true``, ``published: false``,
    ``status: draft``.

    Off by default, since drafts are normal while writing: turn it on in the CI job that
    publishes (``contentlint check --select draft-flag``, or ``draft-flag = "error"`` under
    ``[rules]``) so that a draft never goes out by accident.

    Option ``flags`` maps a front matter key to the values that mean "draft" (strings are
    compared case-insensitively).
    """

    id: ClassVar[str] = "draft-flag"
    summary: ClassVar[str] = "The front matter marks the document as a draft."
    groups: ClassVar[tuple[str, ...]] = ("unfinished",)
    severity: ClassVar[Severity] = Severity.ERROR
    enabled_by_default: ClassVar[bool] = False
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "flags": {
                "type": "object",
                "additionalProperties": {"type": "array"},
                "default": {
                    "draft": [True, "yes", "true"],
                    "published": [False, "no", "false"],
                    "status": ["draft"],
                },
                "description": "Front matter key → the values that mark a draft.",
            }
        },
        "additionalProperties": False,
    }
    example: ClassVar[str] = "---\ntitle: Launch notes\ndraft: true\n---\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        front_matter = doc.front_matter
        if front_matter is None or not isinstance(front_matter.data, dict):
            return
        for key, draft_values in options["flags"].items():
            if key not in front_matter.data:
                continue
            value = front_matter.data[key]
            if any(_same(value, draft) for draft in draft_values):
                span = front_matter.locate((key,))
                yield Finding(
                    span.start,
                    span.end,
                    f"the front matter marks this as a draft ({key}: {_show(value)})",
                )


def _same(value: Any, draft: Any) -> bool:
    if isinstance(draft, bool) or isinstance(value, bool):
        return value is draft
    if isinstance(draft, str) and isinstance(value, str):
        return value.strip().casefold() == draft.casefold()
    return bool(value == draft)


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
