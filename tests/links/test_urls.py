"""External URLs, checked only when asked, against a local HTTP server (never the network): a
broken URL is found at its columns, a good, moved or login-walled one is silent; each URL is
asked once, at most ``url-per-host`` at once per host, with retries and a growing wait after a
5xx, a timeout or a 429 (the server's ``Retry-After`` honoured); definite answers are kept in
the cache for ``url-max-age`` hours."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from lint.site.urls import UrlChecker, UrlSettings, checkable, skipped

if TYPE_CHECKING:
    from tests.cli.conftest import Outcome, RunCli, WriteFiles


class Server:
    """A local web server whose paths answer as real sites do; it counts every request and
    the most requests it held at once."""

    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.in_flight = 0
        self.most_at_once = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server.answer(self)

            def log_message(self, format: str, *args: object) -> None:
                return

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads = True
        self.port = self.http.server_address[1]
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path.split("?", 1)[0]
        with self._lock:
            self.hits[path] += 1
            hits = self.hits[path]
        if path.startswith("/busy/"):
            self._busy()
        status, headers = self._status(path, hits)
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    def _busy(self) -> None:
        """A slow answer, counted as held while it is slow (before its reply is sent, so
        the client cannot start its next request before this one is counted out)."""
        with self._lock:
            self.in_flight += 1
            self.most_at_once = max(self.most_at_once, self.in_flight)
        time.sleep(0.2)
        with self._lock:
            self.in_flight -= 1

    @staticmethod
    def _status(path: str, hits: int) -> tuple[int, dict[str, str]]:
        if path.startswith("/busy/"):
            return 200, {}
        if path == "/slow":
            time.sleep(1.5)
            return 200, {}
        answers: dict[str, tuple[int, dict[str, str]]] = {
            "/ok": (200, {}),
            "/gone": (404, {}),
            "/removed": (410, {}),
            "/moved": (301, {"Location": "/ok"}),
            "/moved-away": (302, {"Location": "/gone"}),
            "/login": (401, {}),
            "/down": (503, {}),
            "/flaky": (503, {}) if hits == 1 else (200, {}),
            "/limited": (429, {"Retry-After": "0"}) if hits == 1 else (200, {}),
            "/wait": (429, {"Retry-After": "3"}) if hits == 1 else (200, {}),
        }
        return answers.get(path, (404, {}))

    def close(self) -> None:
        self.http.shutdown()
        self.http.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    running = Server()
    yield running
    running.close()


def _settings(**changes: object) -> UrlSettings:
    base = {"enabled": True, "timeout": 0.5, "retries": 1, "backoff": 0.01, "skip_hosts": ()}
    return UrlSettings(**{**base, **changes})  # type: ignore[arg-type]


# --- the checker -----------------------------------------------------------------------------


def test_what_each_answer_means(server: Server) -> None:
    paths = ["/ok", "/gone", "/removed", "/moved", "/moved-away", "/login", "/down", "/slow"]
    results = UrlChecker(_settings()).check(server.url(path) for path in paths)
    broken = {url.rsplit("/", 1)[1]: result.message for url, result in results.items()}
    assert {name for name, message in broken.items() if message} == {
        "gone", "removed", "moved-away", "down", "slow",
    }  # fmt: skip
    assert broken["gone"] == "answered 404 Not Found"
    assert broken["removed"] == "answered 410 Gone"
    assert broken["down"] == "answered 503 Service Unavailable"
    assert broken["slow"] == "did not answer within 0.5 s"
    assert not any(results[server.url(path)].broken for path in ("/ok", "/moved", "/login"))


def test_retries_wait_longer_each_time_and_honour_retry_after(server: Server) -> None:
    waits: list[float] = []
    checker = UrlChecker(_settings(retries=2, backoff=0.5), sleep=waits.append)
    results = checker.check([server.url("/down")])
    assert results[server.url("/down")].broken and server.hits["/down"] == 3
    assert waits == [0.5, 1.0]

    waits.clear()
    results = checker.check([server.url("/flaky"), server.url("/wait"), server.url("/limited")])
    assert not any(result.broken for result in results.values())
    assert server.hits["/flaky"] == server.hits["/wait"] == server.hits["/limited"] == 2
    assert sorted(waits) == [0.0, 0.5, 3.0]  # Retry-After: 0 and 3, the backoff for the 503


def test_no_more_than_the_limit_at_once_per_host(server: Server) -> None:
    urls = [server.url(f"/busy/{n}") for n in range(8)]
    UrlChecker(_settings(per_host=2, workers=8)).check(urls)
    assert server.most_at_once == 2

    server.most_at_once = 0
    other_host = [server.url(f"/busy/{n}", host="localhost") for n in range(8, 16)]
    UrlChecker(_settings(per_host=2, workers=8)).check(urls + other_host)
    assert server.most_at_once == 4  # two hosts, two each


def test_each_url_is_asked_once_its_fragment_dropped(server: Server) -> None:
    targets = [server.url("/ok#intro"), server.url("/ok#usage"), server.url("/ok")]
    urls = [url for target in targets if (url := checkable(target))]
    UrlChecker(_settings()).check(urls)
    assert server.hits["/ok"] == 1


def test_which_targets_are_urls_and_which_hosts_are_skipped() -> None:
    assert checkable("https://a.org/x y#f") == "https://a.org/x%20y"
    assert checkable("//cdn.a.org/lib.js") == "https://cdn.a.org/lib.js"
    assert checkable("https://bücher.de/ä?q=ü") == "https://xn--bcher-kva.de/%C3%A4?q=%C3%BC"
    for not_a_url in ("mailto:me@a.org", "docs/page.md", "http://[bad", "http://a.org:99999/"):
        assert checkable(not_a_url) is None, not_a_url
    assert checkable("https://github.com/{{ site.repo }}/issues") is None  # a template
    hosts = UrlSettings().skip_hosts
    assert skipped("http://localhost:3000/", hosts) and skipped("https://api.example.com/", hosts)
    assert skipped("http://[::1]:8080/", hosts) and not skipped("https://example.community/", hosts)
    for loopback in ("http://127.0.0.2/", "http://[::ffff:127.0.0.1]/", "http://169.254.1.1/"):
        assert skipped(loopback, hosts), loopback
    assert not skipped("http://127.0.0.2/", ["localhost"])


def test_a_stopped_check_waits_for_no_slow_host(server: Server) -> None:
    checker = UrlChecker(_settings(timeout=5, per_host=1))
    urls = [server.url(f"/slow?{n}") for n in range(20)]

    def stop_soon() -> None:
        time.sleep(0.3)
        checker._stop.set()

    threading.Thread(target=stop_soon).start()
    started = time.monotonic()
    checker.check(urls)
    # One request was under way when the stop came; none of the other 19 was started.
    assert server.hits["/slow"] <= 2 and time.monotonic() - started < 4


# --- the command line ------------------------------------------------------------------------

CHECK = ("check", "--no-prose", "--select", "broken-url", "--format", "json")


def _site(write: WriteFiles, server: Server, extra: str = "") -> str:
    page = (
        "# Links\n\n"
        f"A [good page]({server.url('/ok')}), a [moved one]({server.url('/moved')}),\n"
        f"a [gone one]({server.url('/gone')}#usage) and ![an image]({server.url('/removed')}).\n\n"
        f"Again: <{server.url('/gone')}> and [local](http://localhost:1/never).\n"
    )
    write(
        {
            "contentlint.toml": (
                '[links]\nurl-timeout = 0.5\nurl-retries = 0\nurl-skip-hosts = ["localhost"]\n'
                + extra
            ),
            "docs/page.md": page,
        }
    )
    return page


def _broken(outcome: Outcome) -> list[tuple[int, int, int, str]]:
    assert outcome.code in (0, 1), outcome.output
    return sorted(
        (item["line"], item["column"], item["end_column"], item["message"])
        for item in outcome.json()
    )


def test_broken_urls_at_their_columns_only_when_asked(
    contentlint: RunCli, write: WriteFiles, server: Server
) -> None:
    page = _site(write, server)
    assert _broken(contentlint(*CHECK, "docs")) == []
    assert sum(server.hits.values()) == 0  # never asked without --check-urls

    found = _broken(contentlint(*CHECK, "--check-urls", "docs"))
    lines = page.splitlines()
    gone, removed = server.url("/gone"), server.url("/removed")
    assert found == [
        (4, lines[3].index(gone) + 1, lines[3].index(gone) + len(gone) + len("#usage") + 1,
         f'URL "{gone}#usage" answered 404 Not Found'),
        (4, lines[3].index(removed) + 1, lines[3].index(removed) + len(removed) + 1,
         f'image "{removed}" answered 410 Gone'),
        (6, lines[5].index(gone) + 1, lines[5].index(gone) + len(gone) + 1,
         f'URL "{gone}" answered 404 Not Found'),
    ]  # fmt: skip
    assert server.hits["/gone"] == 1 and "/never" not in server.hits


def test_the_config_key_turns_it_on_and_answers_are_cached_for_their_age(
    contentlint: RunCli, write: WriteFiles, server: Server, project: Path
) -> None:
    _site(write, server, "check-urls = true\n")
    first = contentlint(*CHECK, "-v", "docs")
    assert len(_broken(first)) == 3
    assert "4 external URLs checked (4 requests made)" in first.stderr
    asked = sum(server.hits.values())

    again = contentlint(*CHECK, "-v", "docs")
    assert len(_broken(again)) == 3 and sum(server.hits.values()) == asked
    assert "(0 requests made)" in again.stderr

    config = project / "contentlint.toml"
    config.write_text(config.read_text("utf-8") + "url-max-age = 0\n", "utf-8")
    assert len(_broken(contentlint(*CHECK, "docs"))) == 3
    assert sum(server.hits.values()) == 2 * asked
    assert len(_broken(contentlint(*CHECK, "--no-cache", "docs"))) == 3


def test_an_unreachable_host_is_reported_and_asked_again_next_run(
    contentlint: RunCli, write: WriteFiles, server: Server
) -> None:
    closed = Server()
    dead = closed.url("/page")
    closed.close()  # nothing listens on its port any more
    write({"contentlint.toml": "[links]\nurl-retries = 0\nurl-skip-hosts = []\n",
           "a.md": f"# A\n\nSee [the page]({dead}).\n"})  # fmt: skip
    for _ in range(2):
        outcome = contentlint(*CHECK, "--check-urls", "-v", "a.md")
        (message,) = [item[3] for item in _broken(outcome)]
        assert message.startswith(f'URL "{dead}" could not be reached (')
        assert "(1 request made)" in outcome.stderr  # not kept in the cache: asked again


def test_a_bad_url_setting_is_a_config_error(contentlint: RunCli, write: WriteFiles) -> None:
    write({"contentlint.toml": "[links]\nurl-timeout = 0\n", "a.md": "# A\n\nText.\n"})
    outcome = contentlint(*CHECK, "--check-urls", "a.md")
    assert outcome.code == 2
    outcome.one_line_error("url-timeout")
