"""Public figures with small-cell suppression: any figure computed from fewer than
``SMALL_CELL`` records is published as "fewer than 5", never as the number, so that
nobody can be picked out of a small group."""

from dataclasses import dataclass
from statistics import median
from typing import Any

SMALL_CELL = 5


@dataclass(frozen=True)
class Figure:
    """A value and how many records it was computed from."""

    value: Any
    basis: int

    @property
    def suppressed(self) -> bool:
        return self.basis < SMALL_CELL

    @property
    def shown(self) -> Any:
        """The value, or None when it must not be published."""
        return None if self.suppressed else self.value


def count(n: int) -> Figure:
    return Figure(n, n)


def share(part: int, whole: int) -> Figure:
    """``part`` out of ``whole`` as a percentage, suppressed unless both the part and
    the whole come from at least SMALL_CELL records (a share of 1 in 5 is a person)."""
    value = round(100 * part / whole) if whole else None
    return Figure(value, min(part, whole) if part else whole)


def mean(values: list[float]) -> Figure:
    return Figure(round(sum(values) / len(values), 1) if values else None, len(values))


def middle(values: list[float]) -> Figure:
    return Figure(round(median(values), 1) if values else None, len(values))
