"""Rule ``spelling``: misspelt words in the prose, from the prose engine."""

from __future__ import annotations

from typing import ClassVar

from lint.diagnostics import Severity
from lint.prose.rule import ProseRule


class Spelling(ProseRule):
    """A word the prose engine does not know: Harper's spelling and typo lints, or
    LanguageTool's misspelling matches (category TYPOS).

    Only prose is checked: never code (inline or fenced), URLs, math, HTML, shortcodes,
    citations or front matter keys; the ``title`` and ``description`` values in the front
    matter are (``[prose] front-matter``). Inline code stands in the sentence as a neutral
    word, so the words around it read as a sentence.

    Names and jargon go in ``[prose] accept`` or the ``vocabulary`` word list; a word listed
    there is never reported as misspelt, by either engine. Each diagnostic carries the
    engine (``source``), the engine's rule (``code``) and its suggestions, which the
    language server offers as quick fixes.

    Fix: correct the word, or add it to the project's vocabulary.
    """

    id: ClassVar[str] = "spelling"
    summary: ClassVar[str] = "A word in the prose is misspelt (prose engine)."
    severity: ClassVar[Severity] = Severity.WARNING
    example: ClassVar[str] = "# Notes\n\nThis sentense has a typo.\n"
