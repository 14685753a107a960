"""Fixes in one process: dates read as ISO only when unambiguous, fixes applied together and
never overlapping, atomic writes that refuse a file changed meanwhile, and a property test:
``--fix`` never leaves front matter that fails to parse, and a second ``--fix`` changes nothing."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.config import Config
from lint.diagnostics import Diagnostic, Edit, Severity
from lint.engine import Plan, check_text
from lint.fixing import FixError, apply_fixes, write_fixed
from lint.front_matter import find_front_matter
from lint.positions import LineIndex
from lint.registry import load_rules, rule_classes
from lint.schema_repairs import iso_date
from lint.selection import Selection

SCHEMA = {
    "type": "object",
    "properties": {
        "date": {"type": "string", "format": "date"},
        "kind": {"enum": ["tutorial", "guide", "reference"]},
        "draft": {"type": "boolean"},
        "weight": {"type": "number"},
        "tags": {"type": "array"},
    },
}


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("10/10/2024", "2024-10-10"),
        ("13/04/2024", "2024-04-13"),
        ("04/13/2024", "2024-04-13"),
        ("2024/1/5", "2024-01-05"),
        ("2024.01.05", "2024-01-05"),
        ("October 10, 2024", "2024-10-10"),
        ("10 Oct 2024", "2024-10-10"),
        ("Sept. 3rd, 2024", "2024-09-03"),
        ("03/04/2024", None),  # March or April
        ("31/02/2024", None),  # no such day
        ("10/10/24", None),  # which century
        ("soon", None),
    ],
)
def test_iso_date_only_when_one_day_is_meant(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


def _diagnostic(line: int, column: int, end: int, text: str, safe: bool = True) -> Diagnostic:
    edit = Edit(line, column, line, end, text, safe)
    return Diagnostic("a.md", line, column, line, end, "rule", Severity.WARNING, "m", fix=(edit,))


def test_fixes_apply_together_and_overlapping_ones_wait() -> None:
    text = "one two three\n"
    fixed = apply_fixes(
        text,
        [_diagnostic(1, 1, 4, "1"), _diagnostic(1, 3, 8, "x"), _diagnostic(1, 9, 14, "3")],
        unsafe=False,
    )
    assert (fixed.text, fixed.applied) == ("1 two 3\n", 2)


def test_unsafe_fixes_only_when_asked() -> None:
    diagnostics = [_diagnostic(1, 1, 4, "1", safe=False)]
    assert apply_fixes("one\n", diagnostics, unsafe=False).text == "one\n"
    assert apply_fixes("one\n", diagnostics, unsafe=True).text == "1\n"


def test_positions_count_a_lone_cr_as_a_line_break() -> None:
    # The document reads "a\rb" as two lines; the fix at line 2 must land on "b".
    assert apply_fixes("a\rbad\n", [_diagnostic(2, 1, 4, "good")], unsafe=False).text == "a\rgood\n"


def test_a_file_changed_since_it_was_read_is_left(tmp_path: Path) -> None:
    path = tmp_path / "post.md"
    path.write_text("draft: 'yes'\n", encoding="utf-8")
    original = path.read_bytes()
    path.write_text("draft: 'no'\n", encoding="utf-8")  # someone saved in between
    with pytest.raises(FixError, match="changed on disk"):
        write_fixed(path, original, "draft: true\n")
    assert path.read_text("utf-8") == "draft: 'no'\n"
    assert [entry.name for entry in tmp_path.iterdir()] == ["post.md"]  # no temporary left


@cache
def _plan(folder: str) -> Plan:
    rules = rule_classes(load_rules())
    schema = Path(folder) / "schema.json"
    schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
    plan = Plan(rules, Config(root=Path(folder)), Selection(select=("frontmatter",)))
    plan.schema_override = str(schema)
    return plan


_DATES = st.sampled_from(["10/10/2024", "13/04/2024", "03/04/2024", "October 1, 2024", "2024-1-5"])
_WORDS = st.sampled_from(["tutorail", "guid", "Reference", "refrence", "x", "tutorial"])
_BOOLEANS = st.sampled_from(["yes", "no", "true", "off", "On", "maybe"])
_NUMBERS = st.sampled_from(["3", "-2.5", "1e3", "three", "07"])
_TAGS = st.sampled_from(["python", "python, r", "a: b", "#hash", "[x", "-1", "é"])
_QUOTES = st.sampled_from(["", "'", '"'])


def _value(value: str, quote: str) -> str:
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    if quote == '"':
        return json.dumps(value)
    return value


@st.composite
def _front_matter(draw: Any) -> str:
    lines = ["---", "title: Notes  # stays"]
    for key, values in (
        ("date", _DATES),
        ("kind", _WORDS),
        ("draft", _BOOLEANS),
        ("weight", _NUMBERS),
        ("tags", _TAGS),
    ):
        if draw(st.booleans()):
            lines.append(f"{key}: {_value(draw(values), draw(_QUOTES))}")
    return "\n".join([*lines, "---", "", "# Notes", "", "Finished."]) + "\n"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_front_matter())
def test_fix_never_breaks_the_front_matter_and_a_second_fix_changes_nothing(
    tmp_path: Path, text: str
) -> None:
    plan = _plan(str(tmp_path))
    before = find_front_matter(text, LineIndex(text))[0]
    if before is None or before.problems:
        return  # the generator wrote something YAML refuses: not a fix's doing
    report = check_text("post.md", Path(tmp_path / "post.md"), text, plan)
    once = apply_fixes(text, report.diagnostics, unsafe=True).text
    parsed = find_front_matter(once, LineIndex(once))[0]
    assert parsed is not None and not parsed.problems, once
    assert parsed.data["title"] == "Notes"
    assert once.count("\n") == text.count("\n")  # values edited in place, no line added
    again = check_text("post.md", Path(tmp_path / "post.md"), once, plan)
    assert apply_fixes(once, again.diagnostics, unsafe=True).text == once
