"""The baseline: the findings a project has already, recorded so that only new ones are
reported. A finding is matched by a fingerprint that survives lines moving: its rule, file,
the text it covers and its line's text (spaces folded), and which occurrence of those it is."""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.diagnostics import Diagnostic
from lint.positions import LineIndex

BASELINE_VERSION = 1
_SPACES = re.compile(r"\s+")


class BaselineError(Exception):
    """A baseline file that cannot be read; the message names it and says why."""


def fingerprints(path: str, text: str | None, diagnostics: Sequence[Diagnostic]) -> list[str]:
    """One fingerprint per diagnostic of the file ``path`` (whose text is ``text``)."""
    if text is not None:
        from lint.document import lines_as_read

        text = lines_as_read(text)
    lines = LineIndex(text) if text is not None else None
    seen: Counter[str] = Counter()
    found = []
    for diagnostic in diagnostics:
        covered = line = ""
        if lines is not None and text is not None:
            start = lines.offset(diagnostic.line, diagnostic.column)
            end = lines.offset(diagnostic.end_line, diagnostic.end_column)
            covered = _fold(text[start:end])
            line = _fold(
                text[lines.line_start(diagnostic.line) : lines.line_end(diagnostic.line, text)]
            )
        base = hashlib.sha256(
            "\0".join((diagnostic.rule, path, covered, line)).encode("utf-8", "surrogatepass")
        ).hexdigest()[:20]
        found.append(f"{base}:{seen[base]}")
        seen[base] += 1
    return found


def _fold(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


@dataclass
class Baseline:
    """The recorded fingerprints, path by path (a fingerprint may be recorded once)."""

    entries: dict[str, set[str]] = field(default_factory=dict)

    def known(self, path: str, fingerprint: str) -> bool:
        return fingerprint in self.entries.get(path, set())

    def new_findings(
        self, path: str, text: str | None, diagnostics: Sequence[Diagnostic]
    ) -> list[Diagnostic]:
        """The diagnostics of ``path`` that the baseline does not record."""
        if path not in self.entries:
            return list(diagnostics)
        marks = fingerprints(path, text, diagnostics)
        return [d for d, mark in zip(diagnostics, marks, strict=True) if not self.known(path, mark)]


def load(path: Path) -> Baseline:
    """The baseline in ``path``; a file that does not exist is an empty baseline."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Baseline()
    except (OSError, UnicodeDecodeError) as error:
        raise BaselineError(f"{path}: the baseline cannot be read: {error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(
            f"{path}: not a contentlint baseline (invalid JSON at line {error.lineno}, "
            f"column {error.colno}); remove it or run with --update-baseline"
        ) from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise BaselineError(
            f'{path}: not a contentlint baseline (no "findings" list); '
            "remove it or run with --update-baseline"
        )
    baseline = Baseline()
    for entry in data["findings"]:
        if not (
            isinstance(entry, dict)
            and isinstance(entry.get("path"), str)
            and isinstance(entry.get("fingerprint"), str)
        ):
            raise BaselineError(
                f"{path}: a finding without a path and a fingerprint: {entry!r}"[:300]
            )
        baseline.entries.setdefault(entry["path"], set()).add(entry["fingerprint"])
    return baseline


@dataclass
class Recorder:
    """The findings of a run, to be written as the new baseline."""

    findings: list[dict[str, str]] = field(default_factory=list)

    def add(self, path: str, text: str | None, diagnostics: Sequence[Diagnostic]) -> None:
        for diagnostic, mark in zip(
            diagnostics, fingerprints(path, text, diagnostics), strict=True
        ):
            self.findings.append(
                {
                    "path": path,
                    "rule": diagnostic.rule,
                    "fingerprint": mark,
                    "message": diagnostic.message,
                }
            )

    def write(self, path: Path) -> int:
        """Write the baseline as stable, sorted JSON (one finding per object); its count."""
        ordered = sorted(
            self.findings, key=lambda item: (item["path"], item["rule"], item["fingerprint"])
        )
        document = {"version": BASELINE_VERSION, "tool": "contentlint", "findings": ordered}
        text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.tmp")
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
        return len(ordered)
