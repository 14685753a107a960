"""Unusable JSON Schemas (not JSON, invalid, remote $ref): exit 2, one line, no network."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.cli.conftest import Outcome, RunCli, WriteFiles

POST = "---\ntitle: A post\n---\n\n# A post\n\nText.\n"
REMOTE_REF = '{"properties": {"author": {"$ref": "https://example.invalid/x.json"}}}'


def _schema_error(outcome: Outcome, *fragments: str) -> str:
    outcome.assert_no_traceback()
    assert outcome.code == 2, outcome.output
    assert outcome.stdout == "", "no file is checked with an unusable schema"
    return outcome.one_line_error(*fragments)


@pytest.mark.parametrize(
    ("schema", "fragments"),
    [
        ("this is not JSON\n", ("not valid JSON", "line 1, column 1")),
        ('{"type": "object",\n "properties": {}\n', ("not valid JSON", "line 3, column 1")),
        ("", ("not valid JSON",)),
        ('{"type": 12}', ("not a valid JSON Schema", "type")),
        ('{"properties": {"title": {"minLength": "three"}}}', ("not a valid JSON Schema",)),
        ('["a", "list"]', ("not a JSON Schema",)),
        ('{"$schema": "https://example.invalid/my-draft", "type": "object"}', ("$schema",)),
        ('{"properties": {"a": {"$ref": "#/definitions/missing"}}}', ("#/definitions/missing",)),
        ('{"properties": {"a": {"$ref": "other.json"}}}', ("other.json",)),
    ],
    ids=[
        "not-json",
        "truncated-json",
        "empty",
        "type-12",
        "bad-keyword-value",
        "not-an-object",
        "unknown-draft",
        "dangling-local-ref",
        "missing-ref-file",
    ],
)
def test_unusable_schema_given_with_option(
    invoke: RunCli, write: WriteFiles, schema: str, fragments: tuple[str, ...]
) -> None:
    write({"post.md": POST, "post.schema.json": schema})
    outcome = invoke("check", "--schema", "post.schema.json", "post.md")
    message = _schema_error(outcome, *fragments)
    assert "post.schema.json" in message


def test_missing_schema_file(invoke: RunCli, write: WriteFiles) -> None:
    write({"post.md": POST})
    outcome = invoke("check", "--schema", "nowhere.schema.json", "post.md")
    _schema_error(outcome, "nowhere.schema.json", "does not exist")


def test_unusable_schema_named_in_the_config(contentlint: RunCli, write: WriteFiles) -> None:
    write(
        {
            "contentlint.toml": '[[schemas]]\nfiles = "posts/**"\nschema = "schemas/post.json"\n',
            "schemas/post.json": '{"type": 12}',
            "posts/a.md": POST,
            "other.md": POST,
        }
    )
    outcome = contentlint("check")
    _schema_error(outcome, "post.json", "not a valid JSON Schema")


def test_a_remote_ref_is_refused_with_a_clear_message(
    contentlint: RunCli, write: WriteFiles, project: Path
) -> None:
    write({"post.md": POST, "post.schema.json": REMOTE_REF})
    outcome = contentlint("check", "--schema", "post.schema.json", "post.md", timeout=20)
    message = _schema_error(outcome, "https://example.invalid/x.json")
    # The user must learn that remote schemas are never downloaded, not merely that the
    # reference "does not resolve" (which reads as if the URL were wrong).
    said = message.replace(str(project), "<project>")
    assert any(word in said for word in ("remote", "download", "network")), message


NESTED_REMOTE_REF: dict[str, str | bytes] = {
    "post.md": "---\ntitle: A post\nauthor:\n  author: Ann\n---\n\nText.\n",
    "post.schema.json": '{"properties": {"author": {"$ref": "parts/author.json"}}}',
    "parts/author.json": REMOTE_REF,
}


@pytest.mark.parametrize("nested", [False, True], ids=["in-the-schema", "in-a-referenced-file"])
def test_a_remote_ref_never_touches_the_network(
    invoke: RunCli, write: WriteFiles, monkeypatch: pytest.MonkeyPatch, nested: bool
) -> None:
    attempts: list[str] = []

    def refuse(name: str) -> Any:
        def blocked(*args: object, **kwargs: object) -> Any:
            attempts.append(f"{name}{args[1:] if name == 'connect' else args}")
            raise OSError(f"network blocked by the test ({name})")

        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("connect_ex"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    write(NESTED_REMOTE_REF if nested else {"post.md": POST, "post.schema.json": REMOTE_REF})
    outcome = invoke("check", "--schema", "post.schema.json", "post.md")
    assert attempts == []
    assert outcome.code == 2, outcome.output
    assert "https://example.invalid/x.json" in outcome.output


def test_a_remote_ref_in_a_referenced_local_schema_is_refused(
    contentlint: RunCli, write: WriteFiles
) -> None:
    # post.schema.json is fine; the file it refers to has the remote $ref. The document has
    # the key that leads validation through it.
    write(NESTED_REMOTE_REF)
    outcome = contentlint("check", "--schema", "post.schema.json", "post.md")
    outcome.assert_no_traceback()
    assert outcome.code == 2, outcome.output
    assert "https://example.invalid/x.json" in outcome.output
    # A schema problem, said in words; not a crash of the rule with a library's class name.
    assert "crashed" not in outcome.output, outcome.output
    assert "Wrapped" not in outcome.output, outcome.output


def test_a_local_ref_works(invoke: RunCli, write: WriteFiles) -> None:
    write(
        {
            "post.md": "---\ntitle: A post\nauthor: 42\n---\n\nText.\n",
            "post.schema.json": '{"properties": {"author": {"$ref": "parts/author.json"}}}',
            "parts/author.json": '{"type": "string"}',
        }
    )
    outcome = invoke("check", "--format", "json", "--schema", "post.schema.json", "post.md")
    assert outcome.code == 1, outcome.output
    assert outcome.positions("frontmatter-schema") == [("post.md", 3, 9)]
