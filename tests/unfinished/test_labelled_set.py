"""The unfinished-content rules against a labelled evaluation set of realistic documents.

``drafts/<name>.<ext>`` are unfinished drafts; ``drafts/<name>.labels.yaml`` lists every defect a
careful editor would flag, as ``{rule, line}`` mappings (an optional ``note`` says what the text
is). ``rule`` may be a list (``[truncated-text, stub-paragraph]``) where either rule reporting the
line is right, e.g. a cut-off label (``**Lightning talks:``) at the end of a file. The labels say
what is true of the text, not what the rules currently report.

``finished/`` holds finished documents that must give no finding at warning or above (a note
left in an HTML comment is reported at ``info``: the reader never sees it, the writer may want
to).

All five rules of the ``unfinished`` group run (``draft-flag`` is off by default, so each rule is
selected by its id). Findings are matched to labels by (rule, line); the test prints precision and
recall per rule and overall, and asserts an overall recall of at least 0.95 on the drafts and no
finding on the finished documents.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from lint.config import Config
from lint.diagnostics import Diagnostic, Severity
from lint.engine import Plan, check_path
from lint.registry import load_rules, rule_classes
from lint.rule import Rule
from lint.selection import Selection

HERE = Path(__file__).parent
DRAFTS = HERE / "drafts"
FINISHED = HERE / "finished"
DOCUMENT_SUFFIXES = {".md", ".markdown", ".qmd", ".rmd", ".mdx"}
RULES = (
    "placeholder-text",
    "stub-paragraph",
    "truncated-text",
    "outline-section",
    "draft-flag",
)
MIN_RECALL = 0.95


@dataclass(frozen=True)
class Label:
    """One defect: the rules that may report it (any one will do) and its 1-based line."""

    rules: tuple[str, ...]
    line: int
    note: str = ""

    def __str__(self) -> str:
        return f"{'|'.join(self.rules)}@{self.line}"


@dataclass(frozen=True)
class Outcome:
    """Findings matched against the labels of one document."""

    document: Path
    matched: tuple[tuple[Label, Diagnostic], ...]
    missed: tuple[Label, ...]
    unexpected: tuple[Diagnostic, ...]


@dataclass
class Tally:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float | None:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else None

    @property
    def recall(self) -> float | None:
        labelled = self.true_positives + self.false_negatives
        return self.true_positives / labelled if labelled else None


@dataclass
class Scores:
    per_rule: dict[str, Tally] = field(default_factory=lambda: {rule: Tally() for rule in RULES})

    @property
    def overall(self) -> Tally:
        return Tally(
            sum(tally.true_positives for tally in self.per_rule.values()),
            sum(tally.false_positives for tally in self.per_rule.values()),
            sum(tally.false_negatives for tally in self.per_rule.values()),
        )


def _documents(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and path.suffix.lower() in DOCUMENT_SUFFIXES
    )


def _labels_file(document: Path) -> Path:
    return document.with_name(f"{document.stem}.labels.yaml")


def _label(entry: Any, source: Path) -> Label:
    assert isinstance(entry, dict), f"{source}: a label is a mapping, got {entry!r}"
    assert set(entry) <= {"rule", "line", "note"}, f"{source}: unknown keys in {entry!r}"
    rule = entry["rule"]
    rules = tuple(rule) if isinstance(rule, list) else (rule,)
    assert rules, f"{source}: {entry!r} names no rule"
    for name in rules:
        assert name in RULES, f"{source}: {name!r} is not a rule of the unfinished group"
    line = entry["line"]
    assert isinstance(line, int) and line >= 1, f"{source}: bad line in {entry!r}"
    return Label(rules, line, str(entry.get("note", "")))


def read_labels(document: Path) -> tuple[Label, ...]:
    source = _labels_file(document)
    loaded: Any = yaml.safe_load(source.read_text(encoding="utf-8"))
    assert isinstance(loaded, list), f"{source}: expected a list of labels"
    return tuple(_label(entry, source) for entry in loaded)


@cache
def registered_rules() -> dict[str, type[Rule]]:
    return rule_classes(load_rules())


def lint(document: Path) -> list[Diagnostic]:
    plan = Plan(
        rules=registered_rules(),
        config=Config(root=document.parent),
        selection=Selection(select=RULES),
    )
    report = check_path(str(document), document, plan)
    assert not report.crashed, f"a rule crashed on {document}"
    return list(report.diagnostics)


def match(document: Path, labels: tuple[Label, ...], found: list[Diagnostic]) -> Outcome:
    """Pair each label with a finding of one of its rules on its line.

    Exact single-rule labels are paired first, so that a finding is not spent on a label that
    accepts several rules when it is the only fit for another one. A further finding on the
    line of a multi-rule label, by another of its rules, is part of the same defect and is
    neither a true nor a false positive.
    """
    unused = list(found)
    matched: list[tuple[Label, Diagnostic]] = []
    missed: list[Label] = []
    for label in sorted(labels, key=lambda label: (len(label.rules), label.line)):
        hit = next(
            (d for d in unused if d.rule in label.rules and d.line == label.line),
            None,
        )
        if hit is None:
            missed.append(label)
            continue
        unused.remove(hit)
        matched.append((label, hit))
    absorbed = {
        id(diagnostic)
        for label, _ in matched
        if len(label.rules) > 1
        for diagnostic in unused
        if diagnostic.rule in label.rules and diagnostic.line == label.line
    }
    unexpected = tuple(d for d in unused if id(d) not in absorbed)
    return Outcome(document, tuple(matched), tuple(missed), unexpected)


def score(outcomes: list[Outcome]) -> Scores:
    """A hit counts for the rule that reported it; a miss for the first rule of its label."""
    scores = Scores()
    for outcome in outcomes:
        for _, diagnostic in outcome.matched:
            scores.per_rule[diagnostic.rule].true_positives += 1
        for label in outcome.missed:
            scores.per_rule[label.rules[0]].false_negatives += 1
        for diagnostic in outcome.unexpected:
            scores.per_rule.setdefault(diagnostic.rule, Tally()).false_positives += 1
    return scores


def _ratio(value: float | None) -> str:
    return "   -" if value is None else f"{value:.2f}"


def table(scores: Scores, finished_findings: int) -> str:
    header = f"{'rule':<18} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>6}"
    rows = [header, "-" * len(header)]
    for name, tally in [*scores.per_rule.items(), ("overall", scores.overall)]:
        if name == "overall":
            rows.append("-" * len(header))
        rows.append(
            f"{name:<18} {tally.true_positives:>4} {tally.false_positives:>4} "
            f"{tally.false_negatives:>4} {_ratio(tally.precision):>9} {_ratio(tally.recall):>6}"
        )
    rows.append(f"(FP includes {finished_findings} finding(s) on finished documents)")
    return "\n".join(rows)


def _relative(path: Path) -> str:
    return path.relative_to(HERE).as_posix()


def details(outcomes: list[Outcome]) -> str:
    lines: list[str] = []
    for outcome in outcomes:
        name = _relative(outcome.document)
        text = outcome.document.read_text(encoding="utf-8").splitlines()
        for label in outcome.missed:
            source = text[label.line - 1].strip() if label.line <= len(text) else ""
            lines.append(f"MISS {name}:{label.line} {'|'.join(label.rules)}: {source[-70:]}")
        for diagnostic in outcome.unexpected:
            lines.append(
                f"FP   {name}:{diagnostic.line} {diagnostic.rule}: {diagnostic.message[:70]}"
            )
    return "\n".join(lines)


DRAFT_LIST = _documents(DRAFTS)
FINISHED_LIST = _documents(FINISHED)


def test_the_set_is_complete() -> None:
    assert len(DRAFT_LIST) >= 32
    assert len(FINISHED_LIST) >= 16
    for document in DRAFT_LIST:
        assert _labels_file(document).is_file(), f"{document.name} has no labels file"
        labels = read_labels(document)
        assert labels, f"{document.name}: a draft must have at least one defect"
        line_count = len(document.read_text(encoding="utf-8").splitlines())
        for label in labels:
            assert label.line <= line_count, f"{document.name}: {label} is past the end"
    for document in FINISHED_LIST:
        assert not _labels_file(document).exists(), f"{document.name}: finished, but labelled"


def test_labelled_set(capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = [match(d, read_labels(d), lint(d)) for d in DRAFT_LIST]
    outcomes += [match(d, (), lint(d)) for d in FINISHED_LIST]
    scores = score(outcomes)
    finished_findings = [
        diagnostic
        for outcome in outcomes
        if outcome.document.parent == FINISHED
        for diagnostic in outcome.unexpected
        if diagnostic.severity is not Severity.INFO
    ]
    report = table(scores, len(finished_findings))
    listing = details(outcomes)
    with capsys.disabled():
        print(f"\n\nunfinished rules on the labelled set\n{report}", file=sys.stderr)
        if listing:
            print(listing, file=sys.stderr)
    recall = scores.overall.recall
    assert recall is not None and recall >= MIN_RECALL, f"overall recall {recall}\n{report}"
    shown = [f"{d.path}:{d.line} {d.rule}: {d.message}" for d in finished_findings]
    assert shown == [], "findings on finished documents"


def test_matching_counts_each_finding_once() -> None:
    labels = (Label(("placeholder-text",), 3), Label(("placeholder-text",), 3))
    found = [_diagnostic("placeholder-text", 3)]
    outcome = match(Path("x.md"), labels, found)
    assert len(outcome.matched) == 1
    assert len(outcome.missed) == 1
    assert outcome.unexpected == ()


def test_matching_accepts_either_rule_of_a_list() -> None:
    labels = (Label(("truncated-text", "stub-paragraph"), 9),)
    found = [_diagnostic("stub-paragraph", 9), _diagnostic("truncated-text", 9)]
    outcome = match(Path("x.md"), labels, found)
    assert len(outcome.matched) == 1
    assert outcome.missed == ()
    assert outcome.unexpected == ()
    assert Counter(d.rule for _, d in outcome.matched) == Counter({"stub-paragraph": 1})


def _diagnostic(rule: str, line: int) -> Diagnostic:
    return Diagnostic(
        path="x.md",
        line=line,
        column=1,
        end_line=line,
        end_column=2,
        rule=rule,
        severity=registered_rules()[rule].severity,
        message="m",
    )
