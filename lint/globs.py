"""Glob patterns with ``**`` for include, exclude, ``[[schemas]]`` and ``[[overrides]]``."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=512)
def compile_glob(pattern: str) -> re.Pattern[str]:
    """A regex for ``pattern``, matched against a POSIX path relative to the config's folder.

    ``**`` matches any number of folders, ``*`` and ``?`` stay within one path segment, and a
    pattern without ``/`` matches the file name at any depth (as in ``.gitignore``).
    """
    pattern = pattern.strip()
    if pattern.startswith("./"):
        pattern = pattern[2:]
    anchored = "/" in pattern.rstrip("/")
    pattern = pattern.lstrip("/")
    if pattern.endswith("/"):
        pattern += "**"
    regex = ""
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if pattern.startswith("**/", position):
            regex += "(?:.*/)?"
            position += 3
            continue
        if pattern.startswith("**", position):
            regex += ".*"
            position += 2
            continue
        if char == "*":
            regex += "[^/]*"
        elif char == "?":
            regex += "[^/]"
        elif char == "[":
            end = pattern.find("]", position + 1)
            if end == -1:
                regex += re.escape(char)
            else:
                body = pattern[position + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                regex += f"[{body}]"
                position = end
        else:
            regex += re.escape(char)
        position += 1
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"{prefix}{regex}(?:/.*)?", re.DOTALL)


def matches(relative_path: str, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether the POSIX ``relative_path`` (or a folder above it) matches one of ``patterns``."""
    return any(compile_glob(pattern).fullmatch(relative_path) for pattern in patterns)


def matches_below(path: Path, base: Path, patterns: tuple[str, ...] | list[str]) -> bool:
    """Whether ``path``, relative to ``base``, matches one of ``patterns`` (never, outside it)."""
    try:
        relative = path.relative_to(base).as_posix()
    except ValueError:
        return False
    return matches(relative, patterns)
