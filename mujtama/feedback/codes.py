"""Tracking codes: nine characters a citizen can read over the phone.

Eight random characters and a check character, from ``core.codes`` (an alphabet
without look-alikes, Luhn mod 30). 30⁸ ≈ 6.6 × 10¹¹ codes: with a million items
stored, a guess hits one about once in 650,000 tries, and lookups are rate-limited per
client. Shown in groups of three (``K7Q-M4X-PDR``)."""

from __future__ import annotations

from mujtama.core import codes
from mujtama.core.codes import ALPHABET, check_character, display

__all__ = ["ALPHABET", "LENGTH", "RANDOM_LENGTH", "check_character", "display"]

RANDOM_LENGTH = 8
LENGTH = RANDOM_LENGTH + 1


def new_code() -> str:
    return codes.new_code(RANDOM_LENGTH)


def normalize(typed: str) -> str | None:
    """The stored form of a typed tracking code, or None if it cannot be one."""
    return codes.normalize(typed, LENGTH)
