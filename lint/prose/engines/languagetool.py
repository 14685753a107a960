"""The LanguageTool engine: a configured server, or a local one started by language-tool-python.

Markup goes to LanguageTool as annotated text (the ``data`` parameter), so it is interpreted,
never flagged; long documents are split into requests under the server's size limit.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shutil
import signal
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Literal

from lint.prose.engines import EngineFinding, EngineUnavailable, Part, ProseRuleId, Unit
from lint.prose.settings import ProseSettings

TIMEOUT_SECONDS = 60
#: Units of one request are kept apart by a paragraph break, so no sentence spans two.
_SEPARATOR = Part("\n\n")
_STYLE_CATEGORIES = frozenset(
    {"STYLE", "REDUNDANCY", "PLAIN_ENGLISH", "WIKIPEDIA", "TYPOGRAPHY", "GENDER_NEUTRALITY"}
)
_SPELLER_RULE = re.compile(r"MORFOLOGIK|HUNSPELL|SPELLER|SPELLING")
_STYLE_ISSUES = frozenset({"style", "register", "locale-violation"})


def rule_of_match(match: dict[str, Any]) -> ProseRuleId:
    """LanguageTool's category, rule and issue type as our three rules. Its issue type
    "misspelling" also covers "a apple" (EN_A_VS_AN), so spelling is the speller's rules
    and the TYPOS category only."""
    rule = match.get("rule", {})
    issue = rule.get("issueType", "")
    category = rule.get("category", {}).get("id", "")
    if category == "TYPOS" or _SPELLER_RULE.search(str(rule.get("id", ""))):
        return "spelling"
    if issue in _STYLE_ISSUES or category in _STYLE_CATEGORIES:
        return "style"
    return "grammar"


def annotation(parts: Sequence[Part]) -> str:
    """The ``data`` parameter: LanguageTool's annotated text as JSON."""
    items: list[dict[str, str]] = []
    for part in parts:
        if not part.markup:
            items.append({"text": part.text})
        elif part.interpret_as:
            items.append({"markup": part.text, "interpretAs": part.interpret_as})
        else:
            items.append({"markup": part.text})
    return json.dumps({"annotation": items}, ensure_ascii=False)


def code_points_of_utf16(text: str) -> list[int]:
    """``result[u]`` is the code-point index of UTF-16 offset ``u`` of ``text`` (Java's)."""
    table = []
    for index, character in enumerate(text):
        table.append(index)
        if ord(character) > 0xFFFF:
            table.append(index)
    table.append(len(text))
    return table


def languagetool_language(language: str) -> str:
    """The language LanguageTool is asked for: English with no region is American English
    (LanguageTool's ``en`` checks no spelling)."""
    return "en-US" if language.lower() == "en" else language


def languagetool_version(settings: ProseSettings) -> str:
    """The configured server's version (one small request), or the version a local server
    would be, once Java is known to be there."""
    server = settings.languagetool.server
    if server:
        fields = {"text": ".", "language": languagetool_language(settings.language)}
        return str(_post(server.rstrip("/") + "/", fields)["software"].get("version", "unknown"))
    _require_java()
    from language_tool_python.download_lt import LTP_DOWNLOAD_VERSION

    return f"local-{LTP_DOWNLOAD_VERSION}"


def _require_java() -> None:
    if shutil.which("java") is None:
        raise EngineUnavailable(
            "the languagetool engine needs Java 17 or newer to start a local server, and "
            "java is not on the PATH; install Java or set [prose.languagetool] server = URL"
        )


def _post(url: str, fields: dict[str, str]) -> dict[str, Any]:
    body = urllib.parse.urlencode(fields).encode("utf-8")
    request = urllib.request.Request(
        urllib.parse.urljoin(url, "v2/check"),
        data=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:
            result: dict[str, Any] = json.loads(response.read().decode("utf-8"))
            return result
    except urllib.error.HTTPError as error:
        detail = error.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise EngineUnavailable(
            f"the LanguageTool server at {url} refused the request: "
            f"HTTP {error.code} {' '.join(detail)}"
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise EngineUnavailable(
            f"the LanguageTool server at {url} cannot be reached ({reason})"
        ) from None


class LanguageToolEngine:
    """One server for the whole run: the configured URL, or a local one that is stopped when
    the run ends (also on Ctrl-C and SIGTERM)."""

    name: ClassVar[str] = "languagetool"
    offsets: ClassVar[Literal["plain", "original"]] = "original"

    def __init__(self, settings: ProseSettings) -> None:
        self._settings = settings.languagetool
        self._language = languagetool_language(settings.language)
        self._tool: Any = None
        #: Only the process that started the local server stops it (workers share it).
        self._owner = os.getpid()
        if self._settings.server:
            self._url = self._settings.server.rstrip("/") + "/"
        else:
            self._url = self._start_local_server()
        self.version = languagetool_version(settings)

    def _start_local_server(self) -> str:
        _require_java()
        try:
            import language_tool_python

            self._tool = language_tool_python.LanguageTool(
                self._language, mother_tongue=self._settings.mother_tongue
            )
        except Exception as error:  # noqa: BLE001 - download, Java or port problems alike
            raise EngineUnavailable(
                f"could not start a local LanguageTool server ({type(error).__name__}: {error}); "
                "language-tool-python downloads LanguageTool on first use, or set "
                "[prose.languagetool] server = URL"
            ) from None
        for number in (signal.SIGTERM,):
            previous = signal.getsignal(number)

            def stop(signum: int, frame: Any, previous: Any = previous) -> None:
                self.close()
                if callable(previous):
                    previous(signum, frame)
                raise SystemExit(128 + signum)

            signal.signal(number, stop)
        url: str = self._tool.url
        return url.removesuffix("v2/")

    def _post(self, fields: dict[str, str]) -> dict[str, Any]:
        return _post(self._url, fields)

    def _fields(self, parts: Sequence[Part]) -> dict[str, str]:
        fields = {"data": annotation(parts), "language": self._language}
        settings = self._settings
        if settings.mother_tongue:
            fields["motherTongue"] = settings.mother_tongue
        for name, values in (
            ("enabledRules", settings.enabled_rules),
            ("disabledRules", settings.disabled_rules),
            ("enabledCategories", settings.enabled_categories),
            ("disabledCategories", settings.disabled_categories),
        ):
            if values:
                fields[name] = ",".join(values)
        return fields

    def _batches(self, units: Sequence[Unit]) -> Iterator[list[int]]:
        """Indices of units per request, each request under the size limit."""
        batch: list[int] = []
        size = 0
        for index, unit in enumerate(units):
            length = len(unit.original) + len(_SEPARATOR.text)
            if batch and size + length > self._settings.max_request_chars:
                yield batch
                batch, size = [], 0
            batch.append(index)
            size += length
        if batch:
            yield batch

    def check(self, units: Sequence[Unit]) -> list[list[EngineFinding]]:
        results: list[list[EngineFinding]] = [[] for _ in units]
        for batch in self._batches(units):
            parts: list[Part] = []
            bounds: list[tuple[int, int]] = []  # each unit's range in the request's text
            position = 0
            for index in batch:
                if parts:
                    parts.append(_SEPARATOR)
                    position += len(_SEPARATOR.text)
                parts.extend(units[index].parts)
                length = len(units[index].original)
                bounds.append((position, position + length))
                position += length
            text = "".join(part.text for part in parts)
            to_code_points = code_points_of_utf16(text)
            response = self._post(self._fields(parts))
            for match in response.get("matches", []):
                first = match["offset"]
                last = min(first + match["length"], len(to_code_points) - 1)
                start, end = (
                    to_code_points[min(first, len(to_code_points) - 1)],
                    to_code_points[last],
                )
                for index, (low, high) in zip(batch, bounds, strict=True):
                    if low <= start and end <= high:
                        results[index].append(_finding(match, start - low, end - low))
                        break
        return results

    def close(self) -> None:
        if os.getpid() != self._owner:
            return  # a worker forked with the engine: the server is its parent's to stop
        tool, self._tool = self._tool, None
        if tool is not None:
            tool.close()


def _finding(match: dict[str, Any], start: int, end: int) -> EngineFinding:
    rule = match.get("rule", {})
    replacements = (item.get("value", "") for item in match.get("replacements", []))
    return EngineFinding(
        start=start,
        end=end,
        rule=rule_of_match(match),
        message=str(match.get("message", "")).strip(),
        code=str(rule.get("id", "")),
        suggestions=tuple(itertools.islice((value for value in replacements if value), 5)),
    )


#: What lint.prose.engines looks up in each engine module.
Engine = LanguageToolEngine
version_of = languagetool_version
