"""One call for the fuzzers: check bytes through the whole pipeline and assert the invariants."""

from __future__ import annotations

from pathlib import Path

from lint.config import Config
from lint.engine import Plan, check_bytes
from lint.prose_settings import ProseSettings
from lint.registry import load_rules, rule_classes
from lint.selection import Selection

_RULES = rule_classes(load_rules())
PLANS = {
    suffix: Plan(_RULES, Config(root=Path.cwd()), Selection(select=("ALL",), ignore=("prose",)))
    for suffix in (".md", ".qmd", ".mdx")
}
PROSE_PLAN = Plan(
    _RULES, Config(root=Path.cwd()), Selection(select=("prose",)), prose=ProseSettings()
)


def check_everything(data: bytes, suffix: str = ".md", prose: bool = False) -> None:
    """No rule may crash, and every diagnostic must lie inside the document."""
    path = Path(f"fuzzed{suffix}")
    plan = PROSE_PLAN if prose else PLANS[suffix]
    report = check_bytes(path.name, path, data, plan)
    crashes = [d.message for d in report.diagnostics if d.rule == "internal-error"]
    assert not crashes, crashes
    if report.text is None:
        return
    lines = report.text.split("\n")
    for diagnostic in report.diagnostics:
        assert 1 <= diagnostic.line <= len(lines), diagnostic
        assert 1 <= diagnostic.column <= len(lines[diagnostic.line - 1]) + 1, diagnostic
        assert (diagnostic.end_line, diagnostic.end_column) >= (diagnostic.line, diagnostic.column)
