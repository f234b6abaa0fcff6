"""The training demo data: about forty courses of member organizations, some sixty
cohorts in the fourteen governorates and online in every state, applications in
every state, attendance, certificates (two revoked) and follow-up answers, made
through the services, and made once."""

import io
import re
from collections import Counter
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.utils import timezone

from mujtama.accounts.models import ConsentPurpose, ConsentRecord, Profile, User
from mujtama.core.models import AuditEvent
from mujtama.core.verification import verify_url
from mujtama.impact.models import Beneficiary
from mujtama.notifications.models import Notification
from mujtama.organizations import demo_data as organizations_data
from mujtama.organizations.models import Membership
from mujtama.organizations.models.joining import CURRENT_MEMBERSHIP_STATES
from mujtama.training import demo, demo_data
from mujtama.training.models import (
    Attendance,
    Certificate,
    Cohort,
    CohortStatus,
    Course,
    Enrollment,
    EnrollmentStatus,
    FollowUp,
    Outcome,
    Session,
)

pytestmark = pytest.mark.django_db

ALL_GOVERNORATES = {f"SY{number:02d}" for number in range(1, 15)}
ARABIC = re.compile("[\u0600-\u06ff]")
CITIZEN = "citizen@demo.mujtama.sy"


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def statuses(queryset) -> set[str]:
    return set(queryset.values_list("status", flat=True))


def test_the_data_reads_well():
    keys = [course.key for course in demo_data.COURSES]
    assert len(keys) == len(set(keys))
    assert len({course.title_ar for course in demo_data.COURSES}) == len(keys)
    organizations = {org.slug for org in organizations_data.ORGANIZATIONS}
    for course in demo_data.COURSES:
        assert ARABIC.search(course.title_ar) and ARABIC.search(course.description_ar)
        assert not ARABIC.search(course.title_en + course.description_en)
        assert course.provider in organizations
        assert not course.co_provider or course.co_provider in organizations
        assert len(course.skills) <= 300
    used = {cohort.course for cohort in demo_data.COHORTS}
    assert used == set(keys)
    places = {cohort.place for cohort in demo_data.COHORTS}
    assert places == ALL_GOVERNORATES | {demo_data.ONLINE_PLACE}
    births = {trainee.birth_year for trainee in demo_data.TRAINEES}
    assert min(births) == 1997 and max(births) == 2010
    names = [trainee.full_name for trainee in demo_data.TRAINEES]
    assert len(names) == len(set(names))
    phones = [trainee.phone for trainee in demo_data.TRAINEES if trainee.phone]
    assert len(phones) == len(set(phones))


def test_the_plans_keep_the_services_rules():
    """Every cohort's dates: the window closes before the first day, running cohorts
    have sessions held and to come, finished ones ended in the past."""
    now = timezone.now()
    ctx = demo.Context(
        now=now,
        today=timezone.localdate(now),
        organizations={},
        members=set(),
        governorates={},
        localities={},
        criteria={},
    )
    for index, spec in enumerate(demo_data.COHORTS):
        plan = demo._plan(ctx, index, spec)
        assert plan.open_on <= plan.close_on < plan.starts_on <= plan.ends_on, spec
        assert plan.created <= plan.published <= now
        if spec.state == demo_data.RUNNING:
            assert plan.starts_on <= ctx.today < plan.ends_on, spec
        elif spec.state == demo_data.FINISHED:
            assert plan.ends_on < ctx.today
        elif spec.state == demo_data.OPEN:
            assert plan.open_on <= ctx.today <= plan.close_on
        elif spec.state == demo_data.SELECTING:
            assert plan.close_on < ctx.today < plan.starts_on
        else:
            assert plan.open_on > ctx.today


def test_courses_and_cohorts_in_every_governorate_and_state(demo_seeded):
    assert "Demo training (created" in demo_seeded
    courses = Course.objects.all()
    assert 35 <= courses.count() <= 45
    providers = set(courses.values_list("provider_id", flat=True))
    assert len(providers) >= 12
    members = Membership.objects.filter(status__in=CURRENT_MEMBERSHIP_STATES)
    assert providers <= set(members.values_list("organization_id", flat=True))
    assert courses.exclude(co_provider=None).count() >= 8
    assert len(set(courses.values_list("level", flat=True))) == 3
    assert len(set(courses.values_list("mode", flat=True))) == 3

    cohorts = Cohort.objects.select_related("course")
    assert 55 <= cohorts.count() <= 65
    assert set(cohorts.values_list("governorate__pcode", flat=True)) - {None} == ALL_GOVERNORATES
    assert cohorts.filter(online=True).exists()
    assert statuses(cohorts) == set(CohortStatus.values)
    assert cohorts.filter(gender_balance=True).exists()
    assert cohorts.filter(assessment=True, status=CohortStatus.FINISHED).exists()
    assert not cohorts.exclude(course__in=courses).exists()

    # Each cohort was made after its provider joined, and after its course.
    started = dict(Membership.objects.values_list("organization_id", "started_at"))
    for cohort in cohorts:
        assert cohort.created_at >= started[cohort.course.provider_id]
        assert cohort.created_at > cohort.course.created_at
        assert cohort.applications_close_on < cohort.starts_on
    today = timezone.localdate()
    for cohort in cohorts.filter(status=CohortStatus.RUNNING):
        assert cohort.starts_on <= today < cohort.ends_on
        days = set(cohort.sessions.values_list("held_on", flat=True))
        assert days and max(days) <= today
    for cohort in cohorts.filter(status=CohortStatus.FINISHED):
        assert cohort.ends_on < today
        assert cohort.sessions.count() >= 4
    for cohort in cohorts.filter(status__in=[CohortStatus.DRAFT, CohortStatus.CANCELLED]):
        assert not cohort.enrollments.exists()
    cancel = AuditEvent.objects.filter(verb="training.cohort.cancel")
    assert cancel.count() == cohorts.filter(status=CohortStatus.CANCELLED).count()
    assert all(ARABIC.search(event.reason) for event in cancel)


def test_applications_in_every_state(demo_seeded):
    enrollments = Enrollment.objects.all()
    assert 300 <= enrollments.count() <= 700
    # Every state an application reaches (the demo cancels only cohorts nobody applied to).
    assert statuses(enrollments) == set(EnrollmentStatus.values) - {EnrollmentStatus.CANCELLED}
    assert enrollments.filter(remote=True).exists() and enrollments.filter(vulnerable=True).exists()
    assert enrollments.filter(factors__icontains="balance").exists()
    for enrollment in enrollments.filter(status=EnrollmentStatus.REJECTED)[:5]:
        event = AuditEvent.objects.get(
            verb="training.enrollment.reject", object_id=str(enrollment.pk)
        )
        assert ARABIC.search(event.reason)
    # Taking part only where the cohort runs or ran.
    taking_part = enrollments.filter(
        status__in=[EnrollmentStatus.COMPLETED, EnrollmentStatus.DROPPED]
    )
    assert set(taking_part.values_list("cohort__status", flat=True)) == {CohortStatus.FINISHED}
    assert Attendance.objects.filter(session__cohort__status=CohortStatus.RUNNING).exists()
    assert Attendance.objects.filter(session__cohort__status=CohortStatus.FINISHED).exists()
    assert Session.objects.exclude(topic="").count() == Session.objects.count()
    # Applied in the window, days or months ago.
    assert enrollments.filter(created_at__lt=timezone.now() - timedelta(days=90)).exists()
    # Trainees in the reach ledger, dated when they confirmed and completed.
    ledger = Beneficiary.objects.filter(source_type="training.enrollment")
    assert ledger.count() >= enrollments.filter(status=EnrollmentStatus.COMPLETED).count()
    assert ledger.filter(reached_on__lt=timezone.localdate() - timedelta(days=60)).exists()


def test_the_citizen_has_a_story(demo_seeded):
    citizen = User.objects.get(email=CITIZEN)
    mine = Enrollment.objects.filter(applicant=citizen)
    assert {"applied", "accepted", "enrolled", "completed"} <= statuses(mine)
    completed = mine.get(status=EnrollmentStatus.COMPLETED)
    assert completed.certificate.document.status == "valid"
    assert completed.score > 0 and completed.factors
    survey = completed.followups.get(months=3)
    assert survey.sent_at is not None and survey.answered_at is None
    assert survey.expires_at is not None and survey.expires_at > timezone.now()
    assert Notification.objects.filter(recipient=citizen, kind="training_followup").exists()
    assert Notification.objects.filter(recipient=citizen, kind="training_enrollment").exists()


def test_certificates_valid_and_revoked(demo_seeded, client):
    certificates = Certificate.objects.select_related("document", "enrollment__cohort__course")
    completed = Enrollment.objects.filter(status=EnrollmentStatus.COMPLETED).count()
    assert certificates.count() == completed
    documents = Counter(certificates.values_list("document__status", flat=True))
    assert documents["revoked"] == 2 and documents["valid"] == completed - 2
    for certificate in certificates.filter(document__status="revoked"):
        document = certificate.document
        assert ARABIC.search(document.revocation_reason) and document.revoked_at
        assert document.revoked_at.date() > document.issued_on
        event = AuditEvent.objects.get(verb="core.document.revoke", object_id=str(document.pk))
        owner = certificate.enrollment.cohort.course.provider.memberships_of_people.get(
            role="owner"
        )
        assert event.actor_id == owner.user_id
    valid = certificates.filter(document__status="valid").first()
    assert valid is not None
    assert valid.document.issued_on == valid.enrollment.cohort.ends_on
    page = client.get(verify_url(valid.document))
    assert page.status_code == 200
    assert valid.document.code in page.content.decode()


def test_follow_up_answers(demo_seeded):
    sent = FollowUp.objects.exclude(sent_at=None)
    answered = sent.exclude(answered_at=None)
    assert answered.exists() and sent.filter(answered_at=None).exists()
    assert set(answered.values_list("outcome", flat=True)) == set(Outcome.values)
    for followup in answered:
        sent_at, answered_at, expires_at = (
            followup.sent_at,
            followup.answered_at,
            followup.expires_at,
        )
        assert sent_at and answered_at and expires_at
        assert sent_at <= answered_at <= expires_at
        assert sent_at.date() >= followup.due_on - timedelta(days=1)
    # Every survey due is sent, but not to holders of a revoked certificate.
    unsent = FollowUp.objects.filter(sent_at=None, due_on__lte=timezone.localdate())
    assert not unsent.exclude(enrollment__certificate__document__status="revoked").exists()
    # Enough answers for some courses and providers to be shown (cells of 5 or more).
    courses = Counter(answered.values_list("enrollment__cohort__course", flat=True))
    assert sum(1 for n in courses.values() if n >= 5) >= 5
    providers = Counter(answered.values_list("enrollment__cohort__course__provider", flat=True))
    assert sum(1 for n in providers.values() if n >= 5) >= 5


def test_trainee_accounts(demo_seeded):
    trainees = User.objects.filter(email__startswith="trainee.", email__endswith="@demo.mujtama.sy")
    assert trainees.count() == len(demo_data.TRAINEES)
    profiles = Profile.objects.filter(user__in=trainees)
    assert not profiles.filter(governorate=None).exists()
    assert set(profiles.values_list("sex", flat=True)) == {"female", "male"}
    years = {year or 0 for year in profiles.values_list("birth_year", flat=True)}
    assert min(years) >= 1997 and max(years) <= 2010
    assert profiles.exclude(phone="").exists() and profiles.filter(phone="").exists()
    assert EmailAddress.objects.filter(user__in=trainees, verified=True).count() == len(
        demo_data.TRAINEES
    )
    consents = ConsentRecord.objects.filter(
        user__in=trainees, purpose=ConsentPurpose.TARGET_GROUPS, withdrawn_at=None
    )
    assert 0.2 <= consents.count() / trainees.count() <= 0.6
    declared = trainees.filter(target_group_declaration__isnull=False)
    assert declared.filter(target_group_declaration__lives_in_remote_area=True).exists()
    assert declared.filter(target_group_declaration__vulnerability_criteria__isnull=False).exists()


def test_a_second_run_creates_nothing(demo_seeded):
    def counts():
        return (
            Course.objects.count(),
            Cohort.objects.count(),
            Enrollment.objects.count(),
            Session.objects.count(),
            Attendance.objects.count(),
            Certificate.objects.count(),
            FollowUp.objects.exclude(sent_at=None).count(),
            FollowUp.objects.exclude(answered_at=None).count(),
            Beneficiary.objects.count(),
            User.objects.count(),
            Notification.objects.count(),
            AuditEvent.objects.exclude(verb="geo.boundaries_imported").count(),
        )

    first = counts()
    output = seed()
    assert counts() == first
    assert "Demo training (already present)" in output
