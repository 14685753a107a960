"""Glob patterns with ``**`` for include, exclude, ``[[schemas]]`` and ``[[overrides]]``."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

STAR = "[^/]*"


class GlobError(ValueError):
    """A glob that is no pattern (``[z-a].md``: a range backwards)."""


def _without_backtracking(pieces: list[str]) -> str:
    """The pieces joined so that the regex runs in linear time: each ``*`` but the last of a
    segment matches the shortest text that ends with what follows it, and never gives any
    back (the lookahead-and-backreference form of an atomic group, as fnmatch does), so that
    ``*-*-*-*-*-*-*-*.txt`` cannot backtrack through every split of a long name."""
    regex = ""
    group = 0
    index = 0
    while index < len(pieces):
        if pieces[index] != STAR:
            regex += pieces[index]
            index += 1
            continue
        following = index + 1
        while following < len(pieces) and pieces[following] not in (STAR, ".*", "(?:.*/)?"):
            following += 1
        if (
            following < len(pieces)
            and pieces[following] == STAR
            and "/" not in "".join(pieces[index + 1 : following])
        ):
            group += 1
            literal = "".join(pieces[index + 1 : following])
            regex += f"(?=(?P<g{group}>[^/]*?{literal}))(?P=g{group})"
            index = following
            continue
        regex += STAR
        index += 1
    return regex


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
    pieces: list[str] = []  # regex pieces; STAR for a `*` within one segment
    position = 0
    while position < len(pattern):
        char = pattern[position]
        if pattern.startswith("**/", position):
            pieces.append("(?:.*/)?")
            position += 3
            continue
        if pattern.startswith("**", position):
            pieces.append(".*")
            position += 2
            continue
        if char == "*":
            pieces.append(STAR)
        elif char == "?":
            pieces.append("[^/]")
        elif char == "[":
            end = pattern.find("]", position + 1)
            if end == -1:
                pieces.append(re.escape(char))
            else:
                body = pattern[position + 1 : end].replace("\\", "\\\\")
                if body.startswith("!"):
                    body = "^" + body[1:]
                pieces.append(f"[{body}]")
                position = end
        else:
            pieces.append(re.escape(char))
        position += 1
    regex = _without_backtracking(pieces)
    prefix = "" if anchored else "(?:.*/)?"
    try:
        return re.compile(f"{prefix}{regex}(?:/.*)?", re.DOTALL)
    except re.error as error:
        raise GlobError(f'"{pattern}" is not a glob: {error.msg}') from None


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
