"""The membership clock: expiry, provisional lapse, reminders sent once, renewal,
the license that upgrades a provisional membership, suspension and reinstatement."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.core.workflows import TransitionNotAllowed
from mujtama.notifications.models import Notification
from mujtama.organizations import tasks
from mujtama.organizations.models import (
    DocumentKind,
    JoiningApplication,
    JoiningSettings,
    LegalStatus,
    LicensingFile,
    MemberRole,
    Membership,
    Organization,
)
from mujtama.organizations.services.licensing import licensing_decide
from mujtama.organizations.services.membership import (
    add_months,
    membership_decide,
    membership_grant,
    membership_renew,
    memberships_daily,
)
from mujtama.organizations.tests.factories import OrganizationFactory, add_document, add_member


@pytest.fixture(autouse=True)
def _messages_in_english():
    """These tests read the services' messages in English; Arabic ones are checked
    where a test says so (translation.override("ar"))."""
    from django.utils import translation

    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db

T0 = datetime(2026, 1, 10, 7, 0, tzinfo=UTC)
REASON = "مخالفة لشروط الإطار الوطني"


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _granted(owner: Any, legal_status: str = LegalStatus.LICENSED, at: datetime = T0) -> Membership:
    """An organization whose application was approved at ``at``; its owner reads
    English, so the tests can look for English subjects."""
    _english(owner)
    organization = OrganizationFactory(created_by=owner, legal_status=legal_status)
    application = JoiningApplication.objects.create(
        organization=organization, created_by=owner, status="approved"
    )
    with time_machine.travel(at, tick=False):
        return membership_grant(
            actor=None, application=application, settings=JoiningSettings.current()
        )


def _daily(at: datetime) -> Any:
    with time_machine.travel(at, tick=False):
        return memberships_daily()


def _status(membership: Membership) -> str:
    return Membership.objects.get(pk=membership.pk).status


def _inbox(subject_contains: str = "", **filters: Any) -> Any:
    rows = Notification.objects.filter(kind="organizations_membership", channel="inbox", **filters)
    if subject_contains:
        rows = rows.filter(subject__contains=subject_contains)
    return rows


def _english(owner: Any) -> None:
    type(owner).objects.filter(pk=owner.pk).update(language="en")


# --- expiry and lapse ------------------------------------------------------------------------


def test_add_months_keeps_the_day_or_takes_the_last_of_the_month():
    assert add_months(datetime(2026, 1, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert add_months(datetime(2024, 1, 31, tzinfo=UTC), 1) == datetime(2024, 2, 29, tzinfo=UTC)
    assert add_months(datetime(2026, 11, 15, tzinfo=UTC), 14) == datetime(2028, 1, 15, tzinfo=UTC)
    assert add_months(T0, 12) == datetime(2027, 1, 10, 7, 0, tzinfo=UTC)


def test_an_active_membership_expires_after_twelve_months(org_owner):
    membership = _granted(org_owner)
    assert membership.expires_at == datetime(2027, 1, 10, 7, 0, tzinfo=UTC)
    report = _daily(membership.expires_at - timedelta(minutes=1))
    assert report.expired == [] and _status(membership) == "active"
    report = _daily(membership.expires_at + timedelta(minutes=1))
    assert report.expired == [membership.pk]
    assert _status(membership) == "expired"
    event = AuditEvent.objects.get(verb="organizations.membership.expire")
    assert event.actor is None
    assert event.changes == {"status": ["active", "expired"]}
    assert _inbox("has expired", recipient=org_owner).count() == 1
    # Running again changes nothing.
    again = _daily(membership.expires_at + timedelta(hours=6))
    assert again.expired == [] and again.lapsed == []
    assert AuditEvent.objects.filter(verb="organizations.membership.expire").count() == 1


def test_the_membership_length_comes_from_the_settings(org_owner):
    JoiningSettings.objects.filter(pk=1).update(membership_months=6)
    membership = _granted(org_owner)
    assert membership.expires_at == datetime(2026, 7, 10, 7, 0, tzinfo=UTC)
    assert _daily(datetime(2026, 7, 10, 6, 59, tzinfo=UTC)).expired == []
    assert _daily(datetime(2026, 7, 10, 7, 1, tzinfo=UTC)).expired == [membership.pk]


def test_a_provisional_membership_lapses_after_nine_months_without_a_license(org_owner):
    membership = _granted(org_owner, LegalStatus.LICENSE_IN_PROGRESS)
    assert membership.status == "provisional"
    assert membership.provisional_until == datetime(2026, 10, 10, 7, 0, tzinfo=UTC)
    report = _daily(membership.provisional_until - timedelta(minutes=1))
    assert report.lapsed == [] and _status(membership) == "provisional"
    report = _daily(membership.provisional_until + timedelta(minutes=1))
    assert report.lapsed == [membership.pk] and report.expired == []
    assert _status(membership) == "lapsed"
    assert AuditEvent.objects.get(verb="organizations.membership.lapse").actor is None
    assert _inbox("has lapsed", recipient=org_owner).count() == 1
    # Lapsed is final: the clock does nothing more with it.
    report = _daily(membership.expires_at + timedelta(days=1))
    assert report.expired == [] and _status(membership) == "lapsed"


def test_the_provisional_period_comes_from_the_settings(org_owner):
    JoiningSettings.objects.filter(pk=1).update(provisional_months=3)
    membership = _granted(org_owner, LegalStatus.UNLICENSED)
    assert membership.provisional_until == datetime(2026, 4, 10, 7, 0, tzinfo=UTC)
    assert _daily(datetime(2026, 4, 10, 7, 1, tzinfo=UTC)).lapsed == [membership.pk]


def test_suspended_memberships_are_left_alone_by_the_clock(org_owner, moct_officer):
    membership = _granted(org_owner)
    provisional = _granted(UserFactory(), LegalStatus.LICENSE_IN_PROGRESS)
    for each in (membership, provisional):
        with time_machine.travel(T0 + timedelta(days=30), tick=False):
            membership_decide(actor=moct_officer, membership=each, action="suspend", reason=REASON)
    Notification.objects.all().delete()
    for day in range(0, 400, 3):
        report = _daily(T0 + timedelta(days=day))
        assert report.expired == [] and report.lapsed == [] and report.reminders == 0
    assert _status(membership) == "suspended"
    assert _status(provisional) == "suspended"
    assert not Notification.objects.exists()


# --- reminders --------------------------------------------------------------------------------


def _every_six_hours(start: datetime, end: datetime) -> list[Any]:
    reports = []
    moment = start
    while moment <= end:
        reports.append(_daily(moment))
        moment += timedelta(hours=6)
    return reports


def test_the_30_and_7_day_expiry_reminders_are_sent_once_each(org_owner):
    _english(org_owner)
    membership = _granted(org_owner)
    editor = add_member(membership.organization, UserFactory(language="en"), MemberRole.EDITOR)
    expiry = membership.expires_at
    reports = _every_six_hours(expiry - timedelta(days=40), expiry - timedelta(minutes=1))
    assert sum(report.reminders for report in reports) == 2
    for person in (org_owner, editor):
        reminders = _inbox(recipient=person).order_by("created_at", "id")
        assert [n.subject for n in reminders] == [
            f"The membership of {membership.organization.name_en} expires in 30 days",
            f"The membership of {membership.organization.name_en} expires in 7 days",
        ]
        assert (
            Notification.objects.filter(
                recipient=person, kind="organizations_membership", channel="email"
            ).count()
            == 2
        )
    first, second = _inbox(recipient=org_owner).order_by("created_at", "id")
    assert expiry - timedelta(days=30) <= first.created_at < expiry - timedelta(days=29, hours=18)
    assert expiry - timedelta(days=7) <= second.created_at < expiry - timedelta(days=6, hours=18)
    # The same day again, and the days after: nothing more.
    for _ in range(3):
        assert _daily(expiry - timedelta(hours=2)).reminders == 0
    assert _inbox(recipient=org_owner).count() == 2


def test_no_reminder_before_the_first_reminder_day(org_owner):
    membership = _granted(org_owner)
    reports = _every_six_hours(T0, membership.expires_at - timedelta(days=30, minutes=1))
    assert sum(report.reminders for report in reports) == 0
    assert not Notification.objects.exists()


def test_a_missed_run_sends_the_reminder_still_due_and_skips_the_passed_one(org_owner):
    membership = _granted(org_owner)
    expiry = membership.expires_at
    _english(org_owner)
    assert _daily(expiry - timedelta(days=20)).reminders == 1
    assert _daily(expiry - timedelta(days=19)).reminders == 0
    assert _daily(expiry - timedelta(days=5)).reminders == 1
    # Each reminder says how many days are really left (not the threshold it is for).
    assert [n.subject.rsplit(" ", 2)[-2] for n in _inbox(recipient=org_owner)] == ["5", "20"]
    other = _granted(UserFactory(language="en"))
    # First run only 5 days before: only the 7-day reminder.
    assert _daily(other.expires_at - timedelta(days=5)).reminders == 1
    subjects = list(
        _inbox(recipient=other.organization.created_by).values_list("subject", flat=True)
    )
    assert len(subjects) == 1 and subjects[0].endswith("expires in 5 days")


def test_the_reminder_days_come_from_the_settings(org_owner):
    JoiningSettings.objects.filter(pk=1).update(reminder_days="60, 14, 1")
    membership = _granted(org_owner)
    reports = _every_six_hours(
        membership.expires_at - timedelta(days=70), membership.expires_at - timedelta(minutes=1)
    )
    assert sum(report.reminders for report in reports) == 3


def test_provisional_lapse_warnings_are_sent_once_each(org_owner):
    _english(org_owner)
    membership = _granted(org_owner, LegalStatus.LICENSE_IN_PROGRESS)
    deadline = membership.provisional_until
    reports = _every_six_hours(deadline - timedelta(days=40), deadline - timedelta(minutes=1))
    assert sum(report.reminders for report in reports) == 2
    warnings = _inbox(recipient=org_owner).order_by("created_at", "id")
    assert [n.subject for n in warnings] == [
        f"The provisional membership of {membership.organization.name_en} lapses in 30 days",
        f"The provisional membership of {membership.organization.name_en} lapses in 7 days",
    ]
    assert "licensing track" in warnings[0].body
    assert _daily(deadline + timedelta(minutes=1)).lapsed == [membership.pk]


def test_a_renewal_starts_the_reminders_again_for_the_new_date(org_owner):
    membership = _granted(org_owner)
    first_expiry = membership.expires_at
    _daily(first_expiry - timedelta(days=29))
    assert _inbox(recipient=org_owner).count() == 1
    with time_machine.travel(first_expiry - timedelta(days=20), tick=False):
        add_document(membership.organization, DocumentKind.ACTIVITY_REPORT)
        renewed = membership_renew(actor=org_owner, membership=membership)
    assert renewed.expires_at == add_months(first_expiry, 12)
    reminders_before = _inbox("expires", recipient=org_owner).count()
    reports = _every_six_hours(first_expiry - timedelta(days=19), first_expiry + timedelta(days=5))
    assert sum(report.reminders for report in reports) == 0  # the old date no longer counts
    assert _daily(renewed.expires_at - timedelta(days=29)).reminders == 1
    assert _inbox("expires", recipient=org_owner).count() == reminders_before + 1


# --- renewal ----------------------------------------------------------------------------------


def _with_report(membership: Membership, at: datetime) -> None:
    with time_machine.travel(at, tick=False):
        add_document(membership.organization, DocumentKind.ACTIVITY_REPORT)


def test_an_early_renewal_extends_from_the_current_expiry(org_owner):
    membership = _granted(org_owner)
    early = T0 + timedelta(days=330)
    _with_report(membership, early - timedelta(days=10))
    with time_machine.travel(early, tick=False):
        renewed = membership_renew(actor=org_owner, membership=membership)
    assert renewed.status == "active"
    assert renewed.expires_at == datetime(2028, 1, 10, 7, 0, tzinfo=UTC)  # not early + 12 months
    assert renewed.renewed_at == early
    assert AuditEvent.objects.filter(verb="organizations.membership.renew").count() == 1
    assert _inbox("renewed", recipient=org_owner).count() == 1


def test_an_editor_renews_but_a_viewer_or_stranger_cannot(org_owner, citizen):
    membership = _granted(org_owner)
    viewer = add_member(membership.organization, UserFactory(), MemberRole.VIEWER)
    editor = add_member(membership.organization, UserFactory(), MemberRole.EDITOR)
    _with_report(membership, T0 + timedelta(days=100))
    with time_machine.travel(T0 + timedelta(days=300), tick=False):
        for someone in (viewer, citizen):
            with pytest.raises(PermissionDenied):
                membership_renew(actor=someone, membership=membership)
        renewed = membership_renew(actor=editor, membership=membership)
    assert renewed.expires_at == add_months(membership.expires_at, 12)


def test_renewal_needs_a_complete_profile(org_owner):
    membership = _granted(org_owner)
    _with_report(membership, T0 + timedelta(days=300))
    Organization.objects.filter(pk=membership.organization_id).update(
        description_en="", public_email=""
    )
    with (
        time_machine.travel(T0 + timedelta(days=330), tick=False),
        translation.override("en"),
        pytest.raises(ValidationError) as refused,
    ):
        membership_renew(actor=org_owner, membership=Membership.objects.get(pk=membership.pk))
    with translation.override("en"):
        assert refused.value.messages == ["Complete the organization's profile before renewing."]
    unchanged = Membership.objects.get(pk=membership.pk)
    assert unchanged.expires_at == membership.expires_at and unchanged.renewed_at is None
    assert not AuditEvent.objects.filter(verb__startswith="organizations.membership.renew").exists()


def test_renewal_needs_an_activity_report_of_the_past_year(org_owner):
    membership = _granted(org_owner)
    renewal_day = T0 + timedelta(days=340)
    add_document(membership.organization, DocumentKind.STATUTES)  # not a report
    _with_report(membership, renewal_day - timedelta(days=366))  # too old
    with (
        time_machine.travel(renewal_day, tick=False),
        translation.override("en"),
        pytest.raises(ValidationError) as refused,
    ):
        membership_renew(actor=org_owner, membership=membership)
    with translation.override("en"):
        assert refused.value.messages == [
            "Upload an activity report of the past year before renewing."
        ]
    assert Membership.objects.get(pk=membership.pk).renewed_at is None
    _with_report(membership, renewal_day - timedelta(days=364))
    with time_machine.travel(renewal_day, tick=False):
        assert membership_renew(actor=org_owner, membership=membership).renewed_at == renewal_day


def test_an_expired_membership_is_renewed_from_today(org_owner):
    membership = _granted(org_owner)
    _daily(membership.expires_at + timedelta(minutes=1))
    assert _status(membership) == "expired"
    late = membership.expires_at + timedelta(days=40)
    _with_report(membership, late - timedelta(days=1))
    with time_machine.travel(late, tick=False):
        renewed = membership_renew(
            actor=org_owner, membership=Membership.objects.get(pk=membership.pk)
        )
    assert renewed.status == "active"
    assert renewed.expires_at == add_months(late, 12)
    event = AuditEvent.objects.get(verb="organizations.membership.renew")
    assert event.changes == {"status": ["expired", "active"]}


def test_a_provisional_membership_is_renewed_provisionally_and_still_lapses(org_owner):
    membership = _granted(org_owner, LegalStatus.LICENSE_IN_PROGRESS)
    _with_report(membership, T0 + timedelta(days=200))
    with time_machine.travel(T0 + timedelta(days=250), tick=False):
        renewed = membership_renew(actor=org_owner, membership=membership)
    assert renewed.status == "provisional"
    assert renewed.expires_at == add_months(membership.expires_at, 12)
    assert renewed.provisional_until == membership.provisional_until
    assert AuditEvent.objects.filter(verb="organizations.membership.renew_provisional").count() == 1
    assert _daily(membership.provisional_until + timedelta(minutes=1)).lapsed == [membership.pk]


def test_a_suspended_or_lapsed_membership_is_not_renewed(org_owner, moct_officer):
    membership = _granted(org_owner)
    add_document(membership.organization, DocumentKind.ACTIVITY_REPORT)
    membership_decide(actor=moct_officer, membership=membership, action="suspend", reason=REASON)
    with pytest.raises(TransitionNotAllowed):
        membership_renew(actor=org_owner, membership=Membership.objects.get(pk=membership.pk))
    lapsed = _granted(UserFactory(), LegalStatus.LICENSE_IN_PROGRESS)
    _daily(lapsed.provisional_until + timedelta(minutes=1))
    owner = lapsed.organization.created_by
    add_document(lapsed.organization, DocumentKind.ACTIVITY_REPORT)
    with pytest.raises(TransitionNotAllowed):
        membership_renew(actor=owner, membership=Membership.objects.get(pk=lapsed.pk))


# --- the license, suspension and reinstatement -----------------------------------------------


def _license(
    membership: Membership, officer: Any, at: datetime, number: str = "LIC-2026-15"
) -> None:
    file = LicensingFile.objects.create(
        organization=membership.organization, status="submitted_to_ministry"
    )
    with time_machine.travel(at, tick=False):
        licensing_decide(
            actor=officer, file=file, action="grant", license_number=number, license_date=at.date()
        )


def test_a_license_upgrades_a_provisional_membership(org_owner, mosal_officer):
    membership = _granted(org_owner, LegalStatus.LICENSE_IN_PROGRESS)
    _license(membership, mosal_officer, T0 + timedelta(days=120))
    upgraded = Membership.objects.get(pk=membership.pk)
    assert upgraded.status == "active"
    assert upgraded.provisional_until is None
    assert upgraded.expires_at == membership.expires_at
    event = AuditEvent.objects.get(verb="organizations.membership.upgrade")
    assert event.actor is None
    assert _inbox("full member", recipient=org_owner).count() == 1
    # The lapse date has no meaning any more.
    report = _daily(membership.provisional_until + timedelta(days=1))
    assert report.lapsed == [] and _status(membership) == "active"


def test_suspend_then_reinstate_a_licensed_organization(org_owner, moct_officer):
    membership = _granted(org_owner)
    membership_decide(actor=moct_officer, membership=membership, action="suspend", reason=REASON)
    assert _status(membership) == "suspended"
    assert REASON in _inbox("suspended", recipient=org_owner).get().body
    with translation.override("en"), pytest.raises(PermissionDenied) as denied:
        membership_decide(
            actor=moct_officer, membership=membership, action="reinstate_provisional", reason=REASON
        )
    assert "reinstated as a full member" in str(denied.value)
    reinstated = membership_decide(
        actor=moct_officer, membership=membership, action="reinstate", reason="تمت التسوية"
    )
    assert reinstated.status == "active"
    assert AuditEvent.objects.get(verb="organizations.membership.reinstate").reason == "تمت التسوية"


def test_suspend_then_reinstate_an_unlicensed_organization_provisionally(org_owner, mosal_officer):
    membership = _granted(org_owner, LegalStatus.LICENSE_IN_PROGRESS)
    membership_decide(actor=mosal_officer, membership=membership, action="suspend", reason=REASON)
    with translation.override("en"), pytest.raises(PermissionDenied) as denied:
        membership_decide(
            actor=mosal_officer, membership=membership, action="reinstate", reason=REASON
        )
    assert "only be reinstated provisionally" in str(denied.value)
    reinstated = membership_decide(
        actor=mosal_officer, membership=membership, action="reinstate_provisional", reason=REASON
    )
    assert reinstated.status == "provisional"
    assert reinstated.provisional_until == membership.provisional_until


def test_a_license_during_suspension_leads_to_a_full_reinstatement(org_owner, mosal_officer):
    membership = _granted(org_owner, LegalStatus.LICENSE_IN_PROGRESS)
    membership_decide(actor=mosal_officer, membership=membership, action="suspend", reason=REASON)
    _license(membership, mosal_officer, T0 + timedelta(days=60))
    assert _status(membership) == "suspended"  # the license does not lift a suspension
    with pytest.raises(PermissionDenied):
        membership_decide(
            actor=mosal_officer,
            membership=membership,
            action="reinstate_provisional",
            reason=REASON,
        )
    reinstated = membership_decide(
        actor=mosal_officer, membership=membership, action="reinstate", reason=REASON
    )
    assert reinstated.status == "active"
    assert reinstated.provisional_until is None  # a full member is not "provisional until"
    assert _daily(membership.provisional_until + timedelta(days=1)).lapsed == []


def test_an_expired_provisional_membership_renewed_after_the_license_is_full(
    org_owner, mosal_officer
):
    JoiningSettings.objects.filter(pk=1).update(membership_months=6, provisional_months=9)
    membership = _granted(org_owner, LegalStatus.LICENSE_IN_PROGRESS)
    assert _daily(membership.expires_at + timedelta(minutes=1)).expired == [membership.pk]
    _license(membership, mosal_officer, membership.expires_at + timedelta(days=2))
    assert _status(membership) == "expired"
    _with_report(membership, membership.expires_at + timedelta(days=3))
    with time_machine.travel(membership.expires_at + timedelta(days=4), tick=False):
        renewed = membership_renew(
            actor=org_owner, membership=Membership.objects.get(pk=membership.pk)
        )
    assert renewed.status == "active"
    assert renewed.provisional_until is None


# --- the daily task ---------------------------------------------------------------------------


def test_the_celery_task_reports_its_counts(org_owner):
    active = _granted(org_owner)
    provisional = _granted(
        UserFactory(), LegalStatus.LICENSE_IN_PROGRESS, at=T0 - timedelta(days=100)
    )
    soon = _granted(UserFactory(), at=T0 + timedelta(days=30))
    moment = active.expires_at + timedelta(minutes=1)
    assert provisional.provisional_until < moment
    assert soon.expires_at - timedelta(days=30) < moment < soon.expires_at - timedelta(days=7)
    with time_machine.travel(moment, tick=False):
        result = tasks.memberships_daily.delay().get(timeout=10)
        again = tasks.memberships_daily.delay().get(timeout=10)
    assert result == {"expired": 1, "lapsed": 1, "reminders": 1}
    assert again == {"expired": 0, "lapsed": 0, "reminders": 0}
    assert _status(active) == "expired"
    assert _status(provisional) == "lapsed"
    assert _status(soon) == "active"
