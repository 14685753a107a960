"""The results cache: a file whose bytes, rules, options, schemas and tool are unchanged is not
parsed again; its diagnostics come from the cache (content hashes, never modification times)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from lint import __version__
from lint.cache import Cache, digest
from lint.config import ActiveRule
from lint.diagnostics import Diagnostic
from lint.rule import Rule

#: Bump when the meaning of cached diagnostics changes without a version change.
RESULTS_PROTOCOL = "1"


def _module_stamp(rule: type[Rule]) -> str:
    """Where a rule's code lives and its size and modification time: an edited or upgraded
    rule (built-in or plugin) gets new keys."""
    module = sys.modules.get(rule.__module__)
    file: str | None = getattr(module, "__file__", None)
    if not file:
        return rule.__module__
    try:
        stat = Path(file).stat()
    except OSError:
        return file
    return f"{file}:{stat.st_size}:{stat.st_mtime_ns}"


def _jsonable(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _jsonable(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(key): _jsonable(item) for key, item in sorted(value.items())}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    if isinstance(value, (set, frozenset)):
        return sorted(str(item) for item in value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def _schema_stamp(location: str) -> str:
    from lint.schema import schema_files  # only runs where a schema applies

    hasher = hashlib.sha256()
    for path in schema_files(location):
        try:
            hasher.update(path.read_bytes())
        except OSError:
            hasher.update(str(path).encode())
    return hasher.hexdigest()


def rules_fingerprint(
    active: Sequence[ActiveRule], rules: dict[str, type[Rule]], extra: Iterable[str] = ()
) -> str:
    """What decides a file's diagnostics besides its bytes: each active rule, its severity,
    options and code, the schema files it validates against, and ``extra`` (engine versions)."""
    parts: list[str] = [__version__, RESULTS_PROTOCOL, *extra]
    for rule in sorted(active, key=lambda item: item.id):
        options = _jsonable(dict(rule.options))
        parts.append(
            json.dumps([rule.id, rule.severity.value, options, _module_stamp(rules[rule.id])])
        )
        schema = rule.options.get("schema")
        if isinstance(schema, str) and schema:
            parts.append(_schema_stamp(schema))
    return digest(*parts)


def file_key(fingerprint: str, display: str, data: bytes) -> str:
    return digest(fingerprint, display, hashlib.sha256(data).hexdigest())


class ResultsCache:
    """Diagnostics by file key, in the run's cache folder."""

    def __init__(self, folder: Path) -> None:
        self._cache = Cache(folder, "results")

    def get_many(self, keys: Sequence[str]) -> dict[str, list[Diagnostic]]:
        found = self._cache.get_many(keys)
        return {
            key: [Diagnostic.from_json(item) for item in json.loads(value)]
            for key, value in found.items()
        }

    def put_many(self, items: Iterable[tuple[str, Sequence[Diagnostic]]]) -> None:
        self._cache.put_many(
            (key, json.dumps([diagnostic.to_json() for diagnostic in diagnostics]))
            for key, diagnostics in items
        )

    def close(self) -> None:
        self._cache.close()
