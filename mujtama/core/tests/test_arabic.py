import pytest

from mujtama.core.arabic import normalize_ar


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مُجْتَمَعٌ ذَكِيٌّ", "مجتمع ذكي"),  # harakat, tanwin, shadda
        ("ذكـــاء", "ذكاء"),  # tatweel
        ("أحمد", "احمد"),
        ("إدلب", "ادلب"),
        ("آمال", "امال"),
        ("ٱلرحمن", "الرحمن"),  # alef wasla
        ("مصطفى", "مصطفي"),  # alef maqsura → ya
        ("مؤسسة", "موسسه"),  # waw with hamza, ta marbuta
        ("هيئة", "هييه"),  # ya with hamza
        ("جمعية", "جمعيه"),
        ("٠١٢٣٤٥٦٧٨٩", "0123456789"),
        ("۰۱۲۳۴۵۶۷۸۹", "0123456789"),
        ("  جمعية\t\tالأمل \n التقنية  ", "جمعيه الامل التقنيه"),
        ("Tech  Association", "tech association"),
        ("", ""),
        (None, ""),
        ("ﻻ", "لا"),  # presentation-form ligature
    ],
)
def test_normalize_ar(text: str | None, expected: str) -> None:
    assert normalize_ar(text) == expected


def test_spelling_variants_of_one_name_compare_equal() -> None:
    assert normalize_ar("جمعية الأمل التقنية") == normalize_ar("جمعيه الامل التقنيه")
    assert normalize_ar("جَمْعِيَّة الأَمَل") == normalize_ar("جمعيه الامل")


def test_different_names_stay_different() -> None:
    assert normalize_ar("جمعية الأمل") != normalize_ar("جمعية الأمان")
