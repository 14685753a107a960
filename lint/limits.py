"""Resource limits of a run (``[limits]`` in the config), with safe defaults.

They guard against hostile or broken input: a huge file, a YAML alias bomb, Markdown nested
thousands deep, a catastrophic regular expression in the config.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

MEGABYTE = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    #: Larger files get ``file-error`` and are not read.
    max_file_bytes: int = 10 * MEGABYTE
    #: Front matter that expands to more values than this through YAML aliases is refused.
    max_yaml_values: int = 100_000
    #: Markdown blocks and inlines nested deeper than this are read as text (markdown-it).
    max_nesting: int = 20
    #: Seconds per file that the user's own regular expressions (placeholder markers and
    #: allow-lists) may take before they are stopped.
    pattern_seconds: float = 2.0

    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> Limits:
        defaults = cls()
        return cls(
            max_file_bytes=int(table.get("max-file-size", defaults.max_file_bytes // MEGABYTE))
            * MEGABYTE,
            max_yaml_values=int(table.get("max-yaml-values", defaults.max_yaml_values)),
            max_nesting=int(table.get("max-nesting", defaults.max_nesting)),
            pattern_seconds=float(table.get("pattern-seconds", defaults.pattern_seconds)),
        )


_current = Limits()


def current() -> Limits:
    """The limits of this run (workers inherit them from the process that forked them)."""
    return _current


def apply(limits: Limits) -> None:
    global _current
    _current = limits
    parser = sys.modules.get("lint.dialects.parser")
    if parser is not None:
        parser.parser_for.cache_clear()  # its nesting limit was set when it was built
