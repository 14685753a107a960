"""The prose rules on published writing, as ``benchmarks/prose_quality.py`` measures them (a
smaller sample, the same seed): findings per 1,000 words stay within the goals, and planted
typos are found at their exact column. Skipped when the corpora are absent."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from tests.corpora.benchmark_scripts import CORPORA, load_benchmark

PAGES_PER_SITE = 4

pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason=f"{CORPORA} is not available")


def test_published_prose_is_mostly_quiet_and_typos_are_found(tmp_path: Path) -> None:
    bench = load_benchmark("prose_quality")
    words = 0
    by_rule: dict[str, int] = {}
    docs = []
    for _, folder, dialect in bench.chosen_sites(bench.SITES, CORPORA, None):
        files = bench.pages_of(folder, PAGES_PER_SITE, 1)
        site_docs = [d for d in (bench.document(path, dialect) for path in files) if d]
        words += sum(bench.prose_words(doc) for doc in site_docs)
        docs.append((dialect, site_docs))
        for finding in bench.check(files, dialect, tmp_path):
            by_rule[str(finding["rule"])] = by_rule.get(str(finding["rule"]), 0) + 1
    assert words > 10_000
    per_thousand = {rule: count * 1000 / words for rule, count in by_rule.items()}
    assert per_thousand.get("spelling", 0) <= 2.0, per_thousand
    assert sum(per_thousand.values()) <= 8.0, per_thousand
    plants = []
    rng = random.Random(1)
    found = 0
    for dialect, site_docs in docs:
        folder = tmp_path / f"plants-{dialect}"
        folder.mkdir(exist_ok=True)
        planted = bench.plant_typos(site_docs, folder, rng, 4)
        if planted:
            plants.extend(planted)
            found += bench.found_by_contentlint(
                planted, bench.check([plant.file for plant in planted], dialect, tmp_path)
            )
    assert len(plants) >= 25
    assert found / len(plants) >= 0.9, (found, len(plants))


def test_a_folder_of_other_sites_gets_each_sites_own_dialect(tmp_path: Path) -> None:
    bench = load_benchmark("prose_quality")
    hugo = tmp_path / "a-hugo-site"
    (hugo / "content").mkdir(parents=True)
    (hugo / "hugo.toml").write_text('title = "Docs"\n', "utf-8")
    page = hugo / "content" / "post.md"
    page.write_text("Text with a {{< highlight go >}}mian(){{< /highlight >}} shortcode.\n")
    (tmp_path / "plain").mkdir()
    sites = list(bench.chosen_sites(bench.SITES, tmp_path, None))
    assert [(name, dialect) for name, _, dialect in sites] == [
        ("a-hugo-site", bench.DETECTED),
        ("plain", bench.DETECTED),
    ]
    doc = bench.document(page, bench.DETECTED)
    assert doc is not None and doc.dialect.name == "hugo"
    assert bench.check([page], bench.DETECTED, tmp_path) == []  # the shortcode's body is code
