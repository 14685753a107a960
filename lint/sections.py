"""The section tree: which blocks belong to which heading."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lint.dialects.syntax import (
    COMMENT,
    CONTAINER_OPEN,
    CONTAINER_TITLE_OPEN,
    HIDDEN,
)

if TYPE_CHECKING:
    from markdown_it.token import Token

#: Blocks that are not content: notes nobody reads, markup that renders nothing.
NOT_CONTENT = frozenset({COMMENT, HIDDEN})


@dataclass(eq=False)
class Section:
    """A heading and what belongs to it.

    ``heading`` is the index of its ``heading_open`` token; ``blocks`` the indices of the
    opening tokens of its own content blocks (not its subsections'); lines are 1-based.
    """

    level: int
    heading: int
    line: int
    end_line: int
    blocks: list[int] = field(default_factory=list)
    children: list[Section] = field(default_factory=list)
    div_depth: int = 0
    #: True when the end of the fenced div it sits in ends the section (a layout column).
    ends_with_div: bool = False

    @property
    def is_empty(self) -> bool:
        return not self.blocks and not self.children


def is_comment_only(token: Token) -> bool:
    """An HTML block that holds only comments (and spaces)."""
    if token.type != "html_block":
        return False
    content = token.content
    position = 0
    while True:
        start = content.find("<!--", position)
        if start == -1:
            return not content[position:].strip() and position > 0
        if content[position:start].strip():
            return False
        end = content.find("-->", start + 4)
        if end == -1:
            return False
        position = end + 3


def is_content(token: Token) -> bool:
    """Whether a block (its opening token) is something a reader gets: not a comment, not
    markup that renders nothing."""
    return token.type not in NOT_CONTENT and not is_comment_only(token)


def renders_when_empty(token: Token) -> bool:
    """An empty container with attributes (a Quarto listing ``:::{#posts}``, a layout hook)
    is filled when the page is rendered."""
    meta = token.meta or {}
    return bool(meta.get("attributes"))


def _close_container(
    tokens: list[Token],
    events: list[tuple[int, int, str, int]],
    opened: tuple[int, int],
    end_line: int,
    index: int,
) -> None:
    opening, events_before = opened
    if len(events) == events_before + 1 and renders_when_empty(tokens[opening]):
        events.append((end_line, len(events), "content", opening))
    events.append((end_line, len(events), "div_close", index))


def flow(tokens: list[Token]) -> list[tuple[int, int, str, int]]:
    """The top-level reading order: (line, order, kind, token index), sorted by line.

    ``kind`` is ``heading``, ``content`` (a block outside lists, quotes and tables; a
    comment or hidden markup is not content), ``div_open`` or ``div_close`` (containers,
    whatever their syntax, are transparent; an empty one that renders something is content).
    """
    events: list[tuple[int, int, str, int]] = []
    containers: list[bool] = []  # for each open block: whether it is a transparent container
    inside = 0  # how many of the open blocks are not transparent containers
    div_ends: list[int] = []
    opened: list[tuple[int, int]] = []  # open containers: (token index, events before it)
    for index, token in enumerate(tokens):
        nesting = token.nesting
        if nesting == -1:
            is_div = containers.pop() if containers else False
            if not is_div:
                inside = max(inside - 1, 0)
            elif inside == 0:
                _close_container(tokens, events, opened.pop(), div_ends.pop(), index)
            continue
        kind = token.type
        if kind == "footnote_block_open":
            events.extend(
                (inner.map[0] + 1, len(events) + offset, "content", index + 1 + offset)
                for offset, inner in enumerate(tokens[index + 1 :])
                if inner.type == "paragraph_open" and inner.map
            )
            break  # the footnote block always comes last
        if inside == 0 and token.map is not None:
            line = token.map[0] + 1
            if kind == "heading_open":
                events.append((line, len(events), "heading", index))
            elif kind == CONTAINER_OPEN:
                div_ends.append(max(token.map[1], line))
                opened.append((index, len(events)))
                events.append((line, len(events), "div_open", index))
            elif kind != CONTAINER_TITLE_OPEN and is_content(token):
                events.append((line, len(events), "content", index))
        if nesting == 1:
            is_div = kind == CONTAINER_OPEN
            containers.append(is_div)
            if not is_div:
                inside += 1
    events.sort()
    return events


def build_sections(
    tokens: list[Token], events: list[tuple[int, int, str, int]] | None = None
) -> tuple[Section, ...]:
    """Sections nest by heading level; a heading inside a fenced div closes with the div.

    ``events`` is ``flow(tokens)`` when the caller has it already."""
    roots: list[Section] = []
    stack: list[Section] = []
    depth = 0
    last_line = 0

    def close(section: Section, end_line: int) -> None:
        section.end_line = max(section.line, end_line)

    for line, _, kind, index in flow(tokens) if events is None else events:
        last_line = max(last_line, line)
        if kind == "div_open":
            depth += 1
        elif kind == "div_close":
            while stack and stack[-1].div_depth >= depth and depth > 0:
                section = stack.pop()
                section.ends_with_div = True
                close(section, line)
            depth = max(depth - 1, 0)
        elif kind == "heading":
            level = int(tokens[index].tag[1:])
            while stack and stack[-1].level >= level and stack[-1].div_depth >= depth:
                close(stack.pop(), line - 1)
            section = Section(level, index, line, line, div_depth=depth)
            (stack[-1].children if stack else roots).append(section)
            stack.append(section)
        elif stack:
            stack[-1].blocks.append(index)
            token = tokens[index]
            if token.map:
                last_line = max(last_line, token.map[1])
    for section in stack:
        close(section, last_line)
    return tuple(roots)
