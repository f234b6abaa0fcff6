"""Arabic script and Arabic typed in Latin letters ("Arabizi") reduced to one form.

Citizens write the same dialect word as "بيسكر" or "bisaker", "الكود" or "el kod". This
module reduces every word, whichever script it is written in, to a consonant skeleton:
vowels and the long vowels ا و ي are dropped (Arabic script rarely writes short vowels,
Arabizi always does), Arabic letters and the Arabizi digits and letter pairs for them
(3 = ع, 7 = ح, 2 = ء/ق, 5 = خ, "sh" = ش, "gh" = غ ...) become one Latin letter each, letters
that sound alike in Syrian speech are merged (ص/س, ض/د, ط/ت, ث/ت, ذ/د, ظ/ز, ح/ه), a
doubled letter counts once, and the article (ال، بال، "el", "bel", "lal" ...) and a final
ة are dropped. So "بيسكر" and "bisaker" both become "bskr", "الكود" and "el kod" become
"kd", "التحقق" and "el ta7a2o2" become "thq".

The skeleton is lossy on purpose: it is only for matching (``grouping`` compares texts by
it, ``concepts`` lets an Arabizi word match an Arabic pattern), never for display. English
words get a skeleton too; it only ever matches other English words' skeletons, except by
accident. Kept free of Django imports, like ``text``."""

from __future__ import annotations

import re

from mujtama.feedback.text import prepare

_ARABIC = str.maketrans(
    {
        "ا": "",
        "ء": "",
        "و": "",
        "ي": "",
        "ب": "b",
        "ت": "t",
        "ث": "t",
        "ج": "j",
        "ح": "h",
        "خ": "x",
        "د": "d",
        "ذ": "d",
        "ر": "r",
        "ز": "z",
        "س": "s",
        "ش": "S",
        "ص": "s",
        "ض": "d",
        "ط": "t",
        "ظ": "z",
        "ع": "3",
        "غ": "g",
        "ف": "f",
        "ق": "q",
        "ك": "k",
        "ل": "l",
        "م": "m",
        "ن": "n",
        "ه": "h",
        "پ": "b",
        "چ": "S",
        "گ": "k",
    }
)
# Letter pairs first (in this order), then single letters and digits.
_LATIN_PAIRS = (
    ("3'", "g"),
    ("7'", "x"),
    ("sh", "S"),
    ("ch", "S"),
    ("kh", "x"),
    ("gh", "g"),
    ("th", "t"),
    ("dh", "d"),
    ("ou", ""),
)
_LATIN = str.maketrans(
    {
        "a": "",
        "e": "",
        "i": "",
        "o": "",
        "u": "",
        "y": "",
        "w": "",
        "'": "",
        "5": "x",
        "7": "h",
        "2": "q",
        "8": "q",
        "6": "t",
        "9": "s",
        "c": "k",
        "p": "b",
        "v": "f",
    }
)
WORD = re.compile(r"[a-z0-9']+|[\u0621-\u064a]+")  # a Latin or an Arabic word, folded
_ARABIC_ARTICLE = re.compile(r"^(?:و|ف|ب|ل|ك|ع)?(?:ال|لل)(?=..)")
_LATIN_ARTICLE = re.compile(r"^(?:el|al|il)-?")
# Arabizi articles and prepositions written as words of their own ("el kod", "bel app").
_LATIN_PARTICLES = frozenset(
    {"el", "al", "il", "l", "bel", "bil", "lal", "3al", "fel", "fil", "wel", "w", "b", "3a"}
)
_DOUBLED = re.compile(r"(.)\1+")


def is_arabic(word: str) -> bool:
    return "\u0621" <= word[:1] <= "\u064a"


def word_skeleton(word: str) -> str:
    """The skeleton of one folded word (a match of ``WORD``); "" for numbers and
    particles."""
    if is_arabic(word):
        word = _ARABIC_ARTICLE.sub("", word)
        if len(word) > 2 and word.endswith("ه"):  # ة, folded to ه by ``prepare``
            word = word[:-1]
        return _DOUBLED.sub(r"\1", word.translate(_ARABIC))
    if word.isdigit() or word in _LATIN_PARTICLES:
        return ""
    for pair, letter in _LATIN_PAIRS:
        word = word.replace(pair, letter)
    if len(word) > 4 and word[:2] in ("el", "al", "il"):
        word = _LATIN_ARTICLE.sub("", word)
    if len(word) > 3 and word.endswith("h") and word[-2] in "aeiou":
        word = word[:-1]
    return _DOUBLED.sub(r"\1", word.translate(_LATIN))


def skeleton(text: str) -> str:
    """The text folded (``prepare``) and every word reduced to its skeleton."""
    skeletons = (word_skeleton(word) for word in WORD.findall(prepare(text)))
    return " ".join(word for word in skeletons if word)
