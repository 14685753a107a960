"""What the site stage adds to a cold run: contentlint with and without the ``links`` rules.

    python benchmarks/site_stage.py [FOLDER] [--runs N]

``FOLDER`` (default ``../shared/corpora/quarto-web``) is checked on a cold cache without prose
(``--no-cache --no-prose``), ``runs`` times with the links rules and as often with
``--ignore links``, the two runs of each pair one after the other so that a busy moment of the
machine costs both. The folder is the root of ``/`` links and files that are not pages are not
looked for (``check-files = false``: the corpora hold no images). Prints the median wall time of
each and the median of the pairs' ratios; the goal is 1.15 at most.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

from _measure import count_pages, measure

HERE = Path(__file__).parent
GOAL = 1.15


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "folder", nargs="?", type=Path, default=HERE.parent.parent / "shared/corpora/quarto-web"
    )
    parser.add_argument("--runs", type=int, default=15, help="pairs of runs (default 15)")
    arguments = parser.parse_args()
    folder = arguments.folder.resolve()
    if not folder.is_dir():
        raise SystemExit(f"{folder} is not a folder")
    with tempfile.TemporaryDirectory() as scratch:
        config = Path(scratch) / "contentlint.toml"
        config.write_text(f'[links]\nroot = "{folder.as_posix()}"\ncheck-files = false\n', "utf-8")
        command = [
            sys.executable, "-m", "lint", "check", "--no-cache", "--no-prose", "--quiet",
            "--config", str(config), str(folder),
        ]  # fmt: skip
        measure(command)  # the bytecode and file caches warmed, as in a user's second run
        with_links: list[float] = []
        without: list[float] = []
        for _ in range(arguments.runs):
            with_links.append(measure(command).seconds)
            without.append(measure([*command, "--ignore", "links"]).seconds)
    ratio = statistics.median(a / b for a, b in zip(with_links, without, strict=True))
    print(f"{count_pages(folder)} pages of {folder.name}, medians of {arguments.runs} runs")
    print(f"  with the site stage      {statistics.median(with_links):.3f} s")
    print(f"  without (--ignore links) {statistics.median(without):.3f} s")
    verdict = "within" if ratio <= GOAL else "over"
    print(f"  ratio {ratio:.2f} pair by pair ({verdict} the goal of {GOAL})")


if __name__ == "__main__":
    main()
