"""'Add to vocabulary' next to a spelling finding, through a real client: the word goes to
the project's vocabulary file, the config names the file, and the finding is gone."""

from __future__ import annotations

import ast
import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.server.lsp import TIMEOUT, Published, session

POST = "# Launch\n\nThe zorbleflux release is out, and zorbleflux is fast.\n"


def _command_of(action: types.Command | types.CodeAction) -> types.Command | None:
    """The command an action runs. (The test client, lsprotocol's converter, reads any code
    action that has a command as a bare Command, the action's command turned into its
    string; an editor tells them apart by the command's type, as the protocol says.)"""
    if isinstance(action, types.CodeAction):
        return action.command
    inner: object = action.command
    if isinstance(inner, str) and inner.startswith("{"):
        inner = ast.literal_eval(inner)
    if isinstance(inner, dict):
        return types.Command(inner["title"], inner["command"], arguments=inner.get("arguments"))
    return None


def test_add_to_vocabulary_writes_the_word_and_the_finding_goes(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text("[rules]\n", "utf-8")
    post = tmp_path / "launch.md"
    post.write_text(POST, "utf-8")
    uri = post.as_uri()

    async def next_for(published: Published) -> list[types.Diagnostic]:
        while True:
            params = await asyncio.wait_for(published.get(), TIMEOUT)
            if params.uri == uri:
                return list(params.diagnostics)

    async def body(client: LanguageClient, published: Published, _: object) -> None:
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=POST)
            )
        )
        spelling = [d for d in await next_for(published) if d.code == "spelling"]
        assert len(spelling) == 2
        actions = await asyncio.wait_for(
            client.text_document_code_action_async(
                types.CodeActionParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    range=spelling[0].range,
                    context=types.CodeActionContext(diagnostics=spelling),
                )
            ),
            TIMEOUT,
        )
        commands = [_command_of(action) for action in actions or []]
        assert [command.title for command in commands if command] == [
            'Add "zorbleflux" to vocabulary'
        ]
        command = commands[0]
        assert command is not None
        await asyncio.wait_for(
            client.workspace_execute_command_async(
                types.ExecuteCommandParams(command=command.command, arguments=command.arguments)
            ),
            TIMEOUT,
        )
        assert [d for d in await next_for(published) if d.code == "spelling"] == []

    asyncio.run(session(tmp_path, body))
    assert (tmp_path / "vocabulary.txt").read_text("utf-8") == "zorbleflux\n"
    assert 'vocabulary = "vocabulary.txt"' in (tmp_path / "contentlint.toml").read_text("utf-8")
