"""Which dialect each file is written in: the config, else the project's own files (the
nearest folder up from the file that marks a generator's site), else the extension."""

from __future__ import annotations

import fnmatch
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.dialects import DEFAULT_DIALECT, Dialect
from lint.listings import names_of


@dataclass(frozen=True)
class DialectRule:
    """``dialect = NAME`` for the files that match globs relative to ``base`` (no globs:
    every file of the project)."""

    base: Path
    files: tuple[str, ...]
    dialect: str

    def applies_to(self, path: Path) -> bool:
        if not self.files:
            return True
        from lint.globs import matches_below

        return matches_below(path, self.base, self.files)


@dataclass(frozen=True)
class Choice:
    """A file's dialect and why it got it (for ``-v``)."""

    dialect: type[Dialect]
    reason: str
    #: The folder that marks the generator's site, when detection found one.
    root: str | None = None


@dataclass
class DialectResolver:
    """Chooses a dialect per file; folder listings and site roots are looked up once."""

    dialects: Mapping[str, type[Dialect]]
    rules: Sequence[DialectRule] = ()
    detect: bool = True
    _sites: dict[str, tuple[type[Dialect], str, str] | None] = field(default_factory=dict)
    _markers: _Markers | None = None
    #: (folder, extension) → choice, for a config that sets no dialect per glob.
    _chosen: dict[tuple[str, str], Choice] = field(default_factory=dict)

    def choose(self, path: Path) -> Choice:
        for rule in reversed(self.rules):
            if rule.applies_to(path) and rule.dialect in self.dialects:
                return Choice(self.dialects[rule.dialect], "the config")
        # Past the config's rules, the folder and the extension decide.
        key = (os.path.dirname(path), os.path.splitext(path)[1].lower())
        known = self._chosen.get(key)
        if known is None:
            known = self._chosen[key] = self._detect(path, key[1])
        return known

    def _detect(self, path: Path, suffix: str) -> Choice:
        claimant = self.markers.claims.get(suffix)
        if self.detect:
            site = self._site(str(path.parent))
            if site is not None and (suffix in site[0].extensions or claimant is None):
                return Choice(site[0], f"{site[1]} in {site[2]}", site[2])
        if claimant is not None:
            return Choice(claimant, f"the {suffix} extension")
        return Choice(self.dialects[DEFAULT_DIALECT], "the default")

    @property
    def markers(self) -> _Markers:
        if self._markers is None:
            self._markers = _Markers(self.dialects)
        return self._markers

    def _site(self, folder: str) -> tuple[type[Dialect], str, str] | None:
        """The dialect of the nearest site root at or above ``folder``, its marker and the
        root."""
        if folder in self._sites:
            return self._sites[folder]
        names = _names(folder)
        found = self.markers.site(folder, names)
        if found is None and ".git/" not in names and ".git" not in names:
            parent = os.path.dirname(folder)
            if parent and parent != folder:
                found = self._site(parent)
        self._sites[folder] = found
        return found


class _Markers:
    """Every dialect's markers, to test a folder's names against all of them at once."""

    def __init__(self, dialects: Mapping[str, type[Dialect]]) -> None:
        ordered = sorted(dialects.values(), key=lambda d: (d.detection_order, d.name))
        self.claims: dict[str, type[Dialect]] = {}
        for dialect in ordered:
            for suffix in dialect.claims:
                self.claims.setdefault(suffix, dialect)
        self._ordered = [dialect for dialect in ordered if dialect.markers]
        self._names = {m for d in self._ordered for m in d.markers if not _is_pattern(m)}
        patterns = [m for d in self._ordered for m in d.markers if _is_pattern(m)]
        self._pattern = (
            re.compile("|".join(fnmatch.translate(p) for p in patterns)) if patterns else None
        )

    def site(self, folder: str, names: frozenset[str]) -> tuple[type[Dialect], str, str] | None:
        present = names & self._names
        if self._pattern is not None:
            present |= {name for name in names if self._pattern.match(name)}
        if not present:
            return None
        for dialect in self._ordered:
            marker = next((name for name in sorted(present) if _marks(dialect, name)), None)
            if marker is not None and dialect.detect(Path(folder), names):
                return dialect, marker, folder
        return None


def _is_pattern(marker: str) -> bool:
    return any(char in marker for char in "*?[")


def _marks(dialect: type[Dialect], name: str) -> bool:
    return any(
        fnmatch.fnmatchcase(name, marker) if _is_pattern(marker) else name == marker
        for marker in dialect.markers
    )


def _names(folder: str) -> frozenset[str]:
    """The entries of ``folder``, folders with a trailing ``/``; nothing if it cannot be read."""
    return names_of(folder)
