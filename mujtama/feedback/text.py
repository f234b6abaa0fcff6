"""How the feedback models read a text. Kept free of Django imports: stored models
refer to ``prepare`` by name, and loading them must not need the app registry."""

import re

from mujtama.core.arabic import normalize_ar

_REPEATS = re.compile(r"(\w)\1{2,}")
WORD = r"(?u)\b\w+\b"  # a word: letters or digits, even a single one


def prepare(text: str) -> str:
    """The form the models read: folded Arabic, "كتييييير" shortened to "كتيير"."""
    return _REPEATS.sub(r"\1\1", normalize_ar(text))
