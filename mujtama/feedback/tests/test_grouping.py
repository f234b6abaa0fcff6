"""Grouping feedback into needs: the command's contract and the rules it keeps."""

import io
import json
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from mujtama.feedback.concepts import concepts_of
from mujtama.feedback.grouping import Item, group

OTP = "رمز التحقق ما عم يوصل لما احجز دور للجواز"
OTP_AGAIN = "رمز التحقق لا يصل عند حجز دور جواز السفر"
NO_DATES = "لا توجد أي مواعيد متاحة للحجز منذ ثلاثة أشهر"


def test_items_of_different_services_never_share_a_need():
    needs = group([Item("1", "passport", OTP), Item("2", "tax-portal", OTP)])
    assert needs["1"] != needs["2"]


def test_close_texts_share_a_need_and_a_different_problem_does_not():
    needs = group(
        [
            Item("a", "passport", OTP),
            Item("b", "passport", OTP_AGAIN),
            Item("c", "passport", NO_DATES),
            Item("d", "passport", OTP),
        ]
    )
    assert needs["a"] == needs["d"] == needs["b"]
    assert needs["c"] != needs["a"]


def _run(monkeypatch, stdin: str) -> list[dict]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    out = io.StringIO()
    call_command("feedback_group", stdout=out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def test_feedback_group_answers_every_id_in_order(monkeypatch):
    lines = [
        {"id": 7, "service": "passport", "text": OTP},
        {"id": "x", "service": "passport", "text": OTP},
        {"id": "y", "service": "exam-results", "text": OTP},
    ]
    answers = _run(monkeypatch, "\n".join(json.dumps(x, ensure_ascii=False) for x in lines))
    assert [a["id"] for a in answers] == ["7", "x", "y"]
    assert answers[0]["need"] == answers[1]["need"] != answers[2]["need"]


@pytest.mark.parametrize(
    "stdin",
    ['{"id": 1, "text": "بلا خدمة"}', "not json", '{"id": 1, "service": "a", "text": "b"}\n' * 2],
)
def test_feedback_group_refuses_bad_input_plainly(monkeypatch, stdin):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    with pytest.raises(CommandError):
        call_command("feedback_group", stdout=io.StringIO())


def test_the_same_concept_is_found_in_every_language():
    texts = [
        "رمز التحقق لا يصل",
        "الكود ما عم يوصل عالموبايل",
        "The OTP never arrives",
        "el kod ma 3am yousal",
    ]
    for text in texts:
        assert {"§code", "§arrive"} <= set(concepts_of(text)), text
    assert concepts_of("شكراً") == []
