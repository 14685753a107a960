"""Hostile front matter: numbers, tags and nesting that would crash or hang a loader, surrogates
and duplicate keys, null front matter, and a thematic break on line one that is not front matter."""

from __future__ import annotations

import pytest

from lint.front_matter import find_front_matter
from lint.positions import LineIndex
from tests.unit.test_front_matter import front_matter_of


def test_null_front_matter_has_no_keys_so_the_schema_still_runs() -> None:
    assert front_matter_of("---\n~\n---\n\nText.\n").data == {}


@pytest.mark.parametrize(
    ("text", "fragment", "line"),
    [
        ("---\nn: " + "9" * 5000 + "\n---\n", "too many digits", 2),
        ("---\nd: !!timestamp nope\n---\n", "a tag's value is not valid", 2),
        ('{\n"a": ' + "[" * 5000 + "]" * 5000 + "\n}\n", "more than 100 levels", 1),
        ("+++\na = " + "[" * 5000 + "]" * 5000 + "\n+++\n", "more than 100 levels", 2),
        ('{\n"a": "\\ud800"\n}\n', "surrogate", 1),
        (
            '{\n"a": 1,\n"b": {"a": 2},\n"a": 3\n}\n',
            'duplicate key "a" (first defined on line 2)',
            4,
        ),
    ],
    ids=["huge-number", "bad-timestamp", "deep-json", "deep-toml", "surrogate", "duplicate-json"],
)
def test_hostile_front_matter_is_a_problem_at_its_line(text: str, fragment: str, line: int) -> None:
    front_matter = front_matter_of(text + "\nText.\n")
    problems = [p for p in front_matter.problems if fragment in p.message]
    assert problems, front_matter.problems
    assert LineIndex(text).position(problems[0].span.start)[0] == line


def test_a_deep_json_list_inside_a_string_is_not_nesting() -> None:
    text = '{\n"a": "' + "[" * 5000 + '"\n}\n\nText.\n'
    assert front_matter_of(text).problems == ()


@pytest.mark.parametrize(
    ("text", "is_front_matter"),
    [
        ("---\n\nA paragraph between two breaks.\n\n---\n\n# Title\n", False),
        ("---\n\ntitle: A blank line first, then a key\n---\n", True),
        ("---\ntitle: Usual\n---\n", True),
        ("---\n---\n\nEmpty front matter.\n", True),
    ],
)
def test_a_thematic_break_on_line_one_is_not_front_matter(text: str, is_front_matter: bool) -> None:
    front_matter, body_start = find_front_matter(text, LineIndex(text))
    assert (front_matter is not None) == is_front_matter
    if not is_front_matter:
        assert body_start == 0
