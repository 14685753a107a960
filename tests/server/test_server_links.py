"""The language server keeps the site index: a document's link findings follow its own edits,
the edits of the other open documents it links to, and changes to files on disk."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.server.lsp import TIMEOUT, Published, session

LINKING = "# A\n\nSee [the second part](b.md#second) and [c](c.md).\n"
TARGET = "# B\n\n## Second\n\nText.\n"
NO_PROSE = '[rules]\nspelling = "off"\ngrammar = "off"\nstyle = "off"\n'


def _open(client: LanguageClient, path: Path, text: str) -> None:
    item = types.TextDocumentItem(uri=path.as_uri(), language_id="markdown", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))


def _change(client: LanguageClient, path: Path, text: str, version: int) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=path.as_uri(), version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def _links_of(published: Published, path: Path) -> list[tuple[str, int, int]]:
    """The next diagnostics published for ``path``: (rule, 0-based line, character)."""
    while True:
        params = await asyncio.wait_for(published.get(), TIMEOUT)
        assert params.uri != "message:", "the server showed an error message"
        if params.uri == path.as_uri():
            return sorted(
                (str(d.code), d.range.start.line, d.range.start.character)
                for d in params.diagnostics
            )


def test_link_findings_follow_the_documents_and_the_disk(tmp_path: Path) -> None:
    (tmp_path / "contentlint.toml").write_text(NO_PROSE, "utf-8")
    a, b, c = tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"
    a.write_text(LINKING, "utf-8")
    b.write_text(TARGET, "utf-8")

    async def body(
        client: LanguageClient, published: Published, _: list[types.Registration]
    ) -> None:
        _open(client, a, LINKING)
        # c.md is not there yet; b.md is read from disk.
        assert await _links_of(published, a) == [("broken-link", 2, 43)]
        _open(client, b, TARGET)
        assert await _links_of(published, b) == []
        # The heading is renamed in the editor, not saved: a.md's link no longer lands.
        _change(client, b, TARGET.replace("## Second", "## The second part"), 2)
        assert await _links_of(published, b) == []
        assert await _links_of(published, a) == [("broken-link", 2, 43), ("missing-anchor", 2, 22)]
        # c.md appears on disk: the client's watcher says so.
        c.write_text("# C\n", "utf-8")
        event = types.FileEvent(uri=c.as_uri(), type=types.FileChangeType.Created)
        client.workspace_did_change_watched_files(
            types.DidChangeWatchedFilesParams(changes=[event])
        )
        assert await _links_of(published, a) == [("missing-anchor", 2, 22)]
        # b.md is closed unsaved: a.md's link is checked against the file on disk again.
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(b.as_uri()))
        )
        assert await _links_of(published, b) == []
        assert await _links_of(published, a) == []

    asyncio.run(session(tmp_path, body))
