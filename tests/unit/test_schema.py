"""JSON Schema loading (local files only) and errors described as sentences."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from jsonschema.protocols import Validator

from lint.schema import (
    SchemaLoadError,
    SchemaProblem,
    compile_schema,
    label,
    load_validator,
    show,
    validate,
)
from lint.suggest import did_you_mean

POST_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["title"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string"},
        "date": {"type": "string", "format": "date"},
        "draft": {"type": "boolean"},
        "status": {"enum": ["draft", "published", "archived"]},
        "slug": {"type": "string", "pattern": "^[a-z-]+$"},
        "author": {
            "type": "object",
            "required": ["name"],
            "properties": {
                "name": {"type": "string"},
                "email": {"type": "string", "format": "email"},
            },
        },
        "tags": {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
        "image": {
            "oneOf": [
                {"type": "string", "format": "uri"},
                {"type": "object", "required": ["src"], "properties": {"src": {"type": "string"}}},
            ]
        },
        "count": {"oneOf": [{"type": "integer"}, {"type": "number", "minimum": 0}]},
        "rating": {"type": "integer", "minimum": 1, "maximum": 5},
        "summary": {"type": "string", "maxLength": 10},
    },
}


@pytest.fixture(scope="module")
def post_validator() -> Validator:
    return compile_schema(POST_SCHEMA, "file:///schemas/post.schema.json", "post")


def problems(validator: Validator, **values: Any) -> list[SchemaProblem]:
    return validate(validator, {"title": "A title", **values})


def only_problem(validator: Validator, **values: Any) -> SchemaProblem:
    found = problems(validator, **values)
    assert len(found) == 1, found
    return found[0]


def test_valid_instance_has_no_problems(post_validator: Validator) -> None:
    assert problems(post_validator, date="2024-01-02", tags=["a"], image={"src": "x"}) == []


def test_type(post_validator: Validator) -> None:
    problem = only_problem(post_validator, draft="no")
    assert problem == SchemaProblem(
        ("draft",), "value", 'draft: "no" is a string, expected true or false'
    )


def test_format(post_validator: Validator) -> None:
    problem = only_problem(post_validator, date="2024-13-45")
    assert problem.path == ("date",)
    assert problem.part == "value"
    assert problem.message == 'date: "2024-13-45" is not a valid date (expected YYYY-MM-DD)'


def test_format_email_and_uri(post_validator: Validator) -> None:
    email = only_problem(post_validator, author={"name": "Ann", "email": "not an address"})
    assert email.path == ("author", "email")
    assert email.message.startswith('author.email: "not an address" is not a valid email')
    uri = only_problem(post_validator, image="not a uri")
    assert uri.message.startswith('image: "not a uri" is not a valid uri')


def test_enum_with_did_you_mean(post_validator: Validator) -> None:
    problem = only_problem(post_validator, status="publishd")
    assert problem.message == (
        'status: "publishd" is not one of the allowed values: "draft", "published", '
        '"archived" (did you mean "published"?)'
    )


def test_pattern(post_validator: Validator) -> None:
    problem = only_problem(post_validator, slug="Bad Slug")
    assert problem.message == 'slug: "Bad Slug" does not match the pattern ^[a-z-]+$'


def test_a_pattern_with_a_description_says_what_the_value_should_be() -> None:
    date = {"type": "string", "pattern": "[0-9]{4}", "description": "a date"}
    schema = {"properties": {"date": date, "when": {**date, "examples": ["2024-10-10", "today"]}}}
    validator = compile_schema(schema, "urn:test:described", "described")
    problems = [problem.message for problem in validate(validator, {"date": "TBD", "when": "x"})]
    assert problems == [
        'date: "TBD" is not a date',
        'when: "x" is not a date (e.g. 2024-10-10 or today)',
    ]


def test_bounds(post_validator: Validator) -> None:
    assert only_problem(post_validator, rating=9).message == "rating: 9 must be at most 5"
    assert only_problem(post_validator, summary="x" * 12).message == (
        'summary: "xxxxxxxxxxxx" has 12 characters, expected at most 10'
    )


def test_required_at_the_top_points_at_the_block(post_validator: Validator) -> None:
    assert validate(post_validator, {}) == [
        SchemaProblem((), "block", 'missing required key "title"')
    ]


def test_required_nested_names_the_parent(post_validator: Validator) -> None:
    problem = only_problem(post_validator, author={"email": "a@example.com"})
    assert problem == SchemaProblem(("author",), "key", 'missing required key "name" in author')


def test_additional_properties_names_the_key_with_a_suggestion(
    post_validator: Validator,
) -> None:
    problem = only_problem(post_validator, titel="x")
    assert problem == SchemaProblem(
        ("titel",), "key", 'unknown key "titel" (did you mean "title"?)'
    )


def test_every_unknown_key_is_reported(post_validator: Validator) -> None:
    found = problems(post_validator, zzz=1, qqq=2)
    assert {problem.path for problem in found} == {("zzz",), ("qqq",)}
    assert all(problem.part == "key" for problem in found)


def test_any_of_picks_the_branch_of_the_right_shape(post_validator: Validator) -> None:
    problem = only_problem(post_validator, tags=["ok", 3])
    assert problem == SchemaProblem(
        ("tags", 1), "value", "tags[1]: 3 is an integer, expected a string"
    )


def test_any_of_with_no_fitting_branch_lists_the_types(post_validator: Validator) -> None:
    problem = only_problem(post_validator, tags=5)
    assert problem.message == "tags: 5 is an integer, expected a string or a list"


def test_one_of_picks_the_object_branch(post_validator: Validator) -> None:
    problem = only_problem(post_validator, image={"alt": "x"})
    assert problem == SchemaProblem(("image",), "key", 'missing required key "src" in image')


def test_one_of_with_wrong_type(post_validator: Validator) -> None:
    problem = only_problem(post_validator, image=3)
    assert problem.message == (
        "image: 3 is an integer, expected a string or a mapping of keys to values"
    )


def test_one_of_matching_twice(post_validator: Validator) -> None:
    problem = only_problem(post_validator, count=3)
    assert problem.message == "count: 3 matches more than one of the allowed forms"


def test_problems_come_in_path_order(post_validator: Validator) -> None:
    found = problems(post_validator, status="x", date="nope", author={})
    assert [problem.path for problem in found] == [("author",), ("date",), ("status",)]


def test_required_beats_conditional_branches() -> None:
    schema = {
        "type": "object",
        "required": ["kind"],
        "oneOf": [
            {"properties": {"kind": {"const": "a"}}, "required": ["a"]},
            {"properties": {"kind": {"const": "b"}}, "required": ["b"]},
        ],
    }
    validator = compile_schema(schema, "file:///s.json", "s")
    assert validate(validator, {}) == [SchemaProblem((), "block", 'missing required key "kind"')]


def test_helpers() -> None:
    assert label(()) == "the front matter"
    assert label(("author", "name")) == "author.name"
    assert label(("categories", 2, "x")) == "categories[2].x"
    assert show("x" * 100, limit=10) == '"xxxxxxxx…'
    assert show({"a": [1, None]}) == '{"a": [1, null]}'
    assert did_you_mean("colour", ["color", "title"]) == ' (did you mean "color"?)'
    assert did_you_mean("zzz", ["color", "title"]) == ""


# --- compiling schemas -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("schema", "fragment"),
    [
        ([1, 2], "is not a JSON Schema (it must be an object)"),
        ("string", "is not a JSON Schema (it must be an object)"),
        ({"type": "strin"}, "is not a valid JSON Schema"),
        ({"required": "title"}, "(at required)"),
        ({"$schema": "http://example.com/my-dialect#"}, "unknown $schema"),
        ({"properties": {"a": {"$ref": "#/definitions/missing"}}}, "does not resolve"),
    ],
)
def test_compile_schema_refuses_invalid_schemas(schema: Any, fragment: str) -> None:
    with pytest.raises(SchemaLoadError) as raised:
        compile_schema(schema, "file:///schemas/s.json", "s.json")
    assert fragment in str(raised.value)
    assert "s.json" in str(raised.value)


def test_boolean_schemas_are_accepted() -> None:
    assert validate(compile_schema(True, "file:///t.json", "t"), {"x": 1}) == []
    assert validate(compile_schema(False, "file:///f.json", "f"), {"x": 1}) == [
        SchemaProblem((), "block", "the front matter is not allowed by the schema")
    ]


def test_draft_2020_12_is_supported() -> None:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {"a": {"$ref": "#/$defs/text"}},
        "$defs": {"text": {"type": "string"}},
    }
    validator = compile_schema(schema, "file:///s.json", "s")
    assert validate(validator, {"a": 1}) == [
        SchemaProblem(("a",), "value", "a: 1 is an integer, expected a string")
    ]


def assert_refuses_remote(error: SchemaLoadError, url: str) -> None:
    message = str(error)
    assert url in message
    assert "never downloads" in message


@pytest.mark.parametrize(
    "schema",
    [
        {"properties": {"a": {"$ref": "https://example.com/remote.json"}}},
        {"$id": "https://example.com/base.json", "properties": {"a": {"$ref": "remote.json"}}},
    ],
)
def test_remote_ref_is_refused(schema: dict[str, Any]) -> None:
    with pytest.raises(SchemaLoadError) as raised:
        compile_schema(schema, "file:///schemas/s.json", "s")
    assert_refuses_remote(raised.value, "https://example.com/")


def write_json(path: Path, value: Any) -> Path:
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def test_local_ref_files_are_loaded(tmp_path: Path) -> None:
    write_json(tmp_path / "author.json", {"type": "object", "required": ["name"]})
    main = write_json(
        tmp_path / "main.json",
        {"type": "object", "properties": {"author": {"$ref": "author.json"}}},
    )
    validator = load_validator(str(main))
    assert validate(validator, {"author": {}}) == [
        SchemaProblem(("author",), "key", 'missing required key "name" in author')
    ]


def test_remote_ref_inside_a_referenced_local_file_is_refused(tmp_path: Path) -> None:
    write_json(
        tmp_path / "part.json",
        {"properties": {"z": {"$ref": "https://example.com/remote.json"}}},
    )
    main = write_json(tmp_path / "main.json", {"properties": {"x": {"$ref": "part.json"}}})
    with pytest.raises(SchemaLoadError) as raised:
        load_validator(str(main))
    assert_refuses_remote(raised.value, "https://example.com/remote.json")


def test_missing_local_ref_file(tmp_path: Path) -> None:
    main = write_json(tmp_path / "main.json", {"properties": {"x": {"$ref": "absent.json"}}})
    with pytest.raises(SchemaLoadError) as raised:
        load_validator(str(main))
    assert "absent.json" in str(raised.value)
    assert "does not exist" in str(raised.value)


def test_unreadable_schema_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"type": }', encoding="utf-8")
    with pytest.raises(SchemaLoadError) as raised:
        load_validator(str(broken))
    assert "is not valid JSON" in str(raised.value)
    assert "line 1" in str(raised.value)
    with pytest.raises(SchemaLoadError) as raised:
        load_validator(str(tmp_path / "nowhere.json"))
    assert "does not exist" in str(raised.value)
    with pytest.raises(SchemaLoadError) as raised:
        load_validator("builtin:no-such-schema")
    assert "no built-in schema 'no-such-schema'" in str(raised.value)


def test_yaml_schema_file(tmp_path: Path) -> None:
    path = tmp_path / "post.schema.yaml"
    path.write_text("type: object\nrequired: [title]\n", encoding="utf-8")
    assert validate(load_validator(str(path)), {}) == [
        SchemaProblem((), "block", 'missing required key "title"')
    ]


def run_with_timeout(seconds: float, action: Any) -> Any:
    """Run ``action`` in a thread; fail the test (instead of hanging) if it does not finish."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = action()
        except BaseException as error:  # noqa: BLE001 - re-raised in the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"did not finish within {seconds} seconds"
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def test_circular_local_refs_across_two_files_do_not_hang(tmp_path: Path) -> None:
    write_json(
        tmp_path / "a.json",
        {"type": "object", "properties": {"x": {"$ref": "b.json"}}},
    )
    write_json(
        tmp_path / "b.json",
        {
            "type": "object",
            "properties": {"y": {"$ref": "a.json"}},
            "additionalProperties": {"type": "integer"},
        },
    )

    def load_and_validate() -> list[SchemaProblem]:
        validator = load_validator(str(tmp_path / "a.json"))
        return validate(validator, {"x": {"y": {"x": {"q": "text"}}}})

    found = run_with_timeout(10, load_and_validate)
    assert found == [
        SchemaProblem(
            ("x", "y", "x", "q"), "value", 'x.y.x.q: "text" is a string, expected an integer'
        )
    ]


def test_self_referencing_schema_reports_a_loop_instead_of_crashing() -> None:
    validator = compile_schema({"$ref": "#"}, "file:///loop.json", "loop")
    found = run_with_timeout(10, lambda: validate(validator, {"a": 1}))
    assert len(found) == 1
    assert "$ref loop" in found[0].message
