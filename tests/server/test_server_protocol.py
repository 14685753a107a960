"""Every request gets an answer, as JSON-RPC requires: bad params an InvalidParams error, a
request after shutdown an InvalidRequest error (raw JSON-RPC over stdio, no client library)."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

TIMEOUT = 20


class RawSession:
    def __init__(self, root: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "lint", "server"],
            cwd=root,
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
