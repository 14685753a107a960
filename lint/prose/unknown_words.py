"""``contentlint vocabulary``: the words the spelling rule does not know in the files given,
most frequent first, and writing the chosen ones to the project's vocabulary file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Config
from lint.prose.settings import read_vocabulary

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib

#: This contentlint as a new process, never shadowed by a ``lint/`` folder in the current one
#: (``python -m lint`` would put the current folder first on the import path).
_CONTENTLINT = (
    sys.executable,
    "-c",
    "import sys; sys.path[:] = [p for p in sys.path if p not in ('', '.')]; "
    "from lint.cli import main; main(prog_name='contentlint')",
)
#: Where a vocabulary file is created for a project whose config names none.
DEFAULT_VOCABULARY = "vocabulary.txt"


@dataclass
class UnknownWord:
    """A word the spelling rule reported: how often, in which files, as written."""

    word: str
    count: int = 0
    files: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)


def unknown_words(paths: Sequence[str], config_file: Path | None) -> list[UnknownWord]:
    """The words ``contentlint check --select spelling`` reports in ``paths``, grouped in
    any case (``Astro`` and ``astro`` are one word), most frequent first."""
    command = [*_CONTENTLINT, "check", "--select", "spelling", "--format", "json"]
    command += ["--exit-zero", "--color", "never"]
    if config_file is not None:
        command += ["--config", str(config_file)]
    outcome = subprocess.run([*command, "--", *paths], capture_output=True, text=True, check=False)
    if outcome.returncode != 0:
        raise RuntimeError(outcome.stderr.strip() or f"contentlint exited {outcome.returncode}")
    findings: list[Mapping[str, object]] = json.loads(outcome.stdout or "[]")
    return group_words(findings)


def group_words(findings: Iterable[Mapping[str, object]]) -> list[UnknownWord]:
    words: dict[str, UnknownWord] = {}
    texts: dict[str, list[str]] = {}
    for finding in findings:
        if finding.get("rule") != "spelling" or finding.get("code") != "SpellCheck":
            continue
        path = str(finding["path"])
        if path not in texts:
            try:
                texts[path] = Path(path).read_text("utf-8").split("\n")
            except (OSError, UnicodeDecodeError):
                texts[path] = []
        word = _flagged(texts[path], finding)
        if word.endswith(("'s", "’s")):
            word = word[:-2]  # one entry covers the possessive
        if not word:
            continue
        entry = words.setdefault(word.casefold(), UnknownWord(word))
        entry.count += 1
        entry.files[path] += 1
        entry.forms[word] += 1
    for entry in words.values():
        entry.word = entry.forms.most_common(1)[0][0]
    return sorted(words.values(), key=lambda entry: (-entry.count, entry.word.casefold()))


def _flagged(lines: list[str], finding: Mapping[str, object]) -> str:
    line, column = int(str(finding["line"])), int(str(finding["column"]))
    end_line, end_column = int(str(finding["end_line"])), int(str(finding["end_column"]))
    if line != end_line or not 0 < line <= len(lines):
        return ""
    return lines[line - 1][column - 1 : end_column - 1].strip()


def vocabulary_file(config: Config, cwd: Path) -> Path:
    """The project's vocabulary file: the one its config names, else ``vocabulary.txt``
    beside the config (or in ``cwd`` when there is none)."""
    named = config.prose.get("vocabulary")
    if isinstance(named, str):
        return Path(named)
    base = config.sources[0].parent if config.sources else cwd
    return base / DEFAULT_VOCABULARY


def add_words(target: Path, words: Iterable[str]) -> list[str]:
    """Append the words the file does not hold yet (one per line); the words added."""
    known: set[str] = set()
    if target.exists():
        accepted, rejected = read_vocabulary(target)
        known = {word.casefold() for word in accepted | rejected}
    added = []
    for word in words:
        if word and word.casefold() not in known:
            known.add(word.casefold())
            added.append(word)
    if added:
        existing = target.read_text("utf-8") if target.exists() else ""
        separator = "" if not existing or existing.endswith("\n") else "\n"
        target.write_text(existing + separator + "\n".join(added) + "\n", "utf-8")
    return added


def name_vocabulary_in_config(config: Config, target: Path, cwd: Path) -> Path | None:
    """Make the project's config name ``target`` as its vocabulary (``[prose] vocabulary``)
    when it names none: the config file edited (or ``contentlint.toml`` created); None when
    it already does or the file cannot be edited safely (then the caller says how)."""
    if "vocabulary" in config.prose:
        return None
    config_file = config.sources[0] if config.sources else cwd / "contentlint.toml"
    relative = os.path.relpath(target, config_file.parent)
    line = f"vocabulary = {json.dumps(Path(relative).as_posix())}\n"
    text = config_file.read_text("utf-8") if config_file.exists() else ""
    header = "[tool.contentlint.prose]" if config_file.name == "pyproject.toml" else "[prose]"
    lines = text.splitlines(keepends=True)
    at = next((i for i, item in enumerate(lines) if item.strip() == header), None)
    if at is None:
        edited = text + ("" if not text or text.endswith("\n") else "\n")
        edited += f"{'' if not text else chr(10)}{header}\n{line}"
    else:
        edited = "".join([*lines[: at + 1], line, *lines[at + 1 :]])
    try:
        parsed = tomllib.loads(edited)
    except tomllib.TOMLDecodeError:
        return None
    table = parsed.get("tool", {}).get("contentlint", {}) if header.startswith("[tool") else parsed
    if table.get("prose", {}).get("vocabulary") != Path(relative).as_posix():
        return None
    config_file.write_text(edited, "utf-8")
    return config_file
