"""The Harper engine (harper-py): English, offline, in-process; the default."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from importlib import metadata
from typing import Any, ClassVar, Literal

from lint.prose.engines import EngineFinding, EngineUnavailable, ProseRuleId, Unit
from lint.prose.settings import ProseSettings

#: Longer texts are checked in pieces (a grid table or a long list item can be 10,000+).
CHUNK_CHARS = 1000
_SENTENCE_END = re.compile(r"[.!?]\s")
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


#: Harper rules off by default: advice that technical writing rightly ignores (``config``,
#: ``deps``, ``stdin``, ``ms`` and ``MB`` are words of the trade, "file path" is no
#: "filepath", "multi-step" keeps its hyphen, "middlewares" and a noun "setup" are how the
#: field writes), house-style choices (the Oxford comma, "very good" → "excellent", "have a
#: look" → "take a look", "code base", "road map", "…" for "..."), and grammar heuristics
#: that misread correct sentences more often than not in published writing ("if need be" is
#: no missing "to", "Are there new…" no "their", "one of the two approaches", "10 of whom";
#: in 200 judged findings on published sites, ModalBeAdjective was right once in 8 and none
#: of WillNonLemma, MissingPreposition, MissingDeterminer, ToTwoToo, HowTo,
#: InflectedVerbAfterTo, CompaniesProductsAndTrademarks and Regionalisms was right: "Won't
#: calling all reducers be slow?", "Add test cases", "moves to unsupported", "a stack
#: overflow", a table's "spanner"); nor, in the next 200, Overall ("loop over all
#: elements" is no "overall") or AsHow ("topics such as how you can help"); and, in all
#: 400, UnclosedQuotes was never right in 14 (quotes around code, in tables and attributes),
#: CapitalizePersonalPronouns in 6 (``i`` as a variable or a list's marker),
#: MultipleSequentialPronouns in 3 ("our backoff", "their SVG"), OutOfDate ("gets out of
#: date") and AdjectiveDoubleDegree ("more honest") in 2 each.
#: Informal short forms (``w/``, ``cuz``, ``thru``) stay reported. ``[prose.harper] rules``
#: turns any of them back on.
OFF_BY_DEFAULT = frozenset(
    {"CompoundNouns", "DisjointPrefixes", "MassNouns", "OxfordComma", "PhrasalVerbAsCompoundNoun",
     "ExpandAlgorithm", "ExpandAlloc", "ExpandArgument", "ExpandConfiguration", "ExpandControl",
     "ExpandCoordinate", "ExpandDecl", "ExpandDependencies", "ExpandDereference",
     "ExpandDirectory", "ExpandMemoryShorthands", "ExpandMinimum", "ExpandParameter",
     "ExpandPerformance", "ExpandPointer", "ExpandPrevious", "ExpandStandardInputAndOutput",
     "ExpandTimeShorthands", "ExpandVulnerability", "Excellent", "HaveTakeALook", "Codebase",
     "RoadMap", "MissingTo", "OneOfTheSingular", "ThereToTheir", "WhomSubjectOfVerb",
     "UseEllipsisCharacter", "ModalBeAdjective", "WillNonLemma", "MissingPreposition",
     "MissingDeterminer", "ToTwoToo", "HowTo", "InflectedVerbAfterTo",
     "CompaniesProductsAndTrademarks", "Regionalisms", "Overall", "AsHow", "UnclosedQuotes",
     "CapitalizePersonalPronouns", "MultipleSequentialPronouns", "OutOfDate",
     "AdjectiveDoubleDegree"}
)  # fmt: skip


def rule_of_kind(kind: str) -> ProseRuleId:
    """Harper's lint kinds as our three rules; unknown kinds are style."""
    if kind in _SPELLING_KINDS:
        return "spelling"
    if kind in _GRAMMAR_KINDS:
        return "grammar"
    return "style"


def chunks(text: str, limit: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of at most about ``limit`` characters, cut at line breaks or
    sentence ends: Harper's time grows faster than the length of what it checks."""
    start = 0
    while len(text) - start > limit:
        end = start + limit
        cut = text.rfind("\n", start + 1, end)
        if cut == -1:
            ends = [found.end() for found in _SENTENCE_END.finditer(text, start, end)]
            cut = ends[-1] if ends else end
        yield start, text[start:cut]
        start = cut
    yield start, text[start:]


def harper_version(settings: ProseSettings) -> str:
    """harper-py's version, once the settings are known to suit Harper."""
    language = settings.language.partition("-")[0]
    if language.lower() != "en":
        raise EngineUnavailable(
            f'the harper engine checks English only, not "{settings.language}"; '
            'set [prose] engine = "languagetool" for other languages'
        )
    try:
        return metadata.version("harper-py")
    except metadata.PackageNotFoundError:
        raise EngineUnavailable("harper-py is not installed") from None


class HarperEngine:
    """One ``harper.Linter`` for the run (building its dictionary takes about half a second)."""

    name: ClassVar[str] = "harper"
    offsets: ClassVar[Literal["plain", "original"]] = "plain"

    def __init__(self, settings: ProseSettings) -> None:
        self.version = harper_version(settings)
        region = settings.language.partition("-")[2]
        try:
            import harper
        except ImportError as error:
            raise EngineUnavailable(f"harper-py cannot be imported: {error}") from None
        self._harper: Any = harper
        dialect = getattr(harper.Dialect, _DIALECTS.get(region.upper(), "AMERICAN"))
        self._linter = harper.Linter(dialect)
        #: English with no region: a word British spelling knows is no misspelling either.
        self._any_english = not region
        self._british: Any = None
        config = self._linter.get_lint_config()
        unknown = [name for name, _ in settings.harper_rules if name not in config]
        if unknown:
            raise EngineUnavailable(
                f"unknown Harper rule(s) in [prose.harper] rules: {', '.join(unknown)}"
            )
        config.update({name: False for name in OFF_BY_DEFAULT if name in config})
        config.update(dict(settings.harper_rules))
        self._linter.set_lint_config(config)

    def check(self, units: Sequence[Unit]) -> list[list[EngineFinding]]:
        results = []
        for unit in units:
            found = [
                shifted
                for offset, chunk in chunks(unit.plain)
                for shifted in self._check_one(chunk, offset)
            ]
            found.sort(key=lambda finding: (finding.start, finding.end, finding.code))
            results.append(found)
        if self._any_english:
            results = self._without_british_spelling(units, results)
        return results

    def _without_british_spelling(
        self, units: Sequence[Unit], results: list[list[EngineFinding]]
    ) -> list[list[EngineFinding]]:
        """The findings but the spelling ones whose word British spelling knows (``behaviour``,
        ``organise``), which English with no region allows: every word asked at once."""
        words = {
            unit.plain[finding.start : finding.end]
            for unit, found in zip(units, results, strict=True)
            for finding in found
            if finding.code == "SpellCheck"
        }
        if not words:
            return results
        british = self._british_words(sorted(words))
        return [
            [
                finding
                for finding in found
                if finding.code != "SpellCheck"
                or unit.plain[finding.start : finding.end] not in british
            ]
            for unit, found in zip(units, results, strict=True)
        ]

    def _british_words(self, words: Sequence[str]) -> set[str]:
        """Which of ``words`` a British spell check accepts (one Harper call for them all,
        a word per line)."""
        if self._british is None:
            config = self._linter.get_lint_config()
            self._british = self._harper.Linter(self._harper.Dialect.BRITISH)
            self._british.set_lint_config({name: name == "SpellCheck" for name in config})
        text = "\n".join(words)
        flagged = {
            text[lint.span.start : lint.span.end]
            for lint in self._british.lint(text, language=self._harper.Language.PLAINTEXT)
        }
        return {word for word in words if word not in flagged}

    def _check_one(self, text: str, offset: int) -> list[EngineFinding]:
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
                        start=offset + lint.span.start,
                        end=offset + lint.span.end,
                        rule=rule_of_kind(lint.lint_kind),
                        message=lint.message,
                        code=rule_name,
                        suggestions=tuple(dict.fromkeys(suggestions)),
                    )
                )
        return found

    def close(self) -> None:
        """Nothing to stop: Harper runs in this process."""


#: What lint.prose.engines looks up in each engine module.
Engine = HarperEngine
version_of = harper_version
