"""A longer fuzzing run of the whole pipeline than CI can afford.

Usage: python fuzz/run.py [--examples N] [--minutes M] [--prose-every K] [--seed S]

Runs the strategies of tests/hardening/strategies.py (random bytes; Markdown, Quarto and MDX
documents with broken or hostile front matter and nested constructs) through every rule and the
site stage (each example a page of an empty site), every K-th example through the prose rules
too, and every report through every built-in format. Each example must pass the invariants of
tests/hardening/checking.py: no rule crashes, every diagnostic lies inside the document, every
format writes it (the text ones with no control character), all within 2 s. With --minutes, the
run stops after M minutes (it runs in batches of BATCH examples, each with a new random start).
Hypothesis shrinks a failure to a minimal example and prints it; it also keeps failures in
.hypothesis/ so the next run (and the CI test) replays them first.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1]))

from tests.hardening.checking import check_everything
from tests.hardening.strategies import raw_bytes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=100_000)
    parser.add_argument("--prose-every", type=int, default=50)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--minutes", type=float, default=None, help="stop after M minutes")
    options = parser.parse_args()
    count = [0]
    started = time.monotonic()
    if options.minutes is not None:
        batch = 0
        while time.monotonic() - started < options.minutes * 60:
            batch += 1
            _run(
                options,
                BATCH,
                count,
                started,
                None if options.seed is None else options.seed + batch,
            )
    else:
        _run(options, options.examples, count, started, options.seed)
    print(f"done: {count[0]} examples in {time.monotonic() - started:.0f} s, no failure")


#: Examples per batch of a --minutes run.
BATCH = 2000


def _run(
    options: argparse.Namespace, examples: int, count: list[int], started: float, start: int | None
) -> None:

    @settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],
    )
    @given(raw_bytes, st.sampled_from([".md", ".qmd", ".mdx"]))
    def fuzz(data: bytes, suffix: str) -> None:
        count[0] += 1
        check_everything(data, suffix, prose=count[0] % options.prose_every == 0)
        if count[0] % 5000 == 0:
            rate = count[0] / (time.monotonic() - started)
            print(f"{count[0]} examples, {rate:.0f}/s", flush=True)

    if start is not None:
        fuzz = seed(start)(fuzz)
    fuzz()


if __name__ == "__main__":
    main()
