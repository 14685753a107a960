"""The ``text`` format (the default): each problem with its source line and the span underlined."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import ClassVar

from lint.diagnostics import Diagnostic
from lint.escaping import pictured
from lint.reporters.concise import SEVERITY_COLORS, ConciseReporter, suggestion_help

#: Source lines longer than this are cut around the span, so that a minified line stays short.
MAX_SHOWN = 160


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _display_width(character: str) -> int:
    return 2 if unicodedata.east_asian_width(character) in "WF" else 1


def _pad(prefix: str) -> str:
    """Blank space as wide on screen as ``prefix``, keeping its tabs so the caret lines up."""
    if "\t" not in prefix:
        if prefix.isascii():
            return " " * len(prefix)  # most lines: one column a character
        # A cut line starts with "…": only the characters outside ASCII are looked up.
        wider = sum(_display_width(character) - 1 for character in _NON_ASCII.findall(prefix))
        return " " * (len(prefix) + wider)
    return "".join(
        "\t" if character == "\t" else " " * _display_width(character) for character in prefix
    )


class TextReporter(ConciseReporter):
    """Like ``concise``, and under each problem the source line with the span marked by carets
    (coloured on a terminal, plain when piped or when ``NO_COLOR`` is set), then its first
    suggestions, ``= help: did you mean "x"?``."""

    description: ClassVar[str] = "each problem with its source line underlined (the default)"
    needs_text: ClassVar[bool] = True

    def file(self, path: str, diagnostics: Sequence[Diagnostic], text: str | None) -> None:
        if self.options.statistics:
            return  # the table of counts stands in for the problems themselves
        # Lines as the line numbers count them: split at LF only (not at U+2028 or FF).
        lines = text.split("\n") if text is not None else []
        if text is not None and "\r" in text:
            lines = [line.removesuffix("\r") for line in lines]
        for diagnostic in diagnostics:
            self.stream.write(self.headline(diagnostic))
            help_text = suggestion_help(diagnostic)
            if 0 < diagnostic.line <= len(lines):
                snippet = self._snippet(diagnostic, lines[diagnostic.line - 1])
                if help_text:  # under the carets, before the blank line that ends the snippet
                    gutter = " " * len(str(diagnostic.line))
                    snippet = snippet.removesuffix("\n") + self._help(gutter, help_text) + "\n"
                self.stream.write(snippet)
            elif help_text:
                self.stream.write(self._help(" ", help_text))

    def _help(self, gutter: str, help_text: str) -> str:
        """``  = help: did you mean "x"?``, the ``=`` under the snippet's bar (as rustc writes)."""
        equals = self.style("=", fg="blue", bold=True)
        return f"{gutter} {equals} {self.style('help', bold=True)}: {help_text}\n"

    def _snippet(self, diagnostic: Diagnostic, source: str) -> str:
        source = pictured(source.removeprefix("\ufeff") if diagnostic.line == 1 else source)
        start = min(diagnostic.column - 1, len(source))
        if diagnostic.end_line == diagnostic.line:
            end = min(max(diagnostic.end_column - 1, start + 1), max(len(source), start + 1))
        else:
            end = max(len(source), start + 1)
        shift = 0
        if len(source) > MAX_SHOWN:
            shift = max(0, min(start - MAX_SHOWN // 4, len(source) - MAX_SHOWN))
            source = ("…" if shift else "") + source[shift : shift + MAX_SHOWN]
            offset = shift - (1 if shift else 0)
            start, end = start - offset, min(end - offset, len(source) + 1)
        gutter = " " * len(str(diagnostic.line))
        number = self.style(str(diagnostic.line), fg="blue", bold=True)
        bar = self.style("|", fg="blue", bold=True)
        carets = self.style("^" * (end - start), fg=SEVERITY_COLORS[diagnostic.severity], bold=True)
        return (
            f"{gutter} {bar}\n"
            f"{number} {bar} {source}\n"
            f"{gutter} {bar} {_pad(source[:start])}{carets}\n\n"
        )
