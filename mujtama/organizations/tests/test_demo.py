"""The organizations demo data: every kind, governorate and state, made through the
services, and made once."""

import io

import pytest
from django.core.management import call_command

from mujtama.accounts.models import User
from mujtama.core.models import AuditEvent
from mujtama.notifications.models import Notification
from mujtama.organizations import demo_data
from mujtama.organizations.models import (
    ApplicationStatus,
    JoiningApplication,
    JoiningCriteria,
    LegalStatus,
    LicensingFile,
    LicensingStatus,
    LicensingStep,
    MemberRole,
    Membership,
    MembershipStatus,
    Organization,
    OrganizationDocument,
    OrganizationKind,
    Scope,
)
from mujtama.organizations.selectors import directory, timeline, work_queue

pytestmark = pytest.mark.django_db

ALL_GOVERNORATES = {f"SY{number:02d}" for number in range(1, 15)}


@pytest.fixture(autouse=True)
def _media(settings, demo_media):
    """The demo uploads real PDF files: read them where ``demo_seeded`` keeps them."""
    settings.MEDIA_ROOT = demo_media


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


def statuses(model) -> set[str]:
    return set(model.objects.values_list("status", flat=True))


def test_every_kind_governorate_and_state_is_there(demo_seeded):
    output = demo_seeded
    assert "Demo organizations" in output

    organizations = Organization.objects.all()
    assert organizations.count() >= 55
    assert set(organizations.values_list("kind", flat=True)) == set(OrganizationKind.values)
    assert set(organizations.values_list("governorates__pcode", flat=True)) == ALL_GOVERNORATES
    abroad = organizations.filter(scope=Scope.INTERNATIONAL)
    assert {OrganizationKind.UNIVERSITY, OrganizationKind.RESEARCH_INSTITUTE} <= set(
        abroad.values_list("kind", flat=True)
    )
    for organization in organizations:
        assert is_arabic(organization.name_ar), organization.name_ar
        assert organization.name_en and not is_arabic(organization.name_en)
        assert organization.public_email
    youth = organizations.filter(kind=OrganizationKind.YOUTH_INITIATIVE)
    assert not youth.filter(legal_status=LegalStatus.LICENSED).exclude(
        licensing_file__status=LicensingStatus.LICENSED
    )

    assert statuses(JoiningApplication) == set(ApplicationStatus.values)
    assert statuses(Membership) == set(MembershipStatus.values)
    assert statuses(LicensingFile) == set(LicensingStatus.values)

    # The public directory is well filled, in every governorate.
    members = directory()
    assert members.count() >= 40
    assert set(members.values_list("governorates__pcode", flat=True)) == ALL_GOVERNORATES


def test_states_were_reached_through_the_services(demo_seeded):
    # Each membership that left its first state has the audit event of the step.
    for membership in Membership.objects.exclude(
        status__in=[MembershipStatus.ACTIVE, MembershipStatus.PROVISIONAL]
    ):
        action = {"suspended": "suspend", "expired": "expire", "lapsed": "lapse"}[membership.status]
        assert AuditEvent.objects.filter(
            verb=f"organizations.membership.{action}", object_id=str(membership.pk)
        ).exists()
    suspended = Membership.objects.filter(status=MembershipStatus.SUSPENDED)
    assert all(
        AuditEvent.objects.get(verb="organizations.membership.suspend", object_id=str(m.pk)).reason
        for m in suspended
    )
    for application in JoiningApplication.objects.exclude(status=ApplicationStatus.DRAFT):
        assert application.criteria is not None
        assert application.submitted_at is not None
        verbs = set(timeline(application.organization).values_list("verb", flat=True))
        assert {"organizations.registered", "organizations.application.submit"} <= verbs
    refused = LicensingFile.objects.get(status=LicensingStatus.REFUSED)
    assert refused.decision_reason
    for licensed in LicensingFile.objects.filter(status=LicensingStatus.LICENSED):
        assert licensed.license_number and licensed.license_date
        assert licensed.organization.legal_status == LegalStatus.LICENSED
        assert licensed.organization.membership.status == MembershipStatus.ACTIVE
    # Documents are real, checked PDFs.
    document = OrganizationDocument.objects.first()
    assert document.content_type == "application/pdf"
    assert document.file.open("rb").read(5) == b"%PDF-"


def test_the_ministries_have_work_waiting(demo_seeded):
    moct = User.objects.get(email="moct@demo.mujtama.sy")
    mosal = User.objects.get(email="mosal@demo.mujtama.sy")
    reviewer = User.objects.get(email="reviewer@demo.mujtama.sy")
    queue = work_queue(mosal)
    applications = [item for item in queue if item.kind == "application"]
    files = [item for item in queue if item.kind == "licensing"]
    assert any(item.overdue for item in applications)
    assert any(not item.overdue for item in applications)
    assert any(item.overdue for item in files)
    assert any(item.obj.assigned_to == mosal for item in files)
    assert {item.obj.assigned_to for item in applications} >= {None, moct, mosal, reviewer}
    assert work_queue(reviewer)
    # Memberships expiring within 30 days, and their reminders sent.
    soon = Membership.objects.filter(status=MembershipStatus.ACTIVE).order_by("expires_at")
    assert (soon.first().expires_at - soon.first().started_at).days > 300
    assert Notification.objects.filter(dedupe_key__startswith="membership:").exists()


def test_joining_criteria_have_two_versions(demo_seeded):
    first, second = JoiningCriteria.objects.order_by("version")
    assert (first.number, first.version, first.status) == (1, 1, "superseded")
    assert (second.number, second.version, second.status) == (1, 2, "published")
    assert second.created_by.email == "moct@demo.mujtama.sy"
    assert {check["type"] for check in second.automatic_checks} == {
        "profile_complete",
        "documents",
        "min_members",
        "legal_status_in",
        "min_expertise_areas",
    }
    assert 2 <= len(second.manual_checks) <= 3
    for check in second.manual_checks:
        assert is_arabic(check["label_ar"]) and check["label_en"].isascii()
    for text in (second.title_ar, second.mechanisms_ar, second.body_ar):
        assert is_arabic(text)
    assert "provisional" in second.mechanisms_en.lower()
    # Applications keep the version they were judged against.
    assert JoiningApplication.objects.filter(criteria=first).exists()
    assert JoiningApplication.objects.filter(criteria=second).exists()


def test_demo_owners_own_their_organizations(demo_seeded):
    amal = Organization.objects.get(name_ar="جمعية الأمل للتقانة")
    people = dict(amal.memberships_of_people.values_list("user__email", "role"))
    assert people == {
        "owner.amal@demo.mujtama.sy": MemberRole.OWNER,
        "citizen@demo.mujtama.sy": MemberRole.EDITOR,
    }
    assert amal.kind == OrganizationKind.TECH_NGO
    assert amal.legal_status == LegalStatus.LICENSED
    assert amal.membership.status == MembershipStatus.ACTIVE

    jisr = Organization.objects.get(name_ar="مبادرة جسر الشبابية")
    assert jisr.memberships_of_people.get(role=MemberRole.OWNER).user.email == (
        "owner.jisr@demo.mujtama.sy"
    )
    assert jisr.kind == OrganizationKind.YOUTH_INITIATIVE
    assert jisr.legal_status == LegalStatus.LICENSE_IN_PROGRESS
    assert jisr.membership.status == MembershipStatus.PROVISIONAL
    assert jisr.licensing_file.status == LicensingStatus.PREPARING
    done = jisr.licensing_file.progress.filter(done=True).count()
    assert 0 < done < LicensingStep.objects.filter(is_active=True).count()

    # Every other organization has an owner account of its own, named in Arabic.
    for organization in Organization.objects.exclude(pk__in=[amal.pk, jisr.pk]):
        owner = organization.memberships_of_people.get(role=MemberRole.OWNER).user
        assert owner.email.startswith("owner.") and owner.email.endswith("@demo.mujtama.sy")
        assert is_arabic(owner.full_name)
        assert owner.emailaddress_set.filter(verified=True, primary=True).exists()
    assert len(demo_data.ORGANIZATIONS) == Organization.objects.count()


def test_a_second_run_creates_nothing(demo_seeded):

    def counts():
        return (
            Organization.objects.count(),
            User.objects.count(),
            JoiningApplication.objects.count(),
            Membership.objects.count(),
            LicensingFile.objects.count(),
            OrganizationDocument.objects.count(),
            Notification.objects.count(),
            # The demo geography records each import it runs; nothing else may grow.
            AuditEvent.objects.exclude(verb="geo.boundaries_imported").count(),
        )

    first = counts()
    output = seed()
    assert counts() == first
    assert "already present" in output
