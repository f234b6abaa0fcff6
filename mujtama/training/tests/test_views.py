"""The provider's and the applicant's pages: who may use each, bad input, query
counts, both languages."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mujtama.training.models import Cohort, Course, Enrollment
from mujtama.training.services import enrollments as services
from mujtama.training.tests.conftest import make_cohort, young_person
from mujtama.training.tests.test_completion import attend, running

pytestmark = pytest.mark.django_db


def test_outsiders_get_404_viewers_403_on_changes(provider, client):
    cohort = make_cohort(provider)
    enrollment = services.enrollment_apply(actor=young_person(), cohort=cohort, motivation="أريد")
    org = provider["organization"].pk
    pages = [
        reverse("training:courses", args=[org]),
        reverse("training:cohort", args=[cohort.pk]),
    ]
    changes = [
        ("get", reverse("training:course_new", args=[org])),
        ("get", reverse("training:cohort_new", args=[provider["course"].pk])),
        ("get", reverse("training:attendance", args=[cohort.pk])),
        ("post", reverse("training:cohort_select", args=[cohort.pk])),
        ("post", reverse("training:enrollment_decide", args=[enrollment.pk])),
        ("post", reverse("training:cohort_finish", args=[cohort.pk])),
    ]
    client.force_login(provider["other_editor"])
    for url in pages:
        assert client.get(url).status_code == 404, url
    for method, url in changes:
        assert getattr(client, method)(url, {"action": "accept"}).status_code == 404, url
    client.force_login(provider["viewer"])
    for url in pages:
        assert client.get(url).status_code == 200, url
    for method, url in changes:
        assert getattr(client, method)(url, {"action": "accept"}).status_code == 403, url
    assert Enrollment.objects.get().status == "applied"
    client.logout()
    assert client.get(pages[0]).status_code == 302


def test_a_provider_creates_a_course_and_a_cohort_and_bad_input_keeps_what_was_typed(
    provider, client
):
    client.force_login(provider["editor"])
    org = provider["organization"].pk
    page = client.post(
        reverse("training:course_new", args=[org]),
        {"title_ar": "تحليل البيانات", "title_en": "", "level": "beginner", "hours": "0"},
    )
    assert page.status_code == 200 and "تحليل البيانات" in page.content.decode()
    assert Course.objects.count() == 1
    today = timezone.localdate()
    data = {
        "name_ar": "دفعة حلب",
        "name_en": "Aleppo cohort",
        "starts_on": (today + timedelta(days=20)).isoformat(),
        "ends_on": (today + timedelta(days=50)).isoformat(),
        "capacity": "20",
        "applications_open_on": today.isoformat(),
        "applications_close_on": (today + timedelta(days=25)).isoformat(),  # after the start
        "confirmation_days": "3",
        "min_age": "15",
        "max_age": "29",
        "remote_points": "30",
        "vulnerable_points": "30",
        "attendance_share": "75",
    }
    url = reverse("training:cohort_new", args=[provider["course"].pk])
    page = client.post(url, data)
    assert page.status_code == 200
    text = page.content.decode()
    assert "دفعة حلب" in text and "error-summary" in text
    assert not Cohort.objects.exists()
    data["applications_close_on"] = (today + timedelta(days=10)).isoformat()
    data["online"] = "on"
    response = client.post(url, data)
    cohort = Cohort.objects.get()
    assert response.url == reverse("training:cohort", args=[cohort.pk])
    assert cohort.status == "draft"


def test_the_young_person_applies_the_provider_selects_and_the_place_is_confirmed(provider, client):
    cohort = make_cohort(provider)
    person = young_person("نور", remote=True)
    client.force_login(person)
    apply_url = reverse("training:apply", args=[cohort.pk])
    assert client.get(apply_url).status_code == 200
    page = client.post(apply_url, {"motivation": "", "name_shown": "full"})
    assert page.status_code == 400
    client.post(apply_url, {"motivation": "أحلم بالعمل عن بعد.", "name_shown": "full"})
    enrollment = Enrollment.objects.get()
    client.force_login(provider["editor"])
    client.post(reverse("training:cohort_select", args=[cohort.pk]))
    assert Enrollment.objects.get().status == "accepted"
    client.force_login(person)
    mine = client.get(reverse("training:mine")).content.decode()
    assert "+30" in mine
    client.post(reverse("training:act", args=[enrollment.pk]), {"action": "confirm"})
    assert Enrollment.objects.get().status == "enrolled"
    # Not the applicant's step to take, nor another person's enrollment.
    client.post(reverse("training:act", args=[enrollment.pk]), {"action": "complete"})
    assert Enrollment.objects.get().status == "enrolled"
    client.force_login(young_person("غريب"))
    assert (
        client.post(
            reverse("training:act", args=[enrollment.pk]), {"action": "withdraw"}
        ).status_code
        == 404
    )


def test_the_quick_attendance_list_and_the_spreadsheet(provider, client):
    import io

    from openpyxl import Workbook

    cohort, people = running(provider, ["ليلى", "سامر"])
    client.force_login(provider["editor"])
    url = reverse("training:attendance", args=[cohort.pk])
    day = (timezone.localdate() - timedelta(days=2)).isoformat()
    response = client.post(url, {"held_on": day, "present": [str(people[0].pk)]})
    assert response.status_code == 302
    page = client.post(url, {"held_on": "2020-01-01", "present": [str(people[1].pk)]})
    assert page.status_code == 400 and "error-summary" in page.content.decode()
    book = Workbook()
    sheet = book.active
    sheet.append(["البريد الإلكتروني", "التاريخ", "حاضر"])
    sheet.append([people[0].applicant.email, day, "نعم"])
    sheet.append(["nobody@example.sy", day, "نعم"])
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    upload.name = "attendance.xlsx"
    page = client.post(
        reverse("training:attendance_import", args=[cohort.pk]), {"file": upload, "mode": "import"}
    )
    assert page.status_code == 400 and "nobody" not in page.content.decode().split("<table")[0]


def test_provider_pages_query_counts_do_not_grow(provider, client):
    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    cohort = make_cohort(provider, capacity=50)
    client.force_login(provider["viewer"])
    urls = [
        reverse("training:courses", args=[provider["organization"].pk]),
        reverse("training:cohort", args=[cohort.pk]),
    ]

    def grow(n: int, start: int) -> None:
        for i in range(n):
            services.enrollment_apply(
                actor=young_person(f"متقدم {start + i}", remote=i % 2 == 0),
                cohort=cohort,
                motivation="أريد",
            )
            make_cohort(provider)

    grow(2, 0)
    few = [count(url) for url in urls]
    grow(8, 2)
    assert [count(url) for url in urls] == few


def test_pages_render_in_arabic_and_english(provider, client):
    cohort, people = running(provider, ["ليلى"])
    attend(provider, cohort, 1, people)
    client.force_login(provider["owner"])
    for language, direction in (("ar", "rtl"), ("en", "ltr")):
        for url in (
            reverse("training:courses", args=[provider["organization"].pk]),
            reverse("training:cohort", args=[cohort.pk]),
            reverse("training:attendance", args=[cohort.pk]),
        ):
            page = client.get(url.replace("/ar/", f"/{language}/", 1))
            assert page.status_code == 200
            assert f'dir="{direction}"' in page.content.decode()
