"""The base of the prose rules (``spelling``, ``grammar``, ``style``), light to import: the
prose checking itself is imported when a prose rule first runs, not when the rules load."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from lint.diagnostics import Finding, Fix, Replacement, Severity
from lint.document import Document
from lint.prose.settings import ProseSettings

if TYPE_CHECKING:
    from lint.prose.checking import ProseFinding


class ProseRule:
    """The shared behaviour of ``spelling``, ``grammar`` and ``style``: each reports the
    findings of the run's prose engine in its own category."""

    id: ClassVar[str]
    summary: ClassVar[str]
    groups: ClassVar[tuple[str, ...]] = ("prose",)
    severity: ClassVar[Severity] = Severity.WARNING
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {},
        "additionalProperties": False,
    }

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        settings = options.get("prose")
        if not isinstance(settings, ProseSettings):
            settings = ProseSettings()
        from lint.prose.checking import LANGUAGE_NOTE, check_prose

        for finding in check_prose(doc, settings):
            if finding.rule != self.id:
                continue
            yield Finding(
                finding.start,
                finding.end,
                finding.message,
                severity=Severity.INFO if finding.code == LANGUAGE_NOTE else None,
                source=finding.source,
                code=finding.code,
                suggestions=finding.suggestions,
                fix=_fix(doc, finding),
            )


#: Engine rules whose single suggestion is a safe fix: a repeated word, "a" and "an".
SAFE_FIX_CODES = frozenset({"RepeatedWords", "AnA", "ENGLISH_WORD_REPEAT_RULE", "EN_A_VS_AN"})
_MARKUP = frozenset("*_`[]()<>{}\\|~$")


def _fix(doc: Document, finding: ProseFinding) -> Fix | None:
    """The engine's single suggestion as a fix: safe for a repeated word or an article,
    unsafe for a spelling correction; none where the words carry markup."""
    if len(finding.suggestions) != 1 or finding.end <= finding.start:
        return None
    if any(char in _MARKUP for char in doc.text[finding.start : finding.end]):
        return None  # "is **is**": replacing the span would drop the markup
    safe = finding.code in SAFE_FIX_CODES
    if not safe and finding.rule != "spelling":
        return None
    return Fix((Replacement(finding.start, finding.end, finding.suggestions[0]),), safe=safe)
