"""The on-disk cache: one SQLite file per purpose, safe for concurrent runs and Ctrl-C.

Entries are written in one transaction per batch, so an interrupted run leaves either the
whole batch or none of it; a corrupt or unwritable cache is ignored, never fatal.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

#: Bump when the layout or meaning of stored values changes (2: values carry a checksum).
SCHEMA_VERSION = 2
#: Hex digits of SHA-256 before each stored value: a flipped byte makes the entry a miss.
CHECK_DIGITS = 16
README = (
    "This folder is contentlint's cache. It is safe to delete at any time;\n"
    "contentlint rebuilds what it needs. Add it to .gitignore.\n"
)


#: The Cache Directory Tagging standard's file (backup tools skip such folders); contentlint
#: writes in a folder only if it created it or finds this file there.
TAG_NAME = "CACHEDIR.TAG"
TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by contentlint.\n"
)
#: Folders contentlint never uses as its cache, whatever the config says.
SYSTEM_FOLDERS = frozenset(
    Path(name)
    for name in ("/", "/bin", "/boot", "/dev", "/etc", "/lib", "/lib64", "/proc", "/root",
                 "/run", "/sbin", "/sys", "/tmp", "/usr", "/var", "/home", "/opt", "/srv")
)  # fmt: skip
#: Why a folder was not used as the cache, once per folder (the run says so on stderr).
REFUSED: dict[Path, str] = {}


#: Folders already claimed in this process: a run opens several caches in one folder.
_CLAIMED: set[Path] = set()


def claim_folder(folder: Path) -> bool:
    """Whether ``folder`` may hold contentlint's cache: not a system folder, not a link, and
    either new or empty (then tagged here, with a README and a .gitignore) or tagged as
    contentlint's (a README.txt of an earlier contentlint counts too). Why not: REFUSED."""
    folder = folder.absolute()
    if folder in _CLAIMED:
        return True
    reason = None
    if folder in SYSTEM_FOLDERS or folder == Path.home():
        reason = "it is a system folder"
    elif folder.is_symlink() or any(parent.is_symlink() for parent in _own_parents(folder)):
        reason = "it is reached through a symbolic link"
    elif folder.exists():
        if not folder.is_dir():
            reason = "it is not a folder"
        elif not _is_ours(folder) and any(folder.iterdir()):
            reason = f"it exists and is not contentlint's (no {TAG_NAME} in it)"
    if reason is not None:
        REFUSED.setdefault(folder, f"the cache folder {folder} was not used: {reason}")
        return False
    if not (folder / TAG_NAME).exists():
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / TAG_NAME).write_text(TAG, encoding="utf-8")
            (folder / "README.txt").write_text(README, encoding="utf-8")
            (folder / ".gitignore").write_text("*\n", encoding="utf-8")
        except OSError:
            return False
    _CLAIMED.add(folder)
    return True


def _own_parents(folder: Path) -> list[Path]:
    """The folders between the working folder's filesystem root and ``folder`` that a
    project could have planted (those below the current folder)."""
    cwd = Path.cwd()
    try:
        relative = folder.relative_to(cwd)
    except ValueError:
        return []
    return [cwd / Path(*relative.parts[:count]) for count in range(1, len(relative.parts))]


def _is_ours(folder: Path) -> bool:
    for name, expected in ((TAG_NAME, TAG), ("README.txt", README)):
        try:
            if (folder / name).read_text("utf-8", errors="replace").startswith(expected):
                return True
        except OSError:
            continue
    return False


def digest(*parts: str) -> str:
    """A key for the parts (engine, version, options, text...), as hex SHA-256."""
    hasher = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        hasher.update(len(encoded).to_bytes(8, "little"))
        hasher.update(encoded)
    return hasher.hexdigest()


def _check(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()[:CHECK_DIGITS]


def _sealed(value: str) -> str:
    return _check(value) + value


def _checked(stored: object) -> str | None:
    """The value of a stored entry, or None when it is damaged (its checksum does not match)."""
    if not isinstance(stored, str) or len(stored) < CHECK_DIGITS:
        return None
    value = stored[CHECK_DIGITS:]
    return value if _check(value) == stored[:CHECK_DIGITS] else None


class Cache:
    """Key → text values in ``folder/name-vN.sqlite3``; every failure degrades to a miss."""

    def __init__(self, folder: Path, name: str) -> None:
        self._path = folder / f"{name}-v{SCHEMA_VERSION}.sqlite3"
        self._connection: sqlite3.Connection | None = None
        self._failed = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None or self._failed:
            return self._connection
        if not claim_folder(self._path.parent) or self._path.is_symlink():
            self._failed = True
            return None
        try:
            connection = sqlite3.connect(self._path, timeout=30, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
            )
        except (OSError, sqlite3.Error):
            self._failed = True
            return None
        self._connection = connection
        return connection

    def get_many(self, keys: Sequence[str]) -> dict[str, str]:
        connection = self._connect()
        if connection is None or not keys:
            return {}
        found: dict[str, str] = {}
        try:
            for start in range(0, len(keys), 500):
                chunk = keys[start : start + 500]
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT key, value FROM entries WHERE key IN ({marks})",
                    chunk,
                )
                for key, stored in rows:
                    value = _checked(stored)
                    if value is not None:
                        found[key] = value
        except sqlite3.Error:
            return found
        return found

    def put_many(self, items: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        connection = self._connect()
        pairs = list(items.items() if isinstance(items, Mapping) else items)
        if connection is None or not pairs:
            return
        try:
            with connection:  # one transaction: all of the batch or nothing
                connection.execute("BEGIN")
                connection.executemany(
                    "INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)",
                    [(key, _sealed(value)) for key, value in pairs],
                )
        except sqlite3.Error:
            self._failed = True

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()
