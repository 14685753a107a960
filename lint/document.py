"""The document model: decoded text, line index, front matter, tokens and sections."""

from __future__ import annotations

import codecs
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

from lint.positions import LineIndex, Span

if TYPE_CHECKING:
    from markdown_it.token import Token

    from lint.dialects import Dialect, Syntax
    from lint.front_matter import FrontMatter
    from lint.prose.segments import Segment
from lint.sections import Section, build_sections, flow

#: The extensions `contentlint check` looks for when it walks a directory (compared lower-case).
EXTENSIONS = (".md", ".markdown", ".qmd", ".rmd", ".mdx")
#: Folders of tools and build output, never a site's pages.
NOT_CONTENT_FOLDERS = frozenset(
    {"node_modules", "__pycache__", "_site", "_freeze", "venv", ".venv"}
)

#: Output formats where a heading alone, a bare label or a list of fragments is the design:
#: slides and dashboards (matched as words inside the front matter's format or output).
SLIDE_FORMATS = ("revealjs", "beamer", "pptx", "dashboard", "presentation", "xaringan")

_LONE_CR = re.compile(r"\r(?!\n)")
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)


def lines_as_read(text: str) -> str:
    """``text`` with each lone CR as LF: a lone CR ends a line for Markdown parsers and
    editors; as LF it does for us too, with every offset and column unchanged."""
    return _LONE_CR.sub("\n", text) if "\r" in text else text


class DecodeError(Exception):
    """The bytes of a file are not a UTF-8 text document."""

    def __init__(self, message: str, line: int = 1, column: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


def decode(data: bytes) -> str:
    """UTF-8 text with or without a BOM (the BOM is dropped); anything else raises DecodeError."""
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            raise DecodeError(f"the file is {name}-encoded; contentlint reads UTF-8 text")
    if b"\x00" in data:
        raise DecodeError("binary file (it contains NUL bytes); not a text document")
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line = data.count(b"\n", 0, error.start) + 1
        column = len(data[line_start : error.start].decode("utf-8", "replace")) + 1
        byte = data[error.start]
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{byte:02x} on line {line}, column {column}); "
            "save the file as UTF-8",
            line,
            column,
        ) from None


@dataclass(frozen=True, eq=False)
class Document:
    """One file, parsed once and handed, unchanged, to every rule.

    ``text`` is the file as on disk (line endings kept, a UTF-8 BOM dropped); every position
    is an offset into it.
    """

    path: str
    text: str
    lines: LineIndex = field(repr=False)
    front_matter: FrontMatter | None = field(repr=False)
    body_start: int = field(repr=False)
    #: The site generator's syntax and renderer the document is written for.
    dialect: type[Dialect] = field(repr=False)

    @classmethod
    def from_text(cls, path: str, text: str, dialect: type[Dialect] | None = None) -> Document:
        """The document of ``text``; without a dialect, the one its extension claims."""
        text = lines_as_read(text)
        from lint.front_matter import find_front_matter  # PyYAML: imported on first use

        lines = LineIndex(text)
        front_matter, body_start = find_front_matter(text, lines)
        if dialect is None:
            from lint.dialects.registered import by_extension

            dialect = by_extension(PurePath(path).suffix)
        return cls(path, text, lines, front_matter, body_start, dialect)

    @cached_property
    def is_partial(self) -> bool:
        """A file that is included into other pages (``_name.md``), not a page of its own:
        its dialect's generator says which."""
        return self.dialect.is_partial(PurePath(self.path))

    def body_offset(self, parsed_offset: int) -> int:
        """The offset in ``text`` of an offset into the parsed source (whose front matter is
        replaced by blank lines)."""
        padding = self.body_first_line - 1
        return self.body_start + max(parsed_offset - padding, 0)

    @cached_property
    def body_first_line(self) -> int:
        return self.lines.position(self.body_start)[0]

    @cached_property
    def tokens(self) -> list[Token]:
        """markdown-it-py tokens of the body; ``map`` holds 0-based file line numbers."""
        return self._parsed[0]

    @cached_property
    def parse_env(self) -> dict[str, Any]:
        """The parser's environment: ``references`` (link reference definitions, by
        upper-cased label) and ``footnotes`` (``refs``: ``:label`` → number of uses, -1 for
        one defined and never used)."""
        return self._parsed[1]

    @cached_property
    def _parsed(self) -> tuple[list[Token], dict[str, Any]]:
        from lint.dialects.parser import parse_with_env

        # Blank lines stand in for the front matter, so token lines are file lines.
        padding = "\n" * (self.body_first_line - 1)
        return parse_with_env(padding + self.text[self.body_start :], self.syntax)

    @cached_property
    def syntax(self) -> tuple[Syntax, ...]:
        """The syntax extensions the document may use: its dialect's, and its site's."""
        return self.dialect.syntax_for(Path(self.path))

    @cached_property
    def _events(self) -> list[tuple[int, int, str, int]]:
        return flow(self.tokens)

    @cached_property
    def sections(self) -> tuple[Section, ...]:
        """The heading tree: top-level sections, each holding its subsections."""
        return build_sections(self.tokens, self._events)

    @cached_property
    def flow(self) -> list[tuple[str, int]]:
        """Top-level blocks in reading order: (kind, token index); see ``lint.sections.flow``."""
        return [(kind, index) for _, _, kind, index in self._events]

    def segment(self, inline_index: int) -> Segment | None:
        """The prose segment of the paragraph or heading whose inline token is at
        ``inline_index`` (built alone, without extracting the whole document)."""
        from lint.prose.segments import extract_one

        cache: dict[int, Segment | None] = self.__dict__.setdefault("_segment_cache", {})
        if inline_index not in cache:
            cache[inline_index] = extract_one(
                self.tokens, inline_index, self.text, self.lines.starts
            )
        return cache[inline_index]

    def prose(self) -> tuple[Segment, ...]:
        """The prose segments of the body (built on first use, then kept)."""
        cached: tuple[Segment, ...] | None = self.__dict__.get("_prose")
        if cached is None:
            from lint.prose.segments import extract

            cached = tuple(extract(self.tokens, self.text, self.lines.starts))
            self.__dict__["_prose"] = cached
        return cached

    @cached_property
    def output_formats(self) -> tuple[str, ...]:
        """The output formats the front matter names (Quarto ``format``, R Markdown ``output``)."""
        data = self.front_matter.data if self.front_matter else None
        if not isinstance(data, dict):
            return ()
        names: list[str] = []
        for key in ("format", "output"):
            value = data.get(key)
            if isinstance(value, str):
                names.append(value)
            elif isinstance(value, (dict, list)):
                names.extend(str(name) for name in value)
        return tuple(names)

    def is_slides(self, formats: Sequence[str] = SLIDE_FORMATS) -> bool:
        """Whether the front matter names one of ``formats`` (slides, dashboards)."""
        return any(word in name for name in self.output_formats for word in formats)

    def line_span(self, line: int) -> Span:
        """The span of 1-based ``line`` without its line break."""
        return Span(self.lines.line_start(line), self.lines.line_end(line, self.text))

    def block_span(self, token: Token) -> Span:
        """The span of the lines a block token covers (its ``map``)."""
        if token.map is None:
            return Span(self.body_start, self.body_start)
        first, last = token.map[0] + 1, max(token.map[1], token.map[0] + 1)
        return Span(self.lines.line_start(first), self.lines.line_end(last, self.text))
