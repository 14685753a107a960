"""The benchmark scripts of ``benchmarks/``, loaded as modules for the corpus tests (they are
scripts, not a package: their folder goes on the path so that they find ``_measure``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

REPOSITORY = Path(__file__).parents[2]
CORPORA = REPOSITORY.parent / "shared" / "corpora"
BENCHMARKS = REPOSITORY / "benchmarks"


def load_benchmark(script: str) -> ModuleType:
    """``benchmarks/<script>.py`` as the module ``<script>_benchmark``."""
    if str(BENCHMARKS) not in sys.path:
        sys.path.insert(0, str(BENCHMARKS))
    name = f"{script}_benchmark"
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{script}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module
