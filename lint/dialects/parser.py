"""The markdown-it-py parser of a document: CommonMark, plus the syntax extensions of its
dialect that the document actually uses (GitHub's tables included)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from lint.dialects.syntax import Syntax

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@cache
def parser_for(syntaxes: tuple[Syntax, ...]) -> MarkdownIt:
    """A parser with exactly ``syntaxes`` installed (built once per combination)."""
    from markdown_it import MarkdownIt

    from lint.limits import current

    md = MarkdownIt(
        "commonmark",
        {
            "html": True,
            "linkify": False,
            "typographer": False,
            "maxNesting": current().max_nesting,
        },
    )
    for syntax in syntaxes:
        syntax.install(md)
    return md


def present_syntax(body: str, syntaxes: Sequence[Syntax]) -> tuple[Syntax, ...]:
    """The syntaxes whose marks appear in ``body``, in the dialect's order."""
    return tuple(syntax for syntax in syntaxes if syntax.present(body))


def parse(body: str, syntaxes: Sequence[Syntax]) -> list[Token]:
    """The flat token stream of ``body`` with the syntaxes it uses."""
    return parse_with_env(body, syntaxes)[0]


def parse_with_env(body: str, syntaxes: Sequence[Syntax]) -> tuple[list[Token], dict[str, Any]]:
    """The tokens of ``body`` and the parser's environment (its link reference and footnote
    definitions)."""
    env: dict[str, Any] = {}
    return parser_for(present_syntax(body, syntaxes)).parse(body, env), env
