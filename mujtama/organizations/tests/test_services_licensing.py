"""The licensing track: a youth association prepares its file step by step, submits
it to the Ministry of Social Affairs, and a MoSAL officer records the outcome."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from mujtama.accounts.tests.factories import UserFactory
from mujtama.core.models import AuditEvent
from mujtama.core.workflows import TransitionNotAllowed
from mujtama.notifications.models import Notification
from mujtama.organizations.models import (
    DocumentKind,
    LegalStatus,
    LicensingFile,
    LicensingStep,
    LicensingStepProgress,
    MemberRole,
    Organization,
)
from mujtama.organizations.selectors import licensing_steps_left
from mujtama.organizations.services.licensing import (
    licensing_assign,
    licensing_decide,
    licensing_mark_step,
    licensing_open,
    licensing_resume,
    licensing_submit,
)
from mujtama.organizations.services.registry import organization_update
from mujtama.organizations.tests.factories import OrganizationFactory, add_document, add_member


@pytest.fixture(autouse=True)
def _messages_in_english():
    """These tests read the services' messages in English; Arabic ones are checked
    where a test says so (translation.override("ar"))."""
    from django.utils import translation

    with translation.override("en"):
        yield


pytestmark = pytest.mark.django_db

REASON = "ينقص محضر الاجتماع التأسيسي توقيع ثلاثة من المؤسسين."


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def association(org_owner):
    return OrganizationFactory(
        created_by=org_owner,
        legal_status=LegalStatus.UNLICENSED,
        registration_number="",
        kind="youth_initiative",
    )


@pytest.fixture
def file(association, org_owner):
    return licensing_open(actor=org_owner, organization=association)


def _messages(error: ValidationError) -> dict[str, list[str]]:
    with translation.override("en"):
        return error.message_dict


def _complete(file: LicensingFile, actor: Any) -> None:
    for step in LicensingStep.objects.filter(is_active=True):
        evidence = (
            add_document(file.organization, DocumentKind.OTHER) if step.evidence_required else None
        )
        licensing_mark_step(actor=actor, file=file, step=step, done=True, evidence=evidence)


def _submitted(file: LicensingFile, actor: Any) -> LicensingFile:
    _complete(file, actor)
    return licensing_submit(actor=actor, file=file)


# --- opening the file -------------------------------------------------------------------------


@pytest.mark.parametrize("legal_status", [LegalStatus.UNLICENSED, LegalStatus.LICENSE_IN_PROGRESS])
def test_opening_the_file_sets_the_license_in_progress(org_owner, legal_status):
    organization = OrganizationFactory(created_by=org_owner, legal_status=legal_status)
    file = licensing_open(actor=org_owner, organization=organization)
    assert file.status == "preparing"
    assert (
        Organization.objects.get(pk=organization.pk).legal_status == LegalStatus.LICENSE_IN_PROGRESS
    )
    assert AuditEvent.objects.filter(verb="organizations.licensing.start").count() == 1
    changes = AuditEvent.objects.filter(verb="organizations.legal_status_changed")
    if legal_status == LegalStatus.LICENSE_IN_PROGRESS:
        assert not changes.exists()  # nothing changed, nothing recorded
    else:
        assert changes.get().changes == {"legal_status": [legal_status, "license_in_progress"]}


def test_opening_twice_does_not_start_twice(org_owner, association, file):
    again = licensing_open(actor=org_owner, organization=association)
    assert again.pk == file.pk and again.status == "preparing"
    assert LicensingFile.objects.count() == 1
    assert AuditEvent.objects.filter(verb="organizations.licensing.start").count() == 1


@pytest.mark.parametrize("legal_status", [LegalStatus.LICENSED, LegalStatus.NOT_APPLICABLE])
def test_licensed_and_public_bodies_have_no_licensing_track(org_owner, legal_status):
    organization = OrganizationFactory(created_by=org_owner, legal_status=legal_status)
    with pytest.raises(ValidationError) as refused:
        licensing_open(actor=org_owner, organization=organization)
    with translation.override("en"):
        assert "not licensed yet" in " ".join(refused.value.messages)
    assert not LicensingFile.objects.exists()
    assert Organization.objects.get(pk=organization.pk).legal_status == legal_status
    assert not AuditEvent.objects.exists()


def test_only_owners_and_editors_open_the_file(association, citizen, mosal_officer):
    viewer = add_member(association, UserFactory(), MemberRole.VIEWER)
    for someone in (viewer, citizen, mosal_officer):
        with pytest.raises(PermissionDenied):
            licensing_open(actor=someone, organization=association)
    assert not LicensingFile.objects.exists()
    editor = add_member(association, UserFactory(), MemberRole.EDITOR)
    assert licensing_open(actor=editor, organization=association).status == "preparing"


# --- the steps --------------------------------------------------------------------------------


def _step(code: str) -> LicensingStep:
    return LicensingStep.objects.get(code=code)


def test_a_step_that_needs_evidence_is_not_done_without_a_document(org_owner, file):
    step = _step("founding_members")
    assert step.evidence_required
    with pytest.raises(ValidationError) as refused:
        licensing_mark_step(actor=org_owner, file=file, step=step, done=True)
    assert _messages(refused.value) == {"evidence": ["This step needs a document as evidence."]}
    assert not LicensingStepProgress.objects.exists()
    evidence = add_document(file.organization, DocumentKind.FOUNDING_MEMBERS)
    progress = licensing_mark_step(
        actor=org_owner, file=file, step=step, done=True, evidence=evidence, note="  سبعة مؤسسين "
    )
    assert progress.done and progress.evidence == evidence
    assert progress.done_by == org_owner and progress.done_at is not None
    assert progress.note == "سبعة مؤسسين"
    event = AuditEvent.objects.get(verb="organizations.licensing_step_marked")
    assert event.changes == {"step": "founding_members", "done": True, "evidence": evidence.pk}


def test_a_step_without_evidence_required_is_done_without_a_document(org_owner, file):
    step = _step("funding_plan")
    assert not step.evidence_required
    progress = licensing_mark_step(actor=org_owner, file=file, step=step, done=True)
    assert progress.done and progress.evidence is None


def test_the_evidence_must_be_the_organizations_own(org_owner, file):
    other = OrganizationFactory()
    foreign = add_document(other, DocumentKind.FOUNDING_MEMBERS)
    with pytest.raises(ValidationError) as refused:
        licensing_mark_step(
            actor=org_owner, file=file, step=_step("founding_members"), done=True, evidence=foreign
        )
    assert "evidence" in _messages(refused.value)
    assert not LicensingStepProgress.objects.exists()


def test_a_step_can_be_unmarked(org_owner, file):
    step = _step("premises")
    licensing_mark_step(
        actor=org_owner, file=file, step=step, done=True, evidence=add_document(file.organization)
    )
    progress = licensing_mark_step(actor=org_owner, file=file, step=step, done=False)
    assert not progress.done and progress.done_at is None and progress.done_by is None
    assert LicensingStepProgress.objects.filter(file=file, step=step).count() == 1


def test_steps_are_marked_only_while_preparing_and_by_editors(org_owner, file, citizen):
    viewer = add_member(file.organization, UserFactory(), MemberRole.VIEWER)
    for someone in (viewer, citizen):
        with pytest.raises(PermissionDenied):
            licensing_mark_step(actor=someone, file=file, step=_step("funding_plan"), done=True)
    submitted = _submitted(file, org_owner)
    with pytest.raises(ValidationError):
        licensing_mark_step(actor=org_owner, file=submitted, step=_step("funding_plan"), done=False)
    assert LicensingStepProgress.objects.get(step=_step("funding_plan")).done


# --- submitting -------------------------------------------------------------------------------


def test_submission_is_refused_while_steps_remain(org_owner, file):
    steps = list(LicensingStep.objects.filter(is_active=True))
    for step in steps[:-1]:
        evidence = add_document(file.organization) if step.evidence_required else None
        licensing_mark_step(actor=org_owner, file=file, step=step, done=True, evidence=evidence)
    assert licensing_steps_left(file) == [steps[-1]]
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        licensing_submit(actor=org_owner, file=file)
    assert "Mark every step done" in str(refused.value)
    assert LicensingFile.objects.get(pk=file.pk).status == "preparing"
    assert not AuditEvent.objects.filter(verb="organizations.licensing.submit").exists()


def test_a_step_whose_evidence_was_deleted_is_left_to_do(org_owner, file):
    from mujtama.organizations.services.documents import document_delete

    _complete(file, org_owner)
    progress = LicensingStepProgress.objects.filter(file=file, evidence__isnull=False).first()
    document_delete(actor=org_owner, document=progress.evidence)
    assert licensing_steps_left(file) == [progress.step]
    with pytest.raises(PermissionDenied):
        licensing_submit(actor=org_owner, file=file)


def test_steps_no_longer_in_use_are_not_required(org_owner, file):
    LicensingStep.objects.filter(code="premises").update(is_active=False)
    for step in LicensingStep.objects.filter(is_active=True):
        evidence = add_document(file.organization) if step.evidence_required else None
        licensing_mark_step(actor=org_owner, file=file, step=step, done=True, evidence=evidence)
    assert licensing_submit(actor=org_owner, file=file).status == "submitted_to_ministry"


def test_submission_records_the_date_and_tells_the_people_and_the_officer(
    org_owner, file, mosal_officer
):
    licensing_assign(actor=mosal_officer, file=file, officer=mosal_officer)
    Notification.objects.all().delete()
    submitted = _submitted(file, org_owner)
    assert submitted.status == "submitted_to_ministry"
    assert submitted.submitted_at is not None
    told = Notification.objects.filter(kind="organizations_licensing", channel="inbox")
    assert {n.recipient for n in told} == {org_owner, mosal_officer}
    assert f"/licensing/{file.pk}/" in told.get(recipient=mosal_officer).link


# --- decisions --------------------------------------------------------------------------------


def test_a_grant_makes_the_organization_licensed_with_the_number(org_owner, file, mosal_officer):
    submitted = _submitted(file, org_owner)
    today = timezone.localdate()
    granted = licensing_decide(
        actor=mosal_officer,
        file=submitted,
        action="grant",
        license_number="  ١٤٢/ج  ",
        license_date=today,
    )
    assert granted.status == "licensed"
    assert granted.license_number == "١٤٢/ج"
    assert granted.license_date == today
    assert granted.decided_at is not None
    organization = Organization.objects.get(pk=file.organization_id)
    assert organization.legal_status == LegalStatus.LICENSED
    assert organization.registration_number == "١٤٢/ج"
    assert organization.registration_key == "142ج"
    event = (
        AuditEvent.objects.filter(verb="organizations.legal_status_changed").order_by("-id").first()
    )
    assert event.changes == {"legal_status": ["license_in_progress", "licensed"]}
    assert event.actor == mosal_officer
    told = Notification.objects.filter(
        recipient=org_owner, kind="organizations_licensing", channel="inbox"
    ).order_by("-id")
    assert told.count() == 2  # submitted, then licensed
    assert "١٤٢/ج" in told.first().body


@pytest.mark.parametrize(
    ("number", "day", "field"),
    [
        ("", 0, "license_number"),
        ("  ", 0, "license_number"),
        (" - / ", 0, "license_number"),
        ("LIC-9", None, "license_date"),
        ("LIC-9", 1, "license_date"),
        ("LIC-9", 400, "license_date"),
    ],
)
def test_a_grant_needs_a_number_and_a_date_not_in_the_future(
    org_owner, file, mosal_officer, number, day, field
):
    submitted = _submitted(file, org_owner)
    license_date = None if day is None else timezone.localdate() + timedelta(days=day)
    with pytest.raises(ValidationError) as refused:
        licensing_decide(
            actor=mosal_officer,
            file=submitted,
            action="grant",
            license_number=number,
            license_date=license_date,
        )
    assert field in _messages(refused.value)
    stored = LicensingFile.objects.get(pk=file.pk)
    assert stored.status == "submitted_to_ministry" and stored.license_number == ""
    assert (
        Organization.objects.get(pk=file.organization_id).legal_status
        == LegalStatus.LICENSE_IN_PROGRESS
    )


def test_a_license_dated_in_the_past_is_fine(org_owner, file, mosal_officer):
    submitted = _submitted(file, org_owner)
    granted = licensing_decide(
        actor=mosal_officer,
        file=submitted,
        action="grant",
        license_number="LIC-7",
        license_date=timezone.localdate() - timedelta(days=30),
    )
    assert granted.status == "licensed"


@pytest.mark.parametrize("written", ["2023/145", "٢٠٢٣/١٤٥", "2023-145", " 2023 145 ", "۲۰۲۳_۱۴۵"])
def test_a_number_already_used_by_another_organization_is_refused(
    org_owner, file, mosal_officer, written
):
    OrganizationFactory(registration_number="2023/145")
    submitted = _submitted(file, org_owner)
    with pytest.raises(ValidationError) as refused:
        licensing_decide(
            actor=mosal_officer,
            file=submitted,
            action="grant",
            license_number=written,
            license_date=timezone.localdate(),
        )
    assert _messages(refused.value) == {
        "license_number": ["Another organization is registered with this number."]
    }
    assert LicensingFile.objects.get(pk=file.pk).status == "submitted_to_ministry"


def test_the_organizations_own_number_may_become_its_license_number(org_owner, mosal_officer):
    organization = OrganizationFactory(
        created_by=org_owner, legal_status=LegalStatus.UNLICENSED, registration_number="REG-55"
    )
    file = _submitted(licensing_open(actor=org_owner, organization=organization), org_owner)
    granted = licensing_decide(
        actor=mosal_officer,
        file=file,
        action="grant",
        license_number="reg 55",
        license_date=timezone.localdate(),
    )
    assert granted.status == "licensed"


@pytest.mark.parametrize("action", ["refuse", "return"])
def test_refusing_or_returning_needs_a_reason_that_is_sent(org_owner, file, mosal_officer, action):
    submitted = _submitted(file, org_owner)
    for blank in ("", "   "):
        with pytest.raises(ValidationError):
            licensing_decide(actor=mosal_officer, file=submitted, action=action, reason=blank)
    assert LicensingFile.objects.get(pk=file.pk).status == "submitted_to_ministry"
    decided = licensing_decide(actor=mosal_officer, file=submitted, action=action, reason=REASON)
    assert decided.decision_reason == REASON
    if action == "refuse":
        assert decided.status == "refused" and decided.decided_at is not None
    else:
        assert decided.status == "preparing" and decided.decided_at is None
    told = Notification.objects.filter(recipient=org_owner, kind="organizations_licensing")
    assert told.filter(body__contains=REASON).count() == 2  # inbox and email
    assert (
        Organization.objects.get(pk=file.organization_id).legal_status
        == LegalStatus.LICENSE_IN_PROGRESS
    )


def test_a_returned_file_is_completed_and_submitted_again(org_owner, file, mosal_officer):
    submitted = _submitted(file, org_owner)
    returned = licensing_decide(actor=mosal_officer, file=submitted, action="return", reason=REASON)
    licensing_mark_step(actor=org_owner, file=returned, step=_step("funding_plan"), done=True)
    again = licensing_submit(actor=org_owner, file=returned)
    assert again.status == "submitted_to_ministry"


def test_after_a_refusal_the_file_is_prepared_again(org_owner, file, mosal_officer):
    submitted = _submitted(file, org_owner)
    refused = licensing_decide(actor=mosal_officer, file=submitted, action="refuse", reason=REASON)
    with pytest.raises(ValidationError):  # steps are not marked on a refused file
        licensing_mark_step(actor=org_owner, file=refused, step=_step("funding_plan"), done=True)
    with pytest.raises(TransitionNotAllowed):
        licensing_submit(actor=org_owner, file=refused)
    resumed = licensing_resume(actor=org_owner, file=refused)
    assert resumed.status == "preparing"
    assert licensing_steps_left(resumed) == []  # the work done is kept
    again = licensing_submit(actor=org_owner, file=resumed)
    granted = licensing_decide(
        actor=mosal_officer,
        file=again,
        action="grant",
        license_number="LIC-2026-3",
        license_date=timezone.localdate(),
    )
    assert granted.status == "licensed"


def test_a_licensed_file_is_final_and_the_number_is_kept(org_owner, file, mosal_officer):
    submitted = _submitted(file, org_owner)
    granted = licensing_decide(
        actor=mosal_officer,
        file=submitted,
        action="grant",
        license_number="LIC-1",
        license_date=timezone.localdate(),
    )
    for action in ("refuse", "return"):
        with pytest.raises(TransitionNotAllowed):
            licensing_decide(actor=mosal_officer, file=granted, action=action, reason=REASON)
    organization = Organization.objects.get(pk=file.organization_id)
    with pytest.raises(ValidationError):
        licensing_open(actor=org_owner, organization=organization)
    with pytest.raises(ValidationError) as refused:
        organization_update(
            actor=org_owner,
            organization=organization,
            registration_number="SELF-CHOSEN",
            legal_status=LegalStatus.UNLICENSED,
        )
    assert "licensing track" in str(refused.value)
    organization = Organization.objects.get(pk=file.organization_id)
    assert organization.registration_number == "LIC-1"
    assert organization.legal_status == LegalStatus.LICENSED


def test_unknown_decisions_are_refused(org_owner, file, mosal_officer):
    submitted = _submitted(file, org_owner)
    for action in ("start", "submit", "approve", ""):
        with pytest.raises(ValidationError):
            licensing_decide(actor=mosal_officer, file=submitted, action=action, reason=REASON)
    assert LicensingFile.objects.get(pk=file.pk).status == "submitted_to_ministry"


# --- who decides and who is assigned ----------------------------------------------------------


@pytest.mark.parametrize(
    "persona_name", ["moct_officer", "reviewer", "program_manager", "platform_admin", "org_owner"]
)
@pytest.mark.parametrize("action", ["grant", "refuse", "return"])
def test_only_mosal_officers_decide(persona, file, org_owner, persona_name, action):
    submitted = _submitted(file, org_owner)
    with translation.override("en"), pytest.raises(PermissionDenied) as denied:
        licensing_decide(
            actor=persona(persona_name),
            file=submitted,
            action=action,
            reason=REASON,
            license_number="LIC-77",
            license_date=timezone.localdate(),
        )
    assert "Ministry of Social Affairs" in str(denied.value)
    stored = LicensingFile.objects.get(pk=file.pk)
    assert stored.status == "submitted_to_ministry" and stored.license_number == ""
    assert (
        Organization.objects.get(pk=file.organization_id).legal_status
        == LegalStatus.LICENSE_IN_PROGRESS
    )


@pytest.mark.parametrize(
    "persona_name", ["moct_officer", "reviewer", "platform_admin", "org_owner"]
)
def test_only_mosal_officers_assign(persona, file, mosal_officer, persona_name):
    with translation.override("en"), pytest.raises(PermissionDenied) as denied:
        licensing_assign(actor=persona(persona_name), file=file, officer=mosal_officer)
    assert "Ministry of Social Affairs" in str(denied.value)
    assert LicensingFile.objects.get(pk=file.pk).assigned_to is None


@pytest.mark.parametrize("persona_name", ["moct_officer", "reviewer", "citizen", "platform_admin"])
def test_files_are_assigned_only_to_mosal_officers(persona, file, mosal_officer, persona_name):
    with pytest.raises(ValidationError):
        licensing_assign(actor=mosal_officer, file=file, officer=persona(persona_name))
    assert LicensingFile.objects.get(pk=file.pk).assigned_to is None
    assert not Notification.objects.filter(kind="organizations_licensing").exists()


def test_assignment_notifies_the_officer_once_and_is_audited(file, mosal_officer):
    colleague = UserFactory(roles=["mosal_officer"])
    licensing_assign(actor=mosal_officer, file=file, officer=colleague)
    licensing_assign(actor=mosal_officer, file=file, officer=colleague)
    assert LicensingFile.objects.get(pk=file.pk).assigned_to == colleague
    told = Notification.objects.filter(recipient=colleague, kind="organizations_licensing")
    assert sorted(told.values_list("channel", flat=True)) == ["email", "inbox"]
    events = AuditEvent.objects.filter(verb="organizations.licensing_assigned").order_by("id")
    assert [e.changes["assigned_to"] for e in events] == [
        [None, colleague.pk],
        [colleague.pk, colleague.pk],
    ]
    licensing_assign(actor=mosal_officer, file=file, officer=None)
    assert LicensingFile.objects.get(pk=file.pk).assigned_to is None
