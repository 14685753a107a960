"""A longer fuzzing run of the whole pipeline than CI can afford.

Usage: python fuzz/run.py [--examples N] [--prose-every K] [--seed S]

Runs the strategies of tests/hardening/strategies.py (random bytes; Markdown, Quarto and MDX
documents with broken or hostile front matter and nested constructs) through every rule, and
every K-th example through the prose rules too. Each example must pass the invariants of
tests/hardening/checking.py: no rule crashes, every diagnostic lies inside the document.
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
    options = parser.parse_args()
    count = [0]
    started = time.monotonic()

    @settings(
        max_examples=options.examples,
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

    if options.seed is not None:
        fuzz = seed(options.seed)(fuzz)
    fuzz()
    print(f"done: {count[0]} examples in {time.monotonic() - started:.0f} s, no failure")


if __name__ == "__main__":
    main()
