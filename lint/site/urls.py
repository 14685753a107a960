"""External URLs checked over the network, only when a run asks: concurrent with a limit per
host, a timeout per request, retries with backoff for what may pass on a second try (a
timeout, a refused connection, 429, 5xx), and each definite answer kept in the cache for an age.
"""

from __future__ import annotations

import collections
import json
import re
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

from lint import __version__

if TYPE_CHECKING:
    from lint.cache import Cache

#: Hosts never asked by default: loopback and the names reserved for examples (RFC 2606,
#: RFC 6761), which documentation uses for addresses nobody should fetch.
#: A ``url-skip-hosts`` entry that means every loopback, link-local or unspecified address.
LOOPBACK = "loopback"
SKIPPED_HOSTS = (
    LOOPBACK,
    "localhost",
    "*.localhost",
    "example.com",
    "*.example.com",
    "example.org",
    "*.example.org",
    "example.net",
    "*.example.net",
    "*.example",
    "*.test",
    "*.invalid",
    "*.local",
)
#: Answers that say the server would not tell (a login, a robot wall, a rate limit that
#: outlived the retries): not broken, not known.
UNKNOWN_STATUSES = frozenset({401, 403, 429, 999})
#: The longest wait a server's ``Retry-After`` may ask for.
MAX_RETRY_AFTER = 10.0
#: Characters a URL keeps as they are when the decoded target is quoted again.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
#: Template syntax in a target: its value is known only once the page is rendered.
_TEMPLATE = re.compile(r"\{\{|\{%|\$\{|\{<")
USER_AGENT = f"contentlint/{__version__} (link check)"


@dataclass(frozen=True)
class UrlSettings:
    """``[links]``'s URL keys: whether to check, and how."""

    enabled: bool = False
    timeout: float = 10.0
    retries: int = 2
    per_host: int = 2
    workers: int = 16
    max_age_hours: float = 24.0
    #: Retry backoff: the first wait, doubled after each failed try.
    backoff: float = 0.5
    skip_hosts: tuple[str, ...] = SKIPPED_HOSTS

    @classmethod
    def from_table(cls, table: Mapping[str, Any], enabled: bool | None = None) -> UrlSettings:
        """From the ``[links]`` table; ``enabled`` (``--check-urls``) wins over its key."""
        on = bool(table.get("check-urls", False)) if enabled is None else enabled
        return cls(
            enabled=on,
            timeout=float(table.get("url-timeout", cls.timeout)),
            retries=int(table.get("url-retries", cls.retries)),
            per_host=int(table.get("url-per-host", cls.per_host)),
            max_age_hours=float(table.get("url-max-age", cls.max_age_hours)),
            skip_hosts=tuple(table.get("url-skip-hosts", SKIPPED_HOSTS)),
        )


@dataclass(frozen=True)
class UrlResult:
    """What a URL answered: whether it is broken, and why (``answered 404 Not Found``)."""

    broken: bool
    message: str = ""
    #: A definite answer (a status the server chose), kept in the cache; a timeout or an
    #: unreachable host is asked again next run.
    definite: bool = True
    checked_at: float = field(default=0.0, compare=False)

    def to_json(self) -> str:
        return json.dumps([self.broken, self.message, self.checked_at])

    @classmethod
    def from_json(cls, text: str) -> UrlResult | None:
        try:
            broken, message, checked_at = json.loads(text)
        except (ValueError, TypeError):
            return None
        if not (isinstance(broken, bool) and isinstance(message, str)):
            return None
        if not isinstance(checked_at, (int, float)):
            return None
        return cls(broken, message, True, float(checked_at))


def checkable(target: str) -> str | None:
    """The address to ask for a link's target (fragment dropped, the host in IDNA, the rest
    quoted again), or None for one that is not a plain ``http``/``https`` URL (a template
    such as ``{{ site.repo }}`` is known only once rendered; a malformed one names nothing)."""
    target = target.strip()
    if target.startswith("//"):
        target = "https:" + target
    scheme = target.split(":", 1)[0].lower()
    if scheme not in ("http", "https") or _TEMPLATE.search(target):
        return None
    try:
        parts = urlsplit(target.split("#", 1)[0])
        host = parts.hostname
        port = parts.port
    except ValueError:
        return None
    if not host:
        return None
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    path = quote(parts.path, safe=_URL_SAFE)
    query = quote(parts.query, safe=_URL_SAFE)
    return f"{scheme}://{netloc}{path}" + (f"?{query}" if query else "")


def skipped(url: str, hosts: Iterable[str]) -> bool:
    """Whether the URL's host is one never to ask (``*.example.com`` matches subdomains;
    ``loopback`` every loopback, link-local or unspecified address)."""
    try:
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
    except ValueError:
        return True
    for pattern in hosts:
        pattern = pattern.lower()
        if pattern == LOOPBACK:
            if _is_loopback(host):
                return True
        elif pattern.startswith("*."):
            if host.endswith(pattern[1:]):
                return True
        elif host == pattern:
            return True
    return False


def _is_loopback(host: str) -> bool:
    import ipaddress

    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None) or address
    return mapped.is_loopback or mapped.is_link_local or mapped.is_unspecified


class UrlChecker:
    """Checks URLs concurrently: at most ``per_host`` requests at once to one host (its
    retries wait in their task, so a struggling server is not asked harder)."""

    def __init__(
        self,
        settings: UrlSettings,
        cache: Cache | None = None,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], object] | None = None,
    ) -> None:
        self.settings = settings
        self._cache = cache
        self._clock = clock
        self._lock = threading.Lock()
        #: Set when the run is stopped: no task starts another request, no wait goes on.
        self._stop = threading.Event()
        self._sleep = sleep or self._stop.wait
        #: How many requests were made (for tests and ``-v``).
        self.requests = 0

    def check(self, urls: Iterable[str]) -> dict[str, UrlResult]:
        """Each URL's result: from the cache while younger than the maximum age, else asked.

        Each host gets its own queue and at most ``per_host`` tasks that empty it, so a slow
        host never holds a thread another host could use. An exception here (Ctrl-C, a
        signal) stops every task before its next request and waits for none of them."""
        wanted = [url for url in dict.fromkeys(urls) if not skipped(url, self.settings.skip_hosts)]
        results = self._cached(wanted)
        by_host: dict[str, collections.deque[str]] = {}
        for url in wanted:
            if url not in results:
                by_host.setdefault(_host(url), collections.deque()).append(url)
        if not by_host:
            return results
        asked: dict[str, UrlResult] = {}
        tasks = [
            queue
            for queue in by_host.values()
            for _ in range(min(self.settings.per_host, len(queue)))
        ]
        from concurrent.futures import ThreadPoolExecutor

        pool = ThreadPoolExecutor(min(self.settings.workers, len(tasks)), "contentlint-url")
        try:
            for future in [pool.submit(self._empty, queue, asked) for queue in tasks]:
                future.result()
        except BaseException:
            self._stop.set()
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
        results.update(asked)
        if self._cache is not None:
            self._cache.put_many(
                (url, result.to_json()) for url, result in asked.items() if result.definite
            )
        return results

    def _empty(self, queue: collections.deque[str], asked: dict[str, UrlResult]) -> None:
        """Ask the URLs of one host's queue, one at a time, until it is empty (or stopped)."""
        while not self._stop.is_set():
            try:
                url = queue.popleft()  # deques pop atomically: no lock needed
            except IndexError:
                return
            asked[url] = self._ask(url)

    def _cached(self, urls: list[str]) -> dict[str, UrlResult]:
        if self._cache is None or not urls:
            return {}
        oldest = self._clock() - self.settings.max_age_hours * 3600
        found = {}
        for url, text in self._cache.get_many(urls).items():
            result = UrlResult.from_json(text)
            if result is not None and result.checked_at >= oldest:
                found[url] = result
        return found

    def _ask(self, url: str) -> UrlResult:
        wait = self.settings.backoff
        result, retry_after = self._request(url)
        for _ in range(self.settings.retries):
            if result.definite or self._stop.is_set():
                break
            self._sleep(retry_after if retry_after is not None else wait)
            wait *= 2
            result, retry_after = self._request(url)
        return result

    def _request(self, url: str) -> tuple[UrlResult, float | None]:
        """One GET (its body is never read): the result, and how long the server asked to
        wait before the next try."""
        # The HTTP machinery is imported only by a run that asks (it costs every run 12 ms).
        import urllib.error
        import urllib.request
        from http.client import HTTPException

        with self._lock:
            self.requests += 1
        now = self._clock()
        request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(request, timeout=self.settings.timeout):
                return UrlResult(False, checked_at=now), None
        except urllib.error.HTTPError as error:
            return _answer(error.code, error.reason, error.headers, now)
        except TimeoutError:
            message = f"did not answer within {self.settings.timeout:g} s"
            return UrlResult(True, message, definite=False, checked_at=now), None
        except urllib.error.URLError as error:
            reason = error.reason
            if isinstance(reason, TimeoutError):
                message = f"did not answer within {self.settings.timeout:g} s"
            else:
                message = f"could not be reached ({getattr(reason, 'strerror', None) or reason})"
            return UrlResult(True, message, definite=False, checked_at=now), None
        except (HTTPException, OSError, ValueError) as error:
            message = f"could not be reached ({type(error).__name__}: {error})"
            return UrlResult(True, message, definite=False, checked_at=now), None


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _answer(
    status: int, reason: object, headers: Any, now: float
) -> tuple[UrlResult, float | None]:
    """The result of an HTTP error status: broken (4xx), worth another try (5xx, 429), or
    not known (a login or a robot wall)."""
    message = f"answered {status} {reason}".rstrip()
    if status >= 500 or status == 429:
        retry_after = _retry_after(headers.get("Retry-After") if headers else None, now)
        broken = status >= 500
        return UrlResult(broken, message, definite=False, checked_at=now), retry_after
    if status in UNKNOWN_STATUSES:
        return UrlResult(False, checked_at=now), None
    return UrlResult(True, message, checked_at=now), None


def _retry_after(value: str | None, now: float) -> float | None:
    """``Retry-After`` in seconds (a number or an HTTP date), at most MAX_RETRY_AFTER."""
    if not value:
        return None
    from email.utils import parsedate_to_datetime

    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - now
        except (TypeError, ValueError, IndexError, OverflowError):
            return None
    if seconds != seconds:  # NaN
        return None
    return max(0.0, min(seconds, MAX_RETRY_AFTER))
