"""Front matter: detection, parsed data, problems and the spans of keys and values."""

from __future__ import annotations

import time
from typing import Literal

import pytest

from lint.document import Document, decode
from lint.front_matter import (
    FrontMatter,
    JsonPath,
    find_front_matter,
)
from lint.limits import Limits
from lint.positions import LineIndex


def front_matter_of(text: str) -> FrontMatter:
    front_matter, _ = find_front_matter(text, LineIndex(text))
    assert front_matter is not None, "expected front matter"
    return front_matter


def located(
    text: str, path: JsonPath, part: Literal["key", "value"] = "value"
) -> tuple[str, tuple[int, int]]:
    """The text ``locate`` points at, and the (line, column) where it starts."""
    span = front_matter_of(text).locate(path, part)
    return text[span.start : span.end], LineIndex(text).position(span.start)


YAML_DOC = """---
title: "Hello: world"
date: 2024-01-02
author:
  name: Ann Lee
  links: [https://a.example, https://b.example]
categories:
  - news
  - 'python'
summary: |
  First line
  second line
description: a plain value
  that wraps onto a second line
---
# Body
"""


# --- detection -------------------------------------------------------------------------------


def test_yaml_detected_with_span_and_body_start() -> None:
    index = LineIndex(YAML_DOC)
    front_matter, body_start = find_front_matter(YAML_DOC, index)
    assert front_matter is not None
    assert front_matter.format == "yaml"
    closing = YAML_DOC.index("---\n# Body")
    assert front_matter.span.start == 0
    assert front_matter.span.end == closing + 3
    assert front_matter.content_span.start == 4
    assert front_matter.content_span.end == closing
    assert YAML_DOC[body_start:] == "# Body\n"
    assert front_matter.problems == ()


def test_yaml_data() -> None:
    data = front_matter_of(YAML_DOC).data
    assert data == {
        "title": "Hello: world",
        "date": "2024-01-02",
        "author": {"name": "Ann Lee", "links": ["https://a.example", "https://b.example"]},
        "categories": ["news", "python"],
        "summary": "First line\nsecond line\n",
        "description": "a plain value that wraps onto a second line",
    }


def test_toml_detected_and_parsed() -> None:
    text = '+++\ntitle = "Hi"\ndate = 2024-05-06\n[author]\nname = "Ann"\n+++\nBody\n'
    front_matter, body_start = find_front_matter(text, LineIndex(text))
    assert front_matter is not None
    assert front_matter.format == "toml"
    assert front_matter.data == {"title": "Hi", "date": "2024-05-06", "author": {"name": "Ann"}}
    assert text[body_start:] == "Body\n"
    assert front_matter.opening_span.start == 0
    assert front_matter.opening_span.end == 3


def test_json_detected_and_parsed() -> None:
    text = '{\n  "title": "Hi",\n  "tags": ["a", "b"]\n}\nBody\n'
    front_matter, body_start = find_front_matter(text, LineIndex(text))
    assert front_matter is not None
    assert front_matter.format == "json"
    assert front_matter.data == {"title": "Hi", "tags": ["a", "b"]}
    assert text[body_start:] == "Body\n"
    assert text[front_matter.opening_span.start : front_matter.opening_span.end] == "{"


@pytest.mark.parametrize(
    "text",
    [
        "# Just a heading\n\nText.\n",
        "---\n\nA thematic break, then a paragraph.\n",
        "Text first\n---\ntitle: x\n---\n",
        "\n---\ntitle: never closed\n\nText.\n",
        "",
    ],
)
def test_no_front_matter(text: str) -> None:
    front_matter, body_start = find_front_matter(text, LineIndex(text))
    assert front_matter is None
    assert body_start == 0


@pytest.mark.parametrize("opening", ["---", "+++"])
def test_front_matter_after_blank_lines_as_hugo_and_pandoc_read_it(opening: str) -> None:
    value = '"Release notes"' if opening == "+++" else "Release notes"
    separator = " = " if opening == "+++" else ": "
    text = f"\n  \n{opening}\ntitle{separator}{value}\n{opening}\n\nBody.\n"
    front_matter, body_start = find_front_matter(text, LineIndex(text))
    assert front_matter is not None
    assert front_matter.data == {"title": "Release notes"}
    assert text[front_matter.opening_span.start : front_matter.opening_span.end] == opening
    assert text[body_start:] == "\nBody.\n"
    assert located(text, ("title",)) == (value, (4, 9 if opening == "+++" else 8))


def test_empty_yaml_block_is_an_empty_mapping() -> None:
    text = "---\n---\nBody\n"
    front_matter, body_start = find_front_matter(text, LineIndex(text))
    assert front_matter is not None
    assert front_matter.data == {}
    assert front_matter.problems == ()
    assert text[body_start:] == "Body\n"


def test_yaml_closed_by_dots() -> None:
    text = "---\ntitle: x\n...\nBody\n"
    front_matter, body_start = find_front_matter(text, LineIndex(text))
    assert front_matter is not None
    assert front_matter.data == {"title": "x"}
    assert text[body_start:] == "Body\n"


def test_crlf_front_matter() -> None:
    text = "---\r\ntitle: Hi\r\ncount: 3\r\n---\r\nBody\r\n"
    front_matter, body_start = find_front_matter(text, LineIndex(text))
    assert front_matter is not None
    assert front_matter.data == {"title": "Hi", "count": 3}
    assert text[body_start:] == "Body\r\n"
    assert located(text, ("count",)) == ("3", (3, 8))


def test_utf8_bom_is_dropped_before_detection() -> None:
    text = decode(b"\xef\xbb\xbf---\ntitle: x\n---\nBody\n")
    assert not text.startswith("\ufeff")
    document = Document.from_text("a.md", text)
    assert document.front_matter is not None
    assert document.front_matter.data == {"title": "x"}
    assert document.body_first_line == 4


# --- dates -----------------------------------------------------------------------------------


def test_yaml_dates_and_datetimes_become_iso_strings() -> None:
    text = (
        "---\nday: 2024-02-29\nstamp: 2024-01-02 10:30:00\n"
        "zoned: 2001-12-14t21:59:43.10-05:00\nquoted: '2024-01-02'\n---\n"
    )
    data = front_matter_of(text).data
    assert data == {
        "day": "2024-02-29",
        "stamp": "2024-01-02T10:30:00",
        "zoned": "2001-12-14T21:59:43.100000-05:00",
        "quoted": "2024-01-02",
    }
    assert all(isinstance(value, str) for value in data.values())


def test_toml_datetimes_become_iso_strings() -> None:
    text = "+++\nwhen = 1979-05-27T07:32:00Z\nat = 07:32:00\n+++\n"
    assert front_matter_of(text).data == {"when": "1979-05-27T07:32:00+00:00", "at": "07:32:00"}


def test_non_string_yaml_keys_become_strings() -> None:
    assert front_matter_of("---\n1: one\n2.5: two\n---\n").data == {"1": "one", "2.5": "two"}


# --- locate: YAML ----------------------------------------------------------------------------


def test_locate_top_level_key_and_quoted_value() -> None:
    assert located(YAML_DOC, ("title",), "key") == ("title", (2, 1))
    assert located(YAML_DOC, ("title",)) == ('"Hello: world"', (2, 8))


def test_locate_date_value() -> None:
    assert located(YAML_DOC, ("date",)) == ("2024-01-02", (3, 7))


def test_locate_nested_key_and_value() -> None:
    assert located(YAML_DOC, ("author", "name"), "key") == ("name", (5, 3))
    assert located(YAML_DOC, ("author", "name")) == ("Ann Lee", (5, 9))


def test_locate_flow_list_items() -> None:
    assert located(YAML_DOC, ("author", "links", 0)) == ("https://a.example", (6, 11))
    assert located(YAML_DOC, ("author", "links", 1)) == ("https://b.example", (6, 30))


def test_locate_block_list_items_including_quoted() -> None:
    assert located(YAML_DOC, ("categories", 0)) == ("news", (8, 5))
    assert located(YAML_DOC, ("categories", 1)) == ("'python'", (9, 5))


def test_list_items_have_no_key_so_key_falls_back_to_value() -> None:
    assert located(YAML_DOC, ("categories", 0), "key") == ("news", (8, 5))


def test_locate_multi_line_values_start_on_their_first_line() -> None:
    literal, position = located(YAML_DOC, ("summary",))
    assert position == (10, 10)
    assert literal.startswith("|\n  First line\n  second line")
    plain, position = located(YAML_DOC, ("description",))
    assert position == (13, 14)
    assert plain == "a plain value\n  that wraps onto a second line"


def test_locate_unknown_path_falls_back_to_nearest_ancestor() -> None:
    assert located(YAML_DOC, ("author", "missing")) == located(YAML_DOC, ("author",))
    assert located(YAML_DOC, ("categories", 7), "key") == ("categories", (7, 1))


def test_locate_empty_or_unknown_path_gives_opening_delimiter() -> None:
    assert located(YAML_DOC, ()) == ("---", (1, 1))
    assert located(YAML_DOC, ("nothing", "here")) == ("---", (1, 1))


def test_locate_in_flow_mapping() -> None:
    text = "---\nimage: {src: a.png, alt: [x, 'y z']}\n---\n"
    assert located(text, ("image", "src")) == ("a.png", (2, 14))
    assert located(text, ("image", "alt", 1)) == ("'y z'", (2, 30))


def test_locate_after_non_ascii_counts_characters() -> None:
    text = '---\ntitre: "Café 😀"\nauteur: Zoë\n---\n'
    assert located(text, ("auteur",)) == ("Zoë", (3, 9))
    assert located(text, ("titre",)) == ('"Café 😀"', (2, 8))


# --- locate: TOML and JSON -------------------------------------------------------------------


TOML_DOC = """+++
title = "Hi"
tags = ["a", "b"]
[author]
name = "Ann"
[[links]]
url = "u1"
[[links]]
url = "u2"
+++
"""


def test_toml_locate_keys_values_and_tables() -> None:
    assert located(TOML_DOC, ("title",), "key") == ("title", (2, 1))
    assert located(TOML_DOC, ("title",)) == ('"Hi"', (2, 9))
    assert located(TOML_DOC, ("author", "name"), "key") == ("name", (5, 1))
    assert located(TOML_DOC, ("author", "name")) == ('"Ann"', (5, 8))
    assert located(TOML_DOC, ("author",), "key") == ("author", (4, 2))


def test_toml_locate_array_of_tables() -> None:
    assert located(TOML_DOC, ("links", 0, "url")) == ('"u1"', (7, 7))
    assert located(TOML_DOC, ("links", 1, "url")) == ('"u2"', (9, 7))


def test_toml_list_item_falls_back_to_its_key_line_value() -> None:
    # TOML is located line by line: an item inside a list points at the whole list.
    assert located(TOML_DOC, ("tags", 1)) == ('["a", "b"]', (3, 8))


def test_json_locate_keys_and_values() -> None:
    text = '{\n  "title": "Hi",\n  "tags": ["a", "b"],\n  "n": {"x": 1}\n}\n'
    assert located(text, ("title",), "key") == ('"title"', (2, 3))
    assert located(text, ("title",)) == ('"Hi"', (2, 12))
    assert located(text, ("tags", 1)) == ('"b"', (3, 17))
    assert located(text, ("n", "x")) == ("1", (4, 14))


# --- problems --------------------------------------------------------------------------------


def test_duplicate_keys_are_reported_at_the_repeat() -> None:
    text = "---\ntitle: a\nnested:\n  k: 1\n  k: 2\ntitle: b\n---\n"
    front_matter = front_matter_of(text)
    index = LineIndex(text)
    found = {
        (index.position(problem.span.start), problem.message) for problem in front_matter.problems
    }
    assert found == {
        ((6, 1), 'duplicate key "title" (first defined on line 2)'),
        ((5, 3), 'duplicate key "k" (first defined on line 4)'),
    }
    # The data is still read (the last value wins, as in YAML loaders).
    assert front_matter.data == {"title": "b", "nested": {"k": 2}}


def test_merge_key_is_not_a_duplicate() -> None:
    text = "---\nbase: &b {x: 1}\none:\n  <<: *b\n  <<: *b\n  y: 2\n---\n"
    front_matter = front_matter_of(text)
    assert front_matter.problems == ()


@pytest.mark.parametrize(
    "tagged",
    ["!!python/object/apply:os.system ['echo hi']", "!custom value", "!!python/name:os.system"],
)
def test_tags_are_refused(tagged: str) -> None:
    text = f"---\ntitle: ok\nrun: {tagged}\n---\n"
    front_matter = front_matter_of(text)
    assert front_matter.data is None
    assert len(front_matter.problems) == 1
    problem = front_matter.problems[0]
    assert "is not allowed" in problem.message
    assert "tag" in problem.message
    assert LineIndex(text).position(problem.span.start) == (3, 6)


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["---", 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    previous = "a"
    for name in "bcdefghi":
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
        previous = name
    text = "\n".join([*lines, "---", ""])
    began = time.perf_counter()
    front_matter = front_matter_of(text)
    assert time.perf_counter() - began < 2
    assert front_matter.data is None
    assert len(front_matter.problems) == 1
    assert f"{Limits().max_yaml_values:,}" in front_matter.problems[0].message
    assert "alias" in front_matter.problems[0].message


def test_a_few_aliases_are_fine() -> None:
    text = "---\nbase: &b [1, 2]\ncopy: *b\n---\n"
    front_matter = front_matter_of(text)
    assert front_matter.problems == ()
    assert front_matter.data == {"base": [1, 2], "copy": [1, 2]}


def test_unterminated_yaml_block() -> None:
    text = "---\ntitle: x\n\nBody text\n"
    front_matter, body_start = find_front_matter(text, LineIndex(text))
    assert front_matter is not None
    assert front_matter.data is None
    assert len(front_matter.problems) == 1
    problem = front_matter.problems[0]
    assert "never closed" in problem.message
    assert (problem.span.start, problem.span.end) == (0, 3)
    assert front_matter.span.end == len(text)
    assert body_start == 4


def test_unterminated_toml_block() -> None:
    text = '+++\ntitle = "x"\n'
    front_matter = front_matter_of(text)
    assert front_matter.data is None
    assert "'+++'" in front_matter.problems[0].message
    assert "never closed" in front_matter.problems[0].message


@pytest.mark.parametrize(
    ("text", "position", "fragment"),
    [
        ("---\ntitle: [a\nx: 1\n---\n", (3, 2), "invalid YAML"),
        ("---\ntitle: ok\n  bad: indent\n---\n", (3, 6), "invalid YAML"),
        ('+++\ntitle = "Hi"\nx = = 1\n+++\n', (3, 5), "invalid TOML"),
        ('{\n  "title": "Hi",\n  "x": ,\n}\n', (3, 8), "invalid JSON"),
    ],
)
def test_syntax_errors_point_into_the_file(
    text: str, position: tuple[int, int], fragment: str
) -> None:
    front_matter = front_matter_of(text)
    assert front_matter.data is None
    assert len(front_matter.problems) == 1
    problem = front_matter.problems[0]
    assert problem.message.startswith(fragment)
    assert LineIndex(text).position(problem.span.start) == position


def test_self_referencing_alias_is_a_problem_not_a_crash() -> None:
    front_matter = front_matter_of("---\na: &a [1, *a]\n---\n")
    assert front_matter.data is None
    assert len(front_matter.problems) == 1
    assert "alias" in front_matter.problems[0].message
