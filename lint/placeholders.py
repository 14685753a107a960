"""What counts as a placeholder in a piece of text: the default marks, the user's own patterns
(run with a time limit), a fast first look at raw text, and the habits of writing that only
talk about a mark ("the TODO plugin", "removed an outdated TODO", "dates are still TBD")."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: The upper-case marks an editor leaves; they must stand as words of their own.
WORD_MARKS = ("TODO", "FIXME", "TBD", "TBA", "TK", "XXX")
#: What a value, a link target or a label consisting of nothing else means "to be done", in any
#: case (``title: tbd``, ``[notes](XXX)``, ``![tbd](plot.png)``).
PLACEHOLDER_WORDS = frozenset({"todo", "tbd", "tba", "tbc", "fixme", "xxx", "tk", "???"})
# "TODO notes", "a TODO list", "the TODO plugin": talk about the mark rather than leave one.
_NAMED = (
    r"(?!\s+(?:notes?|comments?|lists?|items?|apps?|applications?|tags?|markers?|entries|entry"
    r"|plugins?|extensions?|statements?|keywords?|highlight(?:s|ing)?|trees?|tools?|syntax)\b)"
)
#: Documentation that a page promises ("A full guide is coming soon!").
_PROMISED = (
    r"(?:details?|info|information|content|examples?|documentation|docs|text|screenshots?"
    r"|instructions|guides?|tutorials?|sections?|pages?|articles?|posts?|write-?ups?"
    r"|walkthroughs?|explanations?|descriptions?|videos?|demos?)"
)
DEFAULT_MARKERS = (
    # Each starts with its literal, so that a search skips ahead fast.
    rf"TODO(?<![\w-]TODO)(?![\w-]){_NAMED}",
    rf"FIXME(?<![\w-]FIXME)(?![\w-]){_NAMED}",
    r"TBD(?<![\w-]TBD)(?![\w-])",
    r"TBA(?<![\w-]TBA)(?![\w-])",
    r"TK(?<![\w-]TK)(?![\w-])",
    rf"XXX(?<![\w-]XXX)(?![\w-]){_NAMED}",
    r"(?i:lorem ipsum dolor\b)",
    r"(?i:^\W*(coming soon)\W*$)",
    r"(?i:^\W*(?:\S+\s+){0,6}?[(\[]\s*(coming soon)\s*[)\]]\W*$)",
    r"(?im:[:–—]\s*(coming soon)\W*$)",
    rf"(?i:\b((?:more\s+)?{_PROMISED}(?:\s+[\w'-]+){{0,5}}?\s+(?:is|are|will\s+be)\s+coming\s+soon"
    rf"|(?:more\s+)?{_PROMISED}\s+coming\s+soon)\b)",
    r"(?i:^\W*(under construction)\W*$)",
    r"(?i:\b(?:is|are|remains?)\s+(?:currently\s+|still\s+)?(under construction)\b)",
    r"(?i:\[\s*citation needed\s*\])",
    r"(?i:^\W*([\[(<{]\s*insert\b[^\])>}\n]{0,60}?\bhere\s*[\])>}])\W*$)",
    r"(?i:^\W*(insert\b[^.\n]{0,60}?\bhere)\W*$)",
    r"(?i:[(\[]\s*\^?(todo|tbd|tba|fixme)\b)",
    r"\bXX(?=\s?%)|(?<=[$€£])XX\b",
    r"(?i:\b\d{4}-xx-xx\b|\b\d{4}-\d\d-xx\b|\bxx/xx/\d{4}\b)",
    r"INSERT\b[^.\n]{0,60}?\bHERE\b",
    # Apart from the words ("what???" is emphasis) and not assigned ("x = ???" is Scala).
    r"\?\?\?+(?<![^\s:(\[]\?\?\?)(?<!=\s\?\?\?)(?![^\s).\]])",
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
            (_ANY_CASE, (("coming", "soon"),), _CONFIRM),
            (_ANY_CASE, (("under construction",),), ""),
            (_ANY_CASE, (("construction",),), _CONFIRM),
            (_ANY_CASE, (("citation needed",),), ""),
            (_ANY_CASE, (("insert", "here"),), _CONFIRM),
            (_ANY_CASE, (("insert", "here"),), _CONFIRM),
            (_ANY_CASE, (("todo",), ("tbd",), ("tba",), ("fixme",)), _CONFIRM),
            (_EXACT, (("XX",),), ""),
            (_ANY_CASE, (("-xx",), ("xx/",)), ""),
            (_EXACT, (("INSERT", "HERE"),), ""),
            (_EXACT, (("???",),), ""),
        ),
        strict=True,
    )
)
_WORD_MARKS = frozenset(WORD_MARKS)
#: An editing verb or adjective just before a mark: it is the object of the sentence
#: ("removed an outdated TODO", "resolve TODO and rename", "Remove old FIXME").
_EDITED = re.compile(
    r"(?i)\b(?:remov(?:e[sd]?|ing)|resolv(?:e[sd]?|ing)|fix(?:e[sd]|ing)?|address(?:e[sd]|ing)?"
    r"|clarif(?:y|ied|ies|ying)|add(?:s|ed|ing)?|updat(?:e[sd]?|ing)|outdated|old|stale|minor"
    r"|existing|obsolete|leftover|remaining|unresolved|open|any|every|each)\s+(?:an?\s+)?$"
)
#: "Still" or "remain" just before "TBD" states a fact ("the dates are still TBD").
_STATED = re.compile(r"(?i)\b(?:still|remains?|remained)\s+$")
_QUOTES = "\"'“‘«`"
_MARK_WORDS = "|".join(WORD_MARKS)
#: A list of marks: each is named, none is left ("TODO, FIXME and XXX").
_LISTED_BEFORE = re.compile(rf"\b(?:{_MARK_WORDS})\s*(?:,|/|\bor\b|\band\b)\s*$")
_LISTED_AFTER = re.compile(rf"\s*(?:,|/|or\b|and\b)\s*(?:{_MARK_WORDS})\b")
#: A list item of a changelog: a pull request, issue or commit reference.
_CHANGE_REFERENCE = re.compile(r"(?:^|[\s(\[])#\d{2,}\b|/(?:pull|commit|issues)/[0-9a-f]{5,}")


def mentioned(text: str, start: int, end: int) -> bool:
    """Whether the upper-case mark ``text[start:end]`` is talked about rather than left: the
    object of an editing verb, "still TBD", or one of a list of marks ("TODO, FIXME, TBD")."""
    mark = text[start:end]
    before = text[max(start - 40, 0) : start]
    if _EDITED.search(before) or _LISTED_BEFORE.search(before):
        return True
    if _LISTED_AFTER.match(text, end):
        return True
    return mark in ("TBD", "TBA") and _STATED.search(before) is not None


def quoted(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` opens right after a quotation mark (``"TODO - implement"``),
    brackets between them (``"(TODO: document how)"``, ``"[TBD]"``)."""
    at = start
    while at > 0 and text[at - 1] in "([":
        at -= 1
    # An opening mark: the text's start or a space before it ("Setup"(TODO) closes a quote).
    return at > 0 and text[at - 1] in _QUOTES and (at == 1 or not text[at - 2].isalnum())


def is_change_entry(raw: str) -> bool:
    """A changelog entry: the text refers to a pull request, an issue or a commit."""
    return _CHANGE_REFERENCE.search(raw) is not None


def is_placeholder_value(text: str) -> bool:
    """A value, label or link target that is nothing but a placeholder (``tbd``, ``TODO:``)."""
    stripped = text.strip().strip(" .:!*_-–—").strip()
    return stripped.casefold() in PLACEHOLDER_WORDS


def is_placeholder_label(text: str) -> bool:
    """A label that is itself a placeholder (``**Coming soon**``, ``*TBD*``)."""
    stripped = text.strip().strip(" .:!*_-–—").strip().casefold()
    return stripped in _PLACEHOLDER_PHRASES or is_placeholder_value(text)


_PLACEHOLDER_PHRASES = frozenset({"coming soon", "under construction", "to be written"})


class PatternTimeout(Exception):
    """A user's pattern ran past the time a file may spend on such patterns."""

    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


_DEADLINE: list[float] = [0.0]  # when the user's patterns must stop, for the current file


def start_clock(seconds: float) -> None:
    """The user's patterns may run ``seconds`` from now on the current file."""
    _DEADLINE[0] = time.monotonic() + seconds


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
def compile_markers(patterns: tuple[str, ...]) -> tuple[Any, ...]:
    """Our own markers with ``re``; the user's with ``regex`` and a time limit."""
    return tuple(re.compile(p) if p in _DEFAULTS else _Bounded(p) for p in patterns)


_LEADING_WORDS = re.compile(r"^(\(\?[a-z]+:)\(\?:\\S\+\\s\+\)\{0,\d+\}\??")


@lru_cache(maxsize=32)
def _relaxed(marker: Any) -> re.Pattern[str] | None:
    """A pattern that matches the raw text wherever ``marker`` can match its prose: anchors
    dropped, since markup may stand between a line's start and its text (``![Coming
    soon](x.png)``); None when other anchors make that unsafe."""
    if isinstance(marker, _Bounded):
        return None  # the user's pattern: no first look, the prose is always extracted
    pattern = marker.pattern.replace("^\\W*", "").replace("\\W*$", "")
    # Unanchored, a leading run of at most n words (``(?:\S+\s+){0,6}?``) may match none:
    # dropped, it changes nothing but the time a search takes (tried at every position).
    pattern = _LEADING_WORDS.sub(r"\1", pattern)
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
    #: One word of each keyword group in lower case (its longest: the rarest): a text in
    #: which none stands cannot match a known marker. Empty when other markers are present.
    screen: tuple[str, ...]


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
    screen = {max(group, key=len).lower() for _, alternatives, _ in known for group in alternatives}
    return _Prefilter(
        tuple(sorted(word for exact, word in words if exact)),
        tuple(sorted(word for exact, word in words if not exact)),
        tuple(known),
        tuple(others),
        () if others else shortest_cover(screen),
    )


def shortest_cover(words: set[str]) -> tuple[str, ...]:
    """The words no other of them lies within ("xxx" holds "xx": looking for "xx" will do)."""
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


def screen_words(markers: tuple[re.Pattern[str], ...]) -> tuple[str, ...] | None:
    """Lower-case words of which a text must hold one for ``candidate`` to be true; None
    when the markers include ones no word tells (the user's own patterns)."""
    prefilter = _prefilter(markers)
    return prefilter.screen if not prefilter.others else None


def candidate(
    text: str, start: int, markers: tuple[re.Pattern[str], ...], lowered: str | None = None
) -> bool:
    """Whether the raw text has a candidate at all, before paying for prose extraction
    (``lowered``: the text from ``start`` in lower case, when the caller has it)."""
    prefilter = _prefilter(markers)
    body = text[start:] if start else text
    if prefilter.screen:
        lowered = body.lower() if lowered is None else lowered
        if not any(word in lowered for word in prefilter.screen):
            return False
    found = {word for word in prefilter.exact_words if word in body}
    if prefilter.any_case_words:
        lowered = body.lower() if lowered is None else lowered
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


def matches(
    text: str,
    markers: Sequence[re.Pattern[str]],
    allowed: Sequence[re.Pattern[str]],
    mentions: bool = True,
) -> Iterator[tuple[int, int, str]]:
    """(start, end, what) of every placeholder in ``text``: overlapping markers give one, the
    ``allowed`` patterns' matches none, and with ``mentions`` an upper-case mark that is
    talked about rather than left gives none either. A pattern with a group reports what its
    first group matched."""
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
            if mentions and (
                quoted(text, start, end)
                or (text[start:end] in _WORD_MARKS and mentioned(text, start, end))
            ):
                continue
            taken.append((start, end))
            yield start, end, text[start:end]
