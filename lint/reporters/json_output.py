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
        json.dump(self._items, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")
