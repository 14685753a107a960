"""Front matter fixes: a repaired value written in the front matter's own syntax, editing only
the value's characters (its quotes kept), and kept only when the fixed front matter parses to
exactly the repaired value."""

from __future__ import annotations

import json
import re
from typing import Any

from lint.diagnostics import Fix, Replacement
from lint.document import Document
from lint.front_matter import JsonPath, find_front_matter
from lint.positions import LineIndex
from lint.schema_repairs import Repair

#: A string YAML reads back as the same string when written without quotes.
_PLAIN_YAML = re.compile(r"[A-Za-z0-9_][\w .,/+()-]*")
_YAML_SPECIAL_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "null", "~"})


def repair_fix(doc: Document, path: JsonPath, repair: Repair) -> Fix | None:
    """The fix that writes ``repair.value`` at ``path``, or None when it cannot be written
    safely as an edit of the value alone."""
    front_matter = doc.front_matter
    if front_matter is None:
        return None
    span = front_matter.value_span(path)
    if span is None:
        return None
    source = doc.text[span.start : span.end]
    if not source.strip() or "\n" in source or source[:1] in "|>":
        return None  # block scalars and values over several lines are left to the writer
    text = _written(repair.value, source, front_matter.format)
    if text is None:
        return None
    fixed = doc.text[: span.start] + text + doc.text[span.end :]
    parsed, _ = find_front_matter(fixed, LineIndex(fixed))
    if parsed is None or parsed.problems or _at(parsed.data, path) != (True, repair.value):
        return None
    return Fix((Replacement(span.start, span.end, text),), safe=repair.safe)


def _at(data: Any, path: JsonPath) -> tuple[bool, Any]:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return False, None
    return True, data


def _quote_of(source: str) -> str:
    if len(source) >= 2 and source[0] in "'\"" and source[-1] == source[0]:
        return source[0]
    return ""


def _written(value: Any, source: str, syntax: str) -> str | None:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    if isinstance(value, str):
        return _string(value, _quote_of(source), syntax)
    if isinstance(value, list) and len(value) == 1:
        item = value[0]
        quote = _quote_of(source)
        if isinstance(item, str) and not quote and syntax == "yaml":
            inner = source if _PLAIN_YAML.fullmatch(source) and "," not in source else None
            return f"[{inner}]" if inner is not None else f"[{json.dumps(item)}]"
        return f"[{source}]"
    return None


def _string(value: str, quote: str, syntax: str) -> str | None:
    if quote == "'" and syntax == "yaml":
        return "'" + value.replace("'", "''") + "'"
    if quote == "'" and syntax == "toml" and "'" not in value and "\n" not in value:
        return f"'{value}'"  # a TOML literal string stays one
    if quote or syntax != "yaml":
        return json.dumps(value, ensure_ascii=False)  # a double-quoted string in all three
    if _PLAIN_YAML.fullmatch(value) and value.lower() not in _YAML_SPECIAL_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)
