"""Which files a run checks: walk folders for the known extensions, honour excludes."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Config
from lint.document import EXTENSIONS
from lint.globs import matches

#: Folders never walked into: build output and dependencies of common site generators.
SKIPPED_FOLDERS = frozenset({"node_modules", "_site", "_freeze", "__pycache__", "site-packages"})


@dataclass
class Collected:
    """The files to check (display path, real path) and the paths given that do not exist."""

    files: list[tuple[str, Path]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def _relative_to_any(path: Path, patterns: Sequence[tuple[Path, str]]) -> bool:
    for base, pattern in patterns:
        try:
            relative = path.relative_to(base).as_posix()
        except ValueError:
            continue
        if matches(relative, (pattern,)):
            return True
    return False


def is_excluded(path: Path, config: Config) -> bool:
    return _relative_to_any(path.resolve(), config.exclude)


def _wanted(path: Path, config: Config) -> bool:
    if config.include is not None:
        return _relative_to_any(path, config.include)
    return path.suffix.lower() in EXTENSIONS


def _walk(folder: Path, config: Config) -> Iterator[tuple[str, str]]:
    """(path as the user would write it, resolved path) of each wanted file under ``folder``,
    sorted within each folder.

    The folder is resolved once and linked folders are not followed, so every path below it
    is already resolved; only a linked file needs resolving again. Paths stay strings here:
    a Path object per file costs more than the walk itself.
    """
    pending: list[tuple[str, str]] = [(str(folder.resolve()), str(folder))]
    excluded = config.exclude
    filtered = bool(excluded) or config.include is not None
    while pending:
        current, shown = pending.pop()
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
        except OSError:
            continue  # unreadable folders are skipped, as os.walk does
        folders = []
        for entry in entries:
            name = entry.name
            if entry.is_dir(follow_symlinks=False):
                if name.startswith(".") or name in SKIPPED_FOLDERS:
                    continue
                if excluded and _relative_to_any(Path(entry.path), excluded):
                    continue
                folders.append((entry.path, os.path.join(shown, name)))
                continue
            if config.include is None and os.path.splitext(name)[1].lower() not in EXTENSIONS:
                continue
            resolved = os.path.realpath(entry.path) if entry.is_symlink() else entry.path
            if filtered:
                candidate = Path(resolved)
                if not _wanted(candidate, config) or _relative_to_any(candidate, excluded):
                    continue
            yield os.path.join(shown, name), resolved
        pending.extend(reversed(folders))


def _display(shown: str, resolved: str, cwd: str) -> str:
    """The path relative to the working folder, with forward slashes; as given if outside."""
    if resolved.startswith(cwd) and resolved[len(cwd) : len(cwd) + 1] == os.sep:
        return resolved[len(cwd) + 1 :].replace(os.sep, "/")
    return shown


def collect(
    paths: Sequence[str], config: Config, cwd: Path, force_exclude: bool = False
) -> Collected:
    """Files named on the command line are checked as given (unless ``force_exclude`` and
    excluded); folders are walked. The order is stable: sorted within each folder."""
    collected = Collected()
    seen: set[str] = set()
    cwd_text = str(cwd.resolve())
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            collected.missing.append(given)
            continue
        if path.is_dir():
            candidates: Iterator[tuple[str, str]] | list[tuple[str, str]] = _walk(path, config)
        elif force_exclude and is_excluded(path, config):
            continue
        else:
            candidates = [(str(path), str(path.resolve()))]
        for shown, resolved in candidates:
            if resolved in seen:
                continue
            seen.add(resolved)
            collected.files.append((_display(shown, resolved, cwd_text), Path(resolved)))
    return collected
