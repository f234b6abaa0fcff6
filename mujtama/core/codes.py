"""Codes people read aloud or type: tracking codes, verification codes.

Characters are drawn at random (``secrets``) from an alphabet without the letters and
digits people confuse (0/O, 1/I/L, U/V); the last character is a check character
(Luhn mod 30), so a mistyped code is recognised as wrong without a database lookup.
Codes are shown in groups of three (``K7Q-M4X-PDR``); people may type them in any
case, with or without dashes or spaces, and with Arabic-Indic digits."""

from __future__ import annotations

import secrets

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {character: value for value, character in enumerate(ALPHABET)}
# What people type for characters the alphabet leaves out.
_CONFUSED = str.maketrans("01ILOU٠١٢٣٤٥٦٧٨٩", "!" * 6 + "0123456789")


def check_character(body: str) -> str:
    """The Luhn mod N check character of ``body``."""
    base = len(ALPHABET)
    total = 0
    factor = 2
    for character in reversed(body):
        addend = factor * _VALUE[character]
        addend = addend // base + addend % base
        total += addend
        factor = 1 if factor == 2 else 2
    return ALPHABET[(base - total % base) % base]


def new_code(random_length: int) -> str:
    """``random_length`` random characters and their check character."""
    body = "".join(secrets.choice(ALPHABET) for _ in range(random_length))
    return body + check_character(body)


def normalize(typed: str, length: int) -> str | None:
    """The stored form of a typed code of ``length`` characters (check included), or
    None if it cannot be a valid one."""
    cleaned = "".join(typed.split()).replace("-", "").upper()
    # Arabic-Indic digits become ASCII; the confusable letters become an impossible
    # character so that the check fails rather than guessing what was meant.
    cleaned = cleaned.translate(_CONFUSED)
    if len(cleaned) != length or any(character not in _VALUE for character in cleaned):
        return None
    if check_character(cleaned[:-1]) != cleaned[-1]:
        return None
    return cleaned


def display(code: str) -> str:
    return "-".join(code[i : i + 3] for i in range(0, len(code), 3))
