"""A local HTTP server that answers /v2/check like LanguageTool, replaying recorded responses."""

from __future__ import annotations

import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPLAYS = Path(__file__).parent / "replays"


def original_text(fields: dict[str, str]) -> str:
    """The text LanguageTool checks: ``text``, or the annotated ``data`` joined."""
    if "data" in fields:
        items = json.loads(fields["data"])["annotation"]
        return "".join(item.get("text", item.get("markup", "")) for item in items)
    return fields.get("text", "")


class ReplayServer:
    """Serves ``POST /v2/check`` on a free local port; records every request's form fields."""

    def __init__(self, replay_file: str = "draft.json") -> None:
        recorded = json.loads((REPLAYS / replay_file).read_text("utf-8"))
        self.software: dict[str, Any] = recorded["software"]
        self.replays = {item["original"]: item["response"] for item in recorded["replays"]}
        self.requests: list[dict[str, str]] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(length).decode("utf-8")
                fields = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
                if self.path.rstrip("/") != "/v2/check":
                    self.send_error(404)
                    return
                server.requests.append(fields)
                response = server.replays.get(original_text(fields))
                if response is None:
                    response = {"software": server.software, "matches": []}
                payload = json.dumps(response).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._http.server_address[:2]
        return f"http://{host!s}:{port}"

    def __enter__(self) -> ReplayServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.shutdown()
        self._http.server_close()

    def checks(self) -> list[dict[str, str]]:
        """The requests that carried text to check (not the start-up probe)."""
        return [fields for fields in self.requests if "data" in fields]
