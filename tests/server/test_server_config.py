"""The language server finds each document's config as the command line does (from the
document's folder upward, ``[prose]`` included) and reloads it when a config, schema or
vocabulary file changes: saved, or reported by the client's file watcher."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from tests.server.lsp import TIMEOUT, Published, session

WATCHING = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
            dynamic_registration=True
        )
    )
)
# "zorbleflux" is no English word: a spelling finding unless the project accepts it.
POST = "---\ntitle: Launch\n---\n\n# Launch\n\nThe zorbleflux release is out today.\n"
BLOG_CONFIG = """\
[[schemas]]
files = "posts/**"
schema = "post.schema.json"

[prose]
accept = ["zorbleflux"]
"""


def _workspace(tmp_path: Path) -> tuple[Path, Path]:
    """A workspace whose root has no config; the blog below it has its own."""
    root = tmp_path / "workspace"
    blog = root / "blog"
    (blog / "posts").mkdir(parents=True)
    (blog / "contentlint.toml").write_text(BLOG_CONFIG, "utf-8")
    (blog / "post.schema.json").write_text('{"type": "object"}', "utf-8")
    post = blog / "posts" / "launch.md"
    post.write_text(POST, "utf-8")
    return root, post


async def _open(client: LanguageClient, post: Path) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=post.as_uri(), language_id="markdown", version=1, text=POST
            )
        )
    )


async def _next(published: Published, uri: str) -> list[types.Diagnostic]:
    while True:
        params = await asyncio.wait_for(published.get(), TIMEOUT)
        assert params.uri != "message:", "the server showed an error message"
        if params.uri == uri:
            return list(params.diagnostics)


def _report_change(client: LanguageClient, path: Path) -> None:
    """What a client's file watcher sends when ``path`` changes on disk."""
    change = types.FileEvent(uri=path.as_uri(), type=types.FileChangeType.Changed)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[change]))


def _codes(diagnostics: list[types.Diagnostic]) -> set[str]:
    return {str(diagnostic.code) for diagnostic in diagnostics}


def test_a_document_gets_the_config_and_prose_settings_of_its_own_project(
    tmp_path: Path,
) -> None:
    root, post = _workspace(tmp_path)
    (post.parent.parent / "post.schema.json").write_text(
        json.dumps({"type": "object", "required": ["date"]}), "utf-8"
    )

    async def body(
        client: LanguageClient, published: Published, _: list[types.Registration]
    ) -> None:
        await _open(client, post)
        diagnostics = await _next(published, post.as_uri())
        # The blog's schema applies (found from the document, not the workspace root) and
        # its [prose] accept list silences the product name.
        assert _codes(diagnostics) == {"frontmatter-schema"}, diagnostics

    asyncio.run(session(root, body))


REQUIRE_DATE = json.dumps({"type": "object", "required": ["date"]})
VOCABULARY_CONFIG = BLOG_CONFIG.replace('accept = ["zorbleflux"]', 'vocabulary = "words.txt"')


@pytest.mark.parametrize(
    ("watching", "config", "changed", "new_text", "expected"),
    [
        # The schema changes on disk (a git checkout, another editor): the client reports it.
        (True, BLOG_CONFIG, "post.schema.json", REQUIRE_DATE, {"frontmatter-schema"}),
        # The word list a config names loses the product name.
        (True, VOCABULARY_CONFIG, "words.txt", "Quarto\n", {"spelling"}),
        # A client that cannot watch files was asked nothing, but it may still report changes.
        (False, BLOG_CONFIG, "contentlint.toml", BLOG_CONFIG.split("[prose]")[0], {"spelling"}),
    ],
    ids=["schema", "vocabulary", "config-unasked"],
)
def test_a_changed_config_schema_or_vocabulary_file_reloads_the_checks(
    tmp_path: Path, watching: bool, config: str, changed: str, new_text: str, expected: set[str]
) -> None:
    root, post = _workspace(tmp_path)
    blog = post.parent.parent
    (blog / "contentlint.toml").write_text(config, "utf-8")
    (blog / "words.txt").write_text("zorbleflux\n", "utf-8")

    async def body(
        client: LanguageClient, published: Published, registrations: list[types.Registration]
    ) -> None:
        await _open(client, post)
        assert _codes(await _next(published, post.as_uri())) == set()
        methods = [item.method for item in registrations]
        assert methods == ([types.WORKSPACE_DID_CHANGE_WATCHED_FILES] if watching else [])
        (blog / changed).write_text(new_text, "utf-8")
        _report_change(client, blog / changed)
        assert _codes(await _next(published, post.as_uri())) == expected

    asyncio.run(session(root, body, WATCHING if watching else None))
