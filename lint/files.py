"""Which files a run checks: walk folders for the known extensions, honour excludes."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lint.config import Config
from lint.document import EXTENSIONS
from lint.globs import matches
from lint.listings import exists_in, is_file_in, names_from_entries, record

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec

#: Folders never walked into: build output and dependencies of common site generators.
SKIPPED_FOLDERS = frozenset({"node_modules", "_site", "_freeze", "__pycache__", "site-packages"})
#: Folders of templates never walked into where a generator's config is beside them.
TEMPLATE_FOLDERS: dict[str, tuple[str, ...]] = {
    "archetypes": (
        "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json",
        "config.toml", "config.yaml", "config.yml", "config.json",
    ),
}  # fmt: skip


@dataclass
class Collected:
    """The files to check (display path, real path) and the paths given that do not exist."""

    files: list[tuple[str, Path]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    #: What the walk skipped and the user should hear of: folders it could not enter, links
    #: that lead out of the project (one line each, for standard error).
    skipped: list[str] = field(default_factory=list)


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


#: The config that governs a folder (the nearest project file at or above it).
ConfigFor = Callable[[Path], Config]


#: Files of gitignore patterns that the walk obeys (``.ignore`` after ``.gitignore``, so it wins).
IGNORE_FILES = (".gitignore", ".ignore")


@dataclass(frozen=True)
class _IgnoreFile:
    """The patterns of one folder's ignore files; they match paths relative to that folder."""

    folder: str
    spec: GitIgnoreSpec


def _ignore_file_in(folder: str, names: Iterable[str]) -> _IgnoreFile | None:
    lines: list[str] = []
    for name in IGNORE_FILES:
        if name not in names:
            continue
        try:
            with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as handle:
                lines += handle.read().splitlines()
        except OSError:
            continue
    if not lines:
        return None
    from pathspec import GitIgnoreSpec  # imported only where a project has ignore files

    return _IgnoreFile(folder, GitIgnoreSpec.from_lines(lines))


def _ignore_files_above(folder: str) -> tuple[_IgnoreFile, ...]:
    """The ignore files of the folders above ``folder`` up to its git repository's root (none
    when it is not in one), outermost first."""
    above: list[str] = []
    current = folder
    while True:
        parent = os.path.dirname(current)
        if parent == current:
            return ()  # no repository above: only the walked folders' own files count
        above.append(parent)
        if exists_in(parent, ".git"):
            break
        current = parent
    found = [_ignore_file_in(item, IGNORE_FILES) for item in reversed(above)]
    return tuple(item for item in found if item is not None)


def _ignored(path: str, is_folder: bool, ignores: Sequence[_IgnoreFile]) -> bool:
    """Whether the nearest ignore file with a pattern that matches ``path`` ignores it."""
    for ignore in reversed(ignores):
        relative = path[len(ignore.folder) + 1 :].replace(os.sep, "/")
        result = ignore.spec.check_file(relative + "/" if is_folder else relative)
        if result.include is not None:
            return bool(result.include)
    return False


def _walks_into(
    path: str,
    name: str,
    excluded: Sequence[tuple[Path, str]],
    ignores: Sequence[_IgnoreFile],
) -> bool:
    if name.startswith(".") or name in SKIPPED_FOLDERS or _is_template_folder(path, name):
        return False
    if excluded and _relative_to_any(Path(path), excluded):
        return False
    return not (ignores and _ignored(path, True, ignores))


def _is_template_folder(path: str, name: str) -> bool:
    """A folder of templates beside a generator's config, not pages: Hugo's ``archetypes/``
    (front matter such as ``date: {{ .Date }}`` is Go template, not YAML)."""
    if name not in TEMPLATE_FOLDERS:
        return False
    parent = os.path.dirname(path)
    return any(is_file_in(parent, config) for config in TEMPLATE_FOLDERS[name])


def _in_template_folder(path: Path) -> bool:
    return any(_is_template_folder(str(folder), folder.name) for folder in path.resolve().parents)


def _inside(path: str, folders: Sequence[str]) -> bool:
    return any(path == folder or path.startswith(folder + os.sep) for folder in folders)


def _wanted_file(
    entry: os.DirEntry[str],
    shown: str,
    roots: Sequence[str],
    config: Config,
    ignores: Sequence[_IgnoreFile],
    skipped: list[str],
) -> str | None:
    """The resolved path of the file ``entry`` if the walk checks it, else None."""
    name = entry.name
    if config.include is None and os.path.splitext(name)[1].lower() not in EXTENSIONS:
        return None
    if ignores and _ignored(entry.path, False, ignores):
        return None
    resolved = entry.path
    if entry.is_symlink():
        resolved = os.path.realpath(entry.path)
        if not _inside(resolved, roots):
            skipped.append(f"{os.path.join(shown, name)}: a link to outside the project; not read")
            return None
    if config.exclude or config.include is not None:
        candidate = Path(resolved)
        if not _wanted(candidate, config) or _relative_to_any(candidate, config.exclude):
            return None
    return resolved


def _walk(
    folder: Path,
    config_for: ConfigFor,
    ignore_files: bool = True,
    skipped: list[str] | None = None,
) -> Iterator[tuple[str, str]]:
    """(path as the user would write it, resolved path) of each wanted file under ``folder``,
    sorted within each folder; each folder's include and exclude globs are its own config's,
    and (with ``ignore_files``) what ``.gitignore`` and ``.ignore`` files exclude is skipped.

    The folder is resolved once and linked folders are not followed, so every path below it
    is already resolved; only a linked file needs resolving again. Paths stay strings here:
    a Path object per file costs more than the walk itself. A linked file whose target is
    outside both the walked folder and its project's root is not read, and said in
    ``skipped``, as is a folder that cannot be entered.
    """
    root = str(folder.resolve())
    skipped = skipped if skipped is not None else []
    above = _ignore_files_above(root) if ignore_files else ()
    pending: list[tuple[str, str, tuple[_IgnoreFile, ...]]] = [(root, str(folder), above)]
    while pending:
        current, shown, ignores = pending.pop()
        try:
            with os.scandir(current) as scan:
                entries = sorted(scan, key=lambda entry: entry.name)
            record(current, names_from_entries(entries))
        except OSError as error:
            skipped.append(f"{shown}: cannot enter this folder: {error.strerror or error}")
            continue
        config = config_for(Path(current))
        excluded = config.exclude
        if ignore_files:
            own = _ignore_file_in(current, {entry.name for entry in entries})
            if own is not None:
                ignores = (*ignores, own)
        folders = []
        for entry in entries:
            name = entry.name
            if entry.is_dir(follow_symlinks=False):
                if _walks_into(entry.path, name, excluded, ignores):
                    folders.append((entry.path, os.path.join(shown, name), ignores))
                continue
            resolved = _wanted_file(
                entry, shown, (root, str(config.root)), config, ignores, skipped
            )
            if resolved is None:
                continue
            yield os.path.join(shown, name), resolved
        pending.extend(reversed(folders))


def _display(shown: str, resolved: str, cwd: str) -> str:
    """The path relative to the working folder, with forward slashes; as given if outside."""
    if resolved.startswith(cwd) and resolved[len(cwd) : len(cwd) + 1] == os.sep:
        return resolved[len(cwd) + 1 :].replace(os.sep, "/")
    return shown


def collect(
    paths: Sequence[str],
    config_for: ConfigFor,
    cwd: Path,
    force_exclude: bool = False,
    ignore_files: bool = True,
) -> Collected:
    """Files named on the command line are checked as given (unless ``force_exclude`` and
    excluded by their own config); folders are walked (skipping what ignore files exclude,
    with ``ignore_files``). The order is stable: sorted within each folder."""
    collected = Collected()
    seen: set[str] = set()
    cwd_text = str(cwd.resolve())
    for given in paths:
        path = Path(given)
        if not path.exists() and not path.is_symlink():
            collected.missing.append(given)
            continue
        if path.is_dir():
            candidates: Iterator[tuple[str, str]] | list[tuple[str, str]] = _walk(
                path, config_for, ignore_files, collected.skipped
            )
        elif force_exclude and (
            is_excluded(path, config_for(path.resolve().parent)) or _in_template_folder(path)
        ):
            continue
        else:
            candidates = [(str(path), str(path.resolve()))]
        for shown, resolved in candidates:
            if resolved in seen:
                continue
            seen.add(resolved)
            collected.files.append((_display(shown, resolved, cwd_text), Path(resolved)))
    return collected
