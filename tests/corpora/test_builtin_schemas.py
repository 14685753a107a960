"""Each generator's built-in front matter schema on its published corpus in ``../shared/corpora``:
no more pages with a schema finding than were read and judged real (benchmarks/README.md lists
them). The measurement is ``benchmarks/builtin_schemas.py``; skipped when the corpora are absent."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpora.benchmark_scripts import CORPORA, load_benchmark

#: site → the pages with a schema finding, each judged a real problem.
JUDGED = {"hugo": {"faq/_index.md"}}

pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason=f"{CORPORA} is not available")


SCHEMAS = load_benchmark("builtin_schemas")


@pytest.mark.parametrize(("name", "folder", "dialect"), SCHEMAS.SITES)
def test_published_pages_validate_under_their_generators_schema(
    name: str, folder: str, dialect: str
) -> None:
    site = (CORPORA / folder).resolve()
    found = SCHEMAS.schema_findings(site, dialect)
    failing = {Path(str(item["path"])).resolve().relative_to(site).as_posix() for item in found}
    assert failing <= JUDGED.get(name, set()), found
    assert len(failing) <= 0.02 * SCHEMAS.count_pages(site)
