"""The Harper engine (harper-py): English, offline, in-process; the default."""

from __future__ import annotations

from collections.abc import Sequence
from importlib import metadata
from typing import Any, ClassVar, Literal

from lint.prose_engines import EngineFinding, EngineUnavailable, ProseRuleId, Unit
from lint.prose_settings import ProseSettings

_SPELLING_KINDS = frozenset({"Spelling", "Typo"})
_GRAMMAR_KINDS = frozenset(
    {
        "Grammar",
        "Agreement",
        "Punctuation",
        "Capitalization",
        "Repetition",
        "BoundaryError",
        "Malapropism",
        "Eggcorn",
        "Usage",
        "Miscellaneous",
        "Nonstandard",
    }
)
_DIALECTS = {"US": "AMERICAN", "GB": "BRITISH", "UK": "BRITISH", "AU": "AUSTRALIAN"}
_DIALECTS |= {"CA": "CANADIAN", "IN": "INDIAN"}


def rule_of_kind(kind: str) -> ProseRuleId:
    """Harper's lint kinds as our three rules; unknown kinds are style."""
    if kind in _SPELLING_KINDS:
        return "spelling"
    if kind in _GRAMMAR_KINDS:
        return "grammar"
    return "style"


class HarperEngine:
    """One ``harper.Linter`` for the run (building its dictionary takes about half a second)."""

    name: ClassVar[str] = "harper"
    offsets: ClassVar[Literal["plain", "original"]] = "plain"

    def __init__(self, settings: ProseSettings) -> None:
        language, _, region = settings.language.partition("-")
        if language.lower() != "en":
            raise EngineUnavailable(
                f'the harper engine checks English only, not "{settings.language}"; '
                'set [prose] engine = "languagetool" for other languages'
            )
        try:
            import harper
        except ImportError as error:
            raise EngineUnavailable(f"harper-py is not installed: {error}") from None
        self._harper: Any = harper
        self.version = metadata.version("harper-py")
        dialect = getattr(harper.Dialect, _DIALECTS.get(region.upper(), "AMERICAN"))
        self._linter = harper.Linter(dialect)
        if settings.harper_rules:
            config = self._linter.get_lint_config()
            unknown = [name for name, _ in settings.harper_rules if name not in config]
            if unknown:
                raise EngineUnavailable(
                    f"unknown Harper rule(s) in [prose.harper] rules: {', '.join(unknown)}"
                )
            config.update(dict(settings.harper_rules))
            self._linter.set_lint_config(config)

    def check(self, units: Sequence[Unit]) -> list[list[EngineFinding]]:
        return [self._check_one(unit.plain) for unit in units]

    def _check_one(self, text: str) -> list[EngineFinding]:
        organized = self._linter.organized_lints(
            text, language=self._harper.Language.PLAINTEXT, dedup=False
        )
        found = []
        for rule_name, lints in organized.items():
            for lint in lints:
                suggestions = tuple(
                    suggestion.replacement_text
                    for suggestion in lint.suggestions
                    if suggestion.kind == self._harper.SuggestionKind.REPLACE
                )
                found.append(
                    EngineFinding(
                        start=lint.span.start,
                        end=lint.span.end,
                        rule=rule_of_kind(lint.lint_kind),
                        message=lint.message,
                        code=rule_name,
                        suggestions=tuple(dict.fromkeys(suggestions)),
                    )
                )
        found.sort(key=lambda finding: (finding.start, finding.end, finding.code))
        return found

    def close(self) -> None:
        """Nothing to stop: Harper runs in this process."""
