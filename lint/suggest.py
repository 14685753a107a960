"""Did-you-mean suggestions for misspelt keys, rule ids, values and formats."""

from __future__ import annotations

import difflib
from collections.abc import Sequence


def closest(word: str, choices: Sequence[str], cutoff: float = 0.6) -> str | None:
    """The choice most like ``word``, if one is close enough to be a likely misspelling."""
    close = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    return close[0] if close else None


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    match = closest(word, choices)
    return f' (did you mean "{match}"?)' if match else ""
