"""The licensing track: a youth association works through the checklist, submits
its file to the Ministry of Social Affairs, and an officer records the outcome."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.organizations import notices
from mujtama.organizations.models import (
    LegalStatus,
    LicensingFile,
    LicensingStatus,
    LicensingStep,
    LicensingStepProgress,
    MembershipStatus,
    Organization,
    OrganizationDocument,
)
from mujtama.organizations.models.registry import registration_key
from mujtama.organizations.permissions import can_edit, is_licensing_officer
from mujtama.organizations.public_cache import public_data_changed
from mujtama.organizations.services.membership import membership_upgrade


def licensing_open(*, actor: Any, organization: Organization) -> LicensingFile:
    """Open the organization's licensing file and start preparing it. The legal
    status becomes "license in progress"."""
    decision = can_edit(actor, organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    if organization.legal_status in (LegalStatus.LICENSED, LegalStatus.NOT_APPLICABLE):
        raise ValidationError(
            _("The licensing track is for organizations that are not licensed yet.")
        )
    with transaction.atomic():
        file, _created = LicensingFile.objects.get_or_create(organization=organization)
        if file.status == LicensingStatus.NOT_STARTED:
            file = transition(obj=file, action="start", actor=actor)
        before = organization.legal_status
        if before != LegalStatus.LICENSE_IN_PROGRESS:
            Organization.objects.filter(pk=organization.pk).update(
                legal_status=LegalStatus.LICENSE_IN_PROGRESS
            )
            organization.legal_status = LegalStatus.LICENSE_IN_PROGRESS
            audit_record(
                actor=actor,
                verb="organizations.legal_status_changed",
                target=organization,
                changes={"legal_status": [before, LegalStatus.LICENSE_IN_PROGRESS]},
            )
    return file


def licensing_mark_step(
    *,
    actor: Any,
    file: LicensingFile,
    step: LicensingStep,
    done: bool,
    evidence: OrganizationDocument | None = None,
    note: str = "",
) -> LicensingStepProgress:
    decision = can_edit(actor, file.organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    if file.status != LicensingStatus.PREPARING:
        raise ValidationError(_("Steps are marked while the file is being prepared."))
    if evidence is not None and evidence.organization_id != file.organization_id:
        raise ValidationError({"evidence": _("Choose one of the organization's own documents.")})
    if done and step.evidence_required and evidence is None:
        raise ValidationError({"evidence": _("This step needs a document as evidence.")})
    with transaction.atomic():
        progress, _created = LicensingStepProgress.objects.select_for_update().get_or_create(
            file=file, step=step
        )
        progress.done = done
        progress.evidence = evidence
        progress.note = note.strip()[:500]
        progress.done_at = timezone.now() if done else None
        progress.done_by = actor if done else None
        progress.save()
        audit_record(
            actor=actor,
            verb="organizations.licensing_step_marked",
            target=file,
            changes={
                "step": step.code,
                "done": done,
                "evidence": evidence.pk if evidence else None,
            },
        )
    return progress


def licensing_submit(*, actor: Any, file: LicensingFile) -> LicensingFile:
    return transition(
        obj=file,
        action="submit",
        actor=actor,
        apply=lambda locked: setattr(locked, "submitted_at", timezone.now()),
    )


def licensing_resume(*, actor: Any, file: LicensingFile) -> LicensingFile:
    return transition(obj=file, action="resume", actor=actor)


def licensing_assign(*, actor: Any, file: LicensingFile, officer: Any) -> LicensingFile:
    if not is_licensing_officer(actor):
        raise PermissionDenied(
            _("Only officers of the Ministry of Social Affairs assign licensing files.")
        )
    if officer is not None and not is_licensing_officer(officer):
        raise ValidationError(
            _("Licensing files are assigned to officers of the Ministry of Social Affairs.")
        )
    with transaction.atomic():
        locked = LicensingFile.objects.select_for_update().get(pk=file.pk)
        before = locked.assigned_to_id
        locked.assigned_to = officer
        locked.save(update_fields=["assigned_to"])
        audit_record(
            actor=actor,
            verb="organizations.licensing_assigned",
            target=locked,
            changes={"assigned_to": [before, officer.pk if officer else None]},
        )
        if officer is not None and officer.pk != before:
            notices.licensing_assigned(locked, officer)
    return locked


def licensing_decide(
    *,
    actor: Any,
    file: LicensingFile,
    action: str,
    reason: str = "",
    license_number: str = "",
    license_date: date | None = None,
) -> LicensingFile:
    """Record the license (number and date required), refuse, or return the file
    for completion. A license makes the organization licensed and upgrades a
    provisional membership to a full one, in the same transaction."""
    if action not in ("grant", "refuse", "return"):
        raise ValidationError(_("Unknown decision."))
    if not is_licensing_officer(actor):
        raise PermissionDenied(
            _("Only officers of the Ministry of Social Affairs decide on licenses.")
        )
    if action == "grant":
        errors = {}
        if not registration_key(license_number):
            errors["license_number"] = _("Write the license number.")
        if license_date is None:
            errors["license_date"] = _("Give the date of the license.")
        elif license_date > timezone.localdate():
            errors["license_date"] = _("The license date cannot be in the future.")
        if errors:
            raise ValidationError(errors)
        clash = (
            Organization.objects.filter(registration_key=registration_key(license_number))
            .exclude(pk=file.organization_id)
            .exists()
        )
        if clash:
            raise ValidationError(
                {"license_number": _("Another organization is registered with this number.")}
            )
    with transaction.atomic():

        def apply(locked: LicensingFile) -> None:
            locked.decision_reason = reason.strip()
            if action != "return":
                locked.decided_at = timezone.now()
            if action == "grant":
                locked.license_number = license_number.strip()
                locked.license_date = license_date

        decided = transition(obj=file, action=action, actor=actor, reason=reason, apply=apply)
        if action == "grant":
            organization = Organization.objects.select_for_update().get(pk=file.organization_id)
            before = organization.legal_status
            organization.legal_status = LegalStatus.LICENSED
            organization.registration_number = license_number.strip()
            organization.save()
            public_data_changed()
            audit_record(
                actor=actor,
                verb="organizations.legal_status_changed",
                target=organization,
                changes={"legal_status": [before, LegalStatus.LICENSED]},
            )
            membership = getattr(organization, "membership", None)
            if membership is not None and membership.status == MembershipStatus.PROVISIONAL:
                membership_upgrade(membership=membership)
    return decided
