"""The registered dialects, loaded once per process from their entry points."""

from __future__ import annotations

from functools import cache

from lint.dialects import DEFAULT_DIALECT, Dialect


@cache
def registered_dialects() -> dict[str, type[Dialect]]:
    """name → dialect class; a plugin that fails to load is left out (the CLI reports it)."""
    from lint.registry import load_dialects

    return dict(sorted(load_dialects().items.items()))


def by_extension(suffix: str) -> type[Dialect]:
    """The dialect an extension claims (``.qmd``: Quarto), else plain Markdown."""
    suffix = suffix.lower()
    dialects = registered_dialects()
    for dialect in sorted(dialects.values(), key=lambda d: (d.detection_order, d.name)):
        if suffix in dialect.claims and dialect.name != DEFAULT_DIALECT:
            return dialect
    return dialects[DEFAULT_DIALECT]
