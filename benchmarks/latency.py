"""Editor latency: a one-file check as a process, and the language server from a change to
its diagnostics.

Usage: python benchmarks/latency.py [POST]   (default: a generated post of about 60 lines)

Prints medians: ``contentlint check POST`` as a new process without prose and with prose on a
warm cache, and ``contentlint server``'s time from a didChange notification to the
publishDiagnostics that answers it (debounce included); then the same for a page of a site of
500 pages whose link, to another page's heading, is broken and mended by turns (the answer
must say so each time: its link findings are up to date).
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
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


#: An edit of the text for a version, and what the answer to it must say (None: anything).
Edit = Callable[[str, int], tuple[str, Callable[[set[str]], bool] | None]]


def _prose_edit(text: str, version: int) -> tuple[str, None]:
    return (text.replace("six.", f"six ({version}).") if version % 2 else text + "\n"), None


def _link_edit(text: str, version: int) -> tuple[str, Callable[[set[str]], bool]]:
    broken = version % 2 == 1
    fragment = "#the-heading-x" if broken else "#the-heading"
    edited = text.replace("#the-heading-x", "#the-heading").replace("#the-heading", fragment)
    return edited, (lambda codes: ("missing-anchor" in codes) == broken)


async def server_latency(folder: Path, post: Path, runs: int, edit: Edit) -> list[float]:
    client = LanguageClient("benchmark", "1")
    arrived: asyncio.Queue[tuple[int | None, float, set[str]]] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)  # type: ignore[untyped-decorator]
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        codes = {str(diagnostic.code) for diagnostic in params.diagnostics}
        arrived.put_nowait((params.version, time.perf_counter(), codes))

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
        text, expect = edit(text, version)
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                [types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        while True:
            got, at, codes = await asyncio.wait_for(arrived.get(), 60)
            if got == version:
                if expect is not None and not expect(codes):
                    raise SystemExit(f"version {version}: the answer missed the change: {codes}")
                latencies.append(at - sent)
                break
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()  # type: ignore[no-untyped-call]
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
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
        latencies = asyncio.run(server_latency(folder, post, RUNS, _prose_edit))
        print(
            f"contentlint server, change to diagnostics:    "
            f"{statistics.median(latencies) * 1000:6.0f} ms (median of {RUNS}, with prose)"
        )
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        page = _site(folder, 500)
        latencies = asyncio.run(server_latency(folder, page, RUNS, _link_edit))
        print(
            f"contentlint server, link findings of a page of a 500-page site: "
            f"{statistics.median(latencies) * 1000:6.0f} ms (median of {RUNS}, with prose)"
        )


def _site(folder: Path, pages: int) -> Path:
    """A site of ``pages`` pages, each linking to ten others' headings; the first one's
    link to page 1's heading is the one the edits break and mend."""
    (folder / "contentlint.toml").write_text("[prose]\naccept = []\n", "utf-8")
    docs = folder / "docs"
    docs.mkdir()
    for number in range(pages):
        links = ", ".join(
            f"[page {other}](page-{other:04}.md#the-heading)"
            for other in range(number + 1, number + 11)
            if other < pages
        )
        body = f"# Page {number}\n\n## The heading\n\nSee {links or 'nothing'}.\n"
        (docs / f"page-{number:04}.md").write_text(body, "utf-8")
    return docs / "page-0000.md"


if __name__ == "__main__":
    main()
