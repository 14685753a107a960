"""Prose checking speed: cold cache, warm cache, and one changed paragraph.

Usage: python benchmarks/prose.py CORPUS [--engine harper]

Copies CORPUS to a temporary folder, then runs ``contentlint check --select prose`` three
times as a real process with a fresh cache folder: cold, warm (nothing changed), and after
one paragraph of one file changed. Prints words per second on the cold cache, the warm
run's time and speed-up, and how many segments the engine checked again.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lint.document import EXTENSIONS, Document, decode

FILES = re.compile(r"(\d+) files in")
STATISTICS = re.compile(r"prose segments: (\d+) checked by (\w+), (\d+) from the cache")


def documents(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.suffix.lower() in EXTENSIONS and path.is_file() and "/." not in path.as_posix()
    )


def count_words(paths: list[Path]) -> int:
    words = 0
    for path in paths:
        try:
            doc = Document.from_text(str(path), decode(path.read_bytes()))
        except Exception:  # noqa: BLE001 - an unreadable file has no words to count
            continue
        words += sum(len(segment.text.split()) for segment in doc.prose())
    return words


def run(folder: Path, cache: Path, engine: str) -> tuple[float, int, int]:
    """Seconds, segments checked by the engine, segments from the cache."""
    command = [sys.executable, "-m", "lint", "check", "--select", "prose", "-q", "-v", "."]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update({"CONTENTLINT_CACHE_DIR": str(cache), "NO_COLOR": "1"})
    (folder / "contentlint.toml").write_text(f'[prose]\nengine = "{engine}"\n', "utf-8")
    started = time.perf_counter()
    outcome = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if outcome.returncode not in (0, 1):
        raise SystemExit(f"contentlint failed: {outcome.stderr}")
    files = FILES.search(outcome.stderr)
    if files is None:
        raise SystemExit(f"no statistics in: {outcome.stderr}")
    found = STATISTICS.search(outcome.stderr)
    if found is None:  # every file came from the results cache: no prose segment was needed
        return seconds, 0, 0
    return seconds, int(found[1]), int(found[3])


def change_one_paragraph(paths: list[Path]) -> Path:
    """Change one word of the first prose paragraph of the first file that has one."""
    for path in paths:
        text = path.read_text("utf-8")
        doc = Document.from_text(str(path), text)
        for segment in doc.prose():
            if segment.kind == "paragraph" and len(segment.text.split()) > 5:
                start = segment.starts[0]
                path.write_text(text[:start] + "Indeed, " + text[start:], "utf-8")
                return path
    raise SystemExit("no paragraph to change")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--engine", default="harper", choices=["harper", "languagetool"])
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "corpus"
        shutil.copytree(arguments.corpus, folder)
        cache = Path(temporary) / "cache"
        paths = documents(folder)
        words = count_words(paths)
        megabytes = sum(path.stat().st_size for path in paths) / 1e6
        print(f"corpus: {arguments.corpus} ({len(paths)} files, {megabytes:.1f} MB, {words} words)")
        cold, checked, _ = run(folder, cache, arguments.engine)
        print(
            f"cold cache:  {cold:7.2f} s  {words / cold:9.0f} words/s  "
            f"{len(paths) / cold:7.1f} files/s  ({checked} segments checked)"
        )
        warm, rechecked, cached = run(folder, cache, arguments.engine)
        print(
            f"warm cache:  {warm:7.2f} s  {cold / warm:6.1f} times faster  "
            f"({rechecked} segments checked; every file's results came from the cache)"
        )
        changed = change_one_paragraph(paths)
        after, rechecked, cached = run(folder, cache, arguments.engine)
        print(
            f"one paragraph changed in {changed.relative_to(folder)}: {after:.2f} s, "
            f"{rechecked} segment(s) checked again, {cached} from the cache"
        )


if __name__ == "__main__":
    main()
