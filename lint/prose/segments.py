"""Prose segments: the plain text of each inline block, with every character mapped to the source.

Code, URLs, HTML, math, shortcodes, citations and footnote references are never prose. Inline
code, autolinks, math, shortcodes and citations become a neutral placeholder word, so that the
sentence around them stays a sentence; the placeholder maps to the whole span it stands for.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lint.dialects.syntax.tables import GRID_TABLE
from lint.positions import Span

if TYPE_CHECKING:
    from markdown_it.token import Token

#: What inline code, math, shortcodes and citations read as in prose.
PLACEHOLDER = "code"

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ATTRIBUTES = re.compile(r"\{[^{}\n]*\}")
#: How an attribute block starts: ``{.class``, ``{#id``, ``{key=``, Python-Markdown's ``{: .class``,
#: on one line or several.
_ATTRIBUTE_START = re.compile(r"\{:?\s*(?:[.#][\w-]|[\w:.-]+\s*=)")
#: A kramdown or Python-Markdown attribute list anywhere in text (``{: .source-link }``): the
#: colon makes it one even where no element before it took it (a reference link whose
#: definition a snippet appends at build time).
#: ``[text][reference]`` left as text: a reference the page does not define.
_UNRESOLVED_REFERENCE = re.compile(r"\[([^\[\]\n]+)\]\[([^\[\]\s]+)\]")
_COLON_ATTRIBUTES = re.compile(r"\{:\s*(?:[.#][\w-]|[\w-]+\s*=)[^{}\n]*\}")
#: Inline HTML elements whose text is code, not prose: a stand-in word reads for them.
_HTML_CODE_OPEN = re.compile(r"<(code|kbd|samp|var|tt|math)(?:\s[^<>]*)?>", re.I)
#: Inline HTML that breaks a line: a space between the words around it.
_HTML_BREAK = re.compile(r"<br\s*/?>|<wbr\s*/?>", re.I)
#: A component that renders words of its own (``<LanguagesList />``, ``<Since v="1.2" />``):
#: JSX, named with a capital, closed in its own tag.
_COMPONENT = re.compile(r"<[A-Z][\w.]*(?:\s[^<>]*)?/>", re.S)
#: A raw LaTeX command: ``\\cite{knuth}``, ``\\textbf{bold}``, ``\\vspace*{1em}``.
_LATEX_COMMAND = re.compile(r"\\([A-Za-z]+)\*?(\[[^\[\]\n]{0,100}\])?(?:\{([^{}\n]{0,500})\})?")
#: LaTeX commands whose argument is text a reader reads.
_LATEX_TEXT_COMMANDS = frozenset(
    {"emph", "textbf", "textit", "textsl", "textsc", "underline", "mbox", "text"}
)
#: A paragraph that is a raw LaTeX environment (``\\begin{equation}`` … ``\\end{…}``).
_LATEX_ENVIRONMENT = re.compile(r"\\begin\{([\w*]+)\}.*\\end\{\1\}", re.S)
#: A link to a commit (``[`0518b9edf3`](https://github.com/o/r/commit/0518b9edf3)``), as the
#: entries of a generated changelog start.
_COMMIT_LINK = re.compile(r"\]\(https?://[^\s()]+/commit/[0-9a-f]{7,40}\)")
#: The longest attribute block looked for past an element.
_MOST_ATTRIBUTE_CHARS = 2000
_SKIPPED_LITERALS = {
    "math_inline", "math_inline_double", "template", "citation", "html_inline", "emoji"
}  # fmt: skip
_PLACEHOLDER_LITERALS = {"math_inline", "math_inline_double", "template", "citation"}
_EMPHASIS = {"em_open", "em_close", "strong_open", "strong_close", "s_open", "s_close"}


@dataclass(frozen=True)
class Segment:
    """One run of prose: ``text[i]`` stands for the source characters ``starts[i]:ends[i]``.

    ``kind`` is ``heading``, ``paragraph``, ``table-cell``, ``term``, ``alt-text`` (an
    image's, its ``fig-alt`` and ``fig-cap`` too), ``caption`` (a table's) or ``footnote``
    (an inline one);
    ``token`` is the index of its inline token in ``Document.tokens``; ``containers`` the
    types of the blocks around it (``bullet_list_open``, ``blockquote_open``...).
    """

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    kind: str
    token: int
    containers: tuple[str, ...]

    def span(self, start: int, end: int) -> Span:
        """The source span of ``text[start:end]``."""
        if not self.text:
            return Span(0, 0)
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return Span(self.starts[start], self.ends[end - 1])

    def is_placeholder(self, position: int) -> bool:
        """Whether ``text[position]`` is part of a placeholder (code, math, shortcode, citation)."""
        return self.ends[position] - self.starts[position] > 1 and self.text[position].isalpha()


_UNICODE_SPACES = str.maketrans(dict.fromkeys("\u00a0\u2007\u2009\u200a\u202f", " "))


class _Builder:
    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def add(self, char: str, start: int, end: int) -> None:
        self.chars.append(char)
        self.starts.append(start)
        self.ends.append(end)

    def extend(self, text: str, starts: Sequence[int]) -> None:
        """Characters that stand one for one for the source characters at ``starts``."""
        self.chars.extend(text)
        self.starts.extend(starts)
        self.ends.extend(start + 1 for start in starts)

    def placeholder(self, start: int, end: int) -> None:
        for char in PLACEHOLDER:
            self.add(char, start, end)

    def segment(self, kind: str, token: int, containers: tuple[str, ...]) -> Segment:
        text = "".join(self.chars)
        if not text.isascii():
            # A no-break or thin space is a space to a reader (and to the engine's tokenizer).
            text = text.translate(_UNICODE_SPACES)
            self.chars = list(text)
        if "  " in text or "\t" in text:
            return self._collapsed(kind, token, containers)
        return Segment(text, tuple(self.starts), tuple(self.ends), kind, token, containers)

    def _collapsed(self, kind: str, token: int, containers: tuple[str, ...]) -> Segment:
        """The segment with each run of spaces and tabs one space, as a browser shows it (a
        dropped tag or an indented line leaves two): the first of a run stands for it."""
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for char, start, end in zip(self.chars, self.starts, self.ends, strict=True):
            blank = char in " \t"
            if blank and chars and chars[-1] == " ":
                continue
            chars.append(" " if blank else char)
            starts.append(start)
            ends.append(end)
        return Segment("".join(chars), tuple(starts), tuple(ends), kind, token, containers)


def _align(target: str, source: str, position: int) -> list[int]:
    """Where each character of ``target`` stands in ``source``, scanning from ``position``.

    Backslash escapes in the source are skipped; a character not found at the cursor is
    searched ahead, so one surprise does not shift everything after it.
    """
    offsets = []
    for char in target:
        if position < len(source) and source[position] == char:
            offsets.append(position)
            position += 1
        elif source.startswith("\\" + char, position):
            offsets.append(position + 1)
            position += 2
        else:
            found = source.find(char, position)
            if found == -1:
                offsets.append(min(position, max(len(source) - 1, 0)))
            else:
                offsets.append(found)
                position = found + 1
    return offsets


class _Walker:
    """Aligns an inline token's children with its ``content``, and content with the source."""

    def __init__(
        self,
        content: str,
        source_offsets: Sequence[int],
        footnotes: dict[int, Sequence[int]] | None = None,
    ) -> None:
        self.content = content
        self.offsets = source_offsets  # content index → source offset, with an end sentinel
        self.cursor = 0
        #: Inline footnotes met (``^[…]``): their id → the source offsets of their text.
        self.footnotes: dict[int, Sequence[int]] = {} if footnotes is None else footnotes

    def inline_footnote(self, footnote_id: object) -> None:
        """Move past an inline footnote ``^[…]`` at the cursor, keeping where its text is (the
        parser reads that text apart, in the footnotes at the document's end)."""
        opening = self.cursor
        self.cursor += 1
        self.skip_balanced("[", "]")
        if isinstance(footnote_id, int) and self.cursor > opening + 2:
            body_start, body_end = opening + 2, self.cursor - 1
            ends = min(body_end, len(self.offsets) - 1)
            self.footnotes[footnote_id] = [*self.offsets[body_start:ends], self.offsets[ends]]

    def source(self, start: int, end: int) -> tuple[int, int]:
        end = max(end, start + 1)
        return self.offsets[min(start, len(self.offsets) - 1)], self.offsets[
            min(end - 1, len(self.offsets) - 1)
        ] + 1

    def skip_to(self, literal: str) -> tuple[int, int]:
        """Move past the next occurrence of ``literal``; its content span."""
        found = self.content.find(literal, self.cursor) if literal else -1
        if found == -1:
            return self.cursor, self.cursor
        self.cursor = found + len(literal)
        return found, self.cursor

    def skip_balanced(self, opening: str, closing: str) -> None:
        """Move past a bracketed part that starts at the cursor, e.g. a link's ``(url "title")``."""
        if not self.content.startswith(opening, self.cursor):
            return
        depth, position = 0, self.cursor
        while position < len(self.content):
            char = self.content[position]
            if char == "\\":
                position += 2
                continue
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth == 0:
                    self.cursor = position + 1
                    return
            position += 1

    def text(self, text: str, builder: _Builder) -> None:
        content = self.content
        cursor = self.cursor
        if content.startswith(text, cursor):  # the common case: no escapes, no entities
            starts = self.offsets[cursor : cursor + len(text)]
            builder.extend(text, starts)
            self.cursor = cursor + len(text)
            return
        for char in text:
            position = self.cursor
            entity = _ENTITY.match(content, position) if content.startswith("&", position) else None
            if entity is not None and html.unescape(entity[0]) == char:
                start, end = self.source(position, entity.end())  # "&amp;" is one "&"
                self.cursor = entity.end()
            elif position < len(content) and content[position] == char:
                start, end = self.source(position, position + 1)
                self.cursor += 1
            elif content.startswith("\\" + char, position):
                start, end = self.source(position, position + 2)
                self.cursor += 2
            elif entity is not None:
                start, end = self.source(position, entity.end())
                self.cursor = entity.end() if html.unescape(entity[0]).endswith(char) else position
            else:
                found = content.find(char, position)
                if found == -1:
                    start, end = self.source(position, position + 1)
                else:
                    start, end = self.source(found, found + 1)
                    self.cursor = found + 1
            builder.add(char, start, end)

    def code(self, token: Token, builder: _Builder) -> None:
        opening_start, _ = self.skip_to(token.markup)
        self.skip_to(token.markup)
        start, end = self.source(opening_start, self.cursor)
        builder.placeholder(start, end)

    def literal(self, token: Token, builder: _Builder | None) -> None:
        literal_start, literal_end = self.skip_to(token.content)
        while literal_start > 0 and self.content[literal_start - 1] == "$":
            literal_start -= 1  # the opening dollar(s) of math
        while self.cursor < len(self.content) and self.content[self.cursor] == "$":
            self.cursor += 1  # the closing dollar(s)
            literal_end = self.cursor
        if builder is not None and literal_end > literal_start:
            start, end = self.source(literal_start, literal_end)
            builder.placeholder(start, end)

    def attributes(self, following: Token | None) -> None:
        """Skip a pandoc attribute block ``{...}`` after an element.

        The attrs plugin consumes the blocks it understands; the others stay as text.
        """
        if not self.content.startswith("{", self.cursor):
            return
        consumed = following is None or not (
            following.type == "text" and following.content.startswith("{")
        )
        if consumed or _ATTRIBUTES.match(following.content if following else ""):
            self.skip_balanced("{", "}")

    def attribute_block_end(self) -> int | None:
        """Where an attribute block at the cursor ends (``{.class width="50%"}``, perhaps
        over several lines, with ``{{< meta x >}}`` inside), None when there is none."""
        content, cursor = self.content, self.cursor
        if not _ATTRIBUTE_START.match(content, cursor):
            return None
        depth = 0
        for position in range(cursor, min(len(content), cursor + _MOST_ATTRIBUTE_CHARS)):
            char = content[position]
            if char == "{":
                depth += 1
            elif char == "}":
                depth -= 1
                if depth == 0:
                    return position + 1
        return None

    def link_destination(self) -> None:
        self.skip_to("]")
        if self.content.startswith("(", self.cursor):
            self.skip_balanced("(", ")")
        elif self.content.startswith("[", self.cursor):
            self.skip_balanced("[", "]")


def _walk_children(
    walker: _Walker,
    children: Sequence[Token],
    builder: _Builder,
    alt_texts: list[_Builder],
) -> None:
    in_autolink = False
    after_element = False
    #: The end (in the content) of an attribute block being skipped, children and all.
    attributes_end: int | None = None
    #: Inside ``<code>…</code>`` (or kbd, samp, var): its tag and where it opened.
    html_code: tuple[str, int] | None = None
    for position, child in enumerate(children):
        kind = child.type
        following = children[position + 1] if position + 1 < len(children) else None
        if attributes_end is not None and walker.cursor < attributes_end:
            _skip_attributes(walker, child, following, builder, attributes_end)
            continue
        attributes_end = None
        if html_code is not None:
            html_code = _in_html_code(walker, child, following, builder, html_code)
            continue
        if kind == "html_inline" and _html_inline(walker, child, builder):
            opening = _HTML_CODE_OPEN.fullmatch(child.content.strip())
            html_code = (
                (opening[1].lower(), walker.cursor - len(child.content)) if opening else None
            )
            continue
        if in_autolink:  # the URL of <https://...> is not prose: a placeholder stands for it
            in_autolink = kind != "link_close"
            if not in_autolink:
                start = walker.content.rfind("<", 0, walker.cursor + 1)
                walker.skip_to(">")
                builder.placeholder(*walker.source(max(start, 0), walker.cursor))
        elif kind == "text":
            text = child.content
            if after_element and (attributes := _ATTRIBUTES.match(text)):
                text = text[attributes.end() :]
            _text_without_unresolved_references(walker, text, builder)
        elif kind == "image":
            walker.skip_to("![")
            alt = _Builder()
            _walk_children(walker, child.children or [], alt, alt_texts)
            alt_texts.append(alt)
            walker.link_destination()
            alt_texts.extend(_figure_attributes(walker, child))
            walker.attributes(following)
        elif kind == "link_open" and child.markup == "autolink":
            in_autolink = True
            walker.skip_to("<")
        else:
            _markup(walker, child, following, builder)
        after_element = kind in ("code_inline", "link_close", "span_close", "image")
        if after_element:
            attributes_end = walker.attribute_block_end()


#: Image attributes a reader reads: Quarto's alt text and caption.
_READ_ATTRIBUTES = ("fig-alt", "fig-cap")


def _figure_attributes(walker: _Walker, image: Token) -> Iterator[_Builder]:
    """The text of ``fig-alt`` and ``fig-cap`` in the attribute block at the cursor."""
    block_end = walker.attribute_block_end() or walker.cursor
    for key in _READ_ATTRIBUTES:
        value = image.attrGet(key)
        if not isinstance(value, str) or not value.strip():
            continue
        for quote in ('"', "'"):
            found = walker.content.find(f"{key}={quote}{value}{quote}", walker.cursor, block_end)
            if found != -1:
                reader = _Walker(walker.content, walker.offsets)
                reader.cursor = found + len(key) + 2
                builder = _Builder()
                reader.text(value, builder)
                yield builder
                break


def _text_without_unresolved_references(walker: _Walker, text: str, builder: _Builder) -> None:
    """Text with a reference link the page does not define, ``[Object][griffe.Object]``
    (MkDocs' autorefs resolve it when the site is built): its text is prose, the brackets and
    the reference are markup."""

    def reference(found: re.Match[str]) -> None:
        walker.text("[", _Builder())
        _text_without_attribute_lists(walker, found[1], builder)
        walker.text(f"][{found[2]}]", _Builder())

    if "][" not in text:
        _text_without_attribute_lists(walker, text, builder)
    else:
        between = _text_without_attribute_lists
        _split(text, _UNRESOLVED_REFERENCE, walker, builder, between, reference)


def _text_without_attribute_lists(walker: _Walker, text: str, builder: _Builder) -> None:
    """Text in which a ``{: …}`` attribute list is markup, not prose."""
    if "{:" not in text:
        _text_with_latex(walker, text, builder)
    else:
        markup = _Builder()
        _split(text, _COLON_ATTRIBUTES, walker, builder, _text_with_latex,
               lambda found: walker.text(found[0], markup))  # fmt: skip


def _split(
    text: str,
    pattern: re.Pattern[str],
    walker: _Walker,
    builder: _Builder,
    between: Callable[[_Walker, str, _Builder], None],
    matched: Callable[[re.Match[str]], None],
) -> None:
    """``text`` read in pieces: each match of ``pattern`` by ``matched``, the text between
    them by ``between``."""
    position = 0
    for found in pattern.finditer(text):
        between(walker, text[position : found.start()], builder)
        matched(found)
        position = found.end()
    between(walker, text[position:], builder)


def _text_with_latex(walker: _Walker, text: str, builder: _Builder) -> None:
    """Text with raw LaTeX commands in it (Pandoc passes them to a PDF): a command is a
    stand-in word, but the words of ``\\emph{…}`` and ``\\textbf{…}`` are prose."""
    if "\\" not in text:
        walker.text(text, builder)
        return
    position = 0
    for command in _LATEX_COMMAND.finditer(text):
        walker.text(text[position : command.start()], builder)
        if command[1] in _LATEX_TEXT_COMMANDS and command[3] is not None:
            before = command[0][: command.start(3) - command.start() - 1]
            walker.text(before + "{", _Builder())
            walker.text(command[3], builder)
            walker.text("}", _Builder())
        else:
            start = walker.cursor
            walker.text(command[0], _Builder())
            builder.placeholder(*walker.source(start, walker.cursor))
        position = command.end()
    walker.text(text[position:], builder)


def _html_inline(walker: _Walker, child: Token, builder: _Builder) -> bool:
    """Walk past inline HTML that means something to a reader: ``<br>`` is a space between
    the words around it, ``<code>`` opens code, a component closed in its own tag renders
    words (a stand-in for them). False for any other tag (markup only)."""
    html = child.content.strip()
    if _HTML_CODE_OPEN.fullmatch(html):
        walker.skip_to(child.content)
        return True
    if _HTML_BREAK.fullmatch(html):
        start, end = walker.skip_to(child.content)
        builder.add(" ", *walker.source(start, end))
        return True
    if _COMPONENT.fullmatch(html):
        builder.placeholder(*walker.source(*walker.skip_to(child.content)))
        return True
    return False


def _in_html_code(
    walker: _Walker, child: Token, following: Token | None, builder: _Builder,
    html_code: tuple[str, int],
) -> tuple[str, int] | None:  # fmt: skip
    """Walk past a child inside ``<code>…</code>``; at its closing tag, a stand-in word for
    the whole element. None once it is closed."""
    tag, start = html_code
    if child.type == "html_inline" and child.content.strip().lower() == f"</{tag}>":
        _, end = walker.skip_to(child.content)
        builder.placeholder(*walker.source(start, end))
        return None
    if child.type == "text":
        walker.text(child.content, _Builder())
    else:
        _markup(walker, child, following, _Builder())
    return html_code


def _skip_attributes(
    walker: _Walker, child: Token, following: Token | None, builder: _Builder, end: int
) -> None:
    """Walk past a child inside an attribute block (nothing of it is prose); of a text that
    runs past the block's end, what follows the end is."""
    scratch = _Builder()
    if child.type != "text":
        _markup(walker, child, following, scratch)
        return
    found = walker.content.find(child.content, walker.cursor)
    if found != -1 and found < end < found + len(child.content):
        walker.cursor = end
        walker.text(child.content[end - found :], builder)
    else:
        walker.text(child.content, scratch)


def _markup(walker: _Walker, child: Token, following: Token | None, builder: _Builder) -> None:
    """Move the walker past a child that is markup, not text; placeholders for code and math."""
    kind = child.type
    if kind in ("softbreak", "hardbreak"):
        walker.skip_to("\n")
        while walker.cursor < len(walker.content) and walker.content[walker.cursor] in " \t":
            walker.cursor += 1
        start, end = walker.source(walker.cursor - 1, walker.cursor)
        builder.add(" " if kind == "softbreak" else "\n", start, end)
    elif kind == "code_inline":
        walker.code(child, builder)
        walker.attributes(following)
    elif kind in _SKIPPED_LITERALS:
        placeholder = kind in _PLACEHOLDER_LITERALS and not (child.meta or {}).get("comment")
        if kind == "emoji":  # a glyph, but one a comma may follow: "thanks :heart:, but"
            placeholder = _punctuation_follows(walker.content, child.content, walker.cursor)
        walker.literal(child, builder if placeholder else None)
    elif kind in _EMPHASIS:
        walker.skip_to(child.markup)
    elif kind in ("link_open", "span_open"):
        walker.skip_to("[")
    elif kind == "link_close":
        walker.link_destination()
        walker.attributes(following)
    elif kind == "span_close":
        walker.skip_to("]")
        walker.attributes(following)
    elif kind == "footnote_ref" and walker.content.startswith("^[", walker.cursor):
        walker.inline_footnote((child.meta or {}).get("id"))
    elif kind == "footnote_ref":
        walker.skip_to("[^")
        walker.skip_to("]")


def _punctuation_follows(content: str, literal: str, cursor: int) -> bool:
    """Whether punctuation follows the next ``literal`` in ``content`` from ``cursor``."""
    at = content.find(literal, cursor)
    return at >= 0 and content[at + len(literal) : at + len(literal) + 1] in _CLAUSE_MARKS


#: Punctuation that ends a clause, which a word must come before.
_CLAUSE_MARKS = frozenset(",;:.!?")


def _line_offsets(
    content: str, first_line: int, text: str, line_starts: Sequence[int], column: int = 0
) -> list[int]:
    """Source offsets of each content character, the content's lines being source lines."""
    offsets: list[int] = []
    for number, content_line in enumerate(content.split("\n")):
        line = first_line + number
        if line >= len(line_starts):
            offsets.extend([len(text)] * (len(content_line) + 1))
            continue
        start = line_starts[line]
        end = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
        source_line = text[start:end].rstrip("\r\n")
        stripped = source_line.rstrip()
        tail = content_line.rstrip()
        if number == 0 and column:
            offsets.extend(start + at for at in _align(content_line, source_line, column))
        elif tail and stripped.endswith(tail) and (len(stripped) - len(tail)) >= 0:
            base = start + len(stripped) - len(tail)
            offsets.extend(base + index for index in range(len(content_line)))
        else:
            first = source_line.find(content_line.lstrip()[:1]) if content_line.strip() else 0
            offsets.extend(start + at for at in _align(content_line, source_line, max(first, 0)))
        offsets.append(start + len(source_line))  # the line break
    return offsets


def _kind(tokens: Sequence[Token], index: int) -> str:
    previous = tokens[index - 1].type if index else ""
    return {
        "heading_open": "heading",
        "th_open": "table-cell",
        "td_open": "table-cell",
        "dt_open": "term",
    }.get(previous, "paragraph")


def extract_one(
    tokens: Sequence[Token], index: int, text: str, line_starts: Sequence[int]
) -> Segment | None:
    """The segment of the inline token at ``index`` alone (not a table cell, not alt text)."""
    token = tokens[index]
    if token.type != "inline" or token.map is None or _kind(tokens, index) == "table-cell":
        return None
    offsets = _line_offsets(token.content, token.map[0], text, line_starts)
    builder = _Builder()
    _walk_children(_Walker(token.content, offsets), token.children or [], builder, [])
    return builder.segment(_kind(tokens, index), index, ()) if builder.chars else None


def extract(
    tokens: Sequence[Token],
    text: str,
    line_starts: Sequence[int],
    keep: Callable[[str], bool] | None = None,
) -> Iterator[Segment]:
    """The prose segments of a token stream, in document order; with ``keep``, only those of
    inline tokens whose raw content it accepts (table cells are always built, since each
    cell's column depends on the cells before it)."""
    containers: list[str] = []
    row_cursor: dict[int, int] = {}
    footnotes: dict[int, Sequence[int]] = {}
    for index, token in enumerate(tokens):
        if token.nesting == 1:
            containers.append(token.type)
        elif token.nesting == -1 and containers:
            containers.pop()
        if token.type != "inline":
            continue
        if token.map is None:  # a footnote's text, parsed apart: an inline one has a place
            found = _inline_footnote(tokens, index, footnotes, tuple(containers))
            if found is not None:
                yield found
            continue
        if _not_prose(token.content):
            continue
        kind = _kind(tokens, index)
        if keep is not None and kind != "table-cell" and not keep(token.content):
            continue
        offsets = _offsets(token, kind, text, line_starts, row_cursor)
        walker = _Walker(token.content, offsets, footnotes)
        builder = _Builder()
        alt_texts: list[_Builder] = []
        _walk_children(walker, token.children or [], builder, alt_texts)
        frozen = tuple(containers)
        if builder.chars:
            yield from _without_markers(builder.segment(kind, index, frozen), tokens, text)
        for alt in alt_texts:
            if alt.chars:
                yield alt.segment("alt-text", index, frozen)


_CAPTION_MARK = re.compile(r"(?:Table)?:[ \t]*")
_TRAILING_ATTRIBUTES = re.compile(r"[ \t]*\{[^{}]*\}[ \t]*$")


def _not_prose(content: str) -> bool:
    """Inline content that is no prose for all its words: a raw LaTeX environment (a PDF's),
    a generated changelog entry (a commit's subject, written in the history, not here)."""
    if content.startswith("\\begin{") and _LATEX_ENVIRONMENT.fullmatch(content):
        return True
    return "/commit/" in content and bool(_COMMIT_LINK.search(content))


def _offsets(
    token: Token, kind: str, text: str, line_starts: Sequence[int], row_cursor: dict[int, int]
) -> list[int]:
    """The source offset of each character of an inline token's content (a table cell's
    from its column in its row, the row's cells being read left to right)."""
    assert token.map is not None
    first_line = token.map[0]
    if kind != "table-cell":
        return _line_offsets(token.content, first_line, text, line_starts)
    column = _cell_column(text, line_starts, first_line, row_cursor, token.content)
    offsets = _line_offsets(token.content, first_line, text, line_starts, column)
    row_cursor[first_line] = (
        offsets[len(token.content) - 1] + 1 - line_starts[first_line]
        if token.content
        else max(column, 1)
    )
    return offsets


def _inline_footnote(
    tokens: Sequence[Token],
    index: int,
    footnotes: dict[int, Sequence[int]],
    containers: tuple[str, ...],
) -> Segment | None:
    """The segment of an inline footnote's text (``^[…]``), read where the text stands."""
    opening = tokens[index - 1] if index else None
    if opening is None or opening.type != "paragraph_open" or index < 2:
        return None
    footnote = tokens[index - 2]
    footnote_id = (footnote.meta or {}).get("id") if footnote.type == "footnote_open" else None
    offsets = footnotes.get(footnote_id) if isinstance(footnote_id, int) else None
    token = tokens[index]
    if offsets is None or len(offsets) != len(token.content) + 1:
        return None
    builder = _Builder()
    _walk_children(_Walker(token.content, offsets), token.children or [], builder, [])
    return builder.segment("footnote", index, containers) if builder.chars else None


def _without_markers(segment: Segment, tokens: Sequence[Token], text: str) -> Iterator[Segment]:
    """A segment without the markup its words came with: an alert's type, its title apart
    from its text (``> [!warning] Symlinks``), or one of ``_without_captions``."""
    alert = _ALERT.match(segment.text) if segment.text.startswith("[!") else None
    if alert is None or not _opens_quote(segment, tokens):
        bare = _without_captions(segment, tokens)
        if bare.text or not segment.text:  # a caption of attributes only has no words
            yield bare
        return
    start = alert.end()
    title_end = next(
        (
            at
            for at in range(start + 1, len(segment.text))
            if "\n" in text[segment.ends[at - 1] : segment.ends[at]]
        ),
        start,
    )
    for kind, first, end in (("caption", start, title_end), (segment.kind, title_end, None)):
        part = segment.text[first:end].strip()
        if part:
            first += len(segment.text[first:end]) - len(segment.text[first:end].lstrip())
            last = first + len(part)
            yield replace(
                segment,
                text=part,
                starts=segment.starts[first:last],
                ends=segment.ends[first:last],
                kind=kind,
            )


#: The type of a GitHub, Obsidian or Zensical alert that opens a block quote: ``> [!NOTE]``,
#: ``> [!warning] Title``, ``> [!faq]- Folded``.
_ALERT = re.compile(r"\[![A-Za-z][\w-]*\][+-]?[ \t]*")


def _opens_quote(segment: Segment, tokens: Sequence[Token]) -> bool:
    """Whether the segment is the first paragraph of a block quote."""
    at = segment.token
    return (
        at >= 2
        and tokens[at - 1].type == "paragraph_open"
        and (tokens[at - 2].type == "blockquote_open")
    )


def _without_captions(segment: Segment, tokens: Sequence[Token]) -> Segment:
    """A heading without the attribute block the parser left in its text (``## Pitfalls
    {revealjs:offset="-1"}``), a Pandoc table caption after its table (``: Sales by year
    {#tbl-sales}``) without the ``:`` that marks it or the attributes that end it."""
    # After a pipe or grid table, ``:`` or ``Table:``; after the dashed line that ends a
    # Pandoc multiline or simple table (read as a rule or a heading's underline), ``Table:``.
    before = tokens[segment.token - 2].type if segment.token >= 2 else ""
    table_ends = before in ("table_close", GRID_TABLE) or (
        before in ("hr", "heading_close") and segment.text.startswith("Table:")
    )
    mark = _CAPTION_MARK.match(segment.text) if table_ends else None
    if mark is None and not (segment.kind == "heading" and segment.text.endswith("}")):
        return segment
    start = mark.end() if mark is not None else 0
    attributes = _TRAILING_ATTRIBUTES.search(segment.text, start)
    end = len(segment.text)
    if attributes is not None:
        brace = segment.text.index("{", attributes.start())
        if mark is not None or _ATTRIBUTE_START.match(segment.text, brace):
            end = attributes.start()
    if mark is None and end == len(segment.text):
        return segment
    return Segment(
        segment.text[start:end],
        segment.starts[start:end],
        segment.ends[start:end],
        "caption" if mark is not None else segment.kind,
        segment.token,
        segment.containers,
    )


def _cell_column(
    text: str, line_starts: Sequence[int], line: int, row_cursor: dict[int, int], content: str
) -> int:
    """The column where a table cell's content starts: after the next unescaped ``|``."""
    start = line_starts[line]
    end = line_starts[line + 1] if line + 1 < len(line_starts) else len(text)
    row = text[start:end]
    position = row_cursor.get(line, 0)
    if position == 0:
        position = len(row) - len(row.lstrip())
        if row.startswith("|", position):
            position += 1
    else:
        while position < len(row):
            if row[position] == "\\":
                position += 2
                continue
            if row[position] == "|":
                position += 1
                break
            position += 1
    while position < len(row) and row[position] in " \t":
        position += 1
    return position
