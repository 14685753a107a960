"""contentlint against the floor and markdownlint-cli2, cold, warm and after one change.

Usage: python benchmarks/check.py CORPUS [--schema SCHEMA] [--jobs N] [--markdownlint]

Copies CORPUS to a temporary folder and prints, side by side: the floor (benchmarks/floor.py:
read, front matter, schema validation and a markdown-it-py parse with contentlint's plugins,
in the same number of processes); contentlint with every non-prose rule on a cold cache, on a
warm cache (nothing changed) and after one file changed; markdownlint-cli2 when it is on the
PATH (or, with --markdownlint, installed from the npm registry into the temporary folder).
For each: wall time, files per second, MB per second and the peak memory of the largest
process. Then the start-up figures: contentlint --version and a one-file check, medians of
15 runs.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _measure import Measured, measure, median_seconds

from lint.document import EXTENSIONS

HERE = Path(__file__).parent
CHECKED = re.compile(r"(\d+) checked, (\d+) from the cache")


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.suffix.lower() in EXTENSIONS and p.is_file())


def checked(result: Measured) -> str:
    found = CHECKED.search(result.stderr)
    return found[0] if found else f"no statistics: {result.stderr.strip()}"


def row(name: str, result: Measured, files: int, megabytes: float, floor: float | None) -> str:
    ratio = f"{result.seconds / floor:5.2f}x" if floor else "      "
    return (
        f"{name:<34} {result.seconds:7.2f} s {files / result.seconds:8.0f} files/s "
        f"{megabytes / result.seconds:6.1f} MB/s {result.peak_mb:7.0f} MB  {ratio}"
    )


def markdownlint(folder: Path, install: bool) -> list[str] | None:
    found = shutil.which("markdownlint-cli2")
    if found:
        return [found]
    if not install or shutil.which("npm") is None:
        return None
    prefix = folder.parent / "npm"
    subprocess.run(
        ["npm", "install", "--silent", "--prefix", str(prefix), "markdownlint-cli2"],
        check=True,
        capture_output=True,
    )
    return [str(prefix / "node_modules" / ".bin" / "markdownlint-cli2")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--schema", type=Path)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--markdownlint", action="store_true", help="install it if missing")
    options = parser.parse_args()
    schema = ["--schema", str(options.schema.resolve())] if options.schema else []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary) / "corpus"
        shutil.copytree(options.corpus, folder)
        paths = documents(folder)
        megabytes = sum(path.stat().st_size for path in paths) / 1e6
        jobs = str(options.jobs)
        print(
            f"corpus: {options.corpus} ({len(paths)} files, {megabytes:.1f} MB), {jobs} processes"
        )
        contentlint = [sys.executable, "-m", "lint"]
        subprocess.run([*contentlint, "--version"], capture_output=True, check=True)
        floor = measure(
            [sys.executable, str(HERE / "floor.py"), str(folder), *schema, "--jobs", jobs]
        )
        print(row("floor (read+YAML+schema+parse)", floor, len(paths), megabytes, None))
        cache = {"CONTENTLINT_CACHE_DIR": str(Path(temporary) / "cache")}
        check = [*contentlint, "check", "--no-prose", "-q", "-v", "--jobs", jobs, *schema, "."]
        cold = measure(check, cwd=folder, env=cache)
        print(row("contentlint, cold cache", cold, len(paths), megabytes, floor.seconds))
        warm = measure(check, cwd=folder, env=cache)
        print(row("contentlint, warm cache", warm, len(paths), megabytes, floor.seconds))
        print(f"  warm / cold: {warm.seconds / cold.seconds:.1%}  ({checked(warm)})")
        changed = paths[len(paths) // 2]
        changed.write_text(changed.read_text("utf-8") + "\nOne more line.\n", "utf-8")
        after = measure(check, cwd=folder, env=cache)
        print(row("contentlint, one file changed", after, len(paths), megabytes, floor.seconds))
        print(f"  {checked(after)} ({changed.relative_to(folder)})")
        tool = markdownlint(folder, options.markdownlint)
        if tool is None:
            print("markdownlint-cli2: not installed (--markdownlint installs it from npm)")
        else:
            other = measure([*tool, "**/*.md"], cwd=folder)
            print(
                row("markdownlint-cli2, default rules", other, len(paths), megabytes, floor.seconds)
            )
            print(f"  markdownlint-cli2 / contentlint cold: {other.seconds / cold.seconds:.1f}x")
        one = folder / paths[0].relative_to(folder)
        version = median_seconds([*contentlint, "--version"], 15)
        single = median_seconds([*contentlint, "check", "--no-prose", str(one)], 15, cwd=folder)
        print(
            f"contentlint --version: {version * 1000:.0f} ms; "
            f"one-file check: {single * 1000:.0f} ms (medians of 15)"
        )


if __name__ == "__main__":
    main()
