"""Editor latency: a one-file check as a process, and the language server from a change to
its diagnostics.

Usage: python benchmarks/latency.py [POST]   (default: a generated post of about 60 lines)

Prints medians: ``contentlint check POST`` as a new process without prose and with prose on a
warm cache, and ``contentlint server``'s time from a didChange notification to the
publishDiagnostics that answers it (debounce included).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

from _measure import child_environment, median_seconds
from lsprotocol import types
from pygls.lsp.client import LanguageClient

RUNS = 15
POST = """---
title: Caching notes
date: 2025-04-01
---

# Caching notes

A cache keeps a copy of data close to where it is needed, so that the next request does not
have to travel far. This post collects what we learnt while adding one to the reports page.

## Where the time went

Most of the time went into the database, and most of that into one query that ran for every
row of the report. We measured it with the profiler before changing anything.

## What we cached

- the list of regions, which changes once a year
- the exchange rates, refreshed every hour
- the rendered chart images, keyed by their parameters

## What we did not cache

Anything a user can change in the same session, because stale values there would be wrong in
a way users notice at once.

## Results

The page now loads in under a second, down from six.
"""


async def server_latency(folder: Path, post: Path, runs: int) -> list[float]:
    client = LanguageClient("benchmark", "1")
    arrived: asyncio.Queue[tuple[int | None, float]] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        arrived.put_nowait((params.version, time.perf_counter()))

    await client.start_io(
        sys.executable, "-m", "lint", "server", cwd=str(folder), env=child_environment()
    )
    await client.initialize_async(
        types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=folder.as_uri())
    )
    client.initialized(types.InitializedParams())
    uri = post.as_uri()
    text = post.read_text("utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    await asyncio.wait_for(arrived.get(), 60)
    latencies = []
    for version in range(2, runs + 2):
        text = text.replace("six.", f"six ({version}).") if version % 2 else text + "\n"
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        while True:
            got, at = await asyncio.wait_for(arrived.get(), 60)
            if got == version:
                latencies.append(at - sent)
                break
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()  # type: ignore[no-untyped-call]
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("post", nargs="?", type=Path)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        post = folder / "post.md"
        post.write_text(options.post.read_text("utf-8") if options.post else POST, "utf-8")
        (folder / "contentlint.toml").write_text("[prose]\naccept = []\n", "utf-8")
        contentlint = [sys.executable, "-m", "lint", "check"]
        no_prose = median_seconds([*contentlint, "--no-prose", "post.md"], RUNS, cwd=folder)
        warm_prose = median_seconds([*contentlint, "post.md"], RUNS, cwd=folder)
        print(f"contentlint check post.md, no prose:          {no_prose * 1000:6.0f} ms")
        print(f"contentlint check post.md, prose, warm cache: {warm_prose * 1000:6.0f} ms")
        latencies = asyncio.run(server_latency(folder, post, RUNS))
        print(
            f"contentlint server, change to diagnostics:    "
            f"{statistics.median(latencies) * 1000:6.0f} ms (median of {RUNS}, with prose)"
        )


if __name__ == "__main__":
    main()
