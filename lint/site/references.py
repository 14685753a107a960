"""Footnotes and link reference definitions within one page: uses with no definition
(``[^note]``, ``[text][label]`` left as plain text by the parser), and definitions no use
names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lint.dialects.syntax.extensions import FOOTNOTES

if TYPE_CHECKING:
    from markdown_it.token import Token

    from lint.document import Document

_FOOTNOTE_USE = re.compile(r"\[\^([^\]\s]{1,100})\]")
#: ``[text][label]`` and ``[label][]``: the full and collapsed reference forms.
_REFERENCE_USE = re.compile(r"\[([^\[\]]{1,500})\]\[([^\[\]]{0,500})\]")
#: A label in brackets, perhaps across lines (CommonMark folds the whitespace).
_BRACKETED = re.compile(r"\[([^\[\]]{1,500})\]")
#: ``[//]: # (a comment)``: the Markdown idiom for a comment, never meant to be used.
_COMMENT_LABELS = frozenset({"//", "comment", "_", "#", "//:"})
_WHITESPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Spot:
    """A name at a span of the document's text."""

    name: str
    start: int
    end: int


def normal_label(label: str) -> str:
    """A label as CommonMark matches it: case-folded, whitespace runs one space."""
    return _WHITESPACE.sub(" ", label.strip()).casefold()


def has_footnotes(doc: Document) -> bool:
    return FOOTNOTES in doc.dialect.syntax


def undefined_footnotes(doc: Document) -> Iterator[Spot]:
    """``[^label]`` in the text (the parser leaves a reference to no definition as text)."""
    if not has_footnotes(doc):
        return
    for block, text in _texts(doc):
        for found in _FOOTNOTE_USE.finditer(text):
            spot = _locate(doc, block, found[0], found[1])
            if spot is not None:
                yield spot


def undefined_references(doc: Document) -> Iterator[Spot]:
    """``[text][label]`` and ``[label][]`` left as text: the label has no definition (and
    the generator does not resolve it across the site)."""
    if doc.dialect.resolves_references(Path(doc.path)):
        return
    for block, text in _texts(doc):
        for found in _REFERENCE_USE.finditer(text):
            label = found[2] or found[1]
            if not label.strip() or label.startswith("^"):
                continue
            spot = _locate(doc, block, found[0], label)
            if spot is not None:
                yield spot


def unused_definitions(doc: Document) -> Iterator[tuple[str, Spot]]:
    """("link reference" or "footnote", spot) of each definition that nothing uses."""
    env = doc.parse_env
    references = env.get("references", {})
    if references:
        used = _bracketed_labels(doc)
        for label, definition in references.items():
            if normal_label(label) in used or _is_comment(label, definition):
                continue
            spot = _definition_spot(doc, definition.get("map"), label)
            if spot is not None:
                yield "link reference", spot
    refs = env.get("footnotes", {}).get("refs", {})
    for key, count in refs.items():
        if count != -1:
            continue
        label = key[1:]
        found = re.search(rf"(?m)^[ \t]{{0,3}}\[\^{re.escape(label)}\]:", doc.text)
        # Used where the parser does not look (a grid table's cell, say): used all the same.
        if re.search(rf"\[\^{re.escape(label)}\](?!:)", doc.text[doc.body_start :]):
            continue
        if found is not None:
            start = found.start() + found[0].index("[")
            yield "footnote", Spot(label, start, start + len(label) + 3)


def _is_comment(label: str, definition: dict[str, object]) -> bool:
    return label.strip() in _COMMENT_LABELS or definition.get("href") == "#"


def _texts(doc: Document) -> Iterator[tuple[Token, str]]:
    """(inline block, text) of each run of text the parser left as text, runs joined
    across line breaks (a label may wrap)."""
    for token in doc.tokens:
        if token.type != "inline" or not token.children or token.map is None:
            continue
        if "[" not in token.content:
            continue  # most paragraphs: no bracket, no reference
        run: list[str] = []
        for child in [*token.children, None]:
            if child is not None and child.type == "text":
                run.append(child.content)
            elif child is not None and child.type == "softbreak":
                run.append("\n")
            else:
                text = "".join(run)
                if "[" in text:
                    yield token, text
                run = []


def _locate(doc: Document, block: Token, written: str, name: str) -> Spot | None:
    """Where ``written`` is in ``block``'s source, if it is there as written (an escaped
    bracket in the source is no reference)."""
    assert block.map is not None
    start = doc.lines.line_start(block.map[0] + 1)
    end = doc.lines.line_start(block.map[1] + 1)
    first_line = written.split("\n", 1)[0]
    found = doc.text.find(first_line, start, end)
    if found == -1 or (found > 0 and doc.text[found - 1] == "\\"):
        return None
    return Spot(" ".join(name.split()), found, found + len(first_line))


def _bracketed_labels(doc: Document) -> set[str]:
    labels: set[str] = set()
    for token in doc.tokens:
        if token.type == "inline":
            labels.update(normal_label(found) for found in _BRACKETED.findall(token.content))
    return labels


def _definition_spot(doc: Document, lines: list[int] | None, label: str) -> Spot | None:
    if not lines:
        return None
    start = doc.lines.line_start(lines[0] + 1)
    end = doc.lines.line_end(lines[0] + 1, doc.text)
    bracket = doc.text.find("[", start, end)
    if bracket == -1:
        return None
    close = doc.text.find("]", bracket, end)
    return Spot(label, bracket, close + 1 if close != -1 else end)
