"""Prose engines: one interface over Harper and LanguageTool, created once per run."""

from __future__ import annotations

import atexit
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal, Protocol

from lint.prose.settings import ProseSettings

ProseRuleId = Literal["spelling", "grammar", "style"]


class EngineUnavailable(Exception):
    """The engine cannot run at all (no Java, server unreachable): one message, exit 2."""


@dataclass(frozen=True)
class Part:
    """A piece of a unit as LanguageTool's annotated text: prose, or markup that stands for
    ``interpret_as`` (empty: nothing)."""

    text: str
    markup: bool = False
    interpret_as: str = ""


@dataclass(frozen=True)
class Unit:
    """One run of prose to check: ``plain`` text (markup dropped, code as a neutral word) and
    the same run as annotated ``parts`` whose joined text is ``original``."""

    plain: str
    parts: tuple[Part, ...]

    @property
    def original(self) -> str:
        return "".join(part.text for part in self.parts)


@dataclass(frozen=True)
class EngineFinding:
    """A finding in a unit, at code-point offsets of ``plain`` or of ``original`` (the
    engine's ``offsets``)."""

    start: int
    end: int
    rule: ProseRuleId
    message: str
    code: str
    suggestions: tuple[str, ...] = ()


class ProseEngine(Protocol):
    name: ClassVar[str]
    #: Which text of a unit the offsets of its findings refer to.
    offsets: ClassVar[Literal["plain", "original"]]
    version: str

    def check(self, units: Sequence[Unit]) -> list[list[EngineFinding]]:
        """The findings of each unit, in order."""
        ...

    def close(self) -> None:
        """Stop whatever the engine started (a server process)."""
        ...


_ENGINES: dict[tuple[str, str, str], ProseEngine] = {}
_VERSIONS: dict[tuple[str, str, str], str] = {}


def _module(settings: ProseSettings) -> Any:
    """The module of the configured engine, imported only when prose is checked."""
    if settings.engine == "harper":
        from lint.prose.engines import harper_engine

        return harper_engine
    from lint.prose.engines import languagetool

    return languagetool


def _key(settings: ProseSettings) -> tuple[str, str, str]:
    return (settings.engine, settings.language, settings.engine_options())


def engine_version(settings: ProseSettings) -> str:
    """The engine's version, found cheaply (no dictionary built, no server started); raises
    EngineUnavailable when the engine cannot run, so the run can stop before any file."""
    version = _VERSIONS.get(_key(settings))
    if version is None:
        version = _VERSIONS[_key(settings)] = str(_module(settings).version_of(settings))
    return version


def engine_for(settings: ProseSettings) -> ProseEngine:
    """The run's engine for ``settings``, started on first use and stopped at exit."""
    engine: ProseEngine | None = _ENGINES.get(_key(settings))
    if engine is None:
        engine = _ENGINES[_key(settings)] = _module(settings).Engine(settings)
        atexit.register(engine.close)
    return engine


def close_engines() -> None:
    for engine in _ENGINES.values():
        engine.close()
    _ENGINES.clear()
