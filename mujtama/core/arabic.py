"""Arabic text normalization: the one function every search and comparison uses."""

import re
import unicodedata

# Harakat, tanwin, shadda, sukun, superscript alef, Quranic annotation marks.
_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
_TATWEEL = "\u0640"
_TRANSLATION = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ؤ": "و",
        "ئ": "ي",
        "ة": "ه",
        # Arabic-Indic digits
        "٠": "0",
        "١": "1",
        "٢": "2",
        "٣": "3",
        "٤": "4",
        "٥": "5",
        "٦": "6",
        "٧": "7",
        "٨": "8",
        "٩": "9",
        # Extended Arabic-Indic (Persian/Urdu) digits
        "۰": "0",
        "۱": "1",
        "۲": "2",
        "۳": "3",
        "۴": "4",
        "۵": "5",
        "۶": "6",
        "۷": "7",
        "۸": "8",
        "۹": "9",
        _TATWEEL: None,
    }
)
_SPACES = re.compile(r"\s+")


def normalize_ar(text: str | None) -> str:
    """Fold Arabic (and mixed Arabic/English) text to a form for search and comparison.

    Strips harakat and tatweel, unifies alef forms, maps ى→ي, ؤ→و, ئ→ي, ة→ه,
    turns Arabic-Indic and Persian digits into ASCII, lower-cases Latin letters and
    collapses whitespace. The result is for matching only, never for display.
    """
    if not text:
        return ""
    # NFKC folds presentation forms (e.g. ligatures from PDFs) into base letters.
    folded = unicodedata.normalize("NFKC", text)
    folded = _DIACRITICS.sub("", folded)
    folded = folded.translate(_TRANSLATION)
    return _SPACES.sub(" ", folded).strip().casefold()
