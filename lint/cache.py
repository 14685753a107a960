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

#: Bump when the layout or meaning of stored values changes.
SCHEMA_VERSION = 1
README = (
    "This folder is contentlint's cache. It is safe to delete at any time;\n"
    "contentlint rebuilds what it needs. Add it to .gitignore.\n"
)


def digest(*parts: str) -> str:
    """A key for the parts (engine, version, options, text...), as hex SHA-256."""
    hasher = hashlib.sha256()
    for part in parts:
        encoded = part.encode("utf-8", "surrogatepass")
        hasher.update(len(encoded).to_bytes(8, "little"))
        hasher.update(encoded)
    return hasher.hexdigest()


class Cache:
    """Key → text values in ``folder/name-vN.sqlite3``; every failure degrades to a miss."""

    def __init__(self, folder: Path, name: str) -> None:
        self._path = folder / f"{name}-v{SCHEMA_VERSION}.sqlite3"
        self._connection: sqlite3.Connection | None = None
        self._failed = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None or self._failed:
            return self._connection
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            readme = self._path.parent / "README.txt"
            if not readme.exists():
                readme.write_text(README, encoding="utf-8")
            gitignore = self._path.parent / ".gitignore"
            if not gitignore.exists():
                gitignore.write_text("*\n", encoding="utf-8")
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
                found.update(rows)
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
                    "INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", pairs
                )
        except sqlite3.Error:
            self._failed = True

    def close(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            with contextlib.suppress(sqlite3.Error):
                connection.close()
