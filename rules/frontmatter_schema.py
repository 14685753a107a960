"""Rule ``frontmatter-schema``: front matter checked against a JSON Schema."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from lint.diagnostics import Finding, Severity
from lint.document import Document
from lint.front_matter_fixes import repair_fix


class FrontmatterSchema:
    """Front matter that does not match the JSON Schema that applies to the file.

    The schema comes from the ``[[schemas]]`` entries of the config (the last entry whose
    ``files`` glob matches the file wins) or from ``--schema FILE`` for every file checked;
    where neither chooses one, a page of a detected site gets its generator's built-in schema
    (``builtin:quarto``, ``hugo``, ``jekyll``, ``docusaurus``, ``starlight``, ``mkdocs``), or
    in an Astro project the schema Astro generated for its content collection
    (``.astro/collections/NAME.schema.json``); ``detect = false`` turns that off.
    ``builtin:NAME`` names a schema shipped with contentlint. The JSON Schema draft is taken
    from ``$schema`` (draft-07 where it is absent); formats such as ``date``, ``date-time``,
    ``uri`` and ``email`` are checked. A ``$ref`` to a local file works, relative to the
    schema; a remote ``$ref`` is never fetched.

    Every problem is reported, each where it is: a wrong value at the value, an unknown key at
    the key, a missing required key at the opening ``---``, and a file with no front matter at
    all at line 1. YAML dates are compared as ISO strings (``2024-10-10``).
    """

    id: ClassVar[str] = "frontmatter-schema"
    summary: ClassVar[str] = "Front matter does not match the JSON Schema chosen for the file."
    groups: ClassVar[tuple[str, ...]] = ("frontmatter",)
    severity: ClassVar[Severity] = Severity.ERROR
    options_schema: ClassVar[Mapping[str, Any]] = {
        "type": "object",
        "properties": {
            "schema": {
                "type": ["string", "null"],
                "default": None,
                "description": "The schema for the file; set by [[schemas]] and --schema.",
            },
            "require-front-matter": {
                "type": "boolean",
                "default": True,
                "description": "Whether a file without front matter is a finding (not under "
                "the schema detection picks: generators do not require front matter).",
            },
        },
        "additionalProperties": False,
    }
    example: ClassVar[str] = '---\ntitle: My post\ndate: "10/10/2024"\n---\n'

    def check(self, doc: Document, options: Mapping[str, Any]) -> Iterator[Finding]:
        location = options.get("schema")
        if not location:
            return
        from lint.schema import SchemaLoadError, load_validator, validate  # jsonschema: only here

        try:
            validator = load_validator(location)
        except SchemaLoadError as error:
            yield Finding(0, 0, str(error))
            return
        front_matter = doc.front_matter
        if front_matter is None:
            if not options.get("require-front-matter", True):
                return
            first_line = doc.line_span(1)
            yield Finding(
                first_line.start,
                first_line.end,
                "the file has no front matter, but a schema applies to it "
                f"({_schema_name(location)})",
            )
            return
        if front_matter.data is None:
            return  # frontmatter-syntax reports why it did not parse
        for problem in validate(validator, front_matter.data):
            if problem.part == "block":
                span = front_matter.opening_span
            else:
                span = front_matter.locate(problem.path, problem.part)
            source = doc.text[span.start : span.end]
            quote = source[:1] if source[:1] in ("'", '"') and source.endswith(source[:1]) else ""
            suggestions = tuple(f"{quote}{text}{quote}" for text in problem.suggestions)
            fix = repair_fix(doc, problem.path, problem.repair) if problem.repair else None
            yield Finding(span.start, span.end, problem.message, suggestions=suggestions, fix=fix)


def _schema_name(location: str) -> str:
    return location.replace("\\", "/").rsplit("/", 1)[-1]
