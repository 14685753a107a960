"""What a front matter value that fails its schema probably should be, when that is clear:
a date in an unambiguous form (``10/10/2024``, ``October 10, 2024``) as ISO, the one close
``enum`` value, ``"yes"`` as ``true`` where a boolean is wanted, ``"3"`` as ``3`` where a number
is, a single value as a one-item list where an array is."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

_NUMERIC = re.compile(r"(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})")
_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH_FIRST = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})")
_DAY_FIRST = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\.?,?\s+(\d{4})")
_TRUE = frozenset({"true", "yes", "on", "y"})
_FALSE = frozenset({"false", "no", "off", "n"})
_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class Repair:
    """The value that should stand instead, and whether replacing it is safe."""

    value: Any
    safe: bool = True


def iso_date(text: str) -> str | None:
    """``text`` as ``YYYY-MM-DD`` when it names one day unambiguously, else None
    (``03/04/2024`` could be March or April)."""
    text = text.strip()
    found = _NUMERIC.fullmatch(text)
    if found:
        first, second, third = (int(part) for part in found.groups())
        if len(found[1]) == 4:  # 2024/10/9
            return _valid(first, second, third)
        if len(found[3]) != 4:
            return None
        if first == second or first > 12 or second > 12:
            day, month = (first, second) if first > 12 else (second, first)
            return _valid(third, month, day)
        return None
    for pattern, month_at, day_at in ((_MONTH_FIRST, 1, 2), (_DAY_FIRST, 2, 1)):
        named = pattern.fullmatch(text)
        if named:
            month_number = _MONTHS.get(named[month_at].lower())
            if month_number is not None:
                return _valid(int(named[3]), month_number, int(named[day_at]))
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def repair(keyword: str, expected: Any, value: Any) -> Repair | None:
    """The repair of ``value`` for the failed schema ``keyword`` (with its ``expected``)."""
    if keyword == "format" and expected == "date" and isinstance(value, str):
        fixed = iso_date(value)
        return Repair(fixed) if fixed is not None and fixed != value else None
    if keyword == "enum" and isinstance(value, str):
        choices = [choice for choice in expected if isinstance(choice, str)]
        same = [choice for choice in choices if choice.casefold() == value.casefold()]
        close = same or difflib.get_close_matches(value, choices, n=2, cutoff=0.6)
        return Repair(close[0]) if len(close) == 1 else None  # only the one close match
    if keyword == "type":
        wanted = [expected] if isinstance(expected, str) else list(expected)
        return _retype(wanted, value)
    return None


def _retype(wanted: list[str], value: Any) -> Repair | None:
    if isinstance(value, str):
        word = value.strip().lower()
        if "boolean" in wanted and word in _TRUE | _FALSE:
            return Repair(word in _TRUE)
        if ("number" in wanted or "integer" in wanted) and _NUMBER.fullmatch(value.strip()):
            number = float(value) if any(c in value for c in ".eE") else int(value)
            if "integer" in wanted and "number" not in wanted and not isinstance(number, int):
                return None
            return Repair(number)
    if "array" in wanted and isinstance(value, (str, int, float, bool)):
        return Repair([value])
    return None
