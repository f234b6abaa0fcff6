"""Registering and describing organizations, and their people (roles, invitations,
requests to join)."""

from datetime import timedelta
from typing import Any

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.geo.models import Governorate
from mujtama.notifications.models import Notification
from mujtama.organizations.models import (
    ExpertiseArea,
    Invitation,
    LegalStatus,
    MemberRole,
    MembershipRequest,
    Organization,
    OrganizationMember,
)
from mujtama.organizations.services.licensing import licensing_open
from mujtama.organizations.services.people import (
    invitation_accept,
    invitation_create,
    invitation_for_token,
    invitation_revoke,
    member_remove,
    member_set_role,
    request_answer,
    request_create,
)
from mujtama.organizations.services.registry import (
    DuplicateOrganization,
    organization_register,
    organization_update,
)
from mujtama.organizations.tests.factories import OrganizationFactory, add_member


@pytest.fixture(autouse=True)
def _messages_in_english():
    """These tests read the services' messages in English; Arabic ones are checked
    where a test says so (translation.override("ar"))."""
    from django.utils import translation

    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


def _fields(**changes: Any) -> dict[str, Any]:
    fields = {
        "kind": "tech_ngo",
        "legal_status": LegalStatus.LICENSED,
        "registration_number": "2019/4471",
        "founding_year": 2019,
        "name_ar": "جمعية الأمل التقنية",
        "name_en": "Al-Amal Technology Association",
        "description_ar": "جمعية تدرّب الشباب على البرمجة.",
        "description_en": "An association that trains young people in programming.",
        "members_count": 12,
        "public_email": "info@amal.example.sy",
    }
    fields.update(changes)
    return fields


def _message(error: ValidationError) -> str:
    with translation.override("en"):
        return " ".join(error.messages)


# --- registration ------------------------------------------------------------------------


def test_registration_makes_the_actor_owner_and_is_audited(citizen):
    governorates = Governorate.objects.filter(pcode__in=["SY01", "SY09"])
    areas = ExpertiseArea.objects.filter(code__in=["software", "open_source"])
    organization = organization_register(
        actor=citizen, governorates=governorates, expertise_areas=areas, **_fields()
    )
    assert organization.created_by == citizen
    member = OrganizationMember.objects.get(organization=organization)
    assert member.user == citizen
    assert member.role == MemberRole.OWNER
    assert sorted(organization.governorates.values_list("pcode", flat=True)) == ["SY01", "SY09"]
    assert sorted(organization.expertise_areas.values_list("code", flat=True)) == [
        "open_source",
        "software",
    ]
    event = AuditEvent.objects.get(verb="organizations.registered")
    assert event.actor == citizen
    assert event.object_id == str(organization.pk)
    assert event.changes == {"kind": "tech_ngo", "legal_status": "licensed"}


def test_registration_validates_its_choices(citizen):
    with pytest.raises(ValidationError):
        organization_register(actor=citizen, **_fields(kind="bakery"))
    with pytest.raises(ValidationError):
        organization_register(actor=citizen, **_fields(legal_status="sort_of"))
    with pytest.raises(TypeError):
        organization_register(actor=citizen, **_fields(created_by=citizen))
    assert not Organization.objects.exists()


@pytest.fixture
def existing(org_owner):
    return organization_register(actor=org_owner, **_fields())


def _refused_as_duplicate(
    actor: Any, existing: Organization, monkeypatch: Any, **changes: Any
) -> str:
    """The duplicate is found BEFORE anything is written: saving would fail the test."""
    count = Organization.objects.count()
    members = OrganizationMember.objects.count()
    events = AuditEvent.objects.count()

    def no_write(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("the duplicate check must run before writing")

    monkeypatch.setattr(Organization, "save", no_write)
    with pytest.raises(DuplicateOrganization) as refused:
        organization_register(actor=actor, **_fields(**changes))
    monkeypatch.undo()
    assert [duplicate.organization for duplicate in refused.value.duplicates] == [existing]
    assert refused.value.code == "duplicate"
    assert Organization.objects.count() == count
    assert OrganizationMember.objects.count() == members
    assert AuditEvent.objects.count() == events
    return _message(refused.value)


@pytest.mark.parametrize(
    "name_ar",
    [
        "جمعية الأمل التقنية",
        "جمعيه الامل التقنيه",  # ta marbuta and hamza written plainly
        "جمعيّة الأَمَل التِّقنيّة",  # diacritics
        "جمعـــية الأمـل التقنيـة",  # tatweel
        "  جمعية   الإمل  التقنية ",  # another hamza, extra spaces
        "جمعية الآمل التقنية",  # madda
    ],
)
def test_the_same_arabic_name_in_another_spelling_is_a_duplicate(
    citizen, existing, monkeypatch, name_ar
):
    message = _refused_as_duplicate(
        citizen,
        existing,
        monkeypatch,
        name_ar=name_ar,
        name_en="Another Name Entirely",
        registration_number="",
    )
    assert "the same Arabic name" in message


def test_alef_maqsura_and_ya_are_the_same_letter(citizen, org_owner, monkeypatch):
    forum = organization_register(
        actor=org_owner,
        **_fields(
            name_ar="ملتقى الشباب الرقمي", name_en="Digital Youth Forum", registration_number=""
        ),
    )
    _refused_as_duplicate(
        citizen,
        forum,
        monkeypatch,
        name_ar="ملتقي الشباب الرقمى",
        name_en="Another Forum",
        registration_number="",
    )


@pytest.mark.parametrize(
    "name_en",
    [
        "al-amal technology association",
        "AL-AMAL TECHNOLOGY ASSOCIATION",
        "  Al-Amal   Technology\tAssociation ",
    ],
)
def test_the_same_english_name_with_other_case_or_spacing_is_a_duplicate(
    citizen, existing, monkeypatch, name_en
):
    message = _refused_as_duplicate(
        citizen,
        existing,
        monkeypatch,
        name_ar="اسم مختلف تماماً",
        name_en=name_en,
        registration_number="",
    )
    assert "the same English name" in message


@pytest.mark.parametrize(
    "number",
    ["2019/4471", "٢٠١٩/٤٤٧١", "۲۰۱۹-۴۴۷۱", "2019 4471", "2019-44-71", " ٢٠١٩ - ٤٤٧١ "],
)
def test_the_same_registration_number_in_another_writing_is_a_duplicate(
    citizen, existing, monkeypatch, number
):
    message = _refused_as_duplicate(
        citizen,
        existing,
        monkeypatch,
        name_ar="اسم مختلف تماماً",
        name_en="A Different Name",
        registration_number=number,
    )
    assert "the same license or registration number" in message


def test_every_duplicated_organization_is_listed(citizen, org_owner, existing):
    other = organization_register(
        actor=org_owner,
        **_fields(
            name_ar="رابطة المبرمجين", name_en="Programmers League", registration_number="77"
        ),
    )
    with pytest.raises(DuplicateOrganization) as refused:
        organization_register(
            actor=citizen,
            **_fields(
                name_ar="جمعيه الامل التقنيه", name_en="programmers league", registration_number=""
            ),
        )
    assert {d.organization for d in refused.value.duplicates} == {existing, other}


def test_different_names_and_numbers_are_not_duplicates(citizen, existing):
    organization = organization_register(
        actor=citizen,
        **_fields(
            name_ar="جمعية الأمل للتقانة",  # a different word
            name_en="Al-Amal Tech Association",
            registration_number="2019/4472",
        ),
    )
    assert organization.pk != existing.pk


def test_organizations_without_a_number_are_not_duplicates_of_each_other(citizen, org_owner):
    first = organization_register(actor=org_owner, **_fields(registration_number=""))
    second = organization_register(
        actor=citizen,
        **_fields(name_ar="مبادرة شباب الغد", name_en="Youth of Tomorrow", registration_number=""),
    )
    assert first.registration_key == second.registration_key == ""


# --- updating ----------------------------------------------------------------------------


def test_update_refuses_a_rename_onto_another_organizations_name(org_owner, existing):
    mine = OrganizationFactory(created_by=org_owner)
    for changes in (
        {"name_ar": "جمعيه الامل التقنيه"},
        {"name_en": "AL-AMAL technology association"},
        {"registration_number": "٢٠١٩-٤٤٧١"},
    ):
        with pytest.raises(DuplicateOrganization) as refused:
            organization_update(actor=org_owner, organization=mine, **changes)
        assert [d.organization for d in refused.value.duplicates] == [existing]
    unchanged = Organization.objects.get(pk=mine.pk)
    assert unchanged.name_ar == mine.name_ar
    assert unchanged.name_en == mine.name_en
    assert not AuditEvent.objects.filter(verb="organizations.profile_updated").exists()


def test_an_organization_may_respell_its_own_name(org_owner, existing):
    updated = organization_update(
        actor=org_owner, organization=existing, name_ar="جمعيّة الأمل التقنيّة"
    )
    assert updated.name_ar == "جمعيّة الأمل التقنيّة"
    event = AuditEvent.objects.get(verb="organizations.profile_updated")
    assert event.changes == {"fields": ["name_ar"]}


def test_editors_update_viewers_and_strangers_cannot(org_owner, existing, citizen):
    editor = add_member(existing, UserFactory(), MemberRole.EDITOR)
    viewer = add_member(existing, UserFactory(), MemberRole.VIEWER)
    updated = organization_update(actor=editor, organization=existing, members_count=40)
    assert updated.members_count == 40
    for someone in (viewer, citizen):
        with translation.override("en"), pytest.raises(PermissionDenied) as denied:
            organization_update(actor=someone, organization=existing, members_count=1)
        assert "owners and editors" in str(denied.value)
    assert Organization.objects.get(pk=existing.pk).members_count == 40
    assert AuditEvent.objects.filter(verb="organizations.profile_updated").count() == 1


def test_update_refuses_unknown_fields(org_owner, existing):
    with pytest.raises(TypeError):
        organization_update(actor=org_owner, organization=existing, created_by=org_owner)
    with pytest.raises(TypeError):
        organization_update(actor=org_owner, organization=existing, name_ar_key="x")


def test_the_legal_status_is_the_licensing_tracks_once_it_has_started(org_owner):
    organization = organization_register(
        actor=org_owner, **_fields(legal_status=LegalStatus.UNLICENSED, registration_number="")
    )
    # Before the track starts, the organization describes its own status.
    organization = organization_update(
        actor=org_owner, organization=organization, legal_status=LegalStatus.LICENSE_IN_PROGRESS
    )
    organization = organization_update(
        actor=org_owner, organization=organization, legal_status=LegalStatus.UNLICENSED
    )
    assert organization.legal_status == LegalStatus.UNLICENSED
    licensing_open(actor=org_owner, organization=organization)
    organization.refresh_from_db()
    assert organization.legal_status == LegalStatus.LICENSE_IN_PROGRESS
    for status in (LegalStatus.LICENSED, LegalStatus.NOT_APPLICABLE, LegalStatus.UNLICENSED):
        with pytest.raises(ValidationError, match="licensing track"):
            organization_update(actor=org_owner, organization=organization, legal_status=status)
        assert Organization.objects.get(pk=organization.pk).legal_status == (
            LegalStatus.LICENSE_IN_PROGRESS
        )
    # Sending the unchanged value (as a form with the field disabled does) is fine.
    organization_update(
        actor=org_owner, organization=organization, legal_status=LegalStatus.LICENSE_IN_PROGRESS
    )
    # Other fields still change.
    organization_update(actor=org_owner, organization=organization, members_count=99)
    assert Organization.objects.get(pk=organization.pk).members_count == 99


def test_governorate_and_expertise_changes_are_audited(org_owner, existing):
    damascus, aleppo, homs = (Governorate.objects.get(pcode=p) for p in ("SY01", "SY02", "SY04"))
    organization_update(actor=org_owner, organization=existing, governorates=[damascus, aleppo])
    event = AuditEvent.objects.get(verb="organizations.profile_updated")
    assert event.changes == {"fields": ["governorates"]}
    organization_update(
        actor=org_owner,
        organization=existing,
        expertise_areas=ExpertiseArea.objects.filter(code="cybersecurity"),
    )
    latest = AuditEvent.objects.filter(verb="organizations.profile_updated").order_by("-id").first()
    assert latest.changes == {"fields": ["expertise_areas"]}
    # The same lists again change nothing and write nothing.
    organization_update(
        actor=org_owner,
        organization=existing,
        governorates=[aleppo, damascus],
        expertise_areas=ExpertiseArea.objects.filter(code="cybersecurity"),
    )
    assert AuditEvent.objects.filter(verb="organizations.profile_updated").count() == 2
    organization_update(
        actor=org_owner, organization=existing, governorates=[homs], members_count=13
    )
    latest = AuditEvent.objects.filter(verb="organizations.profile_updated").order_by("-id").first()
    assert sorted(latest.changes["fields"]) == ["governorates", "members_count"]
    assert list(existing.governorates.values_list("pcode", flat=True)) == ["SY04"]


# --- invitations ---------------------------------------------------------------------------


@pytest.fixture
def organization(org_owner):
    return OrganizationFactory(created_by=org_owner)


def test_an_invitation_is_emailed_with_its_token_in_the_link(org_owner, organization):
    invitation, token = invitation_create(
        actor=org_owner, organization=organization, email="  New.Person@Example.SY ", role="editor"
    )
    assert invitation.email == "new.person@example.sy"
    assert invitation.token_hash != token and token not in invitation.token_hash
    assert abs(invitation.expires_at - invitation.created_at - timedelta(days=7)) < timedelta(
        seconds=1
    )
    notification = Notification.objects.get(kind="organizations_invitation")
    assert notification.recipient is None
    assert notification.channel == "email"
    assert notification.address == "new.person@example.sy"
    assert token in notification.link
    assert organization.name_ar in notification.subject
    assert AuditEvent.objects.filter(verb="organizations.invitation_sent").count() == 1


def test_an_invitation_works_once(org_owner, organization):
    _invitation, token = invitation_create(
        actor=org_owner, organization=organization, email="guest@example.sy", role="editor"
    )
    guest = UserFactory(email="guest@example.sy")
    member = invitation_accept(user=guest, token=token)
    assert member.user == guest and member.role == MemberRole.EDITOR
    assert member.organization == organization
    invitation = invitation_for_token(token)
    assert invitation.accepted_by == guest and invitation.accepted_at is not None
    with pytest.raises(ValidationError) as refused:
        invitation_accept(user=guest, token=token)
    assert refused.value.code == "invalid_invitation"
    assert "not valid any more" in _message(refused.value)
    assert OrganizationMember.objects.filter(organization=organization, user=guest).count() == 1


def test_an_expired_invitation_is_refused(org_owner, organization):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        _invitation, token = invitation_create(
            actor=org_owner, organization=organization, email="late@example.sy", role="viewer"
        )
    late = UserFactory(email="late@example.sy")
    with time_machine.travel(start + timedelta(days=6, hours=23), tick=False):
        assert invitation_for_token(token).is_open
    with (
        time_machine.travel(start + timedelta(days=7, minutes=1), tick=False),
        pytest.raises(ValidationError) as refused,
    ):
        invitation_accept(user=late, token=token)
    assert refused.value.code == "invalid_invitation"
    assert "expired" in _message(refused.value)
    assert not OrganizationMember.objects.filter(user=late).exists()


def test_a_revoked_invitation_is_refused(org_owner, organization):
    invitation, token = invitation_create(
        actor=org_owner, organization=organization, email="gone@example.sy", role="viewer"
    )
    invitation_revoke(actor=org_owner, invitation=invitation)
    assert AuditEvent.objects.filter(verb="organizations.invitation_revoked").count() == 1
    with pytest.raises(ValidationError) as refused:
        invitation_accept(user=UserFactory(email="gone@example.sy"), token=token)
    assert "withdrawn" in _message(refused.value)
    invitation_revoke(actor=org_owner, invitation=invitation)  # twice: nothing more
    assert AuditEvent.objects.filter(verb="organizations.invitation_revoked").count() == 1


def test_an_unknown_token_is_refused(citizen):
    with pytest.raises(ValidationError) as refused:
        invitation_accept(user=citizen, token="not-a-real-token")
    assert refused.value.code == "invalid_invitation"


def test_an_invitation_for_another_email_is_refused(org_owner, organization, citizen):
    _invitation, token = invitation_create(
        actor=org_owner, organization=organization, email="right@example.sy", role="editor"
    )
    with pytest.raises(ValidationError) as refused:
        invitation_accept(user=citizen, token=token)
    assert refused.value.code == "wrong_person"
    assert "another email address" in _message(refused.value)
    assert not OrganizationMember.objects.filter(user=citizen).exists()
    # The invitation is still there for the right person.
    right = UserFactory(email="Right@Example.sy")
    assert invitation_accept(user=right, token=token).role == MemberRole.EDITOR


def test_only_owners_invite(org_owner, organization, citizen):
    editor = add_member(organization, UserFactory(), MemberRole.EDITOR)
    for someone in (editor, citizen):
        with translation.override("en"), pytest.raises(PermissionDenied) as denied:
            invitation_create(
                actor=someone, organization=organization, email="x@example.sy", role="viewer"
            )
        assert "owners" in str(denied.value)
    assert not Invitation.objects.exists()
    assert not Notification.objects.exists()


def test_inviting_someone_already_in_the_organization_is_refused(org_owner, organization):
    member = add_member(organization, UserFactory(email="member@example.sy"), MemberRole.VIEWER)
    with pytest.raises(ValidationError) as refused:
        invitation_create(
            actor=org_owner, organization=organization, email=" MEMBER@example.sy", role="editor"
        )
    assert "email" in refused.value.message_dict
    assert not Invitation.objects.exists()
    assert member.organization_roles.get().role == MemberRole.VIEWER


def test_an_invitation_needs_a_known_role(org_owner, organization):
    with pytest.raises(ValidationError):
        invitation_create(
            actor=org_owner, organization=organization, email="a@example.sy", role="admin"
        )


# --- roles ---------------------------------------------------------------------------------


def _member(organization: Organization, user: Any) -> OrganizationMember:
    return OrganizationMember.objects.get(organization=organization, user=user)


def test_the_last_owner_cannot_be_demoted(org_owner, organization):
    with pytest.raises(ValidationError) as refused:
        member_set_role(actor=org_owner, member=_member(organization, org_owner), role="editor")
    assert "last owner" in _message(refused.value)
    assert _member(organization, org_owner).role == MemberRole.OWNER


def test_the_last_owner_cannot_leave_or_be_removed(org_owner, organization):
    with pytest.raises(ValidationError) as refused:
        member_remove(actor=org_owner, member=_member(organization, org_owner))
    assert "last owner" in _message(refused.value)
    assert _member(organization, org_owner).role == MemberRole.OWNER
    assert not AuditEvent.objects.filter(verb__startswith="organizations.member_").exists()


def test_with_two_owners_one_may_leave_and_then_the_other_is_the_last(org_owner, organization):
    second = add_member(organization, UserFactory(), MemberRole.OWNER)
    member_remove(actor=second, member=_member(organization, second))
    assert not OrganizationMember.objects.filter(organization=organization, user=second).exists()
    assert AuditEvent.objects.get(verb="organizations.member_left").changes == {"user": second.pk}
    with pytest.raises(ValidationError):
        member_remove(actor=org_owner, member=_member(organization, org_owner))


def test_with_two_owners_one_may_be_demoted(org_owner, organization):
    second = add_member(organization, UserFactory(), MemberRole.OWNER)
    member_set_role(actor=org_owner, member=_member(organization, second), role="viewer")
    assert _member(organization, second).role == MemberRole.VIEWER
    event = AuditEvent.objects.get(verb="organizations.member_role_changed")
    assert event.changes == {"user": second.pk, "role": ["owner", "viewer"]}


def test_an_owner_removes_an_editor_and_anyone_may_leave(org_owner, organization):
    editor = add_member(organization, UserFactory(), MemberRole.EDITOR)
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    member_remove(actor=org_owner, member=_member(organization, editor))
    assert AuditEvent.objects.filter(verb="organizations.member_removed").count() == 1
    member_remove(actor=viewer, member=_member(organization, viewer))
    assert AuditEvent.objects.filter(verb="organizations.member_left").count() == 1
    assert list(organization.memberships_of_people.values_list("user", flat=True)) == [org_owner.pk]


def test_only_owners_change_roles_or_remove_others(org_owner, organization):
    editor = add_member(organization, UserFactory(), MemberRole.EDITOR)
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    with pytest.raises(PermissionDenied):
        member_set_role(actor=editor, member=_member(organization, viewer), role="owner")
    with pytest.raises(PermissionDenied):
        member_set_role(actor=editor, member=_member(organization, editor), role="owner")
    with pytest.raises(PermissionDenied):
        member_remove(actor=editor, member=_member(organization, viewer))
    with pytest.raises(PermissionDenied):
        member_remove(actor=editor, member=_member(organization, org_owner))
    assert _member(organization, viewer).role == MemberRole.VIEWER
    assert _member(organization, editor).role == MemberRole.EDITOR


def test_an_owner_of_another_organization_cannot_manage_these_people(org_owner, organization):
    other_owner = UserFactory()
    OrganizationFactory(created_by=other_owner)
    with pytest.raises(PermissionDenied):
        member_set_role(actor=other_owner, member=_member(organization, org_owner), role="viewer")
    with pytest.raises(PermissionDenied):
        member_remove(actor=other_owner, member=_member(organization, org_owner))


# --- requests to join ---------------------------------------------------------------------


def test_a_request_to_join_notifies_the_owners_only(org_owner, organization, citizen):
    second_owner = add_member(organization, UserFactory(), MemberRole.OWNER)
    editor = add_member(organization, UserFactory(), MemberRole.EDITOR)
    viewer = add_member(organization, UserFactory(), MemberRole.VIEWER)
    request = request_create(user=citizen, organization=organization, message="  أودّ الانضمام  ")
    assert request.status == "pending"
    assert request.message == "أودّ الانضمام"
    notified = Notification.objects.filter(kind="organizations_join_request")
    assert {n.recipient for n in notified} == {org_owner, second_owner}
    assert notified.filter(channel="inbox").count() == 2
    assert not notified.filter(recipient__in=[editor, viewer, citizen]).exists()
    assert all("أودّ الانضمام" in n.body for n in notified)
    assert AuditEvent.objects.filter(verb="organizations.join_requested").count() == 1


def test_a_second_pending_request_is_refused(organization, citizen):
    request_create(user=citizen, organization=organization)
    with pytest.raises(ValidationError) as refused:
        request_create(user=citizen, organization=organization)
    assert "already asked" in _message(refused.value)
    assert MembershipRequest.objects.filter(user=citizen).count() == 1


def test_after_a_decline_one_may_ask_again(org_owner, organization, citizen):
    request = request_create(user=citizen, organization=organization)
    request_answer(actor=org_owner, request=request, action="decline")
    again = request_create(user=citizen, organization=organization)
    assert again.status == "pending" and again.pk != request.pk


def test_people_already_in_the_organization_do_not_ask(org_owner, organization):
    with pytest.raises(ValidationError):
        request_create(user=org_owner, organization=organization)
    assert not MembershipRequest.objects.exists()


@pytest.mark.parametrize("role", ["viewer", "editor", "owner"])
def test_accepting_adds_the_person_with_the_chosen_role(org_owner, organization, citizen, role):
    request = request_create(user=citizen, organization=organization)
    accepted = request_answer(actor=org_owner, request=request, action="accept", role=role)
    assert accepted.status == "accepted"
    assert _member(organization, citizen).role == role
    told = Notification.objects.filter(recipient=citizen, kind="organizations_join_request")
    assert told.filter(channel="inbox").count() == 1
    event = AuditEvent.objects.get(verb="organizations.join_request.accept")
    assert event.changes["role"] == role


def test_accepting_needs_a_known_role(org_owner, organization, citizen):
    request = request_create(user=citizen, organization=organization)
    with pytest.raises(ValidationError):
        request_answer(actor=org_owner, request=request, action="accept", role="admin")
    assert MembershipRequest.objects.get(pk=request.pk).status == "pending"


def test_declining_adds_no_one_and_tells_the_requester(org_owner, organization, citizen):
    request = request_create(user=citizen, organization=organization)
    request_answer(actor=org_owner, request=request, action="decline")
    assert not OrganizationMember.objects.filter(organization=organization, user=citizen).exists()
    assert Notification.objects.filter(
        recipient=citizen, kind="organizations_join_request", channel="inbox"
    ).exists()


def test_only_the_requester_withdraws(org_owner, organization, citizen):
    request = request_create(user=citizen, organization=organization)
    for someone in (org_owner, UserFactory()):
        with pytest.raises(PermissionDenied):
            request_answer(actor=someone, request=request, action="withdraw")
    withdrawn = request_answer(actor=citizen, request=request, action="withdraw")
    assert withdrawn.status == "withdrawn"
    assert not OrganizationMember.objects.filter(organization=organization, user=citizen).exists()
    with pytest.raises(ValidationError):  # TransitionNotAllowed
        request_answer(actor=org_owner, request=request, action="accept")
