"""When checking in worker processes pays: -j 1 against -j N for runs of a growing number of
files of a corpus, each file changed (so its results are not cached) while the prose cache is
warm, which is what a pre-commit or editor-adjacent run on a known site looks like.

    python benchmarks/jobs.py CORPUS [--jobs N] [--counts 16,32,64,128,256] [--repeat 5]
        [--no-prose]

Prints, per file count, the median whole-process wall time of each, and which is faster.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from _measure import measure

EXTENSIONS = {".md", ".markdown", ".qmd", ".rmd", ".mdx"}


def _documents(corpus: Path) -> list[Path]:
    return sorted(path for path in corpus.rglob("*") if path.suffix.lower() in EXTENSIONS)


def _touch_all(folder: Path, round_number: int) -> None:
    """Change every file's bytes (a trailing comment) so that the results cache misses."""
    for path in folder.iterdir():
        text = path.read_text("utf-8", errors="replace")
        path.write_text(text + f"\n<!-- round {round_number} -->\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--counts", default="16,32,64,128,256")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-prose", action="store_true", help="pass --no-prose")
    arguments = parser.parse_args()
    documents = _documents(arguments.corpus)
    command = [shutil.which("contentlint") or "contentlint", "check", "--format", "json"]
    if arguments.no_prose:
        command.append("--no-prose")
    print(f"{'files':>6}  {'-j 1':>8}  {f'-j {arguments.jobs}':>8}  faster")
    for count in (int(part) for part in arguments.counts.split(",")):
        if count > len(documents):
            break
        with tempfile.TemporaryDirectory() as temporary:
            folder = Path(temporary) / "site"
            folder.mkdir()
            for index, path in enumerate(documents[:count]):
                shutil.copyfile(path, folder / f"{index:05d}{path.suffix}")
            env = {"CONTENTLINT_CACHE_DIR": str(Path(temporary) / "cache")}
            measure([*command, "-j", "1", "."], cwd=folder, env=env)  # warm the prose cache
            times: dict[int, list[float]] = {1: [], arguments.jobs: []}
            round_number = 0
            for _ in range(arguments.repeat):
                for jobs in times:
                    round_number += 1
                    _touch_all(folder, round_number)
                    run = measure([*command, "-j", str(jobs), "."], cwd=folder, env=env)
                    times[jobs].append(run.seconds)
            one, many = (statistics.median(values) for values in times.values())
            faster = "-j 1" if one <= many else f"-j {arguments.jobs}"
            print(f"{count:>6}  {one:>7.2f}s  {many:>7.2f}s  {faster}")


if __name__ == "__main__":
    main()
