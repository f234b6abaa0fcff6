"""Selection as a pure function: who gets the places of a cohort, in what order.

Each applicant's score is the sum of the cohort's points for what they declared with
consent: living in a remote area, a vulnerable family. Applicants are ordered by
score, highest first, and then by who applied first. When the cohort asks for gender
balance, neither sex takes more than half of the places (rounded up) while people of
the other sex are still waiting; the places then go down the same order. Everyone
else waits in that order, and the next on the list is offered any place that frees
up. Every factor is kept with the applicant, in both languages, so each can see why
they stand where they stand."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Factor:
    code: str
    points: int
    label_ar: str
    label_en: str

    def as_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "points": self.points,
            "label_ar": self.label_ar,
            "label_en": self.label_en,
        }


def factors(
    *, remote: bool, vulnerable: bool, remote_points: int, vulnerable_points: int
) -> list[Factor]:
    found = []
    if remote:
        found.append(
            Factor("remote", remote_points, "السكن في منطقة نائية", "Living in a remote area")
        )
    if vulnerable:
        found.append(
            Factor(
                "vulnerable",
                vulnerable_points,
                "من أسرة هشة",
                "From a vulnerable family",
            )
        )
    return found


@dataclass
class Candidate:
    key: Any
    score: int
    applied_at: datetime
    sex: str = ""
    notes: list[Factor] = field(default_factory=list)


@dataclass
class Selection:
    selected: list[Candidate]
    waiting: list[Candidate]

    @property
    def order(self) -> list[Candidate]:
        return [*self.selected, *self.waiting]


def order(candidates: Sequence[Candidate]) -> list[Candidate]:
    """Highest score first; first come first among equals (then the id, so the order
    is total)."""
    return sorted(candidates, key=lambda c: (-c.score, c.applied_at, str(c.key)))


BALANCE_NOTE = Factor(
    "balance",
    0,
    "مكان مؤجَّل لتحقيق التوازن بين النساء والرجال",
    "Place held back to balance women and men",
)


def select(
    candidates: Sequence[Candidate],
    *,
    places: int,
    gender_balance: bool = False,
    taken: dict[str, int] | None = None,
) -> Selection:
    """Give ``places`` places to ``candidates``; ``taken`` counts the places already
    held, by sex, for the balance."""
    ranked = order(candidates)
    if not gender_balance:
        return Selection(ranked[:places], ranked[places:])
    held = dict(taken or {})
    capacity = places + sum(held.values())
    cap = math.ceil(capacity / 2)
    selected: list[Candidate] = []
    waiting: list[Candidate] = []
    for index, candidate in enumerate(ranked):
        if len(selected) == places:
            waiting.append(candidate)
            continue
        others_waiting = any(other.sex != candidate.sex for other in ranked[index + 1 :])
        if held.get(candidate.sex, 0) >= cap and others_waiting:
            candidate.notes.append(BALANCE_NOTE)
            waiting.append(candidate)
            continue
        held[candidate.sex] = held.get(candidate.sex, 0) + 1
        selected.append(candidate)
    # Those held back for balance stay ahead of later applicants on the waiting list.
    return Selection(selected, order(waiting))
