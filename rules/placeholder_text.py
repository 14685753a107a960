"""Rule ``placeholder-text``: TODO, TBD, lorem ipsum and other marks of unfinished text."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.positions import Span

# The upper-case marks must stand as words of their own; "TODO notes" or "a TODO list" talk
# about the mark rather than leave one.
_MENTIONED = r"(?!\s+(?:notes?|comments?|lists?|items?|apps?|applications?|tags?|markers?|entries))"
DEFAULT_MARKERS = (
    # Each starts with its literal, so that a search skips ahead fast.
    rf"TODO(?<![\w-]TODO)(?![\w-]){_MENTIONED}",
    rf"FIXME(?<![\w-]FIXME)(?![\w-]){_MENTIONED}",
    r"TBD(?<![\w-]TBD)(?![\w-])",
    r"TBA(?<![\w-]TBA)(?![\w-])",
    r"TK(?<![\w-]TK)(?![\w-])",
    rf"XXX(?<![\w-]XXX)(?![\w-]){_MENTIONED}",
    r"(?i:lorem ipsum dolor\b)",
    r"(?i:^\W*(coming soon)\W*$)",
    r"(?i:[(\[]\s*(coming soon)\s*[)\]])",
    r"(?i:\b((?:more\s+)?(?:details?|info|information|content|examples?|documentation|docs|"
    r"text|screenshots?|instructions)\s+(?:(?:is|are|will\s+be)\s+)?coming\s+soon)\b)",
    r"(?i:^\W*(under construction)\W*$)",
    r"(?i:\b(?:is|are|remains?)\s+(?:currently\s+|still\s+)?(under construction)\b)",
    r"(?i:\[\s*citation needed\s*\])",
    r"(?i:[\[(<{]\s*insert\b[^\])>}\n]{0,60}?\bhere\s*[\])>}])",
    r"(?i:^\W*(insert\b[^.\n]{0,60}?\bhere)\W*$)",
    r"(?i:[(\[]\s*(todo|tbd|fixme)\s*[:)\]])",
    r"\bXX(?=\s?%)|(?<=[$€£])XX\b",
    r"INSERT\b[^.\n]{0,60}?\bHERE\b",
    r"\?\?\?+",
)
#: For each default marker: whether its words are matched case-sensitively, and the sets of
#: words (any set, all its words) that every text it matches contains. A substring test finds
#: the documents worth a closer look far faster than the patterns do.
_EXACT, _ANY_CASE = True, False
#: Where the words alone let through many documents, the (relaxed) pattern confirms them.
_CONFIRM = "confirm"
_KEYWORDS: dict[str, tuple[bool, tuple[tuple[str, ...], ...], str]] = dict(
    zip(
        DEFAULT_MARKERS,
        (
            (_EXACT, (("TODO",),), ""),
            (_EXACT, (("FIXME",),), ""),
            (_EXACT, (("TBD",),), ""),
            (_EXACT, (("TBA",),), ""),
            (_EXACT, (("TK",),), ""),
            (_EXACT, (("XXX",),), ""),
            (_ANY_CASE, (("lorem ipsum",),), _CONFIRM),
            (_ANY_CASE, (("coming", "soon"),), _CONFIRM),
            (_ANY_CASE, (("coming", "soon"),), _CONFIRM),
            (_ANY_CASE, (("coming", "soon"),), _CONFIRM),
            (_ANY_CASE, (("under construction",),), ""),
            (_ANY_CASE, (("construction",),), _CONFIRM),
            (_ANY_CASE, (("citation needed",),), ""),
            (_ANY_CASE, (("insert", "here"),), _CONFIRM),
            (_ANY_CASE, (("insert", "here"),), _CONFIRM),
            (_ANY_CASE, (("todo",), ("tbd",), ("fixme",)), _CONFIRM),
            (_EXACT, (("XX",),), ""),
            (_EXACT, (("INSERT", "HERE"),), ""),
            (_EXACT, (("???",),), ""),
        ),
        strict=True,
    )
)
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)


class PatternTimeout(Exception):
    """A user's pattern ran past the time a file may spend on such patterns."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


_DEADLINE: list[float] = [0.0]  # when the user's patterns must stop, for the current file


class _Bounded:
    """A user's regular expression, run by the ``regex`` module with a time limit: a
    catastrophic pattern in the config must not hang the run."""

    def __init__(self, pattern: str) -> None:
        import regex  # only for patterns the user wrote

        self._compiled = regex.compile(pattern)
        self.pattern = pattern
        self.flags = 0

    def _timeout(self) -> float:
        return max(_DEADLINE[0] - time.monotonic(), 0.001)

    def search(self, text: str, pos: int = 0) -> Any:
        try:
            return self._compiled.search(text, pos, timeout=self._timeout())
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None

    def finditer(self, text: str) -> Iterator[Any]:
        try:
            yield from self._compiled.finditer(text, timeout=self._timeout())
        except TimeoutError:
            raise PatternTimeout(self.pattern) from None


_DEFAULTS = frozenset(DEFAULT_MARKERS)


@lru_cache(maxsize=32)
def _compile(patterns: tuple[str, ...]) -> tuple[Any, ...]:
    """Our own markers with ``re``; the user's with ``regex`` and a time limit."""
    return tuple(re.compile(p) if p in _DEFAULTS else _Bounded(p) for p in patterns)


@lru_cache(maxsize=32)
def _relaxed(marker: Any) -> re.Pattern[str] | None:
    """A pattern that matches the raw text wherever ``marker`` can match its prose: anchors
    dropped, since markup may stand between a line's start and its text (``![Coming
    soon](x.png)``); None when other anchors make that unsafe."""
    if isinstance(marker, _Bounded):
        return None  # the user's pattern: no first look, the prose is always extracted
    pattern = marker.pattern.replace("^\\W*", "").replace("\\W*$", "")
    outside_classes = re.sub(r"\[(?:\\.|[^\]])*\]", "", pattern)
    if re.search(r"(?<!\\)[$^]", outside_classes):
        return None
    return re.compile(pattern, marker.flags)


@dataclass(frozen=True)
class _Prefilter:
    """The words to look for in a text, once each, and which markers they let through."""

    exact_words: tuple[str, ...]
    any_case_words: tuple[str, ...]
    #: Per keyword-known marker: (exact, alternatives, pattern to confirm with or None).
    known: tuple[tuple[bool, tuple[tuple[str, ...], ...], re.Pattern[str] | None], ...]
    #: Markers without keywords: their relaxed pattern, or None when only extraction can tell.
    others: tuple[re.Pattern[str] | None, ...]


@lru_cache(maxsize=32)
def _prefilter(markers: tuple[re.Pattern[str], ...]) -> _Prefilter:
    known = []
    others = []
    for marker in markers:
        entry = _KEYWORDS.get(marker.pattern)
        if entry is None:
            others.append(_relaxed(marker))
            continue
        exact, alternatives, confirm = entry
        known.append((exact, alternatives, _relaxed(marker) if confirm else None))
    words = {
        (exact, word)
        for exact, alternatives, _ in known
        for group in alternatives
        for word in group
    }
    return _Prefilter(
        tuple(sorted(word for exact, word in words if exact)),
        tuple(sorted(word for exact, word in words if not exact)),
        tuple(known),
        tuple(others),
    )


def _candidate(text: str, start: int, markers: tuple[re.Pattern[str], ...]) -> bool:
    """Whether the raw text has a candidate at all, before paying for prose extraction."""
    prefilter = _prefilter(markers)
    body = text[start:] if start else text
    found = {word for word in prefilter.exact_words if word in body}
    if prefilter.any_case_words:
        lowered = body.lower()
        found_any_case = {word for word in prefilter.any_case_words if word in lowered}
    else:
        found_any_case = set()
    for exact, alternatives, confirm in prefilter.known:
        present = found if exact else found_any_case
        if not present:
            continue
        if any(all(word in present for word in group) for group in alternatives) and (
            confirm is None or confirm.search(text, start)
        ):
            return True
    return any(relaxed is None or relaxed.search(text, start) for relaxed in prefilter.others)


class PlaceholderText:
    """A placeholder left in the text: TODO, FIXME, TBD, TBA, TK (the editors' mark for "to
    come"), XXX, "lorem ipsum", "coming soon", "under construction", "[citation needed]",
    "[insert … here]", "???".

    Looked for in prose, headings, link text, image alt text, table cells and front matter
    string values, each at its exact position; never inside code (inline or fenced), URLs or
    HTML comments (``include_comments = true`` looks in comments too). The upper-case marks
    must stand as words of their own, so "TODOs" or "TK-421" are not placeholders, and "TODO
    notes" talks about the mark rather than leaving one. "Lorem ipsum" counts where the dummy
    text itself is ("Lorem ipsum dolor…"), not where a sentence mentions it; "coming soon"
    counts as a line of its own or after what is missing ("Details coming soon."); "under
    construction" as a line of its own or in "this page is under construction". A pattern
    with a group reports what the first group matched.

    Options: ``markers`` replaces the list (regular expressions), ``extend_markers`` adds to
    it, ``ignore_markers`` removes entries from it (as written in the list), and ``allow``
    lists regular expressions whose matches are fine, e.g. ``TODO\\(#\\d+\\)`` for TODOs that
    a team tracks in its issue tracker.
    """

    id: ClassVar[str] = "placeholder-text"
    summary: ClassVar[str] = "A placeholder such as TODO, TBD or lorem ipsum is left in the text."
    groups: ClassVar[tuple[str, ...]] = ("unfinished",)
    severity: ClassVar[Severity] = Severity.WARNING
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "markers": {
                "type": "array",
                "items": {"type": "string", "format": "regex"},
                "default": list(DEFAULT_MARKERS),
                "description": "Regular expressions of the placeholders (replaces the list).",
            },
            "extend_markers": {
                "type": "array",
                "items": {"type": "string", "format": "regex"},
                "default": [],
                "description": "More regular expressions, added to markers.",
            },
            "ignore_markers": {
                "type": "array",
                "items": {"type": "string"},
                "default": [],
                "description": "Entries of markers to drop, as written there.",
            },
            "allow": {
                "type": "array",
                "items": {"type": "string", "format": "regex"},
                "default": [],
                "description": "Regular expressions of text that may contain a marker.",
            },
            "include_comments": {
                "type": "boolean",
                "default": False,
                "description": "Also look inside HTML comments.",
            },
            "front_matter": {
                "type": "boolean",
                "default": True,
                "description": "Also look in front matter string values.",
            },
        },
        "additionalProperties": False,
    }
    example: ClassVar[str] = "# Pricing\n\nTODO: ask sales for the numbers.\n"

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        ignored = set(options["ignore_markers"])
        markers = _compile(
            tuple(
                pattern
                for pattern in (*options["markers"], *options["extend_markers"])
                if pattern not in ignored
            )
        )
        allowed = _compile(tuple(options["allow"]))
        from lint.limits import current

        seconds = current().pattern_seconds
        _DEADLINE[0] = time.monotonic() + seconds
        try:
            if _candidate(doc.text, doc.body_start, markers):
                # Only a document whose raw text has a candidate pays for prose extraction.
                yield from self._prose(doc, markers, allowed)
            if options["front_matter"]:
                yield from _front_matter(doc, markers, allowed)
            if options["include_comments"]:
                yield from _comments(doc, markers, allowed)
        except PatternTimeout as stopped:
            yield Finding(
                0,
                0,
                f'the pattern "{stopped.pattern}" took more than {seconds:g} s on this file and '
                "was stopped; simplify it (or raise [limits] pattern-seconds)",
            )

    def _prose(
        self,
        doc: Document,
        markers: Sequence[re.Pattern[str]],
        allowed: Sequence[re.Pattern[str]],
    ) -> Iterator[Finding]:
        from lint.prose import extract

        marker_tuple = tuple(markers)

        def keep(content: str) -> bool:
            return _candidate(content, 0, marker_tuple)

        for segment in extract(doc.tokens, doc.text, doc.lines.starts, keep):
            for start, end, marker in _matches(segment.text, markers, allowed):
                span = segment.span(start, end)
                yield Finding(span.start, span.end, _message(marker))


def _message(marker: str) -> str:
    return f'placeholder "{marker}" left in the text'


def _matches(
    text: str, markers: Sequence[re.Pattern[str]], allowed: Sequence[re.Pattern[str]]
) -> Iterator[tuple[int, int, str]]:
    spans = [
        (found.start(), found.end()) for pattern in allowed for found in pattern.finditer(text)
    ]
    taken: list[tuple[int, int]] = []
    for pattern in markers:
        for found in pattern.finditer(text):
            start, end = found.span(1) if found.lastindex else found.span()
            if end == start or any(a <= start and end <= b for a, b in spans):
                continue
            if any(start < b and a < end for a, b in taken):
                continue  # one finding for overlapping markers
            taken.append((start, end))
            yield start, end, text[start:end]


def _strings(
    value: Any, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for position, item in enumerate(value):
            yield from _strings(item, (*path, position))


def _front_matter(
    doc: Document, markers: Sequence[re.Pattern[str]], allowed: Sequence[re.Pattern[str]]
) -> Iterator[Finding]:
    front_matter = doc.front_matter
    if front_matter is None or front_matter.data is None:
        return
    strings = list(_strings(front_matter.data, ()))
    if not _candidate("\n".join(value for _, value in strings), 0, tuple(markers)):
        return
    for path, value in strings:
        for _, _, marker in _matches(value, markers, allowed):
            value_span = front_matter.locate(path)
            source = doc.text[value_span.start : value_span.end]
            found = source.find(marker)
            if found == -1:
                span = value_span
            else:
                span = Span(value_span.start + found, value_span.start + found + len(marker))
            yield Finding(span.start, span.end, _message(marker) + " (front matter)")


def _comments(
    doc: Document, markers: Sequence[re.Pattern[str]], allowed: Sequence[re.Pattern[str]]
) -> Iterator[Finding]:
    code_lines = {
        line
        for token in doc.tokens
        if token.type in ("fence", "code_block") and token.map
        for line in range(token.map[0] + 1, token.map[1] + 1)
    }
    for comment in _COMMENT.finditer(doc.text, doc.body_start):
        if doc.lines.position(comment.start())[0] in code_lines:
            continue
        body = comment[1]
        if body.strip().startswith("contentlint-"):
            continue
        for start, end, marker in _matches(body, markers, allowed):
            offset = comment.start(1)
            yield Finding(offset + start, offset + end, _message(marker) + " (in a comment)")
