"""--select and --ignore: the most specific selector wins, ignore wins ties."""

from __future__ import annotations

import pytest

from lint.selection import ALL, Selection

GROUPS = ("unfinished",)


def decide(select: tuple[str, ...], ignore: tuple[str, ...], enabled: bool = True) -> bool:
    return Selection(select, ignore).decide("truncated-text", GROUPS, enabled)


def test_nothing_selected_keeps_the_configured_set() -> None:
    assert decide((), ()) is True
    assert decide((), (), enabled=False) is False


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        (("truncated-text",), (), True),
        (("unfinished",), (), True),
        ((ALL,), (), True),
        (("structure",), (), False),  # selecting something else drops it
        (("empty-section",), (), False),
        ((), ("truncated-text",), False),
        ((), ("unfinished",), False),
        ((), (ALL,), False),
        ((), ("structure",), True),
        # the more specific selector wins
        (("truncated-text",), ("unfinished",), True),
        (("truncated-text",), (ALL,), True),
        (("unfinished",), (ALL,), True),
        (("unfinished",), ("truncated-text",), False),
        ((ALL,), ("unfinished",), False),
        ((ALL,), ("truncated-text",), False),
        # on a tie, ignore wins
        (("truncated-text",), ("truncated-text",), False),
        (("unfinished",), ("unfinished",), False),
        ((ALL,), (ALL,), False),
    ],
)
def test_specificity(select: tuple[str, ...], ignore: tuple[str, ...], expected: bool) -> None:
    assert decide(select, ignore) is expected


def test_selecting_an_off_rule_by_id_enables_it() -> None:
    assert decide(("truncated-text",), (), enabled=False) is True


def test_selecting_an_off_rule_by_group_keeps_it_off() -> None:
    assert decide(("unfinished",), (), enabled=False) is False


def test_all_means_every_rule_even_those_off_by_default() -> None:
    assert decide((ALL,), (), enabled=False) is True
    assert decide((ALL,), ("unfinished",), enabled=False) is False


def test_id_beats_group_among_selectors_in_any_order() -> None:
    assert decide(("unfinished", "truncated-text"), ("unfinished",), enabled=True) is True
    assert decide(("truncated-text", "unfinished"), ("unfinished",), enabled=True) is True


def test_unknown_selectors() -> None:
    selection = Selection(("unfinished", "truncated-txt", ALL), ("nope", "empty-section"))
    unknown = selection.unknown(["truncated-text", "empty-section"], ["unfinished", "structure"])
    assert unknown == ["truncated-txt", "nope"]
