"""Grouping feedback into needs: the command's contract and the rules it keeps."""

import io
import json
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from mujtama.feedback.concepts import concepts_of
from mujtama.feedback.grouping import Item, group
from mujtama.feedback.transliteration import skeleton

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


def test_arabizi_and_arabic_words_share_a_skeleton():
    assert skeleton("بيسكر") == skeleton("bisaker") == "bskr"
    assert skeleton("الكود") == skeleton("el kod") == "kd"
    assert skeleton("التحقق") == skeleton("el ta7a2o2")
    assert skeleton("ما عم يوصل") == skeleton("ma 3am yousal")


def test_a_concept_is_not_found_inside_an_unrelated_word():
    assert "§medical" not in concepts_of("التطبيق ما عم يفتح")  # طبي inside التطبيق
    assert "§appointment" not in concepts_of("صدور القرار")  # دور inside صدور
    assert "§appointment" in concepts_of("ما في ولا دور بالمركز")
    assert "§pay" not in concepts_of("please repay")  # Latin patterns start a word


def test_arabizi_spellings_the_table_does_not_list_match_by_skeleton():
    assert "§crash" in concepts_of("el app bisaker kel ma efta7o")
    assert "§refused" in concepts_of("el talab marfood")


def test_english_words_are_not_read_as_arabizi():
    assert "§email" not in concepts_of("The bread app asks me to choose my bakery every time")


def test_an_arabizi_paraphrase_joins_its_need():
    texts = {
        "a": "تطبيق البطاقة الذكية صار يسكر لحالو بعد التحديث",
        "b": "بعد آخر تحديث التطبيق بيطفي أول ما افتحه",
        "c": "el app 3am ysakker la7alo ba3d el update",
        "d": "رسالة البنزين ما وصلت من شهر",
        "e": "صرلي ٢٠ يوم ما اجتني رسالة البنزين",
    }
    needs = group([Item(key, "smart-card", text) for key, text in texts.items()])
    assert needs["a"] == needs["b"] == needs["c"]
    assert needs["d"] == needs["e"] != needs["a"]


def _paraphrases(name: str) -> Path:
    return Path(__file__).resolve().parents[1] / "data" / name


def _scores(name: str | None = None) -> dict:
    out = io.StringIO()
    paths = [str(_paraphrases(name))] if name else []
    call_command("feedback_group_evaluate", *paths, "--json", stdout=out)
    return json.loads(out.getvalue())


def test_feedback_group_evaluate_scores_a_paraphrase_file():
    # The six development sets the pair model learns from (the concept table was
    # written from the first two): a regression guard, not a result. Each scored by a
    # model that had not seen it: 0.912, 0.926, 0.712, 0.820, 0.613 and 0.692.
    for name, groups, floor in (
        ("paraphrase_groups.jsonl", 45, 0.9),
        ("paraphrase_groups_heldout.jsonl", 45, 0.9),
        ("paraphrase_groups_test.jsonl", 48, 0.68),
        ("paraphrase_groups_test2.jsonl", 48, 0.78),
        ("paraphrase_groups_test3.jsonl", 48, 0.58),
        ("paraphrase_groups_dev5.jsonl", 48, 0.66),
    ):
        scores = _scores(name)
        assert scores["texts"] > 190 and scores["groups"] == groups
        assert scores["ari"] >= floor, (name, scores)


def test_feedback_group_evaluate_refuses_a_bad_file(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "service": "a", "text": "b"}\n', encoding="utf-8")
    with pytest.raises(CommandError):
        call_command("feedback_group_evaluate", str(bad), stdout=io.StringIO())
    with pytest.raises(CommandError):
        call_command("feedback_group_evaluate", str(tmp_path / "missing.jsonl"))


def test_grouping_the_blind_test_set_does_not_regress():
    # The blind set (never used to fit or choose anything), the command's default:
    # adjusted Rand index 0.753 on 231 texts in 48 groups (60 needs found), below the
    # 0.8 the grouping should reach. The floor only catches a regression.
    scores = _scores()
    assert scores["texts"] == 231 and scores["groups"] == 48
    assert scores["ari"] >= 0.72, scores


def test_the_pair_model_never_learns_from_the_blind_set():
    from mujtama.feedback.grouping import BLIND_SET, PAIR_TRAINING_SETS

    assert BLIND_SET not in PAIR_TRAINING_SETS
    assert len(PAIR_TRAINING_SETS) == 6
