"""What each folder holds, read once per run: the walk that collects the files records every
folder it enters, and the config search, dialect detection and the site index ask here
instead of asking the file system again (workers, forked after the walk, inherit it).

Outside a run (the language server, the tests' direct calls) nothing is remembered: every
question reads the folder afresh, since files come and go while an editor is open.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

#: folder → its entries' names, folders with a trailing ``/``; None: not remembering.
_REMEMBERED: dict[str, frozenset[str]] | None = None


def remember_for_this_run() -> None:
    """From now on, each folder is read at most once (a command-line run: files do not move
    while it checks them)."""
    global _REMEMBERED
    _REMEMBERED = {}


def forget() -> None:
    """Read folders afresh from now on (the end of a run)."""
    global _REMEMBERED
    _REMEMBERED = None


def names_from_entries(entries: Iterable[os.DirEntry[str]]) -> frozenset[str]:
    return frozenset(
        entry.name + "/" if entry.is_dir(follow_symlinks=False) else entry.name for entry in entries
    )


def record(folder: str, names: frozenset[str]) -> None:
    """What a walk found in ``folder`` (kept only while remembering)."""
    if _REMEMBERED is not None:
        _REMEMBERED[folder] = names


def names_of(folder: str) -> frozenset[str]:
    """The entries of ``folder``, folders with a trailing ``/``; nothing if it cannot be read."""
    if _REMEMBERED is not None:
        known = _REMEMBERED.get(folder)
        if known is not None:
            return known
    try:
        with os.scandir(folder) as entries:
            names = names_from_entries(entries)
    except OSError:
        names = frozenset()
    record(folder, names)
    return names


def has_entry(folder: str, name: str) -> bool:
    """Whether ``folder`` holds a file or folder called ``name`` (links included, even broken)."""
    names = names_of(folder)
    return name in names or name + "/" in names


def walk(top: str) -> Iterator[tuple[str, list[str], list[str]]]:
    """(folder, sub-folder names, file names) from ``top`` down, like ``os.walk``, sorted; the
    caller may prune the sub-folders in place. Linked folders are listed as files."""
    pending = [top]
    while pending:
        folder = pending.pop()
        names = names_of(folder)
        subfolders = sorted(name[:-1] for name in names if name.endswith("/"))
        files = sorted(name for name in names if not name.endswith("/"))
        yield folder, subfolders, files
        pending.extend(os.path.join(folder, name) for name in reversed(subfolders))  # noqa: PTH118 - strings
