"""On a phone, in Arabic: a young person applies to a cohort; the provider ranks the
applicants and offers the places; the young person confirms; the provider takes
attendance and finishes the cohort; the certificate downloads and verifies."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mujtama.accounts.tests.factories import UserFactory
from mujtama.organizations.tests.factories import OrganizationFactory, add_member
from mujtama.training.models import Certificate, Cohort, Enrollment
from mujtama.training.services import courses
from mujtama.training.tests.conftest import make_cohort, young_person
from tests.browser.conftest import sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_apply_select_attend_complete_and_verify_the_certificate(browser, live_server, shot):
    base = live_server.url
    owner = UserFactory(full_name="رامي الحسن")
    organization = OrganizationFactory(created_by=owner)
    editor = add_member(organization, UserFactory(full_name="دانة السيد"))
    course = courses.course_create(
        actor=owner,
        provider=organization,
        title_ar="تحليل البيانات للشباب",
        title_en="Data analysis for young people",
        description_ar="جداول البيانات والإحصاء والتصوير البياني.",
        description_en="Spreadsheets, statistics and charts.",
        skills="Excel, Python",
        level="beginner",
        hours=48,
        mode="in_person",
    )
    cohort = make_cohort({"editor": editor, "course": course}, capacity=10)
    trainee = young_person("ليلى عبد الرحمن الحسن", remote=True)

    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, base, trainee.email)
    page.goto(f"{base}/ar/my/training/apply/{cohort.pk}/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.fill("textarea[name=motivation]", "أريد أن أعمل عن بعد في تحليل البيانات.")
    page.check("input[name=name_shown][value=full]")
    shot(page, "training-apply-ar")
    page.click("main form button[type=submit]")
    page.wait_for_url("**/my/training/")
    assert "+30" in page.content()  # the remote-area points, among their own factors

    provider = browser.new_context(viewport={"width": 390, "height": 844})
    staff_page = provider.new_page()
    sign_in(staff_page, base, editor.email)
    staff_page.goto(f"{base}/ar/my/training/cohorts/{cohort.pk}/")
    staff_page.click("form[action$='/select/'] button")
    staff_page.wait_for_selector(".messages")
    assert Enrollment.objects.get().status == "accepted"

    page.goto(f"{base}/ar/my/training/")
    page.click("form[action$='/act/'] input[value=confirm] ~ button")
    page.wait_for_selector(".messages")
    assert Enrollment.objects.get().status == "enrolled"

    # Time passes: the training takes place.
    today = timezone.localdate()
    Cohort.objects.filter(pk=cohort.pk).update(
        applications_open_on=today - timedelta(days=40),
        applications_close_on=today - timedelta(days=31),
        starts_on=today - timedelta(days=30),
        ends_on=today,
    )
    staff_page.goto(f"{base}/ar/my/training/cohorts/{cohort.pk}/")
    staff_page.click("form[action$='/move/'] input[value=start] ~ button")
    staff_page.wait_for_selector(".messages")
    staff_page.goto(f"{base}/ar/my/training/cohorts/{cohort.pk}/attendance/")
    staff_page.fill("input[name=held_on]", (today - timedelta(days=3)).isoformat())
    staff_page.check("input[name=present]")
    shot(staff_page, "training-attendance-ar")
    overflow = staff_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 1
    staff_page.click("main form button[type=submit]")
    staff_page.wait_for_url(f"**/cohorts/{cohort.pk}/")
    staff_page.click("form[action$='/finish/'] button")
    staff_page.wait_for_selector(".messages")
    certificate = Certificate.objects.get()

    page.goto(f"{base}/ar/my/training/")
    with page.expect_download() as download:
        page.click(f"a[href$='/certificates/{certificate.pk}/pdf/']")
    with open(download.value.path(), "rb") as pdf:
        assert pdf.read(4) == b"%PDF"
    page.goto(f"{base}/ar/verify/{certificate.document.code}/")
    shot(page, "training-verify-ar")
    assert "ليلى عبد الرحمن الحسن" in page.content()
    assert "تحليل البيانات للشباب" in page.content()
    context.close()
    provider.close()
