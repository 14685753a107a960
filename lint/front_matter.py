"""Front matter: find the block, parse YAML, TOML or JSON, and locate every key and value."""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

import yaml
from frontmatter.default_handlers import YAMLHandler

from lint.positions import LineIndex, Span

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

Format = Literal["yaml", "toml", "json"]
JsonPath = tuple[str | int, ...]

#: An alias bomb (the YAML "billion laughs") expands a few lines into billions of values;
#: front matter never needs more than this many once aliases are expanded.

_YAML_OPEN = re.compile(r"---[ \t]*\r?\n")
#: Blank lines before the front matter, which Hugo skips and Pandoc allows.
_BLANK_LINES = re.compile(r"(?:[ \t]*\r?\n)+(?=---|\+\+\+)")
_YAML_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_TOML_OPEN = re.compile(r"\+\+\+[ \t]*\r?\n")
_TOML_CLOSE = re.compile(r"^\+\+\+[ \t]*\r?$", re.MULTILINE)
_JSON_OPEN = re.compile(r"\{[ \t]*\r?\n")
_JSON_CLOSE = re.compile(r"^\}[ \t]*\r?$", re.MULTILINE)
_YAML_KEY_LINE = re.compile(r"[ \t]*(?:[\"']?[A-Za-z_][\w .-]*[\"']?[ \t]*:(?:[ \t]|\r?$)|#)")
_TOML_ERROR_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


@dataclass(frozen=True, slots=True)
class Problem:
    """A front matter syntax problem at a span of the document's text."""

    span: Span
    message: str


@dataclass(frozen=True, slots=True)
class Location:
    """Where a key and its value stand in the text; ``key`` is None for array items."""

    key: Span | None
    value: Span


@dataclass(eq=False)
class FrontMatter:
    """The front matter block of a document.

    ``span`` covers the block from its opening delimiter to the end of its closing one;
    ``data`` is the parsed value (dates as ISO strings), or None when it did not parse.
    """

    format: Format
    span: Span
    content_span: Span
    data: Any
    problems: tuple[Problem, ...]
    _locator: Callable[[], dict[JsonPath, Location]] = field(repr=False)
    _locations: dict[JsonPath, Location] | None = field(default=None, repr=False)

    @property
    def opening_span(self) -> Span:
        """The opening delimiter (``---``, ``+++`` or ``{``)."""
        width = 1 if self.format == "json" else 3
        return Span(self.span.start, self.span.start + width)

    def value_span(self, path: JsonPath) -> Span | None:
        """The span of the value at exactly ``path``, or None when it cannot be located."""
        if self._locations is None:
            self._locations = self._locator()
        location = self._locations.get(tuple(path))
        return location.value if location is not None else None

    def locate(self, path: JsonPath, part: Literal["key", "value"] = "value") -> Span:
        """The span of the value (or key) at ``path``, or of its nearest located ancestor.

        The empty path, and any path that cannot be located, give the opening delimiter.
        """
        if self._locations is None:
            self._locations = self._locator()
        path = tuple(path)
        while path:
            location = self._locations.get(path)
            if location is not None:
                if part == "key" and location.key is not None:
                    return location.key
                return location.value
            path = path[:-1]
        return self.opening_span


def find_front_matter(text: str, index: LineIndex) -> tuple[FrontMatter | None, int]:
    """Parse the front matter at the start of ``text``.

    Returns the front matter (None when there is none) and the offset where the body starts.
    """
    blank = _BLANK_LINES.match(text)
    lead = blank.end() if blank is not None else 0
    if text.startswith("---", lead) and YAMLHandler().detect(text[lead : lead + 200]):
        opening = _YAML_OPEN.match(text, lead)
        if opening is None:
            return None, 0
        return _delimited(text, index, "yaml", opening.end(), _YAML_CLOSE, lead)
    if text.startswith("+++", lead):
        opening = _TOML_OPEN.match(text, lead)
        if opening is None:
            return None, 0
        return _delimited(text, index, "toml", opening.end(), _TOML_CLOSE, lead)
    if lead:
        return None, 0
    if _JSON_OPEN.match(text):
        return _json_block(text, index)
    return None, 0


def _delimited(
    text: str,
    index: LineIndex,
    kind: Format,
    content_start: int,
    closing: re.Pattern[str],
    lead: int = 0,
) -> tuple[FrontMatter | None, int]:
    """Front matter whose delimiter opens at ``lead`` (after that many blank lines' worth of
    characters, which Hugo and Pandoc allow: one never closed there is body, not front
    matter)."""
    close = closing.search(text, content_start)
    if close is None:
        if lead or (kind == "yaml" and not _YAML_KEY_LINE.match(text, content_start)):
            return None, 0  # a thematic break at the top of the body, not front matter
        line_end = index.line_end(1, text)
        problem = Problem(
            Span(0, line_end),
            f"the front matter opened with '{text[:3]}' on line 1 is never closed",
        )
        return _front_matter(
            kind, Span(0, len(text)), Span(content_start, content_start), None, (problem,), dict
        ), content_start
    content_span = Span(content_start, close.start())
    body_start = index.line_start(index.position(close.start())[0] + 1)
    block = Span(lead, close.end())
    content = text[content_span.start : content_span.end]
    if kind == "yaml" and _thematic_breaks(content):
        return None, 0
    first_line = index.position(content_start)[0]
    if kind == "yaml":
        parsed = _parse_yaml(content, index, first_line)
    else:
        parsed = _parse_toml(content, index, first_line)
    return _front_matter(kind, block, content_span, *parsed), body_start


def _thematic_breaks(content: str) -> bool:
    """Whether two ``---`` lines hold Markdown, not YAML: as Pandoc has it, front matter's
    opening line is not followed by a blank line; and no line between reads as a key."""
    if not content.strip() or content.lstrip(" \t")[:1] not in ("\n", "\r"):
        return False
    return not any(_YAML_KEY_LINE.match(line) for line in content.splitlines())


def _json_block(text: str, index: LineIndex) -> tuple[FrontMatter | None, int]:
    close = _JSON_CLOSE.search(text)
    if close is None:
        return None, 0
    content_span = Span(0, close.start() + 1)
    body_start = index.line_start(index.position(close.start())[0] + 1)
    parsed = _parse_json(text[: content_span.end], index)
    return _front_matter("json", Span(0, close.end()), content_span, *parsed), body_start


def _front_matter(
    kind: Format,
    span: Span,
    content_span: Span,
    data: Any,
    problems: tuple[Problem, ...],
    locator: Callable[[], dict[JsonPath, Location]],
) -> FrontMatter:
    return FrontMatter(kind, span, content_span, data, problems, locator)


Parsed = tuple[Any, tuple[Problem, ...], Callable[[], dict[JsonPath, Location]]]


def _point(index: LineIndex, line: int, column: int, width: int = 1) -> Span:
    start = index.offset(line, column)
    return Span(start, start + width)


def _trimmed(index: LineIndex, start: int, end: int) -> Span:
    """A node's span without the line breaks a block collection's end mark runs over."""
    text = index.text
    while end > start + 1 and text[end - 1] in " \t\r\n":
        end -= 1
    return Span(start, max(end, start + 1))


def _parse_yaml(content: str, index: LineIndex, first_line: int) -> Parsed:
    def span_of(node: yaml.Node) -> Span:
        start = index.offset(first_line + node.start_mark.line, node.start_mark.column + 1)
        end = index.offset(first_line + node.end_mark.line, node.end_mark.column + 1)
        return _trimmed(index, start, end)

    def no_locations() -> dict[JsonPath, Location]:
        return {}

    try:
        root = yaml.compose(content, Loader=SafeLoader)
        # Only an alias can make the data bigger than the text; no anchor, no alias.
        too_large = root is not None and "&" in content and expanded_size(root) > max_values()
    except yaml.MarkedYAMLError as error:
        return None, (_yaml_problem(error, index, first_line),), no_locations
    except yaml.YAMLError as error:
        return (
            None,
            (Problem(_point(index, first_line, 1), f"invalid YAML: {error}"),),
            no_locations,
        )
    except RecursionError:
        message = "the front matter nests too deeply to be read"
        return None, (Problem(_point(index, first_line, 1), message),), no_locations
    if root is None:
        return {}, (), no_locations

    def locator() -> dict[JsonPath, Location]:
        return _yaml_locations(root, span_of)

    if too_large:
        message = (
            f"the front matter expands to more than {max_values():,} values through "
            "YAML aliases; it was not read"
        )
        return None, (Problem(span_of(root), message),), no_locations
    problems = tuple(
        Problem(span_of(key), message) for key, message in _duplicate_keys(root, first_line)
    )
    data, failure = _construct(root)
    if isinstance(failure, yaml.MarkedYAMLError):
        return None, (*problems, _yaml_problem(failure, index, first_line)), locator
    if isinstance(failure, str):
        return None, (*problems, Problem(span_of(root), failure)), no_locations
    return data, problems, locator


def _construct(root: yaml.Node) -> tuple[Any, yaml.MarkedYAMLError | str | None]:
    """The data of a composed document, or why it has none (a YAML error or a message)."""
    try:
        data = _jsonable(yaml.constructor.SafeConstructor().construct_document(root))
    except yaml.MarkedYAMLError as error:
        return None, error
    except RecursionError:
        return None, "the front matter nests too deeply or refers to itself through an alias"
    except Exception as error:  # noqa: BLE001 - PyYAML's own constructors fail on bad input:
        # a 5,000-digit number is a ValueError, `!!timestamp nope` an AttributeError.
        reason = "a tag's value is not valid"
        if isinstance(error, ValueError):
            reason = "a number has too many digits" if "digits" in str(error) else str(error)
        return None, f"a value cannot be read: {reason}"
    # `~` or `null` has no keys, as an empty block has (the schema still runs).
    return ({} if data is None else data), None


def _yaml_problem(error: yaml.MarkedYAMLError, index: LineIndex, first_line: int) -> Problem:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line, mark.column) if mark is not None else (0, 0)
    reason = error.problem or "invalid YAML"
    if error.context and "constructor" not in reason:
        reason = f"{reason} ({error.context})"
    if reason.startswith("could not determine a constructor for the tag"):
        tag = reason.rsplit(" ", 1)[-1].strip("'").replace("tag:yaml.org,2002:", "!!")
        reason = f"the YAML tag {tag} is not allowed (front matter is data, not objects)"
    point = _point(index, first_line + line, column + 1)
    if mark is not None and index.text[point.start : point.start + 1] == "\t":
        reason = "a tab is used for indentation; YAML indents with spaces only"
    return Problem(point, f"invalid YAML: {reason}")


def max_values() -> int:
    from lint.limits import current

    return current().max_yaml_values


def expanded_size(root: yaml.Node) -> int:
    """How many values ``root`` stands for once every alias is expanded (memoised per node)."""
    sizes: dict[int, int] = {}
    limit = max_values()

    def size(node: yaml.Node) -> int:
        known = sizes.get(id(node))
        if known is not None:
            return known
        sizes[id(node)] = 1  # a recursive alias counts once
        if isinstance(node, yaml.MappingNode):
            total = 1 + sum(size(key) + size(value) for key, value in node.value)
        elif isinstance(node, yaml.SequenceNode):
            total = 1 + sum(size(item) for item in node.value)
        else:
            total = 1
        sizes[id(node)] = min(total, limit + 1)
        return sizes[id(node)]

    return size(root)


def _walk_nodes(root: yaml.Node) -> Iterator[yaml.Node]:
    """Every node once, aliases not followed twice."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


def _duplicate_keys(root: yaml.Node, first_line: int) -> Iterator[tuple[yaml.Node, str]]:
    for node in _walk_nodes(root):
        if not isinstance(node, yaml.MappingNode):
            continue
        first_seen: dict[str, yaml.Node] = {}
        for key, _ in node.value:
            if not isinstance(key, yaml.ScalarNode) or key.value == "<<":
                continue
            earlier = first_seen.setdefault(key.value, key)
            if earlier is not key:
                line = first_line + earlier.start_mark.line
                yield key, f'duplicate key "{key.value}" (first defined on line {line})'


def _yaml_locations(
    root: yaml.Node, span_of: Callable[[yaml.Node], Span]
) -> dict[JsonPath, Location]:
    locations: dict[JsonPath, Location] = {}
    seen: set[int] = set()
    stack: list[tuple[JsonPath, yaml.Node]] = [((), root)]
    while stack:
        path, node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    child = (*path, key.value)
                    locations.setdefault(child, Location(span_of(key), span_of(value)))
                    stack.append((child, value))
        elif isinstance(node, yaml.SequenceNode):
            for position, item in enumerate(node.value):
                child = (*path, position)
                locations[child] = Location(None, span_of(item))
                stack.append((child, item))
    return locations


def _parse_toml(content: str, index: LineIndex, first_line: int) -> Parsed:
    deep = _too_deep(content, _point(index, first_line, 1))
    if deep is not None:
        return None, (deep,), dict
    try:
        data = tomllib.loads(content.replace("\r\n", "\n"))
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        found = _TOML_ERROR_POSITION.search(message)
        line, column = (int(found[1]), int(found[2])) if found else (1, 1)
        reason = _TOML_ERROR_POSITION.sub("", message).strip()
        problem = Problem(_point(index, first_line + line - 1, column), f"invalid TOML: {reason}")
        return None, (problem,), dict
    except (ValueError, RecursionError) as error:  # a number too long to convert, say
        message = f"invalid TOML: {error}"
        return None, (Problem(_point(index, first_line, 1), message),), dict

    def locator() -> dict[JsonPath, Location]:
        return toml_locations(content, index, first_line)

    return _jsonable(data), (), locator


_TOML_TABLE = re.compile(r"[ \t]*(\[\[?)[ \t]*([^\]]+?)[ \t]*\]\]?")
_TOML_KEY_VALUE = re.compile(
    r"[ \t]*((?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*')"
    r"(?:[ \t]*\.[ \t]*(?:[A-Za-z0-9_-]+|\"[^\"]*\"|'[^']*'))*)[ \t]*=[ \t]*"
)
_TOML_KEY_PART = re.compile(r"[A-Za-z0-9_-]+|\"([^\"]*)\"|'([^']*)'")


def _toml_key_parts(dotted: str) -> tuple[str, ...]:
    return tuple(
        match[1] if match[1] is not None else match[2] if match[2] is not None else match[0]
        for match in _TOML_KEY_PART.finditer(dotted)
    )


def toml_locations(content: str, index: LineIndex, first_line: int) -> dict[JsonPath, Location]:
    """Line-based: keys, tables and arrays of tables; values to the end of their line."""
    locations: dict[JsonPath, Location] = {}
    table: JsonPath = ()
    array_counts: dict[JsonPath, int] = {}
    for number, line in enumerate(content.splitlines()):
        line_start = index.line_start(first_line + number)
        header = _TOML_TABLE.match(line)
        if header and not _TOML_KEY_VALUE.match(line):
            names = _toml_key_parts(header[2])
            if header[1] == "[[":
                array_counts[names] = array_counts.get(names, -1) + 1
                table = (*names, array_counts[names])
            else:
                table = names
            span = Span(line_start + header.start(2), line_start + header.end(2))
            locations.setdefault(table, Location(span, span))
            continue
        key_value = _TOML_KEY_VALUE.match(line)
        if key_value is None:
            continue
        path = (*table, *_toml_key_parts(key_value[1]))
        value_text = line[key_value.end() :].rstrip()
        key_span = Span(line_start + key_value.start(1), line_start + key_value.end(1))
        value_end = line_start + key_value.end() + max(len(value_text), 1)
        locations[path] = Location(key_span, Span(line_start + key_value.end(), value_end))
    return locations


#: JSON and TOML front matter nested deeper than this is not parsed (their parsers recurse).
MAX_DEPTH = 100
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _nesting_depth(content: str) -> int:
    """How deep ``[`` and ``{`` nest outside strings (a linear scan; quick when few)."""
    if content.count("[") + content.count("{") <= MAX_DEPTH:
        return 0
    depth = deepest = 0
    quote = ""
    escaped = False
    for character in content:
        if quote:
            if escaped:
                escaped = False
            elif character == "\\" and quote == '"':
                escaped = True
            elif character == quote:
                quote = ""
        elif character in "\"'":
            quote = character
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth = max(0, depth - 1)
    return deepest


def _too_deep(content: str, at: Span) -> Problem | None:
    if _nesting_depth(content) <= MAX_DEPTH:
        return None
    return Problem(at, f"the front matter nests more than {MAX_DEPTH} levels deep; not read")


def _parse_json(content: str, index: LineIndex) -> Parsed:
    deep = _too_deep(content, _point(index, 1, 1))
    if deep is not None:
        return None, (deep,), dict
    repeated: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        seen = set()
        for key, _ in items:
            if key in seen:
                repeated.append(key)
            seen.add(key)
        return dict(items)

    try:
        data = json.loads(content, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        problem = Problem(_point(index, error.lineno, error.colno), f"invalid JSON: {error.msg}")
        return None, (problem,), dict
    except (ValueError, RecursionError) as error:  # a number too long to convert, say
        return None, (Problem(_point(index, 1, 1), f"invalid JSON: {error}"),), dict
    if _has_lone_surrogate(content, data):
        message = "a string holds half of a surrogate pair (such as \\ud800), which is no text"
        return None, (Problem(_point(index, 1, 1), message),), dict
    problems = tuple(_json_duplicates(content, index, repeated))

    def locator() -> dict[JsonPath, Location]:
        # JSON is YAML's flow style, so YAML's node marks locate JSON keys and values too.
        try:
            root = yaml.compose(content, Loader=SafeLoader)
        except yaml.YAMLError:
            return {}
        if root is None:
            return {}

        def span_of(node: yaml.Node) -> Span:
            start = index.offset(node.start_mark.line + 1, node.start_mark.column + 1)
            end = index.offset(node.end_mark.line + 1, node.end_mark.column + 1)
            return _trimmed(index, start, end)

        return _yaml_locations(root, span_of)

    return data, problems, locator


def _has_lone_surrogate(content: str, data: Any) -> bool:
    if not _SURROGATE_ESCAPE.search(content):
        return False
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _json_duplicates(content: str, index: LineIndex, repeated: list[str]) -> Iterator[Problem]:
    """A problem at each later spelling of a key its object repeats (JSON is YAML's flow
    style, so YAML's nodes find them)."""
    if not repeated:
        return
    try:
        root = yaml.compose(content, Loader=SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return
    if root is None:
        return
    for key, message in _duplicate_keys(root, 1):
        start = index.offset(key.start_mark.line + 1, key.start_mark.column + 1)
        end = index.offset(key.end_mark.line + 1, key.end_mark.column + 1)
        yield Problem(Span(start, max(end, start + 1)), message)


def _jsonable(value: Any) -> Any:
    """Dates and times become ISO strings and keys become strings, as JSON Schema expects."""
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_jsonable(item) for item in value]
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return value
