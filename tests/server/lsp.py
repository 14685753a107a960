"""A real language-server session for the tests: ``contentlint server`` started over stdio and
driven by pygls' client, killed if a test fails so that no test waits for it."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

TIMEOUT = 30
#: What the server publishes, in order; a window message arrives as diagnostics for "message:".
Published = asyncio.Queue[types.PublishDiagnosticsParams]
Body = Callable[[LanguageClient, Published, list[types.Registration]], Awaitable[None]]


async def session(
    root: Path, body: Body, capabilities: types.ClientCapabilities | None = None
) -> None:
    """Initialise a server in ``root`` (the workspace), run ``body``, shut it down."""
    client = LanguageClient("test-client", "1")
    published: Published = asyncio.Queue()
    registrations: list[types.Registration] = []

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    @client.feature(types.WINDOW_SHOW_MESSAGE)  # type: ignore[untyped-decorator]
    def on_message(params: types.ShowMessageParams) -> None:
        published.put_nowait(types.PublishDiagnosticsParams(uri="message:", diagnostics=[]))

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)  # type: ignore[untyped-decorator]
    def on_register(params: types.RegistrationParams) -> None:
        registrations.extend(params.registrations)

    await client.start_io(sys.executable, "-m", "lint", "server", cwd=str(root))
    try:
        await asyncio.wait_for(
            client.initialize_async(
                types.InitializeParams(
                    capabilities=capabilities or types.ClientCapabilities(),
                    root_uri=root.as_uri(),
                    workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="project")],
                )
            ),
            TIMEOUT,
        )
        client.initialized(types.InitializedParams())
        await body(client, published, registrations)
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


async def diagnostics_for(
    published: Published, uri: str, version: int, only_this_page: bool = False
) -> list[types.Diagnostic]:
    """The diagnostics the server publishes for ``uri`` at ``version`` (with ``only_this_page``,
    anything published for another page first fails the test)."""
    while True:
        params = await asyncio.wait_for(published.get(), TIMEOUT)
        if only_this_page:
            assert params.uri == uri, params
        if params.uri == uri and params.version == version:
            return list(params.diagnostics)
