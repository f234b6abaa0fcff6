"""The programs demo data: every kind of program and every state of a call, an
application and a review, made through the services, and made once."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from mujtama.accounts.models import User
from mujtama.accounts.roles import StaffRole
from mujtama.core.models import AuditEvent
from mujtama.notifications.models import Notification
from mujtama.organizations.models import Organization, OrganizationMember
from mujtama.programs import demo_data
from mujtama.programs.models import (
    Answer,
    Application,
    ApplicationPartner,
    ApplicationStatus,
    Award,
    Call,
    CallStatus,
    CallVersion,
    PartnerStatus,
    Program,
    ProgramKind,
    Review,
    ReviewStatus,
    Score,
)
from mujtama.programs.selectors import ranking

pytestmark = pytest.mark.django_db

ARABIC = re.compile("[\u0600-\u06ff]")


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def statuses(queryset) -> set[str]:
    return set(queryset.values_list("status", flat=True))


def test_every_kind_and_state_is_there(demo_seeded):
    output = demo_seeded
    assert "Demo programs (created" in output

    assert set(Program.objects.values_list("kind", flat=True)) == set(ProgramKind.values)
    assert set(Program.objects.values_list("ministry", flat=True)) == {"moct", "mosal"}
    assert Program.objects.filter(is_published=False).exists()
    for program in Program.objects.all():
        assert program.co_hosts.exists()
    assert statuses(Call.objects) == set(CallStatus.values)
    assert statuses(Application.objects) == set(ApplicationStatus.values)
    assert statuses(Review.objects) == set(ReviewStatus.values)
    assert statuses(ApplicationPartner.objects) == set(PartnerStatus.values)

    # Consortia: leads with confirmed partners, one still waiting, one declined.
    confirmed = Application.objects.filter(partners__status=PartnerStatus.CONFIRMED).distinct()
    assert confirmed.exclude(status=ApplicationStatus.DRAFT).count() >= 5
    assert confirmed.filter(status=ApplicationStatus.AWARDED).exists()

    # Two open calls, one closing within the week; one of them amended to version 2.
    now = timezone.now()
    open_calls = Call.objects.filter(status=CallStatus.OPEN).order_by("closes_at")
    assert open_calls.count() == 2
    assert (open_calls[0].closes_at - now).days in (4, 5)
    assert (open_calls[1].closes_at - now).days >= 28
    amended = Call.objects.get(version=2)
    assert amended.status == CallStatus.OPEN
    assert list(CallVersion.objects.filter(call=amended).values_list("version", flat=True)) == [
        1,
        2,
    ]
    assert set(CallVersion.objects.get(call=amended, version=2).changes) == {
        "closes_at",
        "questions",
    }
    # What was submitted before the amendment keeps the version it was judged by.
    assert Application.objects.filter(call=amended, call_version=1).exists()
    upcoming = Call.objects.get(status=CallStatus.PUBLISHED)
    assert 6 <= (upcoming.opens_at - now).days <= 7

    # The open calls' rules use many types; the research call wants a university.
    rule_types = {rule["type"] for call in open_calls for rule in call.eligibility_rules}
    assert {
        "membership_current",
        "kind_in",
        "governorates_any",
        "expertise_any",
        "consortium_includes_kind",
        "min_members",
        "founded_years_ago",
    } <= rule_types
    research = Call.objects.get(program__kind=ProgramKind.JOINT_RESEARCH)
    assert {"type": "consortium_includes_kind", "value": "university"} in (
        research.eligibility_rules
    )
    for call in Call.objects.all():
        for rule in call.eligibility_rules:
            if rule["type"] == "expertise_any":
                assert set(rule["names"]) == set(rule["values"])
        assert 3 <= call.questions.filter(is_active=True).count() <= 6
        assert len({q.kind for q in call.questions.all()}) >= 3
        assert 3 <= call.rubric.count() <= 4
        assert len({c.weight for c in call.rubric.all()}) >= 2

    # Awards with amounts and terms; the results are published.
    assert Award.objects.count() >= 3
    for award in Award.objects.select_related("application__call"):
        assert 0 < award.amount <= award.application.call.max_award
        assert ARABIC.search(award.terms_ar) and award.terms_en.isascii()
        assert award.application.status == ApplicationStatus.AWARDED
        assert award.application.call.status == CallStatus.RESULTS_PUBLISHED


def test_names_and_texts_are_arabic_and_english(demo_seeded):
    for program in Program.objects.all():
        assert ARABIC.search(program.name_ar) and ARABIC.search(program.description_ar)
        assert program.name_en.isascii() and not ARABIC.search(program.description_en)
    for call in Call.objects.all():
        assert ARABIC.search(call.title_ar) and ARABIC.search(call.text_ar)
        assert not ARABIC.search(call.title_en + call.text_en)
        for question in call.questions.all():
            assert ARABIC.search(question.label_ar) and not ARABIC.search(question.label_en)
        for criterion in call.rubric.all():
            assert ARABIC.search(criterion.name_ar) and not ARABIC.search(criterion.name_en)
    for application in Application.objects.all():
        assert ARABIC.search(application.title), application.title
    for answer in Answer.objects.exclude(text=""):
        if answer.question.kind in ("text", "long_text"):
            assert ARABIC.search(answer.text)
    for review in Review.objects.filter(status=ReviewStatus.SUBMITTED):
        assert ARABIC.search(review.comment)
    for review in Review.objects.filter(status=ReviewStatus.CONFLICTED):
        assert ARABIC.search(review.conflict_note)
    for user in User.objects.filter(program_reviews__isnull=False).distinct():
        assert ARABIC.search(user.full_name)


def test_the_story_was_told_through_the_services(demo_seeded):
    now = timezone.now()
    amal = Organization.objects.get(name_ar="جمعية الأمل للتقانة")
    jisr = Organization.objects.get(name_ar="مبادرة جسر الشبابية")
    # Al-Amal leads a draft in an open call, and won an award in the published results.
    assert Application.objects.filter(
        lead=amal, status=ApplicationStatus.DRAFT, call__status=CallStatus.OPEN
    ).exists()
    assert Application.objects.filter(
        lead=amal,
        status=ApplicationStatus.AWARDED,
        call__status=CallStatus.RESULTS_PUBLISHED,
    ).exists()
    # Jisr is a confirmed partner in a consortium, and invited into another.
    assert ApplicationPartner.objects.filter(
        organization=jisr, status=PartnerStatus.CONFIRMED
    ).exists()
    assert ApplicationPartner.objects.filter(
        organization=jisr, status=PartnerStatus.INVITED
    ).exists()
    # Every submitted application was eligible and submitted in the past.
    for application in Application.objects.exclude(status=ApplicationStatus.DRAFT):
        assert application.submitted_at < now
        assert application.eligibility_results
        assert all(result["passed"] for result in application.eligibility_results)
        assert AuditEvent.objects.filter(
            verb="programs.application.submit", object_id=str(application.pk)
        ).exists()
    for application in Application.objects.filter(
        status__in=[ApplicationStatus.AWARDED, ApplicationStatus.NOT_SELECTED]
    ):
        assert application.decision_reason and application.decided_at < now
    assert Application.objects.get(status=ApplicationStatus.MORE_INFO).info_request
    for call in Call.objects.exclude(status=CallStatus.DRAFT):
        assert call.published_at < call.opens_at
    for call in Call.objects.filter(status__in=["closed", "reviewing", "results_published"]):
        assert call.closes_at < now
        assert AuditEvent.objects.filter(
            verb="programs.call.close", object_id=str(call.pk), actor=None
        ).exists()

    # Reviewers have the role, belong to no organization, and were assigned by the
    # program manager.
    reviewers = User.objects.filter(program_reviews__isnull=False).distinct()
    assert reviewers.count() >= 3
    for reviewer in reviewers:
        assert StaffRole.REVIEWER in reviewer.roles
        assert not OrganizationMember.objects.filter(user=reviewer).exists()
    persona = User.objects.get(email="reviewer@demo.mujtama.sy")
    assert statuses(Review.objects.filter(reviewer=persona)) == set(ReviewStatus.values)
    accepted = Review.objects.get(status=ReviewStatus.ACCEPTED)
    assert 0 < accepted.scores.count() < accepted.application.call.rubric.count()
    for review in Review.objects.filter(status=ReviewStatus.SUBMITTED):
        assert review.scores.count() == review.application.call.rubric.count()
        assert review.assigned_at < review.declared_at < review.submitted_at < now
    assert Score.objects.exclude(comment="").exists()

    # The call under review ranks with a tie and a disagreement.
    rows = ranking(Call.objects.get(status=CallStatus.REVIEWING))
    ranks = [row.rank for row in rows if row.rank is not None]
    assert len(ranks) != len(set(ranks))
    assert any(row.disagreement for row in rows)
    assert any(row.rank is None for row in rows)

    # Drafts in the call closing this week were reminded, and drafts in the amended
    # call were told of the change.
    soon = Call.objects.filter(status=CallStatus.OPEN).order_by("closes_at").first()
    reminded = Notification.objects.filter(dedupe_key__startswith="call-deadline:")
    assert reminded.filter(recipient__email="owner.amal@demo.mujtama.sy").exists()
    assert all((soon.closes_at - n.created_at).days == 6 for n in reminded)
    assert Notification.objects.filter(dedupe_key__startswith="call-amended:").exists()
    # Notifications are dated when they were sent, not when the demo ran.
    assert Notification.objects.filter(
        kind="programs_call", created_at__lt=now - timezone.timedelta(days=90)
    ).exists()


def test_a_second_run_creates_nothing(demo_seeded):

    def counts():
        return (
            Program.objects.count(),
            Call.objects.count(),
            CallVersion.objects.count(),
            Application.objects.count(),
            ApplicationPartner.objects.count(),
            Review.objects.count(),
            Award.objects.count(),
            User.objects.count(),
            Notification.objects.count(),
            AuditEvent.objects.exclude(verb="geo.boundaries_imported").count(),
        )

    first = counts()
    output = seed()
    assert counts() == first
    assert "Demo programs (already present)" in output
    assert len(demo_data.APPLICATIONS) == Application.objects.count()
