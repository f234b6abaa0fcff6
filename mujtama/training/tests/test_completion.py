"""Attendance, completion, certificates (PDF read back: shaped Arabic in logical
order, QR code to the verification page), revocation, follow-up links."""

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from mujtama.core.tests.pdf_tools import decode_qr, pdf_text, pdf_to_png, require_pdf_tools
from mujtama.core.verification import document_revoke, verify_url
from mujtama.impact.ledger import reach_totals
from mujtama.notifications.models import Notification
from mujtama.training.models import Certificate, Cohort, Enrollment, FollowUp
from mujtama.training.services import attendance, courses, followups
from mujtama.training.services import enrollments as services
from mujtama.training.services.certificates import certificate_pdf
from mujtama.training.tests.conftest import make_cohort, young_person

pytestmark = pytest.mark.django_db


def running(
    provider: dict[str, Any], names: list[str], **fields: Any
) -> tuple[Cohort, list[Enrollment]]:
    """A cohort whose applicants are enrolled, moved into the past and running."""
    cohort = make_cohort(provider, capacity=len(names), **fields)
    people = [
        services.enrollment_apply(
            actor=young_person(name), cohort=cohort, motivation="أريد", name_shown="full"
        )
        for name in names
    ]
    services.cohort_select(actor=provider["editor"], cohort=cohort)
    for enrollment in people:
        services.enrollment_move(
            actor=enrollment.applicant,
            enrollment=Enrollment.objects.get(pk=enrollment.pk),
            action="confirm",
        )
    today = timezone.localdate()
    Cohort.objects.filter(pk=cohort.pk).update(
        applications_open_on=today - timedelta(days=40),
        applications_close_on=today - timedelta(days=31),
        starts_on=today - timedelta(days=30),
        ends_on=today,
    )
    cohort = courses.cohort_move(
        actor=provider["editor"], cohort=Cohort.objects.get(pk=cohort.pk), action="start"
    )
    return cohort, [Enrollment.objects.get(pk=e.pk) for e in people]


def attend(provider: dict[str, Any], cohort: Cohort, days_ago: int, present: list[Enrollment]):
    session = attendance.session_for(
        actor=provider["editor"],
        cohort=cohort,
        held_on=timezone.localdate() - timedelta(days=days_ago),
    )
    enrolled = cohort.enrollments.filter(status="enrolled")
    attendance.attendance_record(
        actor=provider["editor"],
        session=session,
        present={e.pk: e.pk in {p.pk for p in present} for e in enrolled},
    )


def test_completion_needs_the_attendance_share_and_the_assessment(provider):
    cohort, (full, half, failed) = running(
        provider, ["ليلى عبد الرحمن الحسن", "سامر", "هبة"], assessment=True
    )
    for days in (20, 10, 5, 1):
        attend(provider, cohort, days, [full, failed] + ([half] if days > 5 else []))
    attendance.assessment_record(actor=provider["editor"], enrollment=full, passed=True)
    attendance.assessment_record(actor=provider["editor"], enrollment=half, passed=True)
    attendance.assessment_record(actor=provider["editor"], enrollment=failed, passed=False)
    with pytest.raises(PermissionDenied):
        attendance.cohort_finish(actor=provider["viewer"], cohort=cohort)
    counts = attendance.cohort_finish(actor=provider["editor"], cohort=cohort)
    assert counts == {"completed": 1, "dropped": 2}
    statuses = {e.applicant.full_name: e.status for e in Enrollment.objects.all()}
    assert statuses == {"ليلى عبد الرحمن الحسن": "completed", "سامر": "dropped", "هبة": "dropped"}
    assert Cohort.objects.get(pk=cohort.pk).status == "finished"
    certificate = Certificate.objects.get()
    assert certificate.enrollment.pk == full.pk
    assert certificate.document.holder_name == "ليلى عبد الرحمن الحسن"
    assert sorted(FollowUp.objects.values_list("months", flat=True)) == [3, 6, 12]
    # Three trainees, recorded at enrollment and at completion, count as three people.
    assert reach_totals(organization=provider["organization"]).unique_people == 3
    assert Notification.objects.filter(recipient=full.applicant, kind="training_enrollment")


def test_attendance_refuses_days_outside_the_cohort_and_people_not_enrolled(provider):
    cohort, (someone,) = running(provider, ["ليلى"])
    with pytest.raises(ValidationError):
        attendance.session_for(
            actor=provider["editor"], cohort=cohort, held_on=cohort.starts_on - timedelta(days=1)
        )
    session = attendance.session_for(
        actor=provider["editor"], cohort=cohort, held_on=cohort.starts_on
    )
    with pytest.raises(ValidationError):
        attendance.attendance_record(
            actor=provider["editor"], session=session, present={999999: True}
        )
    with pytest.raises(PermissionDenied):
        attendance.attendance_record(
            actor=provider["other_editor"], session=session, present={someone.pk: True}
        )
    with pytest.raises(ValidationError):
        attendance.cohort_finish(actor=provider["editor"], cohort=make_cohort(provider))


def finished(provider: dict[str, Any], name: str = "ليلى عبد الرحمن الحسن") -> Certificate:
    cohort, (trainee,) = running(provider, [name])
    attend(provider, cohort, 3, [trainee])
    attendance.cohort_finish(actor=provider["editor"], cohort=cohort)
    return Certificate.objects.select_related("document").get()


def test_the_certificate_pdf_reads_back_and_its_qr_code_leads_to_the_verification_page(
    provider, tmp_path
):
    require_pdf_tools()
    certificate = finished(provider)
    pdf = certificate_pdf(certificate)
    text = pdf_text(pdf)
    assert "ليلى عبد الرحمن الحسن" in text  # shaped Arabic, read in logical order
    assert "تطوير الويب للمبتدئين" in text and "Web development for beginners" in text
    [page] = pdf_to_png(pdf, tmp_path)
    url = settings.SITE_URL.rstrip("/") + verify_url(certificate.document, language="ar")
    assert decode_qr(page) == [url]


def test_the_holder_downloads_it_others_cannot_and_it_verifies_then_shows_revoked(provider, client):
    certificate = finished(provider)
    holder = certificate.enrollment.applicant
    url = reverse("training:certificate", args=[certificate.pk])
    client.force_login(young_person("غريب"))
    assert client.get(url).status_code == 404
    client.force_login(holder)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf" and response.content[:4] == b"%PDF"
    code = certificate.document.code
    page = client.get(f"/ar/verify/{code}/").content.decode()
    assert "ليلى عبد الرحمن الحسن" in page
    altered = code[:-1] + ("2" if code[-1] != "2" else "3")
    assert client.get(f"/ar/verify/{altered}/").status_code == 404
    with pytest.raises(PermissionDenied):
        document_revoke(actor=provider["editor"], document=certificate.document, reason="خطأ")
    with pytest.raises(ValidationError):
        document_revoke(actor=provider["owner"], document=certificate.document, reason=" ")
    document_revoke(actor=provider["owner"], document=certificate.document, reason="مخالفة")
    assert "Revoked" in client.get(f"/en/verify/{code}/").content.decode()


def test_initials_on_the_public_page_when_the_holder_chooses(provider, client):
    cohort = make_cohort(provider, capacity=1)
    enrollment = services.enrollment_apply(
        actor=young_person("ليلى عبد الرحمن الحسن"),
        cohort=cohort,
        motivation="أريد",
        name_shown="initials",
    )
    assert enrollment.name_shown == "initials"
    from mujtama.training.services.certificates import certificate_issue

    certificate = certificate_issue(enrollment=enrollment, actor=provider["editor"])
    assert certificate.document.holder_name == "ل. ر. ح."


def sent_token(followup: FollowUp) -> str:
    """Send the survey and read the token back from the SMS it sent."""
    from mujtama.notifications.sms import outbox

    outbox.clear()
    followups.followups_send()
    message = next(m for m in Notification.objects.filter(kind="training_followup", channel="sms"))
    return message.body.rsplit("/follow-up/", 1)[1].split("/")[0]


def test_a_follow_up_link_works_once_for_its_person_only_and_expires(provider, client):
    certificate = finished(provider)
    enrollment = certificate.enrollment
    from mujtama.accounts.services import profile_update

    profile_update(
        user=enrollment.applicant, full_name=enrollment.applicant.full_name, phone="+963933123456"
    )
    followup = FollowUp.objects.get(enrollment=enrollment, months=3)
    with time_machine.travel(followup.due_on - timedelta(days=1)):
        assert followups.followups_send() == 0
    with time_machine.travel(followup.due_on + timedelta(hours=12), tick=False):
        token = sent_token(followup)
        assert followups.followups_send() == 0  # not sent twice
        url = reverse("training_followup:answer", args=[token])
        assert client.get(url).status_code == 200
        assert client.get(url[:-5] + "abcd/").status_code == 404
        bad = client.post(url, {"outcome": "employed", "helped": "yes"})
        assert bad.status_code == 400  # the sector of the work is missing
        ok = client.post(url, {"outcome": "employed", "sector": "technology", "helped": "yes"})
        assert ok.status_code == 200
        assert client.get(url).status_code == 410
        assert client.post(url, {"outcome": "looking", "helped": "no"}).status_code == 410
    answered = FollowUp.objects.get(pk=followup.pk)
    assert answered.outcome == "employed" and answered.answered_at is not None
    later = FollowUp.objects.get(enrollment=enrollment, months=6)
    with time_machine.travel(later.due_on + timedelta(hours=12), tick=False):
        Notification.objects.all().delete()
        token = sent_token(later)
    with time_machine.travel(later.due_on + timedelta(days=followups.LINK_DAYS + 1)):
        assert client.get(reverse("training_followup:answer", args=[token])).status_code == 410


def test_months_are_added_to_the_calendar():
    assert followups.add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert followups.add_months(date(2026, 1, 31), 12) == date(2027, 1, 31)


def test_figures_by_the_trainees_governorate_are_suppressed_below_five(provider, client):
    from mujtama.training.selectors import governorate_results

    def deir() -> tuple[Any, Any]:
        found = {
            place.pcode: (finished, results) for place, finished, results in governorate_results()
        }
        return found["SY09"]

    cohort, people = running(provider, [f"متدربة {n}" for n in range(4)])
    attend(provider, cohort, 2, people)
    attendance.cohort_finish(actor=provider["editor"], cohort=cohort)
    finished, results = deir()
    assert finished.suppressed and results.completion.suppressed
    cohort, people = running(provider, ["متدربة 5"])
    attend(provider, cohort, 2, [])
    attendance.cohort_finish(actor=provider["editor"], cohort=cohort)
    finished, results = deir()
    assert finished.shown == 5
    # 4 of 5 completed: the share is kept back, as a part of fewer than 5 people.
    assert results.completion.suppressed and results.completion.shown is None
    page = client.get(reverse("training_public:providers")).content.decode()
    assert "دير الزور" in page
