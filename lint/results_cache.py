"""The results cache: a file whose bytes, rules, options, schemas and tool are unchanged is not
parsed again; its diagnostics come from the cache (content hashes, never modification times)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from lint import __version__
from lint.cache import Cache, digest
from lint.config import ActiveRule
from lint.diagnostics import Diagnostic
from lint.dialects import Dialect
from lint.rule import Rule
from lint.site.facts import PageFacts

#: Bump when the meaning of cached diagnostics changes without a version change.
RESULTS_PROTOCOL = "4"


#: Each module file's content hash, read once per process.
_MODULE_HASHES: dict[str, str] = {}


def _module_stamp(rule: type[Any]) -> str:
    """Where a rule's (or dialect's) code lives and a hash of its bytes: an edited or upgraded
    plugin gets new keys, even one edited within a second that keeps its size."""
    module = sys.modules.get(rule.__module__)
    file: str | None = getattr(module, "__file__", None)
    if not file:
        return rule.__module__
    known = _MODULE_HASHES.get(file)
    if known is None:
        try:
            known = hashlib.sha256(Path(file).read_bytes()).hexdigest()
        except OSError:
            known = "unreadable"
        _MODULE_HASHES[file] = known
    return f"{file}:{known}"


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


def files_stamp(paths: Iterable[Path]) -> str:
    """A hash of the files' names and bytes (a missing file counts as its name alone)."""
    hasher = hashlib.sha256()
    for path in paths:
        hasher.update(str(path).encode("utf-8", "surrogatepass"))
        try:
            hasher.update(path.read_bytes())
        except OSError:
            hasher.update(b"\0missing")
    return hasher.hexdigest()


def _schema_stamp(location: str) -> str:
    from lint.schema import schema_files  # only runs where a schema applies

    return files_stamp(schema_files(location))


@cache
def engine_stamp() -> str:
    """The size and modification time of every module of contentlint itself (its rules
    included): an edited checkout, not only a new version, gets new keys."""
    import importlib

    import lint

    rules = importlib.import_module("lint.rules")  # mapped onto rules/ by the packaging
    stamps = []
    # An editable install keeps the rules apart from the engine (rules/ beside lint/).
    for package in dict.fromkeys((Path(lint.__file__).parent, Path(str(rules.__file__)).parent)):
        for path in sorted(package.rglob("*.py")):
            try:
                stat = path.stat()
            except OSError:
                continue
            stamps.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}")
    return digest(*stamps)


def rules_fingerprint(
    active: Sequence[ActiveRule],
    rules: dict[str, type[Rule]],
    extra: Iterable[str] = (),
    schema_stamps: Mapping[str, str] | None = None,
) -> str:
    """What decides a file's diagnostics besides its bytes: each active rule, its severity,
    options and code, the schema files it validates against, and ``extra`` (engine versions)."""
    parts: list[str] = [__version__, RESULTS_PROTOCOL, engine_stamp(), *extra]
    for rule in sorted(active, key=lambda item: item.id):
        options = _jsonable(dict(rule.options))
        parts.append(
            json.dumps([rule.id, rule.severity.value, options, _module_stamp(rules[rule.id])])
        )
        schema = rule.options.get("schema")
        if isinstance(schema, str) and schema:
            stamp = (schema_stamps or {}).get(schema)
            parts.append(stamp if stamp is not None else _schema_stamp(schema))
    return digest(*parts)


def dialect_stamp(dialect: type[Dialect]) -> str:
    """What of a file's dialect decides its diagnostics: its name and its code."""
    return f"{dialect.name}:{_module_stamp(dialect)}"


def file_key(fingerprint: str, dialect: str, display: str, data: bytes) -> str:
    return digest(fingerprint, dialect, display, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class CachedResult:
    """What the cache keeps of a checked file: its diagnostics and, when a site rule ran
    on it, its facts for the site index."""

    diagnostics: list[Diagnostic]
    facts: PageFacts | None = None


class ResultsCache:
    """Diagnostics by file key, in the run's cache folder."""

    def __init__(self, folder: Path) -> None:
        self._cache = Cache(folder, "results")

    def get_many(self, keys: Sequence[str]) -> dict[str, CachedResult]:
        found: dict[str, CachedResult] = {}
        for key, value in self._cache.get_many(keys).items():
            try:
                record = json.loads(value)
                diagnostics = [Diagnostic.from_json(item) for item in record["diagnostics"]]
                facts = record["facts"]
                found[key] = CachedResult(
                    diagnostics, PageFacts.from_json(facts) if facts is not None else None
                )
            except (ValueError, TypeError, KeyError, AttributeError):
                continue  # an entry of another layout: a miss, checked again
        return found

    def put_many(self, items: Iterable[tuple[str, CachedResult]]) -> None:
        self._cache.put_many(
            (
                key,
                json.dumps(
                    {
                        "diagnostics": [item.to_json() for item in result.diagnostics],
                        "facts": result.facts.to_json() if result.facts is not None else None,
                    }
                ),
            )
            for key, result in items
        )

    def schema_stamp(self, location: str) -> str | None:
        """The stamp of a schema that loaded without error before and whose files are
        unchanged since, or None (then the schema must be loaded and checked again)."""
        key = f"schema:{location}"
        record = self._cache.get_many([key]).get(key)
        if record is None:
            return None
        try:
            remembered = json.loads(record)
            stamp = files_stamp(Path(name) for name in remembered["files"])
            return stamp if stamp == remembered["stamp"] else None
        except (ValueError, TypeError, KeyError):
            return None

    def remember_schema(self, location: str, files: Sequence[Path]) -> str:
        stamp = files_stamp(files)
        record = json.dumps({"files": [str(path) for path in files], "stamp": stamp})
        self._cache.put_many([(f"schema:{location}", record)])
        return stamp

    def close(self) -> None:
        self._cache.close()
