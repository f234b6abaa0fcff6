"""Needs (grouping on arrival, merge, split, redacted examples), tracking codes, the
public figures with small-cell suppression, and the staff catalogue pages."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from mujtama.core.statistics import Figure, share
from mujtama.feedback import codes
from mujtama.feedback.models import DigitalService, Feedback, FeedbackDesk, Need
from mujtama.feedback.redaction import redact
from mujtama.feedback.selectors import services_figures
from mujtama.feedback.services.needs import need_merge, need_split
from mujtama.feedback.services.triage import feedback_classify_arrival
from mujtama.feedback.tests.factories import item, ministry, officer, service

pytestmark = pytest.mark.django_db

OTP = [
    "رمز التحقق ما عم يوصل لما احجز دور للجواز",
    "رمز التحقق لا يصل عند حجز دور جواز السفر",
    "ما وصلني رمز التحقق لحجز دور الجواز ولا مرة",
]
NO_DATES = "لا توجد أي مواعيد متاحة للحجز منذ ثلاثة أشهر"


@pytest.fixture(autouse=True)
def _in_service(classifier_in_service):
    with translation.override("en"):
        yield


def arrive(of, text, **fields):
    feedback = item(of, text=text, **fields)
    feedback_classify_arrival(feedback.pk)
    return Feedback.objects.get(pk=feedback.pk)


def test_near_duplicates_of_one_service_join_one_need_and_others_do_not():
    passports = service(code=12)
    first, second, third = (arrive(passports, text) for text in OTP)
    other_problem = arrive(passports, NO_DATES)
    elsewhere = arrive(service(code=13), OTP[0])
    assert first.need == second.need == third.need
    assert other_problem.need != first.need
    assert elsewhere.need != first.need and elsewhere.need.service.short_code == 13
    need = Need.objects.get(pk=first.need_id)
    assert need.size == 3 and need.first_seen == first.received_at
    assert need.last_seen == third.received_at


def test_classification_on_arrival_is_idempotent():
    feedback = arrive(service(), OTP[0])
    assert feedback_classify_arrival(feedback.pk) is None
    assert Need.objects.get().size == 1


def test_staff_merge_and_split_needs_of_their_ministry_only():
    desk = ministry()
    passports = service(desk, code=12)
    who = officer(desk)
    a = arrive(passports, OTP[0])
    b = arrive(passports, NO_DATES)
    merged = need_merge(source=b.need, target=a.need, actor=who)
    assert merged.size == 2 and Need.objects.count() == 1
    assert Feedback.objects.get(pk=b.pk).need == merged
    new = need_split(need=merged, items=[Feedback.objects.get(pk=b.pk)], actor=who, title="مواعيد")
    assert new.size == 1 and new.title == "مواعيد"
    assert Need.objects.get(pk=merged.pk).size == 1
    with pytest.raises(ValidationError):
        need_split(need=new, items=[Feedback.objects.get(pk=b.pk)], actor=who)
    stranger = officer(ministry("energy"), email="energy@example.sy")
    with pytest.raises(PermissionDenied):
        need_merge(source=new, target=merged, actor=stranger)
    with pytest.raises(ValidationError, match="same service"):
        need_merge(source=new, target=arrive(service(desk, code=14), NO_DATES).need, actor=who)


def test_the_need_page_shows_examples_without_phones_emails_or_names(client):
    desk = ministry()
    who = officer(desk)
    feedback = arrive(
        service(desk),
        "اسمي سلمى الحلواني ورقمي 0933 000 582 وإيميلي salma@example.com، رمز التحقق لا يصل",
    )
    client.force_login(who)
    page = client.get(f"/en/staff/feedback/needs/{feedback.need_id}/").content.decode()
    example = page.split("Examples")[1]
    for secret in ("سلمى", "0933 000 582", "salma@example.com"):
        assert secret not in example
    assert "رمز التحقق لا يصل" in example


def test_redaction_keeps_ordinary_words():
    assert redact("مركز خدمة المواطن في المزة") == "مركز خدمة المواطن في المزة"
    assert "٠٩٣٣" not in redact("اتصلوا على ٠٩٣٣١٢٣٤٥٦")
    assert redact("رقم الطلب 4471") == "رقم الطلب 4471"


# --- tracking codes ------------------------------------------------------------------------------


def test_codes_carry_a_check_character_that_catches_typos():
    code = codes.new_code()
    assert len(code) == 9 and codes.normalize(code) == code
    assert codes.normalize(codes.display(code).lower()) == code
    for position in range(9):
        for replacement in codes.ALPHABET:
            if replacement != code[position]:
                typo = code[:position] + replacement + code[position + 1 :]
                assert codes.normalize(typo) is None
    for position in range(8):
        swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
        if swapped != code:
            assert codes.normalize(swapped) is None
    assert codes.normalize("O0I1L-U") is None and codes.normalize("") is None


def test_codes_are_not_a_sequence():
    many = [codes.new_code() for _ in range(5000)]
    assert len(set(many)) == len(many)
    bodies = sorted(
        int("".join(str(codes.ALPHABET.index(c)).zfill(2) for c in code[:8])) for code in many
    )
    steps = {b - a for a, b in itertools.pairwise(bodies)}
    assert len(steps) > 4000  # no common step between neighbours
    first_characters = {code[0] for code in many}
    assert first_characters == set(codes.ALPHABET)  # spread over the whole alphabet


def test_arabic_indic_digits_in_a_typed_code_are_understood():
    code = "23456789A"
    code = code[:8] + codes.check_character(code[:8])
    typed = code.translate(str.maketrans("23456789", "٢٣٤٥٦٧٨٩"))
    assert codes.normalize(typed) == code


def test_the_tracking_lookup_refuses_unknown_codes_and_counts_them(client, settings):
    settings.FEEDBACK_LOOKUP_LIMIT = 2
    feedback = item()
    found = client.get("/en/feedback/track/", {"code": codes.display(feedback.tracking_code)})
    assert found.status_code == 302
    for _ in range(2):
        response = client.get("/en/feedback/track/", {"code": "ABC-DEF-GHJ"})
        assert (
            response.status_code == 200
            and "No feedback has this tracking code" in response.content.decode()
        )
    assert client.get("/en/feedback/track/", {"code": "ABC-DEF-GHJ"}).status_code == 429
    assert client.get("/en/feedback/track/ZZZZZZZZZ/").status_code == 429


# --- public figures ------------------------------------------------------------------------------


def _rated(of, ratings):
    for rating in ratings:
        item(of, text=f"تقييم {rating} للخدمة", rating=rating)


def test_a_figure_from_four_submissions_is_fewer_than_five_and_from_five_is_shown(client):
    four = service(code=20)
    five = service(code=21)
    _rated(four, [5, 4, 4, 2])
    _rated(five, [5, 4, 4, 2, 1])
    figures = {f.service.short_code: f for f in services_figures()}
    assert figures[20].volume.suppressed and figures[20].average_rating.suppressed
    assert figures[20].volume.shown is None
    assert figures[21].volume.shown == 5
    assert figures[21].average_rating.shown == 3.2
    assert figures[21].satisfied.suppressed  # 3 satisfied: a cell under 5
    page = client.get("/en/feedback/services/").content.decode()
    row_four = page.split("Service 20")[1].split("</tr>")[0]
    row_five = page.split("Service 21")[1].split("</tr>")[0]
    assert "fewer than 5" in row_four and ">4<" not in row_four
    assert ">5<" in row_five and "3.2" in row_five
    detail = client.get(f"/en/feedback/services/{four.pk}/").content.decode()
    assert "fewer than 5" in detail


def test_shares_need_five_on_both_sides_of_the_fraction():
    assert share(5, 10) == Figure(50, 5) and not share(5, 10).suppressed
    assert share(4, 10).suppressed and share(4, 4).suppressed
    assert share(0, 4).suppressed and not share(0, 7).suppressed


def test_rejected_and_merged_items_are_not_counted():
    of = service(code=22)
    _rated(of, [3, 3, 3, 3, 3])
    Feedback.objects.filter(pk=Feedback.objects.first().pk).update(status="rejected")
    assert services_figures()[0].volume.shown is None


def test_the_public_services_page_takes_constant_queries(client):
    _rated(service(code=23), [4])
    client.get("/en/feedback/services/")
    with CaptureQueriesContext(connection) as few:
        services_figures()
    for code in range(24, 34):
        _rated(service(code=code), [1, 2, 3, 4, 5])
    with CaptureQueriesContext(connection) as many:
        services_figures()
    assert len(many) == len(few) <= 3


def test_the_triage_queue_takes_constant_queries(client, django_assert_max_num_queries):
    desk = ministry()
    who = officer(desk)
    client.force_login(who)
    for n in range(3):
        item(service(desk), text=f"بلاغ {n}")
    client.get("/en/staff/feedback/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/staff/feedback/")
    for n in range(20):
        item(service(desk, code=50 + n % 3), text=f"بلاغ إضافي {n}")
    with CaptureQueriesContext(connection) as many:
        assert client.get("/en/staff/feedback/").status_code == 200
    assert len(many) == len(few)


# --- the catalogue -------------------------------------------------------------------------------


def test_moct_officers_keep_the_catalogue_and_others_may_not(client, moct_officer, program_manager):
    desk = ministry()
    client.force_login(program_manager)
    assert client.get("/en/staff/feedback/catalogue/").status_code == 403
    client.force_login(moct_officer)
    assert client.get("/en/staff/feedback/catalogue/").status_code == 200
    response = client.post(
        "/en/staff/feedback/catalogue/services/new/",
        {
            "ministry": desk.pk,
            "name_ar": "خدمة جديدة",
            "name_en": "New service",
            "channel": "kiosk",
            "short_code": 77,
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    assert DigitalService.objects.get(short_code=77).channel == "kiosk"
    duplicate = client.post(
        "/en/staff/feedback/catalogue/services/new/",
        {
            "ministry": desk.pk,
            "name_ar": "أخرى",
            "name_en": "Other",
            "channel": "kiosk",
            "short_code": 77,
        },
    )
    assert duplicate.status_code == 400 and "خدمة جديدة" not in duplicate.content.decode()
    assert 'value="أخرى"' in duplicate.content.decode()


def test_a_desk_goes_only_to_an_officer(client, moct_officer, citizen):
    desk = ministry()
    client.force_login(moct_officer)
    client.post(
        "/en/staff/feedback/catalogue/desks/", {"email": citizen.email, "ministry": desk.pk}
    )
    assert not FeedbackDesk.objects.exists()
    helper = officer(email="helper@example.sy")
    client.post("/en/staff/feedback/catalogue/desks/", {"email": helper.email, "ministry": desk.pk})
    assert FeedbackDesk.objects.get().user == helper
