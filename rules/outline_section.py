"""Rule ``outline-section``: a section that is only a bullet outline of notes to self."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import PurePath
from typing import TYPE_CHECKING, Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.inline import plain_text
from lint.paragraphs import is_rendered_example
from lint.sections import Section

if TYPE_CHECKING:
    from markdown_it.token import Token

#: Changelogs and release notes list terse entries by design (keepachangelog.com headings).
_CHANGELOG_FILE = re.compile(r"(?i)^(change[-_ ]?log|changes|history|news|release[-_ ]?notes?)$")
_CHANGE_HEADING = re.compile(
    r"(?i)\bv?\d+\.\d+|^(added|changed|deprecated|removed|fixed|fixes|security|internal|"
    r"breaking changes?|bug ?fixes|new features?|improvements|features|unreleased)\b|"
    r"\b(?:changes|changelog|release notes|what'?s new|highlights)\b"
)
#: A list item that starts with a bold area name (``**stream**: fix…``): a changelog entry.
_AREA_ENTRY = re.compile(r"^\s*(?:\*\*|__)[^*_\n]{1,40}(?:\*\*|__)\s*:")
#: A section whose body is this many words, in lower case, is a note to self.
NOTE_WORDS = (2, 3)
#: Items this short are names of things (a list of libraries, of devices), not notes.
_NAME_WORDS = 2
_TASK_OPEN = re.compile(r"\[ \]\s")
_TASK_ANY = re.compile(r"\[[ xX]\]\s")
_REFERENCE_CHILDREN = {"link_open", "code_inline", "citation", "template", "image", "math_inline"}


class OutlineSection:
    """A section (or a document without headings) whose whole body is a bullet outline of
    terse fragments, with no sentence anywhere in it: the shape of notes to self ("- overall
    impressions", "- what did I want out of this?") that were meant to become paragraphs; and
    a to-do checklist (``- [ ] write the intro``) with half of its boxes or more open, anywhere;
    and a section whose whole body is a two- or three-word note in lower case ("touchstart,
    touchend", "add the plot").

    A list counts as an outline when it has at least ``min_items`` items, no item reads as
    a sentence (capitalised, ``sentence_words`` words or more, ending in ``.``, ``!``, ``?`` or
    ``:``), few items
    carry links, code or citations (reference lists and release notes do), and it looks like
    notes: most items start in lower case, or it nests sub-items, or it asks itself
    questions. A list of names (items of one or two words: libraries, devices, people) and a
    changelog's entries (``- **stream**: fix the order``) are not notes. A section with a
    paragraph anywhere in its own body is not an outline; subsections are judged on their own.

    Not reported in slides and dashboards, in changelogs and release notes (files named
    CHANGELOG, NEWS, release-notes...), or for sections under a heading that names a version
    ("## 2.1.0", "Notable changes in 11.4.0") or a kind of change ("Added", "Fixed",
    "Breaking changes", "What's new"...).

    Severity ``info`` by default: an outline can be the finished form of a page.

    Fix: turn the notes into prose, or keep them out of the published file.
    """

    id: ClassVar[str] = "outline-section"
    summary: ClassVar[str] = "A section is only a bullet outline of terse notes, no prose."
    groups: ClassVar[tuple[str, ...]] = ("unfinished",)
    severity: ClassVar[Severity] = Severity.INFO
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "min_items": {
                "type": "integer",
                "minimum": 1,
                "default": 3,
                "description": "Fewest items for a list to count as an outline.",
            },
            "sentence_words": {
                "type": "integer",
                "minimum": 1,
                "default": 6,
                "description": "A capitalised item this long ending in . ! ? or : is a sentence.",
            },
        },
        "additionalProperties": False,
    }
    example: ClassVar[str] = (
        "## Talks\n\n- overall impressions\n- what did I hope to learn?\n"
        "  - onboarding\n  - access control\n"
    )

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        if doc.is_slides() or _CHANGELOG_FILE.search(PurePath(doc.path).stem):
            return
        tokens = doc.tokens
        yield from _checklists(doc, options)
        if not doc.sections:
            yield from _outline_document(doc, options)
        for section, parent in _all_sections(doc.sections, None):
            if not section.blocks or _is_change_list(doc, section, parent):
                continue
            note = _note_only(tokens, section)
            if note is not None:
                span = doc.line_span(section.line)
                title = plain_text(tokens[section.heading + 1]).strip()
                yield Finding(
                    span.start, span.end, f'the section "{title}" holds only a note: "{note}"'
                )
                continue
            if any(tokens[index].type != "bullet_list_open" for index in section.blocks):
                continue
            items = list(_items(tokens, section.blocks))
            if _is_outline(items, options) and not _is_checklist(items, options):
                span = doc.line_span(section.line)
                title = plain_text(tokens[section.heading + 1]).strip()
                yield Finding(
                    span.start,
                    span.end,
                    f'the section "{title}" is only an outline of notes '
                    f"({len(items)} items, no prose)",
                )


def _note_only(tokens: list[Token], section: Section) -> str | None:
    """A section whose whole body is a note of two or three words in lower case, no
    punctuation, no link or code ("touchstart, touchend", "add the plot")."""
    if len(section.blocks) != 1 or section.children:
        return None
    index = section.blocks[0]
    if tokens[index].type != "paragraph_open":
        return None
    inline = tokens[index + 1]
    if any(child.type in _REFERENCE_CHILDREN for child in inline.children or []):
        return None
    text = plain_text(inline).strip()
    words = text.split()
    if not NOTE_WORDS[0] <= len(words) <= NOTE_WORDS[1] or not text[:1].islower():
        return None
    return None if text.endswith((".", "!", "?", ":", "…")) else text


def _outline_document(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """A document with no heading whose whole body is a bullet outline."""
    starts = [index for kind, index in doc.flow if kind == "content"]
    tokens = doc.tokens
    if not starts or any(tokens[index].type != "bullet_list_open" for index in starts):
        return
    items = list(_items(tokens, starts))
    if _is_outline(items, options) and not _is_checklist(items, options):
        span = doc.block_span(tokens[starts[0]])
        first = doc.line_span(doc.lines.position(span.start)[0])
        yield Finding(
            first.start,
            first.end,
            f"the document is only an outline of notes ({len(items)} items, no prose)",
        )


def _checklists(doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
    """A to-do checklist (``- [ ] write the intro``) with most of its boxes open."""
    tokens = doc.tokens
    if "[ ]" not in doc.text:
        return
    for kind, index in doc.flow:
        if kind != "content" or tokens[index].type != "bullet_list_open":
            continue
        items = list(_items(tokens, [index]))
        if items and is_rendered_example(doc, items[0][0].content):
            continue  # a checklist a syntax reference renders from the code above it
        if _is_checklist(items, options):
            open_items = sum(1 for inline, _ in items if _TASK_OPEN.match(inline.content))
            span = doc.line_span(doc.lines.position(doc.block_span(tokens[index]).start)[0])
            yield Finding(span.start, span.end, f"a to-do checklist with {open_items} open items")


def _is_checklist(items: list[tuple[Token, int]], options: Mapping[str, Any]) -> bool:
    tasks = [inline for inline, depth in items if depth >= 0 and _TASK_ANY.match(inline.content)]
    open_items = sum(1 for inline in tasks if _TASK_OPEN.match(inline.content))
    return open_items >= options["min_items"] and open_items * 2 >= len(items)


def _is_change_list(doc: Document, section: Section, parent: Section | None) -> bool:
    """A changelog's entries: the section or its parent is a version or a change kind."""
    tokens = doc.tokens
    titles = [plain_text(tokens[section.heading + 1]).strip()]
    if parent is not None:
        titles.append(plain_text(tokens[parent.heading + 1]).strip())
    return any(_CHANGE_HEADING.search(title) for title in titles)


def _all_sections(
    sections: Iterable[Section], parent: Section | None
) -> Iterator[tuple[Section, Section | None]]:
    for section in sections:
        yield section, parent
        yield from _all_sections(section.children, section)


def _items(tokens: list[Token], list_starts: Iterable[int]) -> Iterator[tuple[Token, int]]:
    """(inline token of the item's first paragraph, nesting depth) for every item, nested too."""
    for start in list_starts:
        depth = 0
        level = tokens[start].level
        for token in tokens[start:]:
            if token.type == "bullet_list_open" or token.type == "ordered_list_open":
                depth += 1
            elif token.type in ("bullet_list_close", "ordered_list_close"):
                depth -= 1
                if depth == 0 and token.level == level:
                    break
            elif token.type == "inline" and token.map is not None:
                yield token, depth
            elif token.type in ("fence", "code_block", "table_open", "blockquote_open"):
                yield token, -1  # a list carrying code, tables or quotes is not notes


def _is_outline(items: list[tuple[Token, int]], options: Mapping[str, Any]) -> bool:
    if len(items) < options["min_items"] or any(depth < 0 for _, depth in items):
        return False
    texts = [plain_text(inline).strip().removeprefix(": ").strip() for inline, _ in items]
    if any(_is_sentence(text, options["sentence_words"]) for text in texts):
        return False
    references = sum(1 for inline, _ in items if _has_reference(inline))
    if references * 3 >= len(items):
        return False
    if any(_AREA_ENTRY.match(inline.content) for inline, _ in items):
        return False  # "**stream**: fix the order": a changelog's entries
    nested = any(depth > 1 for _, depth in items)
    if not nested and all(len(text.split()) <= _NAME_WORDS for text in texts):
        return False  # a list of names: libraries, devices, people
    lower = sum(1 for text in texts if text[:1].islower())
    questions = any(text.endswith("?") for text in texts)
    return lower * 2 > len(texts) or nested or questions


def _has_reference(inline: Token) -> bool:
    """Links, code, citations, images or a site generator's macros (``{{domxref(...)}}``)."""
    return "{{" in inline.content or any(
        child.type in _REFERENCE_CHILDREN for child in inline.children or []
    )


def _is_sentence(text: str, sentence_words: int) -> bool:
    """Capitalised, ending like a sentence, and long enough to be one."""
    capitalised = text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"“'"
    ending = text.endswith((".", "!", "?", ":"))
    return capitalised and ending and len(text.split()) >= sentence_words
