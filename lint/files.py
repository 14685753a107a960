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


def _walk(folder: Path, config: Config) -> Iterator[Path]:
    for current, folders, names in os.walk(folder, followlinks=False):
        current_path = Path(current)
        folders[:] = sorted(
            name
            for name in folders
            if not name.startswith(".")
            and name not in SKIPPED_FOLDERS
            and not is_excluded(current_path / name, config)
        )
        for name in sorted(names):
            candidate = current_path / name
            resolved = candidate.resolve()
            if _wanted(resolved, config) and not is_excluded(resolved, config):
                yield candidate


def _display(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd).as_posix()
    except ValueError:
        return str(path)


def collect(
    paths: Sequence[str], config: Config, cwd: Path, force_exclude: bool = False
) -> Collected:
    """Files named on the command line are checked as given (unless ``force_exclude`` and
    excluded); folders are walked. The order is stable: sorted within each folder."""
    collected = Collected()
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            collected.missing.append(given)
            continue
        if path.is_dir():
            candidates: Iterator[Path] | list[Path] = _walk(path, config)
        elif force_exclude and is_excluded(path, config):
            continue
        else:
            candidates = [path]
        for candidate in candidates:
            resolved = candidate.resolve()
            if resolved in seen:
                continue
            seen.add(resolved)
            collected.files.append((_display(candidate, cwd), resolved))
    return collected
