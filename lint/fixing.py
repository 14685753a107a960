"""Applying fixes: the edits of a file's diagnostics, chosen by safety, applied together, and
written atomically (a temporary file in the same folder, then a rename) with the file's mode,
BOM and line endings kept; or shown as a unified diff."""

from __future__ import annotations

import codecs
import difflib
import hashlib
import os
import stat
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lint.diagnostics import Diagnostic, Edit
from lint.positions import LineIndex


@dataclass(frozen=True)
class Fixed:
    """A file's text after its fixes, and how many diagnostics they repaired."""

    text: str
    applied: int


def fixable(diagnostic: Diagnostic, unsafe: bool) -> bool:
    """Whether ``--fix`` (``unsafe``: ``--unsafe-fixes``) would apply the diagnostic's fix."""
    return bool(diagnostic.fix) and (unsafe or all(edit.safe for edit in diagnostic.fix))


def apply_fixes(text: str, diagnostics: Sequence[Diagnostic], unsafe: bool) -> Fixed:
    """``text`` (the file as decoded) with the fixes of ``diagnostics`` applied; a fix whose
    edits overlap one already taken waits for the next run (every fix stands as its rule
    wrote it)."""
    from lint.document import lines_as_read

    lines = LineIndex(lines_as_read(text))  # positions count lines as the document did
    taken: list[tuple[int, int, str]] = []
    applied = 0
    for diagnostic in diagnostics:
        if not fixable(diagnostic, unsafe):
            continue
        edits = [_offsets(lines, edit) for edit in diagnostic.fix]
        if any(_overlaps(edit, other) for edit in edits for other in taken):
            continue
        taken.extend(edits)
        applied += 1
    for start, end, replacement in sorted(taken, reverse=True):
        text = text[:start] + replacement + text[end:]
    return Fixed(text, applied)


def _offsets(lines: LineIndex, edit: Edit) -> tuple[int, int, str]:
    return (
        lines.offset(edit.line, edit.column),
        lines.offset(edit.end_line, edit.end_column),
        edit.replacement,
    )


def _overlaps(edit: tuple[int, int, str], other: tuple[int, int, str]) -> bool:
    """Half-open ranges that share a character; an insertion inside the other's range, or two
    insertions at one place (their order would be a guess)."""
    start, end, _ = edit
    other_start, other_end, _ = other
    if start == end and other_start == other_end:
        return start == other_start
    if start == end:
        return other_start < start < other_end
    if other_start == other_end:
        return start < other_start < end
    return start < other_end and other_start < end


def unified_diff(display: str, before: str, after: str) -> str:
    """The change as ``diff -u`` shows it, paths as ``a/PATH`` and ``b/PATH``."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"a/{display}",
            f"b/{display}",
        )
    )


class FixError(Exception):
    """A fixed file that cannot be written; the message says why (one line)."""


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_fixed(path: Path, original: bytes, text: str) -> None:
    """Write ``text`` over ``path`` atomically, as UTF-8 with the original's BOM and mode;
    refuse when the file is read-only or changed on disk since ``original`` was read."""
    try:
        status = path.stat()
    except OSError as error:
        raise FixError(f"it cannot be read again: {error.strerror or error}") from None
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise FixError("it is read-only; it was left as it is")
    data = text.encode("utf-8")
    if original.startswith(codecs.BOM_UTF8):
        data = codecs.BOM_UTF8 + data
    folder = path.parent
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise FixError(f"its folder is not writable: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        Path(temporary).chmod(stat.S_IMODE(status.st_mode))
        if digest(path.read_bytes()) != digest(original):
            raise FixError("it changed on disk while it was checked; it was left as it is")
        Path(temporary).replace(path)
    except OSError as error:
        raise FixError(f"it could not be written: {error.strerror or error}") from None
    finally:
        Path(temporary).unlink(missing_ok=True)
