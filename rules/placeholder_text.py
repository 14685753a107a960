"""Rule ``placeholder-text``: TODO, TBD, lorem ipsum and other marks of unfinished text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.dialects.syntax import COMMENT, TEMPLATE
from lint.document import Document
from lint.inline import in_code_span
from lint.paragraphs import is_rendered_example
from lint.placeholders import (
    DEFAULT_MARKERS,
    WORD_MARKS,
    PatternTimeout,
    candidate,
    compile_markers,
    is_change_entry,
    is_placeholder_value,
    matches,
    screen_words,
    shortest_cover,
    start_clock,
)
from lint.positions import Span
from lint.sections import Section

#: Lower-case words that may be a placeholder standing alone: a cheap test of raw text.
_VALUE_WORDS = ("todo", "tbd", "tba", "tbc", "fixme", "xxx", "???")
_INSERT_HERE = re.compile(r"[\[(<{]?\s*INSERT\b[^.\n]{0,60}?\bHERE\b\s*[\])>}]?")
_REFERENCE = re.compile(r"^ {0,3}\[([^\]\n]+)\]:[ \t]*(\S*)", re.MULTILINE)
#: Where a lone lower-case word is a placeholder; a heading "todo" names an API (``test.todo``).
_SEGMENT_KINDS = ("paragraph", "table-cell", "alt-text", "term")


class PlaceholderText:
    """A placeholder left in the text: TODO, FIXME, TBD, TBA, TK (the editors' mark for "to
    come"), XXX, "lorem ipsum", "coming soon", "under construction", "[citation needed]",
    "[insert … here]", "???", a date such as ``2025-xx-xx``.

    Looked for in prose, headings, link text, image alt text, table cells and front matter
    string values, each at its exact position; never inside code spans, URLs or markup. The
    upper-case marks must stand as words of their own ("TODOs" and "TK-421" are not
    placeholders) and must be left, not talked about: "TODO notes", "the TODO plugin",
    "removed an outdated TODO", "dates are still TBD", a quoted "TODO" and the entries of a
    changelog (items that cite a pull request or commit) only mention the mark. "Lorem
    ipsum" counts where the dummy text itself is ("Lorem ipsum dolor…"); "coming soon" as a
    line of its own, after a colon ("Windows: coming soon") or after what is missing ("A full
    guide is coming soon!"), not as news ("support is coming soon"), nor as a heading over a
    list of what is coming; "under construction" on a line of its own or in "this page is
    under construction"; "???" standing apart from the words (not "what???").

    Also a placeholder: a value, heading, paragraph, alt text, link text or link target
    that is nothing but ``tbd``, ``todo`` or the like in any case (``title: tbd``,
    ``![tbd](plot.png)``, ``[thesis](tbd)``); an empty link target (``[docs]()``); a
    reference definition that points at one (``[survey]: TODO``); a code block that holds
    only a mark, and ``[INSERT … HERE]`` inside code. Marks inside HTML comments, Liquid
    ``{% comment %}`` and MDX ``{/* */}`` comments are notes the reader never sees: they are
    reported at ``info`` (``include_comments = false`` turns that off). Text that a code block
    of the same page holds too is a rendered example (a syntax reference's "Result:" under its
    source), not a placeholder.

    Options: ``markers`` replaces the list (regular expressions), ``extend_markers`` adds to
    it, ``ignore_markers`` removes entries from it (as written in the list), and ``allow``
    lists regular expressions whose matches are fine, e.g. ``TODO\\(#\\d+\\)`` for TODOs that
    a team tracks in its issue tracker. A pattern with a group reports what the first group
    matched.
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
                "default": True,
                "description": "Also look inside comments (reported at info).",
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
        markers = compile_markers(
            tuple(
                pattern
                for pattern in (*options["markers"], *options["extend_markers"])
                if pattern not in ignored
            )
        )
        allowed = compile_markers(tuple(options["allow"]))
        from lint.limits import current

        seconds = current().pattern_seconds
        start_clock(seconds)
        try:
            body = doc.text[doc.body_start :]
            lowered = body.lower()
            # One look at the raw body decides whether anything below can find something:
            # every place holds a marker, a word such as "tbd", or an empty link target.
            if _may_find(body, markers, lowered):
                yield from _prose(doc, markers, allowed)
                yield from _links(doc)
                yield from _code(doc)
                if options["include_comments"]:
                    yield from _comments(doc, markers, allowed)
            elif "]()" in body:
                yield from _links(doc)
            if options["front_matter"]:
                yield from _front_matter(doc, markers, allowed)
        except PatternTimeout as stopped:
            yield Finding(
                0,
                0,
                f'the pattern "{stopped.pattern}" took more than {seconds:g} s on this file and '
                "was stopped; simplify it (or raise [limits] pattern-seconds)",
            )


def _message(marker: str) -> str:
    return f'placeholder "{marker}" left in the text'


@lru_cache(maxsize=32)
def _screen(markers: tuple[re.Pattern[str], ...]) -> tuple[str, ...] | None:
    words = screen_words(markers)
    return None if words is None else shortest_cover({*words, *_VALUE_WORDS})


def _may_find(raw: str, markers: tuple[re.Pattern[str], ...], lowered: str | None = None) -> bool:
    """Whether ``raw`` may hold a marker or a placeholder value: first one look for the
    words without which it cannot (most texts hold none), then the markers' own test."""
    lowered = raw.lower() if lowered is None else lowered
    words = _screen(markers)
    if words is not None and not any(word in lowered for word in words):
        return False
    return candidate(raw, 0, markers, lowered) or _may_hold_value(raw, lowered)


def _may_hold_value(raw: str, lowered: str | None = None) -> bool:
    lowered = raw.lower() if lowered is None else lowered
    return any(word in lowered for word in _VALUE_WORDS)


def _prose(
    doc: Document, markers: Sequence[re.Pattern[str]], allowed: Sequence[re.Pattern[str]]
) -> Iterator[Finding]:
    marker_tuple = tuple(markers)
    from lint.prose.segments import extract

    def keep(content: str) -> bool:
        return _may_find(content, marker_tuple)

    headings: dict[int, Section] | None = None
    for segment in extract(doc.tokens, doc.text, doc.lines.starts, keep):
        raw = doc.tokens[segment.token].content
        if is_rendered_example(doc, raw):
            continue  # "_Result_:" under a code block shows what that code renders
        entry = "list_item_open" in segment.containers and is_change_entry(raw)
        found = False
        for start, end, marker in matches(segment.text, markers, allowed):
            if entry and marker in WORD_MARKS:
                continue  # a changelog entry names the TODO its change removed
            if segment.kind == "heading" and "coming soon" in marker.casefold():
                headings = headings if headings is not None else _headings(doc.sections)
                section = headings.get(segment.token - 1)
                if section is not None and not section.is_empty:
                    continue  # a heading over the list of what is coming
            found = True
            span = segment.span(start, end)
            yield Finding(span.start, span.end, _message(marker))
        if not found and segment.kind in _SEGMENT_KINDS and is_placeholder_value(segment.text):
            text = segment.text
            start = len(text) - len(text.lstrip())
            span = segment.span(start, len(text.rstrip()))
            yield Finding(span.start, span.end, _message(text.strip()))


def _headings(sections: Iterable[Section]) -> dict[int, Section]:
    found: dict[int, Section] = {}
    for section in sections:
        found[section.heading] = section
        found.update(_headings(section.children))
    return found


def _links(doc: Document) -> Iterator[Finding]:
    """Link targets that are empty or a placeholder, and link texts that are one."""
    body = doc.text[doc.body_start :]
    if "](" in body:
        for token in doc.tokens:
            if token.type != "inline" or token.map is None or "](" not in token.content:
                continue
            if "]()" not in token.content and not _may_hold_value(token.content):
                continue  # no empty target, and no word that could be a placeholder
            yield from _inline_links(doc, token)
    if "]:" in body:
        yield from _reference_definitions(doc)


def _inline_links(doc: Document, inline: Any) -> Iterator[Finding]:
    from lint.inline import children_text

    region = Span(doc.lines.line_start(inline.map[0] + 1), doc.lines.line_start(inline.map[1] + 1))
    cursor = region.start
    children = inline.children or []
    for position, child in enumerate(children):
        if child.type != "link_open" or child.markup == "autolink":
            continue
        href = str(child.attrGet("href") or "")
        closing = next(
            (at for at in range(position + 1, len(children)) if children[at].type == "link_close"),
            len(children),
        )
        label = children_text(children[position + 1 : closing])
        if href and not is_placeholder_value(href.strip("#/")):
            if is_placeholder_value(label):
                at = doc.text.find(f"[{label}]", cursor, region.end)
                if at != -1:
                    cursor = at + len(label) + 2
                    yield Finding(at + 1, at + 1 + len(label), _message(label.strip()))
            continue
        target = f"]({href})" if href else "]()"
        at = doc.text.find(target, cursor, region.end)
        if at == -1:
            continue
        cursor = at + len(target)
        if not href and not label and doc.text.startswith("{", cursor):
            continue  # "[](){#install}": an anchor (mkdocs-autorefs, attribute lists)
        if href:
            yield Finding(at + 2, at + 2 + len(href), _message(href) + " (link target)")
        else:
            yield Finding(at, at + 3, "the link has an empty target")


def _reference_definitions(doc: Document) -> Iterator[Finding]:
    code = _code_lines(doc)
    for found in _REFERENCE.finditer(doc.text, doc.body_start):
        if doc.lines.position(found.start())[0] in code or found[1].startswith("^"):
            continue
        target = found[2]
        if target and is_placeholder_value(target.strip("<>#/")):
            yield Finding(found.start(2), found.end(2), _message(target) + " (link target)")


def _code_lines(doc: Document) -> set[int]:
    return {
        line
        for token in doc.tokens
        if token.type in ("fence", "code_block") and token.map
        for line in range(token.map[0] + 1, token.map[1] + 1)
    }


def _code(doc: Document) -> Iterator[Finding]:
    """A code block that holds nothing but a mark (``TODO``), or ``[INSERT … HERE]`` in code."""
    for token in doc.tokens:
        if token.type not in ("fence", "code_block") or token.map is None:
            continue
        content = token.content.strip()
        first_line = token.map[0] + (2 if token.type == "fence" else 1)
        region_start = doc.lines.line_start(min(first_line, doc.lines.line_count))
        region_end = doc.lines.line_start(token.map[1] + 1)
        if _is_lone_mark(content):
            at = doc.text.find(content.split()[0], region_start, region_end)
            if at != -1:
                yield Finding(at, at + len(content.splitlines()[0]), _message(content) + " (code)")
            continue
        if "INSERT" not in content:
            continue
        for found in _INSERT_HERE.finditer(content):
            at = doc.text.find(found[0], region_start, region_end)
            if at != -1:
                yield Finding(at, at + len(found[0]), _message(found[0]) + " (code)")


def _is_lone_mark(content: str) -> bool:
    if not content or "\n" in content:
        return False
    first = content.split()[0].rstrip(":")
    return first in WORD_MARKS or is_placeholder_value(content)


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


_DATE_TEMPLATE = re.compile(r"(?i)^(?:yyyy-mm-dd|dd/mm/yyyy|mm/dd/yyyy)$")


def _front_matter(
    doc: Document, markers: Sequence[re.Pattern[str]], allowed: Sequence[re.Pattern[str]]
) -> Iterator[Finding]:
    front_matter = doc.front_matter
    if front_matter is None or front_matter.data is None:
        return
    strings = list(_strings(front_matter.data, ()))
    joined = "\n".join(value for _, value in strings)
    if not (_may_find(joined, tuple(markers)) or "yy" in joined.casefold()):
        return
    for path, value in strings:
        found = [marker for _, _, marker in matches(value, markers, allowed)]
        if not found and (is_placeholder_value(value) or _DATE_TEMPLATE.match(value.strip())):
            found = [value.strip()]
        for marker in found:
            value_span = front_matter.locate(path)
            source = doc.text[value_span.start : value_span.end]
            at = source.find(marker)
            if at == -1:
                span = value_span
            else:
                span = Span(value_span.start + at, value_span.start + at + len(marker))
            yield Finding(span.start, span.end, _message(marker) + " (front matter)")


def _comments(
    doc: Document, markers: Sequence[re.Pattern[str]], allowed: Sequence[re.Pattern[str]]
) -> Iterator[Finding]:
    """Marks in comments (HTML, Liquid, MDX), as notes at ``info``."""
    for offset, body in _comment_texts(doc):
        if body.lstrip().startswith("contentlint-"):
            continue
        for start, end, marker in matches(body, markers, allowed):
            yield Finding(
                offset + start,
                offset + end,
                _message(marker) + " (in a comment)",
                severity=Severity.INFO,
            )


def _comment_texts(doc: Document) -> Iterator[tuple[int, str]]:
    """(offset in ``doc.text``, text) of every comment of the body outside code."""
    text = doc.text
    if "<!--" in text:
        code = _code_lines(doc)
        position = doc.body_start
        while True:
            start = text.find("<!--", position)
            if start == -1:
                break
            end = text.find("-->", start + 4)
            if end == -1:
                break
            position = end + 3
            line = doc.lines.position(start)[0]
            if line not in code and not in_code_span(text, doc.lines.line_start(line), start):
                yield start + 4, text[start + 4 : end]
    for token in doc.tokens:
        if token.type == COMMENT and token.meta:
            yield doc.body_offset(int(token.meta.get("offset", 0))), token.content
        elif token.type == "inline" and token.map is not None and "{/*" in token.content:
            yield from _inline_comments(doc, token)


def _inline_comments(doc: Document, inline: Any) -> Iterator[tuple[int, str]]:
    region_start = doc.lines.line_start(inline.map[0] + 1)
    region_end = doc.lines.line_start(inline.map[1] + 1)
    for child in inline.children or []:
        if child.type == TEMPLATE and (child.meta or {}).get("comment"):
            at = doc.text.find(child.content, region_start, region_end)
            if at != -1:
                yield at + 1, child.content[1:-1]
