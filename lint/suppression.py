"""Inline suppression comments: ``<!-- contentlint-disable RULE -->`` and friends."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from lint.document import Document

_COMMENT = re.compile(
    r"<!--\s*contentlint-(disable-next-line|disable-file|disable|enable)"
    r"(?:\s+([\w\s,-]*?))?\s*-->"
)
_CODE_BLOCKS = {"fence", "code_block", "math_block", "math_block_label"}


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
    next_line: dict[int, list[frozenset[str]]] = field(default_factory=dict)
    ranges: list[Disabled] = field(default_factory=list)

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


def _names(text: str | None) -> frozenset[str]:
    return frozenset(name for name in re.split(r"[\s,]+", text or "") if name)


def find_suppressions(doc: Document) -> Suppressions:
    """The suppression comments of ``doc`` outside code blocks and front matter."""
    result = Suppressions()
    if "contentlint-" not in doc.text:
        return result
    code_lines: set[int] = set()
    for token in doc.tokens:
        if token.type in _CODE_BLOCKS and token.map:
            code_lines.update(range(token.map[0] + 1, token.map[1] + 1))
    open_ranges: list[Disabled] = []
    last_line = doc.lines.line_count
    for found in _COMMENT.finditer(doc.text, doc.body_start):
        line = doc.lines.position(found.start())[0]
        if line in code_lines:
            continue
        kind, names = found[1], _names(found[2])
        if kind == "disable-file":
            result.whole_file.append(names)
        elif kind == "disable-next-line":
            end_line = doc.lines.position(found.end())[0]
            result.next_line.setdefault(end_line + 1, []).append(names)
        elif kind == "disable":
            open_ranges.append(Disabled(line, last_line, names))
        else:
            open_ranges = _enable(open_ranges, names, line, result.ranges)
    result.ranges.extend(open_ranges)
    return result


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
