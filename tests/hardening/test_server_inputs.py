"""The language server under hostile input (raw JSON-RPC over stdio, no client library): every
request gets an answer, as JSON-RPC requires (bad params an InvalidParams error, a request after
shutdown an InvalidRequest error), and a document whose check raises gets a diagnostic that says
so, not an empty list that would read as "no problems"."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.cli.test_cli_plugins import NO_FOO, make_plugin

TIMEOUT = 20


class RawSession:
    def __init__(self, root: Path, env: dict[str, str] | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lint", "server"],
            cwd=root,
            env={**os.environ, **(env or {})},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.buffer = b""

    def send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.process.stdin.flush()

    def answer(self, msg_id: int) -> dict[str, Any]:
        """The response to request ``msg_id`` (notifications in between are skipped)."""
        assert self.process.stdout is not None
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            message = self._next_message(deadline)
            if message.get("id") == msg_id and "method" not in message:
                return message
        raise AssertionError(f"no answer to request {msg_id} within {TIMEOUT} s")

    def notification(self, method: str) -> dict[str, Any]:
        """The params of the next notification ``method`` (other messages are skipped)."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            message = self._next_message(deadline)
            if message.get("method") == method:
                return dict(message["params"])
        raise AssertionError(f"no {method} within {TIMEOUT} s")

    def _next_message(self, deadline: float) -> dict[str, Any]:
        assert self.process.stdout is not None
        descriptor = self.process.stdout.fileno()
        while True:
            if b"\r\n\r\n" in self.buffer:
                head, rest = self.buffer.split(b"\r\n\r\n", 1)
                length = int(head.split(b"\r\n")[0].split(b":")[1])
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    return dict(json.loads(rest[:length]))
            if time.monotonic() > deadline:
                raise AssertionError("the server stopped talking")
            ready, _, _ = select.select([descriptor], [], [], 0.2)
            if ready:
                chunk = os.read(descriptor, 65536)
                assert chunk, "the server closed its output"
                self.buffer += chunk

    def close(self) -> None:
        self.process.kill()
        self.process.wait(TIMEOUT)


def test_bad_params_and_requests_after_shutdown_are_answered(tmp_path: Path) -> None:
    session = RawSession(tmp_path)
    try:
        session.send({"id": 1, "method": "initialize", "params": {"capabilities": {}}})
        assert "result" in session.answer(1)
        session.send({"method": "initialized", "params": {}})
        session.send({"id": 2, "method": "textDocument/codeAction", "params": {"bogus": 1}})
        assert session.answer(2)["error"]["code"] == -32602  # InvalidParams
        session.send({"id": 3, "method": "shutdown"})
        assert session.answer(3)["result"] is None
        session.send({"id": 4, "method": "textDocument/hover", "params": {}})
        assert session.answer(4)["error"]["code"] == -32600  # InvalidRequest
        session.send({"method": "exit"})
        assert session.process.wait(TIMEOUT) == 0
    finally:
        session.close()


@pytest.mark.parametrize(
    "crash",
    ['raise ValueError("the plugin tripped")', 'yield Finding("0", 1, "a string offset")'],
    ids=["rule-raises", "finding-of-the-wrong-shape"],
)
def test_a_document_whose_check_raises_gets_a_diagnostic_saying_so(
    tmp_path: Path, crash: str
) -> None:
    plugins = tmp_path / "site-packages"
    plugins.mkdir()
    source = (
        NO_FOO.format(name="Crashy")
        .replace('"no-foo"', '"crashy"')
        .replace('start = doc.text.find("foo")', crash + "\n        start = -1")
    )
    make_plugin(plugins, "crashplugin", "crashplugin", source, "crashy = crashplugin:Crashy\n")
    project = tmp_path / "project"
    project.mkdir()
    session = RawSession(project, {"PYTHONPATH": str(plugins)})
    try:
        session.send({"id": 1, "method": "initialize", "params": {"capabilities": {}}})
        assert "result" in session.answer(1)
        session.send({"method": "initialized", "params": {}})
        uri = (project / "post.md").as_uri()
        text = "# Post\n\nText.\n\n## Empty\n"
        item = {"uri": uri, "languageId": "markdown", "version": 1, "text": text}
        session.send({"method": "textDocument/didOpen", "params": {"textDocument": item}})
        published = session.notification("textDocument/publishDiagnostics")
        codes = sorted(str(diagnostic["code"]) for diagnostic in published["diagnostics"])
        assert codes == ["empty-section", "internal-error"], published
        crash_message = next(
            d["message"] for d in published["diagnostics"] if d["code"] == "internal-error"
        )
        assert "crashy" in crash_message
        # The server is still there for the next request.
        session.send({"id": 2, "method": "shutdown"})
        assert session.answer(2)["result"] is None
    finally:
        session.close()
