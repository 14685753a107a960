"""What each folder holds, read once per run: the walk that collects the files records every
folder it enters, and the config search, dialect detection and the site index ask here
instead of asking the file system again (workers, forked after the walk, inherit it).

Outside a run (the language server, the tests' direct calls) nothing is remembered: every
question reads the folder afresh, since files come and go while an editor is open.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator

#: folder → its entries' names, folders with a trailing ``/`` (None: it could not be listed);
#: the whole memo is None when not remembering.
_REMEMBERED: dict[str, frozenset[str] | None] | None = None
#: Where a name is found whatever its case (macOS, Windows): a listing rules out no case.
_CASE_BLIND = sys.platform in ("darwin", "win32")


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


def record(folder: str, names: frozenset[str] | None) -> None:
    """What a walk found in ``folder`` (None: it cannot be listed); kept only while
    remembering."""
    if _REMEMBERED is not None:
        _REMEMBERED[folder] = names


def _listed(folder: str) -> frozenset[str] | None:
    if _REMEMBERED is not None and folder in _REMEMBERED:
        return _REMEMBERED[folder]
    try:
        with os.scandir(folder) as entries:
            names: frozenset[str] | None = names_from_entries(entries)
    except OSError:
        names = None
    record(folder, names)
    return names


def names_of(folder: str) -> frozenset[str]:
    """The entries of ``folder``, folders with a trailing ``/``; nothing if it cannot be read."""
    return _listed(folder) or frozenset()


def may_hold(folder: str, name: str) -> bool:
    """False when the listing of ``folder`` rules ``name`` out; True when it holds the name, or
    cannot tell (a folder that can be entered but not listed, a file system blind to case):
    the caller then asks the file system itself, as it would have without a listing."""
    names = _listed(folder)
    if names is None or name in names or name + "/" in names:
        return True
    if _CASE_BLIND:
        wanted = name.casefold()
        return any(entry.rstrip("/").casefold() == wanted for entry in names)
    return False


def exists_in(folder: str, name: str) -> bool:
    """``os.path.exists`` of ``name`` in ``folder``, with no system call where the listing
    rules it out (a link to nothing does not exist)."""
    return may_hold(folder, name) and os.path.exists(os.path.join(folder, name))  # noqa: PTH110, PTH118


def is_file_in(folder: str, name: str) -> bool:
    """``os.path.isfile`` of ``name`` in ``folder``, with no system call where the listing
    rules it out."""
    return may_hold(folder, name) and os.path.isfile(os.path.join(folder, name))  # noqa: PTH113, PTH118


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
