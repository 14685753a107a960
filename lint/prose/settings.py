"""The ``[prose]`` settings of a run: engine, language, vocabulary and engine options."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from lint.config import Config, ConfigError

DEFAULT_ENGINE = "harper"
#: English with no region: any of American, British, Australian and Canadian spelling is
#: right (``en-US`` holds a project to American spelling).
DEFAULT_LANGUAGE = "en"
DEFAULT_FRONT_MATTER_KEYS = ("title", "subtitle", "description")
CACHE_FOLDER = ".contentlint_cache"
#: A word list larger than this is not read (a link to /dev/zero would fill memory).
VOCABULARY_MAX_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class LanguageToolSettings:
    server: str | None = None
    mother_tongue: str | None = None
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    enabled_categories: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    max_request_chars: int = 20_000


@dataclass(frozen=True)
class ProseSettings:
    """Everything that decides what the prose rules report (hashable, so results can be
    cached per settings)."""

    engine: str = DEFAULT_ENGINE
    language: str = DEFAULT_LANGUAGE
    accept: frozenset[str] = frozenset()
    reject: frozenset[str] = frozenset()
    case_sensitive: bool = True
    front_matter_keys: tuple[str, ...] = DEFAULT_FRONT_MATTER_KEYS
    harper_rules: tuple[tuple[str, bool], ...] = ()
    languagetool: LanguageToolSettings = field(default_factory=LanguageToolSettings)
    #: Where the results cache lives; None: no cache (``--no-cache``).
    cache_dir: Path | None = None

    def engine_options(self) -> str:
        """A fingerprint of the options that change what the engine itself reports (not the
        vocabulary, which is applied to the engine's results)."""
        options: dict[str, Any] = {"language": self.language}
        if self.engine == "harper":
            options["rules"] = self.harper_rules
        else:
            lt = asdict(self.languagetool)
            lt.pop("server")
            lt.pop("max_request_chars")
            options["languagetool"] = lt
        text = json.dumps(options, sort_keys=True, default=list)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_vocabulary(path: Path) -> tuple[set[str], set[str]]:
    """(accepted, rejected) words of a word-list file: one per line, ``!word`` rejects it,
    ``#`` starts a comment."""
    from lint.reading import ReadRefused, read_document

    try:
        text = read_document(path, VOCABULARY_MAX_BYTES).decode("utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"the vocabulary file {path} does not exist") from None
    except ReadRefused as refused:
        raise ConfigError(f"the vocabulary file {path}: {refused}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"the vocabulary file {path} cannot be read: {error}") from None
    accepted: set[str] = set()
    rejected: set[str] = set()
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word.startswith("!"):
            if word[1:].strip():
                rejected.add(word[1:].strip())
        elif word:
            accepted.add(word)
    return accepted, rejected


def default_cache_dir(config: Config) -> Path:
    """``CONTENTLINT_CACHE_DIR``, else ``cache-dir`` in the config, else a folder next to the
    project's config file, else the user's cache folder."""
    explicit = os.environ.get("CONTENTLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if config.cache_dir is not None:
        return config.cache_dir
    if config.sources:
        return config.sources[0].parent.resolve() / CACHE_FOLDER
    user_cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(user_cache) / "contentlint"


def prose_settings(config: Config, use_cache: bool = True) -> ProseSettings:
    """The settings of ``config``'s ``[prose]`` table; ConfigError for an unreadable word list."""
    table: Mapping[str, Any] = config.prose
    accept = set(table.get("accept", ()))
    reject = set(table.get("reject", ()))
    if "vocabulary" in table:
        more_accepted, more_rejected = read_vocabulary(Path(table["vocabulary"]))
        accept |= more_accepted
        reject |= more_rejected
    lt: Mapping[str, Any] = table.get("languagetool", {})
    harper: Mapping[str, Any] = table.get("harper", {})
    return ProseSettings(
        engine=table.get("engine", DEFAULT_ENGINE),
        language=table.get("language", DEFAULT_LANGUAGE),
        accept=frozenset(accept),
        reject=frozenset(reject),
        case_sensitive=table.get("case-sensitive", True),
        front_matter_keys=tuple(table.get("front-matter", DEFAULT_FRONT_MATTER_KEYS)),
        harper_rules=tuple(sorted(harper.get("rules", {}).items())),
        languagetool=LanguageToolSettings(
            server=lt.get("server"),
            mother_tongue=lt.get("mother-tongue"),
            enabled_rules=tuple(lt.get("enabled-rules", ())),
            disabled_rules=tuple(lt.get("disabled-rules", ())),
            enabled_categories=tuple(lt.get("enabled-categories", ())),
            disabled_categories=tuple(lt.get("disabled-categories", ())),
            max_request_chars=lt.get("max-request-chars", 20_000),
        ),
        cache_dir=default_cache_dir(config) if use_cache else None,
    )
