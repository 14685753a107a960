"""Inline suppression comments: ``<!-- contentlint-disable RULE -->`` and friends in the body
(``{/* contentlint-disable RULE */}`` in MDX), ``# contentlint-disable-line RULE`` and
``# contentlint-disable-next-line RULE`` in YAML and TOML front matter; and where in front
matter a comment may stand (for the language server)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import PurePath

from lint.diagnostics import Finding
from lint.document import Document
from lint.inline import in_code_span
from lint.positions import LineIndex, Span
from lint.suggest import closest

#: The rule that reports a name in a suppression comment that is no rule and no group.
UNKNOWN_RULE = "unknown-rule"

#: The start of a suppression comment of the body, an HTML comment or an MDX one; its names
#: run to the ``-->`` or ``*/}`` that ends it, found with ``str.find`` (no pattern of this
#: module can backtrack).
_COMMENT = re.compile(
    r"(<!--|\{/\*)\s*contentlint-(disable-next-line|disable-line|disable-file|disable|enable)"
    r"(?=\s|-->|\*/\})"
)
#: What closes a comment, by what opens it.
_COMMENT_CLOSE = {"<!--": "-->", "{/*": "*/}"}
#: A suppression inside a front matter comment. Its names run to the next ``#`` or the end of
#: the line, so that it may follow (or precede) a comment of the author's own.
_HASH_COMMENT = re.compile(r"#[ \t]*contentlint-(disable-next-line|disable-line)(?![\w-])")
_NAME = re.compile(r"[^\s,]+")
#: A ``#`` that may start a YAML comment: at the start of a line or after a space or a tab.
_YAML_HASH = re.compile(r"(?:^|(?<=[ \t]))#", re.MULTILINE)
#: What starts a TOML string or comment (bare keys, numbers, dates hold none of these).
_TOML_MARK = re.compile(r"\"\"\"|'''|[\"'#]")
_TOML_BASIC = re.compile(r'(?:[^"\\\n]|\\.)*')
_TOML_MULTILINE_BASIC = re.compile(r'(?:[^"\\]|\\.|"(?!""))*', re.DOTALL)
_TOML_LITERAL = re.compile(r"[^'\n]*")
_CODE_BLOCKS = {"fence", "code_block", "math_block", "math_block_label"}


@dataclass(frozen=True)
class NameRef:
    """A rule or group name as written in a suppression comment, at ``start``..``end``."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Disabled:
    """Lines ``start``..``end`` where the rules in ``names`` are off (every rule when empty),
    except those in ``excepted`` (re-enabled by name after a disable of every rule)."""

    start: int
    end: int
    names: frozenset[str]
    excepted: frozenset[str] = frozenset()


@dataclass
class Suppressions:
    """Which rules are off where; an empty set of names means every rule."""

    whole_file: list[frozenset[str]] = field(default_factory=list)
    #: The rules off on one line, by line: from ``disable-next-line`` on the line before and
    #: ``disable-line`` on the line itself.
    next_line: dict[int, list[frozenset[str]]] = field(default_factory=dict)
    ranges: list[Disabled] = field(default_factory=list)
    #: Every name the comments give, where it is written (for ``unknown-rule``).
    names: list[NameRef] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.whole_file or self.next_line or self.ranges)

    def suppresses(self, rule_id: str, groups: Sequence[str], line: int) -> bool:
        def named(names: frozenset[str]) -> bool:
            return rule_id in names or any(group in names for group in groups)

        def covers(names: frozenset[str]) -> bool:
            return not names or named(names)

        if any(covers(names) for names in self.whole_file):
            return True
        if any(covers(names) for names in self.next_line.get(line, ())):
            return True
        return any(
            item.start <= line <= item.end and covers(item.names) and not named(item.excepted)
            for item in self.ranges
        )


def find_suppressions(doc: Document) -> Suppressions:
    """The suppression comments of ``doc``: HTML comments in the body outside code blocks,
    and ``#`` comments of YAML and TOML front matter (never text inside a string)."""
    result = Suppressions()
    if "contentlint-" not in doc.text:
        return result
    _front_matter_comments(doc, result)
    _body_comments(doc, result)
    return result


def unknown_names(suppressions: Suppressions, known: Collection[str]) -> Iterator[Finding]:
    """A finding at each name in a comment that is neither a rule id nor a group in ``known``,
    with the closest known name as its suggestion."""
    choices: list[str] | None = None
    for ref in suppressions.names:
        if ref.name in known:
            continue
        if choices is None:
            choices = sorted(known)
        match = closest(ref.name, choices)
        yield Finding(
            ref.start,
            ref.end,
            f'no rule or group is named "{ref.name}"',
            suggestions=(match,) if match else (),
        )


def _names_in(text: str, start: int, end: int, refs: list[NameRef]) -> frozenset[str]:
    names = []
    for found in _NAME.finditer(text, start, end):
        names.append(found[0])
        refs.append(NameRef(found[0], found.start(), found.end()))
    return frozenset(names)


def _body_comments(doc: Document, result: Suppressions) -> None:
    code_lines: set[int] = set()
    for token in doc.tokens:
        if token.type in _CODE_BLOCKS and token.map:
            code_lines.update(range(token.map[0] + 1, token.map[1] + 1))
    open_ranges: list[Disabled] = []
    last_line = doc.lines.line_count
    text = doc.text
    position = doc.body_start
    mdx = has_mdx_comments(doc)
    # Openers whose closer is nowhere after them: no later comment of theirs is closed.
    unclosed: set[str] = set()
    while (found := _COMMENT.search(text, position)) is not None:
        line = doc.lines.position(found.start())[0]
        position = found.end()
        if line in code_lines or found[1] in unclosed or (found[1] == "{/*" and not mdx):
            continue  # a comment shown in code: what follows may be a real one
        if in_code_span(text, doc.lines.line_start(line), found.start()):
            continue  # `<!-- contentlint-disable -->` in backticks shows the comment
        closing = _COMMENT_CLOSE[found[1]]
        close = text.find(closing, found.end())
        if close < 0:
            unclosed.add(found[1])  # a comment of the other kind may still follow
            continue
        position = close + len(closing)
        kind, names = found[2], _names_in(text, found.end(), close, result.names)
        if kind == "disable-file":
            result.whole_file.append(names)
        elif kind == "disable-next-line":
            end_line = doc.lines.position(close)[0]
            result.next_line.setdefault(end_line + 1, []).append(names)
        elif kind == "disable-line":
            for covered in range(line, doc.lines.position(close)[0] + 1):
                result.next_line.setdefault(covered, []).append(names)
        elif kind == "disable":
            open_ranges.append(Disabled(line, last_line, names))
        else:
            open_ranges = _enable(open_ranges, names, line, result.ranges)
    result.ranges.extend(open_ranges)


def has_mdx_comments(doc: Document) -> bool:
    """Whether ``doc`` is compiled as MDX, where ``{/* … */}`` is a comment (and ``<!-- -->``
    does not compile): an extension its dialect's generator reads as MDX."""
    from lint.dialects.syntax.mdx import EXPRESSIONS

    suffix = PurePath(doc.path).suffix.lower()
    return suffix in doc.dialect.mdx_extensions and EXPRESSIONS in doc.syntax


def _front_matter_comments(doc: Document, result: Suppressions) -> None:
    front_matter = doc.front_matter
    if front_matter is None:
        return
    content = front_matter.content_span
    if doc.text.find("contentlint-", content.start, content.end) < 0:
        return
    comments = front_matter_comments(doc)
    if comments is None:
        return
    text = doc.text
    for hash_at in comments.starts:
        line = doc.lines.position(hash_at)[0]
        line_end = doc.lines.line_end(line, text)
        for found in _HASH_COMMENT.finditer(text, hash_at, line_end):
            stop = text.find("#", found.end(), line_end)
            names = _names_in(text, found.end(), line_end if stop < 0 else stop, result.names)
            target = line if found[1] == "disable-line" else line + 1
            result.next_line.setdefault(target, []).append(names)


@dataclass(frozen=True)
class CommentMap:
    """Where the comments of a YAML or TOML front matter block are, and where its values
    (strings, scalars) are, inside which a ``#`` is text and a line break is part of the value.

    Past ``known_until`` (where a YAML syntax error stopped the scanner) nothing is known.
    """

    starts: tuple[int, ...]
    value_starts: tuple[int, ...]
    value_ends: tuple[int, ...]
    known_until: int

    def inside_value(self, offset: int) -> bool:
        """Whether ``offset`` lies strictly inside a value, or where nothing is known: a
        comment, or a line break, inserted there would change the data or not be a comment."""
        if offset > self.known_until:
            return True
        index = bisect_left(self.value_starts, offset) - 1
        return index >= 0 and self.value_ends[index] > offset


def front_matter_comments(doc: Document) -> CommentMap | None:
    """The comment map of ``doc``'s YAML or TOML front matter; None for JSON (it has no
    comments), for a block that is never closed, and without front matter."""
    front_matter = doc.front_matter
    if front_matter is None or front_matter.format == "json":
        return None
    content = front_matter.content_span
    if doc.body_start <= content.start:
        return None  # never closed: the body and the block cannot be told apart
    if front_matter.format == "toml":
        return _toml_comments(doc.text, content)
    return _yaml_comments(doc.text, content, doc.lines)


def _yaml_comments(text: str, content: Span, lines: LineIndex) -> CommentMap:
    """PyYAML's scanner knows each scalar's extent (quoted, block or plain, over lines); a
    ``#`` after a blank outside every scalar is a comment."""
    import yaml

    try:
        from yaml import CSafeLoader as Loader
    except ImportError:  # pragma: no cover - PyYAML built without libyaml
        from yaml import SafeLoader as Loader  # type: ignore[assignment]

    first_line = lines.position(content.start)[0]

    def offset(mark: yaml.Mark) -> int:
        return lines.offset(first_line + mark.line, mark.column + 1)

    starts: list[int] = []
    ends: list[int] = []
    known_until = content.end
    scanned = content.start
    try:
        for token in yaml.scan(text[content.start : content.end], Loader=Loader):
            end = offset(token.end_mark)
            if isinstance(token, yaml.ScalarToken):
                start = offset(token.start_mark)
                if token.style in ("|", ">"):
                    # The header line (``key: |-``) may end in a comment; its lines may not.
                    start = lines.line_end(lines.position(start)[0], text)
                starts.append(start)
                ends.append(end)
            scanned = max(scanned, end)
    except (yaml.YAMLError, RecursionError):
        known_until = scanned
    comments: list[int] = []
    last_line = 0
    for found in _YAML_HASH.finditer(text, content.start, content.end):
        at = found.start()
        if at >= known_until:
            break
        line = lines.position(at)[0]
        if line == last_line:
            continue  # already inside this line's comment
        index = bisect_left(starts, at) - 1
        if index >= 0 and ends[index] > at:
            continue  # a "#" inside a scalar
        comments.append(at)
        last_line = line
    return CommentMap(tuple(comments), tuple(starts), tuple(ends), known_until)


def _toml_comments(text: str, content: Span) -> CommentMap:
    """TOML is scanned exactly: a ``#`` outside a string starts a comment; strings are basic
    ``"…"`` (with escapes), literal ``'…'``, and their multi-line ``\"\"\"`` and ``'''`` forms."""
    comments: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    position, end = content.start, content.end
    while (found := _TOML_MARK.search(text, position, end)) is not None:
        mark, start = found[0], found.start()
        if mark == "#":
            comments.append(start)
            line_end = text.find("\n", start, end)
            position = end if line_end < 0 else line_end + 1
            continue
        if mark == '"""':
            stop = _TOML_MULTILINE_BASIC.match(text, start + 3, end).end()  # type: ignore[union-attr]
            stop = _closing(text, stop, end, '"')
        elif mark == "'''":
            close = text.find("'''", start + 3, end)
            stop = end if close < 0 else _closing(text, close, end, "'")
        elif mark == '"':
            stop = _TOML_BASIC.match(text, start + 1, end).end()  # type: ignore[union-attr]
            stop += text.startswith('"', stop, end)
        else:
            stop = _TOML_LITERAL.match(text, start + 1, end).end()  # type: ignore[union-attr]
            stop += text.startswith("'", stop, end)
        starts.append(start)
        ends.append(stop)
        position = max(stop, start + 1)
    return CommentMap(tuple(comments), tuple(starts), tuple(ends), end)


def _closing(text: str, at: int, end: int, quote: str) -> int:
    """The end of a multi-line string whose closing three quotes start at ``at``: up to two
    more quotes before them belong to the string (``'''it''''`` holds ``it'``)."""
    if not text.startswith(quote * 3, at, end):
        return end  # never closed
    stop = at + 3
    for _ in range(2):
        if text.startswith(quote, stop, end):
            stop += 1
    return stop


def _enable(
    open_ranges: list[Disabled], names: frozenset[str], line: int, closed: list[Disabled]
) -> list[Disabled]:
    """Close what an enable comment names (everything when it names nothing); the rules it
    does not name stay off from its line on."""
    still_open = []
    for item in open_ranges:
        if not names:
            closed.append(Disabled(item.start, line, item.names, item.excepted))
        elif not item.names:  # everything was off: now everything but these
            closed.append(Disabled(item.start, line, item.names, item.excepted))
            still_open.append(Disabled(line + 1, item.end, item.names, item.excepted | names))
        elif item.names & names:
            closed.append(Disabled(item.start, line, item.names, item.excepted))
            if item.names - names:
                still_open.append(Disabled(line + 1, item.end, item.names - names, item.excepted))
        else:
            still_open.append(item)
    return still_open
