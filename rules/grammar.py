"""Rule ``grammar``: grammar, agreement, punctuation and capitalisation, from the prose engine."""

from __future__ import annotations

from typing import ClassVar

from lint.diagnostics import Severity
from lint.prose.rule import ProseRule


class Grammar(ProseRule):
    """A grammar problem in the prose: agreement ("I has"), articles ("a apple"), repeated
    words, capitalisation and punctuation. Harper's grammar-like lint kinds, or
    LanguageTool's matches that are neither misspellings nor style.

    Checked on prose only, like ``spelling``. The diagnostic's ``code`` is the engine's own
    rule name (Harper's ``PronounVerbAgreement``, LanguageTool's ``MANY_NN``); turn engine
    rules off with ``[prose.harper] rules`` or ``[prose.languagetool] disabled-rules``.

    Fix: rewrite the sentence; the suggestions show what the engine would write.
    """

    id: ClassVar[str] = "grammar"
    summary: ClassVar[str] = "A sentence in the prose has a grammar problem (prose engine)."
    severity: ClassVar[Severity] = Severity.WARNING
    example: ClassVar[str] = "# Notes\n\nI has a apple.\n"
