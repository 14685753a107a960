"""Lines of a source outside fenced code, found in one pass, for syntaxes that pair an
opening line with a closing one (containers, Liquid blocks, paired shortcodes, JSX)."""

from __future__ import annotations

import re
from collections.abc import Callable, MutableMapping
from typing import Any

#: What a line is to a paired syntax: ``(True, name)`` a closer, ``(False, name)`` an opener,
#: None neither.
Classify = Callable[[str], "tuple[bool, str] | None"]

_FENCE = re.compile(r"(`{3,}|~{3,})")
_QUOTE_MARKERS = " \t>"


def outside_code(src: str, env: MutableMapping[str, Any]) -> list[tuple[int, str]]:
    """(line index, the line without indentation and quote markers) for every line of
    ``src`` that is not inside fenced code; computed once per parse and kept in ``env``."""
    cached: list[tuple[int, str]] | None = env.get("contentlint.lines")
    if cached is not None:
        return cached
    found: list[tuple[int, str]] = []
    fence = ""
    for number, line in enumerate(src.split("\n")):
        text = line.lstrip(_QUOTE_MARKERS)
        if fence:
            if text.startswith(fence) and not text.rstrip().strip(fence[0]):
                fence = ""
            continue
        opening = _FENCE.match(text) if text[:1] in "`~" else None
        if opening is not None:
            fence = opening[1]
            continue
        found.append((number, text.rstrip()))
    env["contentlint.lines"] = found
    return found


def pair(openers: list[tuple[int, str]], closers: list[tuple[int, str]]) -> dict[int, int]:
    """Opening line → closing line, innermost first, per name: ``(line, name)`` lists in any
    order. An opener with no closer after it is left out."""
    events = sorted(
        [(line, 1, name) for line, name in openers] + [(line, 0, name) for line, name in closers]
    )
    stacks: dict[str, list[int]] = {}
    pairs: dict[int, int] = {}
    for line, is_opener, name in events:
        if is_opener:
            stacks.setdefault(name, []).append(line)
        elif stacks.get(name):
            pairs[stacks[name].pop()] = line
    return pairs


def paired_lines(
    src: str, env: MutableMapping[str, Any], key: str, start: str, classify: Classify
) -> dict[int, int]:
    """Opening line → closing line of one syntax, computed once per parse (kept in ``env``
    under ``key``) from the lines outside code that begin with ``start``."""
    pairs: dict[int, int] | None = env.get(key)
    if pairs is None:
        openers: list[tuple[int, str]] = []
        closers: list[tuple[int, str]] = []
        for line, text in outside_code(src, env):
            if text.startswith(start):
                found = classify(text)
                if found is not None:
                    (closers if found[0] else openers).append((line, found[1]))
        pairs = env[key] = pair(openers, closers)
    return pairs
