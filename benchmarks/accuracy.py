"""How often the structure and unfinished rules speak on published pages, and how well they
find the defects of labelled drafts.

    python benchmarks/accuracy.py [CORPORA] [--list] [--corpus NAME] [--rule RULE]

``CORPORA`` (default ``../shared/corpora``) holds one folder per published site and a
``drafts/`` folder of unfinished documents, each with a ``<file>.expect.json`` of hand-written
labels (``[{"rule": ..., "lines": [first, last]}]``; ``rule`` may be a list, any one of which
names the defect). Every corpus is checked as its own project, with the rules' defaults and
whatever the corpus's own files say (a ``contentlint.toml`` there would apply; none is written).

Printed: per corpus, findings per 200 pages of each rule and of each group (warning and above,
and info notes apart); then, on the drafts, precision and recall. A finding on a draft is a true
positive when one of its label's rules reported it on a line of the label's range; a label is
found when at least one such finding exists. ``--list`` prints every finding (on the corpora)
and every miss and false alarm (on the drafts), to be read one at a time.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from lint.config import Config, load_config
from lint.diagnostics import Diagnostic, Severity
from lint.document import EXTENSIONS
from lint.engine import Plan, check_path
from lint.registry import load_rules, rule_classes
from lint.selection import Selection

GROUPS = ("structure", "unfinished")
DRAFTS = "drafts"
PAGES = 200


@dataclass(frozen=True)
class Label:
    rules: tuple[str, ...]
    first: int
    last: int

    def covers(self, diagnostic: Diagnostic) -> bool:
        return diagnostic.rule in self.rules and self.first <= diagnostic.line <= self.last


def documents(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and path.suffix.lower() in EXTENSIONS and ".expect." not in path.name
    )


_PLANS: dict[Path, Plan] = {}


def _plan(root: Path) -> Plan:
    plan = _PLANS.get(root)
    if plan is None:
        rules = rule_classes(load_rules())
        config: Config = load_config(root, None, rules)
        plan = _PLANS[root] = Plan(rules, config, Selection(select=GROUPS), keep_text=False)
    return plan


def _check(job: tuple[Path, Path]) -> list[Diagnostic]:
    root, path = job
    report = check_path(path.relative_to(root).as_posix(), path, _plan(root))
    return list(report.diagnostics)


def check_all(root: Path, paths: list[Path], jobs: int) -> list[list[Diagnostic]]:
    work = [(root, path) for path in paths]
    if jobs <= 1:
        return [_check(job) for job in work]
    with ProcessPoolExecutor(jobs) as pool:
        return list(pool.map(_check, work, chunksize=16))


def group_of(rule: str) -> str:
    return "structure" if rule in ("empty-heading", "empty-section") else "unfinished"


@dataclass
class CorpusRates:
    """What the rules said on one corpus of published pages."""

    name: str
    pages: int
    diagnostics: list[Diagnostic]

    def count(self, group: str, info: bool) -> int:
        return sum(
            1
            for d in self.diagnostics
            if group_of(d.rule) == group and (d.severity is Severity.INFO) == info
        )

    def per_pages(self, group: str, info: bool = False) -> float:
        """Findings of ``group`` per 200 pages, at warning and above (or info notes)."""
        return self.count(group, info) * PAGES / max(self.pages, 1)

    def by_rule(self) -> Counter[tuple[str, bool]]:
        return Counter((d.rule, d.severity is Severity.INFO) for d in self.diagnostics)


def corpus_rates(root: Path, jobs: int) -> CorpusRates:
    paths = documents(root)
    results = check_all(root, paths, jobs)
    return CorpusRates(root.name, len(paths), [d for found in results for d in found])


def published(root: Path, jobs: int, show: bool, rule_filter: str | None) -> CorpusRates:
    """Prints the rates of one corpus (and with ``show`` its findings)."""
    rates = corpus_rates(root, jobs)
    if show:
        for diagnostic in rates.diagnostics:
            if rule_filter is None or diagnostic.rule == rule_filter:
                print(
                    f"    {diagnostic.path}:{diagnostic.line}:{diagnostic.column} "
                    f"{diagnostic.severity} [{diagnostic.rule}] {diagnostic.message}"
                )
    scale = PAGES / max(rates.pages, 1)
    rules = ", ".join(
        f"{rule}{' (info)' if info else ''} {n * scale:.1f}"
        for (rule, info), n in sorted(rates.by_rule().items())
    )
    print(
        f"{root.name:<14} {rates.pages:>5} "
        f"{rates.per_pages('structure'):>10.1f} {rates.per_pages('structure', True):>7.1f} "
        f"{rates.per_pages('unfinished'):>11.1f} {rates.per_pages('unfinished', True):>7.1f}"
        f"   {rules or '-'}"
    )
    return rates


def read_labels(document: Path) -> list[Label]:
    entries = json.loads(document.with_name(document.name + ".expect.json").read_text("utf-8"))
    labels = []
    for entry in entries:
        rule = entry["rule"]
        rules = tuple(rule) if isinstance(rule, list) else (rule,)
        first, last = entry["lines"]
        labels.append(Label(rules, first, last))
    return labels


@dataclass
class DraftScores:
    """The rules against the labelled drafts."""

    documents: int = 0
    labels: int = 0
    found: int = 0
    true_positives: int = 0
    false_positives: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_positives / max(self.true_positives + self.false_positives, 1)

    @property
    def recall(self) -> float:
        return self.found / max(self.labels, 1)


def draft_scores(root: Path, jobs: int) -> DraftScores:
    paths = documents(root)
    results = check_all(root, paths, jobs)
    scores = DraftScores(documents=len(paths))
    for path, diagnostics in zip(paths, results, strict=True):
        labels = read_labels(path)
        scores.labels += len(labels)
        for label in labels:
            if any(label.covers(diagnostic) for diagnostic in diagnostics):
                scores.found += 1
            else:
                rules = "|".join(label.rules)
                scores.misses.append(f"MISS {path.name}:{label.first}-{label.last} {rules}")
        for diagnostic in diagnostics:
            if any(label.covers(diagnostic) for label in labels):
                scores.true_positives += 1
            else:
                scores.false_positives += 1
                scores.alarms.append(
                    f"FP   {path.name}:{diagnostic.line}:{diagnostic.column} "
                    f"{diagnostic.severity} [{diagnostic.rule}] {diagnostic.message}"
                )
    return scores


def drafts(root: Path, jobs: int, show: bool) -> DraftScores:
    scores = draft_scores(root, jobs)
    print(
        f"\ndrafts: {scores.documents} documents, {scores.labels} labels: {scores.found} found, "
        f"{scores.labels - scores.found} missed; {scores.true_positives} findings true, "
        f"{scores.false_positives} false"
    )
    print(f"precision {scores.precision:.2f}   recall {scores.recall:.2f}")
    if show:
        print("\n".join(f"    {line}" for line in [*scores.misses, *scores.alarms]))
    return scores


def corpora(root: Path, only: str | None) -> Iterator[Path]:
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and folder.name != DRAFTS and (only is None or folder.name == only):
            yield folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("corpora", nargs="?", default="../shared/corpora", type=Path)
    parser.add_argument("--list", action="store_true", help="print every finding")
    parser.add_argument("--corpus", help="only this corpus folder (or 'drafts')")
    parser.add_argument("--rule", help="with --list, only this rule's findings")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    arguments = parser.parse_args(argv)
    root: Path = arguments.corpora.resolve()
    if not root.is_dir():
        print(f"error: {root} is not a folder", file=sys.stderr)
        return 2
    if arguments.corpus != DRAFTS:
        print(f"findings per {PAGES} pages (warning and above; info notes apart)\n")
        print(
            f"{'corpus':<14} {'pages':>5} {'structure':>10} {'(info)':>7} "
            f"{'unfinished':>11} {'(info)':>7}   by rule"
        )
        worst = dict.fromkeys(GROUPS, 0.0)
        for folder in corpora(root, arguments.corpus):
            rates = published(folder, arguments.jobs, arguments.list, arguments.rule)
            for group in GROUPS:
                worst[group] = max(worst[group], rates.per_pages(group))
        print(
            "\nhighest: "
            + ", ".join(f"{group} {rate:.1f}" for group, rate in worst.items())
            + f" per {PAGES} pages"
        )
    if arguments.corpus in (None, DRAFTS) and (root / DRAFTS).is_dir():
        drafts(root / DRAFTS, arguments.jobs, arguments.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
