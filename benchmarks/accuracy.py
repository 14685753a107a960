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
from dataclasses import dataclass
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


def published(root: Path, jobs: int, show: bool, rule_filter: str | None) -> dict[str, float]:
    """Prints the rates of one corpus; returns findings per 200 pages by group (warning+)."""
    paths = documents(root)
    results = check_all(root, paths, jobs)
    by_rule: Counter[tuple[str, bool]] = Counter()
    for diagnostics in results:
        for diagnostic in diagnostics:
            by_rule[diagnostic.rule, diagnostic.severity is Severity.INFO] += 1
            if show and (rule_filter is None or diagnostic.rule == rule_filter):
                print(
                    f"    {diagnostic.path}:{diagnostic.line}:{diagnostic.column} "
                    f"{diagnostic.severity} [{diagnostic.rule}] {diagnostic.message}"
                )
    scale = PAGES / max(len(paths), 1)
    groups: dict[str, float] = {}
    for group in GROUPS:
        counted = sum(
            n for (rule, info), n in by_rule.items() if group_of(rule) == group and not info
        )
        notes = sum(n for (rule, info), n in by_rule.items() if group_of(rule) == group and info)
        groups[group] = counted * scale
        groups[group + " (info)"] = notes * scale
    rules = ", ".join(
        f"{rule}{' (info)' if info else ''} {n * scale:.1f}"
        for (rule, info), n in sorted(by_rule.items())
    )
    print(
        f"{root.name:<14} {len(paths):>5} "
        f"{groups['structure']:>10.1f} {groups['structure (info)']:>7.1f} "
        f"{groups['unfinished']:>11.1f} {groups['unfinished (info)']:>7.1f}   {rules or '-'}"
    )
    return groups


def read_labels(document: Path) -> list[Label]:
    entries = json.loads(document.with_name(document.name + ".expect.json").read_text("utf-8"))
    labels = []
    for entry in entries:
        rule = entry["rule"]
        rules = tuple(rule) if isinstance(rule, list) else (rule,)
        first, last = entry["lines"]
        labels.append(Label(rules, first, last))
    return labels


def drafts(root: Path, jobs: int, show: bool) -> tuple[float, float]:
    paths = documents(root)
    results = check_all(root, paths, jobs)
    true_positives = false_positives = found = total = 0
    misses: list[str] = []
    alarms: list[str] = []
    for path, diagnostics in zip(paths, results, strict=True):
        labels = read_labels(path)
        total += len(labels)
        for label in labels:
            if any(label.covers(diagnostic) for diagnostic in diagnostics):
                found += 1
            else:
                misses.append(
                    f"    MISS {path.name}:{label.first}-{label.last} {'|'.join(label.rules)}"
                )
        for diagnostic in diagnostics:
            if any(label.covers(diagnostic) for label in labels):
                true_positives += 1
            else:
                false_positives += 1
                alarms.append(
                    f"    FP   {path.name}:{diagnostic.line}:{diagnostic.column} "
                    f"{diagnostic.severity} [{diagnostic.rule}] {diagnostic.message}"
                )
    precision = true_positives / max(true_positives + false_positives, 1)
    recall = found / max(total, 1)
    print(
        f"\ndrafts: {len(paths)} documents, {total} labels: {found} found, "
        f"{total - found} missed; {true_positives} findings true, {false_positives} false"
    )
    print(f"precision {precision:.2f}   recall {recall:.2f}")
    if show:
        print("\n".join([*misses, *alarms]))
    return precision, recall


def corpora(root: Path, only: str | None) -> Iterator[Path]:
    for folder in sorted(root.iterdir()):
        if folder.is_dir() and folder.name != DRAFTS and (only is None or folder.name == only):
            yield folder


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
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
            groups = published(folder, arguments.jobs, arguments.list, arguments.rule)
            for group in GROUPS:
                worst[group] = max(worst[group], groups[group])
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
