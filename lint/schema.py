"""JSON Schema: load schemas from local files only, validate, and describe errors as sentences."""

from __future__ import annotations

import ast
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import jsonschema
import referencing
import referencing.exceptions
import referencing.jsonschema
import yaml
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator

from lint.schema_patterns import TIMED_OUT
from lint.schema_repairs import Repair, repair
from lint.suggest import closest, did_you_mean

JsonPath = tuple[str | int, ...]
Part = Literal["key", "value", "block"]

BUILTIN_PREFIX = "builtin:"

_FORMAT_HINTS = {
    "date": "expected YYYY-MM-DD",
    "date-time": "expected YYYY-MM-DDThh:mm:ss with a time zone, e.g. 2024-10-10T09:30:00Z",
    "time": "expected hh:mm:ss with a time zone, e.g. 09:30:00Z",
    "uri": "expected an absolute URI such as https://example.com/page",
    "uri-reference": "expected a URI or a relative reference",
    "email": "expected an address such as name@example.com",
    "idn-email": "expected an address such as name@example.com",
    "hostname": "expected a host name such as example.com",
    "ipv4": "expected an address such as 192.0.2.1",
    "ipv6": "expected an address such as 2001:db8::1",
    "uuid": "expected a UUID such as 123e4567-e89b-12d3-a456-426614174000",
    "regex": "expected a regular expression",
    "duration": "expected an ISO 8601 duration such as P3D",
}
_TYPE_NAMES = {
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
    "null": "null",
}
_MAX_CHOICES = 8
_EMAIL = re.compile(r"[^@\s]+@[^@\s.]+(?:\.[^@\s.]+)+")
_ID_KEYWORDS = {
    "http://json-schema.org/draft-03/schema#": "id",
    "http://json-schema.org/draft-04/schema#": "id",
}


class SchemaLoadError(Exception):
    """A schema that cannot be used: unreadable, not JSON, invalid, or with a remote $ref."""


@dataclass(frozen=True, slots=True)
class SchemaProblem:
    """One validation problem: where (a JSON path and which part of it) and a sentence."""

    path: JsonPath
    part: Part
    message: str
    #: What the value or key probably should be (the closest allowed one), for a quick fix.
    suggestions: tuple[str, ...] = ()
    #: The value that should stand instead, when that is clear (a fix).
    repair: Repair | None = field(default=None, compare=False)


# --- loading ---------------------------------------------------------------------------------


def builtin_schema_path(name: str) -> Path:
    """The file of a schema shipped with contentlint (``builtin:NAME``)."""
    path = Path(str(resources.files("lint.schemas").joinpath(f"{name}.schema.json")))
    if not path.is_file():
        available = sorted(
            entry.name.removesuffix(".schema.json")
            for entry in resources.files("lint.schemas").iterdir()
            if entry.name.endswith(".schema.json") and entry.name != "config.schema.json"
        )
        raise SchemaLoadError(
            f"there is no built-in schema '{name}' (available: {', '.join(available)})"
        )
    return path


#: Every file each schema location was loaded from (itself and what its $ref reach).
_FILES_OF: dict[str, tuple[Path, ...]] = {}
_READING: list[Path] = []


def schema_files(location: str) -> tuple[Path, ...]:
    """The files ``load_validator(location)`` read, for fingerprints of cached results."""
    load_validator(location)
    return _FILES_OF.get(location, ())


#: A schema file larger than this is not read.
MAX_SCHEMA_BYTES = 10 * 1024 * 1024


def _yaml_schema(path: Path, text: str) -> Any:
    """A YAML schema's data; aliases may not expand it past ``max-yaml-values``."""
    from lint.front_matter import expanded_size, max_values

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        if root is not None and "&" in text and expanded_size(root) > max_values():
            raise SchemaLoadError(
                f"schema file {path} expands to more than {max_values():,} values through "
                "YAML aliases; it was not used"
            )
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise SchemaLoadError(f"schema file {path} is not valid YAML: {error}") from None


def _read_schema_file(path: Path) -> Any:
    _READING.append(path)
    from lint.reading import ReadRefused, read_document

    try:
        text = read_document(path, MAX_SCHEMA_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        raise SchemaLoadError(f"schema file {path} does not exist") from None
    except ReadRefused as refused:
        raise SchemaLoadError(f"schema file {path}: {refused}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise SchemaLoadError(f"schema file {path} cannot be read: {error}") from None
    if path.suffix.lower() in {".yaml", ".yml"}:
        return _yaml_schema(path, text)
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise SchemaLoadError(
            f"schema file {path} is not valid JSON: {error.msg} "
            f"(line {error.lineno}, column {error.colno})"
        ) from None


def _retrieve(uri: str) -> referencing.Resource[Any]:
    """Resolve ``$ref`` to local files only; contentlint never fetches a schema over a network."""
    if urlsplit(uri).scheme != "file":
        raise SchemaLoadError(
            f"$ref '{uri}' points to a remote schema; contentlint never downloads schemas: "
            "save it next to your schema and refer to the local file"
        )
    contents = _read_schema_file(Path(unquote(urlsplit(uri).path)))
    return referencing.Resource.from_contents(
        contents, default_specification=referencing.jsonschema.DRAFT7
    )


def _references(schema: Any, base: str, id_keyword: str) -> Iterator[tuple[str, str]]:
    """Every (base URI, $ref) in ``schema``, following nested ``$id`` changes of base."""
    stack: list[tuple[Any, str]] = [(schema, base)]
    while stack:
        node, node_base = stack.pop()
        if isinstance(node, Mapping):
            identifier = node.get(id_keyword)
            if isinstance(identifier, str):
                node_base = urljoin(node_base, identifier)
            reference = node.get("$ref")
            if isinstance(reference, str):
                yield node_base, reference
            stack.extend((value, node_base) for key, value in node.items() if key != "enum")
        elif isinstance(node, list):
            stack.extend((item, node_base) for item in node)


def _format_checker() -> jsonschema.FormatChecker:
    checker = jsonschema.FormatChecker()

    def is_email(instance: object) -> bool:
        return not isinstance(instance, str) or _EMAIL.fullmatch(instance) is not None

    checker.checks("email")(is_email)
    checker.checks("idn-email")(is_email)
    return checker


@lru_cache(maxsize=64)
def load_validator(location: str) -> Validator:
    """A ready validator for the schema at ``location`` (a file path or ``builtin:NAME``).

    Raises SchemaLoadError with a one-line reason for anything that makes the schema unusable.
    """
    if location.startswith(BUILTIN_PREFIX):
        path = builtin_schema_path(location[len(BUILTIN_PREFIX) :])
    else:
        path = Path(location).resolve()
    _READING.clear()
    try:
        schema = _read_schema_file(path)
        validator = compile_schema(schema, path.as_uri(), str(path))
    except RecursionError:
        raise SchemaLoadError(f"schema {path} nests too deeply to be used") from None
    _FILES_OF[location] = tuple(_READING)
    return validator


def compile_schema(schema: Any, base_uri: str, name: str) -> Validator:
    """A validator for an in-memory schema whose relative ``$ref`` resolve against ``base_uri``."""
    if not isinstance(schema, (Mapping, bool)):
        raise SchemaLoadError(f"schema {name} is not a JSON Schema (it must be an object)")
    validator_class: Any = jsonschema.Draft7Validator
    id_keyword = "$id"
    if isinstance(schema, Mapping) and "$schema" in schema:
        validator_class = jsonschema.validators.validator_for(schema, default=None)  # type: ignore[arg-type]
        if validator_class is None:
            raise SchemaLoadError(f"schema {name} names an unknown $schema: {schema['$schema']}")
        id_keyword = _ID_KEYWORDS.get(str(schema["$schema"]), "$id")
    try:
        validator_class.check_schema(schema)
    except jsonschema.SchemaError as error:
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        raise SchemaLoadError(
            f"schema {name} is not a valid JSON Schema: {error.message} (at {where})"
        ) from None
    if isinstance(schema, Mapping):
        if not isinstance(schema.get(id_keyword), str):
            schema = {**schema, id_keyword: base_uri}
        base_uri = str(schema[id_keyword])
    specification = referencing.jsonschema.specification_with(
        validator_class.META_SCHEMA.get("$schema", ""), default=referencing.jsonschema.DRAFT7
    )
    resource = specification.create_resource(schema)
    registry: referencing.Registry[Any] = referencing.Registry(retrieve=_retrieve)  # type: ignore[call-arg]
    registry = registry.with_resource(base_uri, resource)
    registry = _check_references(schema, base_uri, id_keyword, registry, name)
    # Up to draft-07 an "$id" beside "$ref" is ignored, so a root "$ref" would resolve against
    # nothing; the resolver starts from the schema's own location instead.
    resolver = registry.resolver(base_uri=base_uri).in_subresource(resource)
    bounded = _with_bounded_patterns(validator_class)
    return bounded(  # type: ignore[no-any-return]
        schema, registry=registry, format_checker=_format_checker(), _resolver=resolver
    )


@lru_cache(maxsize=8)
def _with_bounded_patterns(validator_class: Any) -> Any:
    """``validator_class`` whose regular expressions run with a time limit."""
    from lint.schema_patterns import KEYWORDS

    return jsonschema.validators.extend(validator_class, KEYWORDS)  # type: ignore[no-untyped-call]


def _check_references(
    schema: Any, base_uri: str, id_keyword: str, registry: referencing.Registry[Any], name: str
) -> referencing.Registry[Any]:
    """Load every local file that ``$ref`` reaches, transitively; refuse remote or broken ones.

    The returned registry holds all of them, so validation never needs to retrieve anything.
    """
    registry = registry.crawl()
    pending: list[tuple[Any, str]] = [(schema, base_uri)]
    while pending:
        node, node_base = pending.pop()
        for base, reference in _references(node, node_base, id_keyword):
            target = urljoin(base, reference)
            document = urldefrag(target).url
            if document and document not in registry:
                try:
                    resource = _retrieve(document)
                except SchemaLoadError as error:
                    raise SchemaLoadError(f"schema {name}: {error}") from None
                registry = registry.with_resource(document, resource).crawl()
                pending.append((resource.contents, document))
            try:
                registry.resolver(base_uri=base).lookup(reference)
            except referencing.exceptions.Unresolvable:
                raise SchemaLoadError(
                    f"schema {name}: $ref '{reference}' does not resolve ({target})"
                ) from None
    return registry


# --- describing errors -----------------------------------------------------------------------


def validate(validator: Validator, instance: Any) -> list[SchemaProblem]:
    """Every problem with ``instance``, each described once, in document order of paths."""
    try:
        errors = list(validator.iter_errors(instance))
    except RecursionError:
        return [SchemaProblem((), "block", "the schema refers to itself without end ($ref loop)")]
    required_at = {tuple(error.absolute_path) for error in errors if error.validator == "required"}
    problems: list[SchemaProblem] = []
    for error in errors:
        if error.validator in ("anyOf", "oneOf") and tuple(error.absolute_path) in required_at:
            # Conditional branches usually hinge on the missing key; the missing key says it all.
            continue
        problems.extend(describe(error))
    unique = list(dict.fromkeys(problems))
    return sorted(unique, key=lambda problem: [str(part) for part in problem.path])


def describe(error: ValidationError) -> list[SchemaProblem]:
    """Turn one jsonschema error into sentences about the user's key and value."""
    path: JsonPath = tuple(error.absolute_path)
    keyword = error.validator
    if keyword == "required":
        name = _quoted_name(error.message, " is a required property")
        where = f" in {label(path)}" if path else ""
        return [
            SchemaProblem(path, "key" if path else "block", f'missing required key "{name}"{where}')
        ]
    if keyword in ("additionalProperties", "unevaluatedProperties") and isinstance(
        error.instance, Mapping
    ):
        return _unknown_keys(error, path)
    if keyword in ("anyOf", "oneOf"):
        return _describe_alternatives(error, path)
    return [
        SchemaProblem(
            path,
            "value" if path else "block",
            _sentence(error, path),
            _suggestions(error),
            repair(str(keyword), error.validator_value, error.instance) if path else None,
        )
    ]


def _suggestions(error: ValidationError) -> tuple[str, ...]:
    """The allowed value closest to a misspelt one (``enum`` only)."""
    allowed: Any = error.validator_value
    if error.validator != "enum" or not isinstance(error.instance, str):
        return ()
    choices = [choice for choice in allowed if isinstance(choice, str)]
    match = closest(error.instance, choices)
    return (match,) if match else ()


def _quoted_name(message: str, suffix: str) -> str:
    literal = message.rsplit(suffix, 1)[0]
    try:
        return str(ast.literal_eval(literal))
    except (ValueError, SyntaxError):
        return literal.strip("'\"")


def _matches_any(patterns: Sequence[str], key: str) -> bool:
    from lint.schema_patterns import SchemaPatternTimeout, search

    try:
        return any(search(pattern, key) for pattern in patterns)
    except SchemaPatternTimeout:
        return True  # the validator said so already: not also an unknown key


def _unknown_keys(error: ValidationError, path: JsonPath) -> list[SchemaProblem]:
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    known = list(schema.get("properties", {}))
    patterns = list(schema.get("patternProperties", {}))
    instance: Any = error.instance
    if error.message.startswith(TIMED_OUT):
        return [SchemaProblem(path, "value" if path else "block", error.message)]
    unknown = [key for key in instance if key not in known and not _matches_any(patterns, key)]
    if not unknown:
        return [SchemaProblem(path, "value" if path else "block", _sentence(error, path))]
    problems = []
    for key in unknown:
        where = f" in {label(path)}" if path else ""
        match = closest(key, known)
        problems.append(
            SchemaProblem(
                (*path, key),
                "key",
                f'unknown key "{key}"{where}{did_you_mean(key, known)}',
                (match,) if match and match not in instance else (),
            )
        )
    return problems


def _describe_alternatives(error: ValidationError, path: JsonPath) -> list[SchemaProblem]:
    if not error.context:  # oneOf matched more than one branch
        return [
            SchemaProblem(
                path,
                "value" if path else "block",
                f"{_subject(path, error.instance)} matches more than one of the allowed forms",
            )
        ]
    branches: dict[int, list[ValidationError]] = defaultdict(list)
    for sub_error in error.context:
        branches[int(sub_error.relative_schema_path[0])].append(sub_error)
    candidates = [errors for errors in branches.values() if _fit(errors) < 2]
    if candidates:
        best = min(
            candidates,
            key=lambda errors: (
                _fit(errors),
                -max(len(error.relative_path) for error in errors),
                len(errors),
            ),
        )
        return [problem for sub_error in best for problem in describe(sub_error)]
    expected = _expected_types(branches.values())
    subject = _subject(path, error.instance)
    if expected:
        message = f"{subject} is {_type_of(error.instance)}, expected {expected}"
    else:
        message = f"{subject} matches none of the {len(branches)} forms the schema allows"
    return [SchemaProblem(path, "value" if path else "block", message)]


def _fit(errors: Sequence[ValidationError]) -> int:
    """How well a failing branch fits: 0 its shape fits, 1 right type but wrong value, 2 not meant.

    A branch that fails at its root on type or on a false schema was written for other values.
    """
    root_keywords = {error.validator for error in errors if not error.relative_path}
    if root_keywords & {"type", None}:
        return 2
    if root_keywords & {"enum", "const"}:
        return 1
    return 0


def _expected_types(branches: Iterable[list[ValidationError]]) -> str:
    names: list[str] = []
    for errors in branches:
        for error in errors:
            if error.validator != "type" or error.relative_path:
                return ""
            types: Any = error.validator_value
            for name in [types] if isinstance(types, str) else types:
                if _TYPE_NAMES.get(name, name) not in names:
                    names.append(_TYPE_NAMES.get(name, name))
    return " or ".join(names)


def _sentence(error: ValidationError, path: JsonPath) -> str:  # noqa: C901 - one case per keyword
    keyword: Any = error.validator
    expected: Any = error.validator_value
    value: Any = error.instance
    subject = _subject(path, value)
    if keyword == "type":
        types = [expected] if isinstance(expected, str) else list(expected)
        wanted = " or ".join(_TYPE_NAMES.get(name, name) for name in types)
        return f"{subject} is {_type_of(value)}, expected {wanted}"
    if keyword == "enum":
        choices = ", ".join(show(choice) for choice in expected[:_MAX_CHOICES])
        if len(expected) > _MAX_CHOICES:
            choices += f", … ({len(expected)} in all)"
        hint = (
            did_you_mean(value, [str(choice) for choice in expected])
            if isinstance(value, str)
            else ""
        )
        return f"{subject} is not one of the allowed values: {choices}{hint}"
    if keyword == "const":
        return f"{subject} must be {show(expected)}"
    if keyword == "format":
        hint = _FORMAT_HINTS.get(expected, f"expected the format {expected}")
        return f"{subject} is not a valid {expected} ({hint})"
    if keyword == "pattern":
        return _pattern_sentence(subject, error.schema, expected)
    if keyword in ("minLength", "maxLength"):
        bound = "at least" if keyword == "minLength" else "at most"
        return f"{subject} has {len(value)} characters, expected {bound} {expected}"
    if keyword in ("minItems", "maxItems"):
        bound = "at least" if keyword == "minItems" else "at most"
        return f"{subject} has {len(value)} items, expected {bound} {expected}"
    if keyword in ("minProperties", "maxProperties"):
        bound = "at least" if keyword == "minProperties" else "at most"
        return f"{subject} has {len(value)} keys, expected {bound} {expected}"
    if keyword in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        relation = {
            "minimum": "at least",
            "maximum": "at most",
            "exclusiveMinimum": "more than",
            "exclusiveMaximum": "less than",
        }[keyword]
        return f"{subject} must be {relation} {show(expected)}"
    if keyword == "multipleOf":
        return f"{subject} must be a multiple of {show(expected)}"
    if keyword == "uniqueItems":
        return f"{subject} lists {_first_repeat(value)} more than once"
    if keyword is None:
        return (
            f"{subject} is not allowed here"
            if path
            else "the front matter is not allowed by the schema"
        )
    if keyword == "not":
        return f"{subject} is not allowed"
    return f"{subject}: {error.message}"


def _pattern_sentence(subject: str, schema: Any, pattern: str) -> str:
    """What a value that does not match a pattern should be: the schema's ``description``
    and ``examples`` where it has them (``is not a date (e.g. 2024-10-10)``), else the
    pattern."""
    described = schema.get("description") if isinstance(schema, Mapping) else None
    if not isinstance(described, str) or not described:
        return f"{subject} does not match the pattern {pattern}"
    examples = schema.get("examples")
    shown = [str(item) for item in examples[:3]] if isinstance(examples, list) else []
    if not shown:
        return f"{subject} is not {described}"
    listed = shown[0] if len(shown) == 1 else f"{', '.join(shown[:-1])} or {shown[-1]}"
    return f"{subject} is not {described} (e.g. {listed})"


def _first_repeat(items: Sequence[Any]) -> str:
    seen: list[Any] = []
    for item in items:
        if item in seen:
            return show(item)
        seen.append(item)
    return "an item"


def label(path: JsonPath) -> str:
    """``author.name``, ``categories[2]``; the empty path is the front matter itself."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the front matter"


def _subject(path: JsonPath, value: Any) -> str:
    return f"{label(path)}: {show(value)}" if path else "the front matter"


def show(value: Any, limit: int = 60) -> str:
    """A value as the user would write it in JSON, shortened."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _type_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "a mapping"
