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


@dataclass
class Suppressions:
    """Which rules are off where; an empty set of names means every rule."""

    whole_file: list[frozenset[str]] = field(default_factory=list)
    next_line: dict[int, list[frozenset[str]]] = field(default_factory=dict)
    ranges: list[tuple[int, int, frozenset[str]]] = field(default_factory=list)

    def suppresses(self, rule_id: str, groups: Sequence[str], line: int) -> bool:
        def covers(names: frozenset[str]) -> bool:
            return not names or rule_id in names or any(group in names for group in groups)

        if any(covers(names) for names in self.whole_file):
            return True
        if any(covers(names) for names in self.next_line.get(line, ())):
            return True
        return any(start <= line <= end and covers(names) for start, end, names in self.ranges)


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
    open_ranges: list[tuple[int, frozenset[str]]] = []
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
            open_ranges.append((line, names))
        else:  # enable: closes the matching ranges, or all of them when it names no rule
            still_open = []
            for start, disabled in open_ranges:
                if not names or disabled == names or (disabled and disabled <= names):
                    result.ranges.append((start, line, disabled))
                else:
                    still_open.append((start, disabled))
            open_ranges = still_open
    result.ranges.extend((start, last_line, names) for start, names in open_ranges)
    return result
