"""``--select`` and ``--ignore``: rule ids or groups, the most specific selector wins."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

ALL = "ALL"
_BY_ID, _BY_GROUP, _BY_ALL = 3, 2, 1


@dataclass(frozen=True)
class Selection:
    """What the command line selected and ignored (empty ``select``: keep the configured set).

    A rule selected by its id, or by ``ALL``, runs even when it is off by default or in the
    config; selecting a group filters the rules that are on. When a rule matches both lists,
    the more specific selector wins (an id beats a group beats ``ALL``); on a tie, ignore wins.
    ``extend`` (``--extend-select``) turns on what it names, by id, group or ``ALL``, on top of
    the rest (off-by-default rules too), unless an ignore as specific or more says otherwise.
    """

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend: tuple[str, ...] = ()

    def decide(self, rule_id: str, groups: Sequence[str], enabled: bool) -> bool:
        selected = _specificity(self.select, rule_id, groups)
        ignored = _specificity(self.ignore, rule_id, groups)
        if _specificity(self.extend, rule_id, groups) > ignored:
            return True
        if self.select:
            if selected == 0:
                return False
            if selected == _BY_GROUP and not enabled:
                return False  # a group filters the rules that are on; an id or ALL turns on
            return selected > ignored
        return enabled and ignored == 0

    def unknown(self, rule_ids: Iterable[str], groups: Iterable[str]) -> list[str]:
        """Selectors that name neither a rule nor a group."""
        known = {*rule_ids, *groups, ALL}
        return [name for name in (*self.select, *self.ignore, *self.extend) if name not in known]


def _specificity(selectors: Sequence[str], rule_id: str, groups: Sequence[str]) -> int:
    best = 0
    for selector in selectors:
        if selector == rule_id:
            return _BY_ID
        if selector in groups:
            best = max(best, _BY_GROUP)
        elif selector == ALL:
            best = max(best, _BY_ALL)
    return best
