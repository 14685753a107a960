"""The ``json`` format: one JSON array of diagnostic objects with DESIGN.md's key names."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import ClassVar

from lint.diagnostics import Diagnostic
from lint.reporters import Reporter, Summary


class JsonReporter(Reporter):
    """Prints ``[{"path", "line", "column", "end_line", "end_column", "rule", ...}, ...]``."""

    description: ClassVar[str] = "a JSON array of diagnostics, stable keys"

    def start(self) -> None:
        self._items: list[dict[str, object]] = []

    def file(self, path: str, diagnostics: Sequence[Diagnostic], text: str | None) -> None:
        self._items.extend(diagnostic.to_json() for diagnostic in diagnostics)

    def finish(self, summary: Summary) -> None:
        # One object per line: readable, and each encoded by json's C encoder (indent=
        # would fall back to the pure-Python one, seconds for 100,000 diagnostics).
        if not self._items:
            self.stream.write("[]\n")
            return
        self.stream.write("[\n")
        self.stream.write(",\n".join(json.dumps(item, ensure_ascii=False) for item in self._items))
        self.stream.write("\n]\n")
