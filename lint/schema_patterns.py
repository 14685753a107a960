"""A schema's regular expressions (``pattern``, ``patternProperties`` and the property names
``additionalProperties`` weighs against them) run with a time limit: a schema is the user's
text, and ``^(a+)+$`` must not hang a run. The ``regex`` module stops a search at a timeout."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

from jsonschema.exceptions import ValidationError

from lint.limits import current


class SchemaPatternTimeout(Exception):
    def __init__(self, pattern: str) -> None:
        super().__init__(pattern)
        self.pattern = pattern


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> Any:
    import regex  # only for schemas that use patterns

    return regex.compile(pattern)


def search(pattern: str, text: str) -> bool:
    """Whether ``pattern`` matches somewhere in ``text``, within ``pattern-seconds``."""
    try:
        return _compiled(pattern).search(text, timeout=current().pattern_seconds) is not None
    except TimeoutError:
        raise SchemaPatternTimeout(pattern) from None


#: How the message of a pattern that ran out of time begins.
TIMED_OUT = "the schema's pattern"


def _timed_out(pattern: str) -> ValidationError:
    seconds = current().pattern_seconds
    return ValidationError(
        f"{TIMED_OUT} {pattern!r} took more than {seconds:g} s on this value, so it "
        "was not checked (a pattern that backtracks: rewrite it, or raise pattern-seconds)"
    )


def pattern(validator: Any, expected: str, instance: Any, schema: Any) -> Iterator[Any]:
    if not validator.is_type(instance, "string"):
        return
    try:
        if not search(expected, instance):
            yield ValidationError(f"{instance!r} does not match {expected!r}")
    except SchemaPatternTimeout as timeout:
        yield _timed_out(timeout.pattern)


def pattern_properties(
    validator: Any, patterns: Mapping[str, Any], instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    for expected, subschema in patterns.items():
        for key, value in instance.items():
            try:
                matched = search(expected, key)
            except SchemaPatternTimeout as timeout:
                yield _timed_out(timeout.pattern)
                return
            if matched:
                yield from validator.descend(value, subschema, path=key, schema_path=expected)


def additional_properties(
    validator: Any, allowed: Any, instance: Any, schema: Any
) -> Iterator[Any]:
    if not validator.is_type(instance, "object"):
        return
    properties = schema.get("properties", {})
    patterns = list(schema.get("patternProperties", {}))
    extras = []
    for key in instance:
        if key in properties:
            continue
        try:
            if any(search(expected, key) for expected in patterns):
                continue
        except SchemaPatternTimeout:
            return  # patternProperties, beside it in the same schema, reports the timeout
        extras.append(key)
    if validator.is_type(allowed, "object"):
        for extra in extras:
            yield from validator.descend(instance[extra], allowed, path=extra)
    elif not allowed and extras:
        shown = ", ".join(repr(extra) for extra in sorted(extras, key=str))
        verb = "was" if len(extras) == 1 else "were"
        yield ValidationError(f"Additional properties are not allowed ({shown} {verb} unexpected)")


#: The keywords the bounded versions replace, for jsonschema.validators.extend.
KEYWORDS = {
    "pattern": pattern,
    "patternProperties": pattern_properties,
    "additionalProperties": additional_properties,
}
