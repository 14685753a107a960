"""``contentlint server`` driven over stdio by a real language-server client (pygls)."""

from __future__ import annotations

import asyncio
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

SCHEMA = {
    "type": "object",
    "properties": {
        "title": {"type": "string"},
        "kind": {"enum": ["guide", "reference", "tutorial"]},
    },
    "required": ["title"],
}
DRAFT = (
    "---\n"
    "title: Caching, explained\n"
    'kind: "guid"\n'
    "---\n"
    "\n"
    "# Caching, explained 🚀\n"
    "\n"
    "## Why\n"
    "\n"
    "## How\n"
    "\n"
    "Every page is cached for an hour.\n"
)
FIXED = DRAFT.replace("## Why\n\n", "## Why\n\nSo that pages load fast.\n\n").replace(
    '"guid"', '"guide"'
)
TIMEOUT = 30


def _apply(text: str, edit: types.TextEdit) -> str:
    """Apply one edit whose positions are in UTF-16 code units (the LSP default)."""
    lines = text.splitlines(keepends=True)

    def offset(position: types.Position) -> int:
        line = lines[position.line]
        units = 0
        for index, character in enumerate(line):
            if units >= position.character:
                return sum(map(len, lines[: position.line])) + index
            units += 2 if ord(character) > 0xFFFF else 1
        return sum(map(len, lines[: position.line])) + len(line)

    return text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]


async def _session(project: Path, body: Callable[..., Awaitable[None]]) -> None:
    client = LanguageClient("test-client", "1")
    published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    @client.feature(types.WINDOW_SHOW_MESSAGE)  # type: ignore[untyped-decorator]
    def on_message(params: types.ShowMessageParams) -> None:
        published.put_nowait(types.PublishDiagnosticsParams(uri="message:", diagnostics=[]))

    await client.start_io(sys.executable, "-m", "lint", "server", cwd=str(project))
    try:
        await asyncio.wait_for(
            client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(),
                    root_uri=project.as_uri(),
                    workspace_folders=[types.WorkspaceFolder(uri=project.as_uri(), name="project")],
                )
            ),
            TIMEOUT,
        )
        client.initialized(types.InitializedParams())
        await body(client, published)
        await asyncio.wait_for(client.shutdown_async(None), TIMEOUT)
        client.exit(None)
    except BaseException:
        # A failed check must fail the test, not wait for a server nobody told to exit.
        server = getattr(client, "_server", None)
        if server is not None and server.returncode is None:
            server.kill()
        raise
    finally:
        await asyncio.wait_for(client.stop(), TIMEOUT)  # type: ignore[no-untyped-call]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "post.schema.json").write_text(json.dumps(SCHEMA), "utf-8")
    (tmp_path / "contentlint.toml").write_text(
        '[[schemas]]\nfiles = "posts/**"\nschema = "schemas/post.schema.json"\n', "utf-8"
    )
    (tmp_path / "posts").mkdir()
    return tmp_path


def test_diagnostics_follow_the_text_and_the_rules_quick_fix_applies(project: Path) -> None:
    uri = (project / "posts" / "caching.md").as_uri()

    async def body(
        client: LanguageClient, published: asyncio.Queue[types.PublishDiagnosticsParams]
    ) -> None:
        async def next_for(version: int) -> list[types.Diagnostic]:
            while True:
                params = await asyncio.wait_for(published.get(), TIMEOUT)
                assert params.uri == uri, params
                if params.version == version:
                    return list(params.diagnostics)

        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=DRAFT)
            )
        )
        opened = await next_for(1)
        by_rule = {diagnostic.code: diagnostic for diagnostic in opened}
        assert set(by_rule) == {"frontmatter-schema", "empty-section"}
        schema_problem = by_rule["frontmatter-schema"]
        assert schema_problem.range == types.Range(
            types.Position(line=2, character=6), types.Position(line=2, character=12)
        )
        assert schema_problem.severity == types.DiagnosticSeverity.Error
        assert by_rule["empty-section"].range.start == types.Position(line=7, character=0)

        actions = await asyncio.wait_for(
            client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=schema_problem.range,
                    context=types.CodeActionContext(diagnostics=[schema_problem]),
                )
            ),
            TIMEOUT,
        )
        assert actions is not None
        titles = [action.title for action in actions if isinstance(action, types.CodeAction)]
        assert 'Replace with "guide"' in titles  # the suggestion, offered too
        fixes = [
            action
            for action in actions
            if isinstance(action, types.CodeAction) and action.title.startswith("Fix: ")
        ]
        assert len(fixes) == 1 and fixes[0].is_preferred  # the rule's safe fix comes first
        assert fixes[0].edit is not None and fixes[0].edit.changes is not None
        (edit,) = fixes[0].edit.changes[uri]
        applied = _apply(DRAFT, edit)
        assert 'kind: "guide"\n' in applied

        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=applied)],
            )
        )
        after_fix = await next_for(2)
        assert [diagnostic.code for diagnostic in after_fix] == ["empty-section"]

        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=3),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=FIXED)],
            )
        )
        assert await next_for(3) == []

    asyncio.run(_session(project, body))


def test_positions_are_in_utf16_units_after_an_emoji(project: Path) -> None:
    uri = (project / "posts" / "emoji.md").as_uri()
    text = "---\ntitle: Emoji\n---\n\n# 🚀🚀 Launch TODO\n\nDone.\n"

    async def body(
        client: LanguageClient, published: asyncio.Queue[types.PublishDiagnosticsParams]
    ) -> None:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
            )
        )
        params = await asyncio.wait_for(published.get(), TIMEOUT)
        (diagnostic,) = params.diagnostics
        assert diagnostic.code == "placeholder-text"
        # "# " is 2 units, each rocket 2 units in UTF-16, then " Launch " is 8: TODO at 14.
        assert diagnostic.range.start == types.Position(line=4, character=14)
        assert diagnostic.range.end == types.Position(line=4, character=18)

    asyncio.run(_session(project, body))


def test_a_bad_config_is_one_message_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text('exlude = ["x"]\n', "utf-8")
    uri = (tmp_path / "a.md").as_uri()

    async def body(
        client: LanguageClient, published: asyncio.Queue[types.PublishDiagnosticsParams]
    ) -> None:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text="# A\n")
            )
        )
        first = await asyncio.wait_for(published.get(), TIMEOUT)
        second = await asyncio.wait_for(published.get(), TIMEOUT)
        assert {first.uri, second.uri} == {"message:", uri}
        assert [*first.diagnostics, *second.diagnostics] == []

    asyncio.run(_session(tmp_path, body))
