"""One call for the fuzzers: check bytes through the whole pipeline (parse, rules, the site
stage, prose extraction, every reporter) and assert the invariants."""

from __future__ import annotations

import atexit
import io
import shutil
import tempfile
import time
from pathlib import Path

from lint.config import Config
from lint.diagnostics import Diagnostic
from lint.engine import Plan, check_bytes
from lint.escaping import visible
from lint.prose.settings import ProseSettings
from lint.registry import load_reporter, load_rules, reporter_names, rule_classes
from lint.reporters import ReporterOptions, Summary
from lint.selection import Selection
from lint.site.stage import SiteStage

_RULES = rule_classes(load_rules())
#: The site every example is a page of: an empty folder, so that a link never leads the site
#: stage anywhere that costs time.
SITE = Path(tempfile.mkdtemp(prefix="contentlint-fuzz-site-"))
atexit.register(shutil.rmtree, SITE, ignore_errors=True)
_SITE_CONFIG = Config(root=SITE, links={"root": str(SITE)})
PLANS = {
    suffix: Plan(_RULES, _SITE_CONFIG, Selection(select=("ALL",), ignore=("prose",)))
    for suffix in (".md", ".qmd", ".mdx")
}
PROSE_PLAN = Plan(
    _RULES, Config(root=Path.cwd()), Selection(select=("prose",)), prose=ProseSettings()
)


#: No example may take longer than this, through the whole pipeline.
MAX_SECONDS = 2.0
_FORMATS = tuple(
    name
    for name in reporter_names()
    if name in {"text", "concise", "json", "sarif", "github", "junit"}
)


def report_everywhere(path: str, diagnostics: list[Diagnostic], text: str | None) -> None:
    """Every built-in format writes the report; the text formats carry no control character."""
    summary = Summary(groups_of={rule_id: rule.groups for rule_id, rule in _RULES.items()})
    summary.add(diagnostics)
    for name in _FORMATS:
        stream = io.StringIO()
        reporter = load_reporter(name).items[name](stream, ReporterOptions(rules=_RULES))
        reporter.start()
        reporter.file(path, diagnostics, text)
        reporter.finish(summary)
        written = stream.getvalue()
        written.encode("utf-8")  # writable to a UTF-8 stream: no lone surrogate
        if name in ("text", "concise", "github"):
            plain = written.replace("\n", "").replace("\t", "")
            assert visible(plain) == plain, f"{name} output carries a control character"


def check_everything(data: bytes, suffix: str = ".md", prose: bool = False) -> None:
    """No rule may crash, every diagnostic lies inside the document, every reporter writes it,
    and all of it within MAX_SECONDS."""
    path = SITE / f"fuzzed{suffix}"
    plan = PROSE_PLAN if prose else PLANS[suffix]
    started = time.perf_counter()
    report = check_bytes(path.name, path, data, plan)
    if report.facts is not None:
        stage = SiteStage(plan, [SITE])
        stage.add(path, report.facts)
        report.diagnostics = sorted([*report.diagnostics, *stage.diagnostics(path.name, path)])
    report_everywhere(path.name, report.diagnostics, report.text)
    seconds = time.perf_counter() - started
    assert seconds < MAX_SECONDS, f"{seconds:.1f} s for one example of {len(data)} bytes"
    crashes = [d.message for d in report.diagnostics if d.rule == "internal-error"]
    assert not crashes, crashes
    if report.text is None:
        return
    lines = report.text.split("\n")
    for diagnostic in report.diagnostics:
        assert 1 <= diagnostic.line <= len(lines), diagnostic
        assert 1 <= diagnostic.column <= len(lines[diagnostic.line - 1]) + 1, diagnostic
        assert (diagnostic.end_line, diagnostic.end_column) >= (diagnostic.line, diagnostic.column)


def _warm_up() -> None:
    """Load the parsers, the rules' lazy state and the prose engine once, so that the time
    limit measures an example, not the start-up."""
    sample = b"---\ntitle: Warm\n---\n\n# Warm\n\nA sentence to warm up.\n"
    for plan in (*PLANS.values(), PROSE_PLAN):
        report = check_bytes("warm.md", Path("warm.md"), sample, plan)
        report_everywhere("warm.md", report.diagnostics, report.text)


_warm_up()
