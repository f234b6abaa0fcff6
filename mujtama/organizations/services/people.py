"""The people of an organization: roles, invitations and requests to join."""

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.organizations import notices
from mujtama.organizations.models import (
    Invitation,
    MemberRole,
    MembershipRequest,
    Organization,
    OrganizationMember,
)
from mujtama.organizations.permissions import can_manage_people

INVITATION_DAYS = 7


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _require_owner(actor: Any, organization: Organization) -> None:
    decision = can_manage_people(actor, organization)
    if not decision:
        raise PermissionDenied(decision.reason)


def invitation_create(
    *, actor: Any, organization: Organization, email: str, role: str
) -> tuple[Invitation, str]:
    """Invite someone by email. Returns the invitation and the token (only its hash
    is stored; the token travels in the emailed link)."""
    _require_owner(actor, organization)
    if role not in MemberRole.values:
        raise ValidationError({"role": _("Choose a role.")})
    email = email.strip().lower()
    if organization.memberships_of_people.filter(user__email=email).exists():
        raise ValidationError({"email": _("This person is already in the organization.")})
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        invitation = Invitation.objects.create(
            organization=organization,
            email=email,
            role=role,
            token_hash=_hash(token),
            invited_by=actor,
            expires_at=timezone.now() + timedelta(days=INVITATION_DAYS),
        )
        audit_record(
            actor=actor,
            verb="organizations.invitation_sent",
            target=organization,
            changes={"invitation": invitation.pk, "role": role},
        )
        notices.invitation_sent(
            invitation, token, getattr(actor, "language", "") or translation.get_language() or "ar"
        )
    return invitation, token


def invitation_for_token(token: str) -> Invitation | None:
    return Invitation.objects.select_related("organization").filter(token_hash=_hash(token)).first()


def invitation_accept(*, user: Any, token: str) -> OrganizationMember:
    """Accept an invitation: once, before it expires, by a signed-in person whose
    email is the invited one."""
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(token_hash=_hash(token)).first()
        if invitation is None or not invitation.is_open:
            raise ValidationError(
                _(
                    "This invitation link is not valid any more: it was used, withdrawn or has expired."
                ),
                code="invalid_invitation",
            )
        if invitation.email != user.email.lower():
            raise ValidationError(
                _(
                    "This invitation was sent to another email address. Sign in with the invited address."
                ),
                code="wrong_person",
            )
        member, created = OrganizationMember.objects.get_or_create(
            organization=invitation.organization, user=user, defaults={"role": invitation.role}
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit_record(
            actor=user,
            verb="organizations.invitation_accepted",
            target=invitation.organization,
            changes={"invitation": invitation.pk, "role": member.role, "new": created},
        )
    return member


def invitation_revoke(*, actor: Any, invitation: Invitation) -> None:
    _require_owner(actor, invitation.organization)
    with transaction.atomic():
        updated = Invitation.objects.filter(
            pk=invitation.pk, accepted_at__isnull=True, revoked_at__isnull=True
        ).update(revoked_at=timezone.now())
        if updated:
            audit_record(
                actor=actor,
                verb="organizations.invitation_revoked",
                target=invitation.organization,
                changes={"invitation": invitation.pk},
            )


def _owners_left_without(member: OrganizationMember) -> int:
    return (
        OrganizationMember.objects.filter(
            organization_id=member.organization_id, role=MemberRole.OWNER
        )
        .exclude(pk=member.pk)
        .count()
    )


def member_set_role(*, actor: Any, member: OrganizationMember, role: str) -> OrganizationMember:
    _require_owner(actor, member.organization)
    if role not in MemberRole.values:
        raise ValidationError({"role": _("Choose a role.")})
    with transaction.atomic():
        locked = OrganizationMember.objects.select_for_update().get(pk=member.pk)
        # Lock the organization's owners too, so two owners demoting each other at
        # once cannot leave it with none.
        list(
            OrganizationMember.objects.select_for_update().filter(
                organization_id=locked.organization_id, role=MemberRole.OWNER
            )
        )
        if (
            locked.role == MemberRole.OWNER
            and role != MemberRole.OWNER
            and not _owners_left_without(locked)
        ):
            raise ValidationError(
                _("The last owner cannot stop being an owner. Make someone else an owner first.")
            )
        before = locked.role
        locked.role = role
        locked.save(update_fields=["role"])
        audit_record(
            actor=actor,
            verb="organizations.member_role_changed",
            target=locked.organization,
            changes={"user": locked.user_id, "role": [before, role]},
        )
    return locked


def member_remove(*, actor: Any, member: OrganizationMember) -> None:
    """An owner removes someone, or a person leaves (actor is the member)."""
    if actor is None or member.user_id != actor.pk:
        _require_owner(actor, member.organization)
    with transaction.atomic():
        locked = OrganizationMember.objects.select_for_update().get(pk=member.pk)
        list(
            OrganizationMember.objects.select_for_update().filter(
                organization_id=locked.organization_id, role=MemberRole.OWNER
            )
        )
        if locked.role == MemberRole.OWNER and not _owners_left_without(locked):
            raise ValidationError(
                _("The last owner cannot leave or be removed. Make someone else an owner first.")
            )
        organization = locked.organization
        user_id = locked.user_id
        locked.delete()
        audit_record(
            actor=actor,
            verb="organizations.member_left"
            if actor.pk == user_id
            else "organizations.member_removed",
            target=organization,
            changes={"user": user_id},
        )


def request_create(
    *, user: Any, organization: Organization, message: str = ""
) -> MembershipRequest:
    """Ask to join an organization that is already registered."""
    if organization.memberships_of_people.filter(user=user).exists():
        raise ValidationError(_("You are already in this organization."))
    try:
        with transaction.atomic():
            request = MembershipRequest.objects.create(
                organization=organization, user=user, message=message.strip()[:1000]
            )
            audit_record(
                actor=user,
                verb="organizations.join_requested",
                target=organization,
                changes={"request": request.pk},
            )
            notices.request_received(request)
    except IntegrityError as exc:
        raise ValidationError(_("You have already asked to join; the owners will answer.")) from exc
    return request


def request_answer(
    *, actor: Any, request: MembershipRequest, action: str, role: str = MemberRole.VIEWER
) -> MembershipRequest:
    """Accept (with a role), decline, or — by the person who asked — withdraw."""
    if action == "accept" and role not in MemberRole.values:
        raise ValidationError({"role": _("Choose a role.")})

    def apply(locked: MembershipRequest) -> None:
        locked.decided_at = timezone.now()
        if action == "accept":
            OrganizationMember.objects.get_or_create(
                organization=locked.organization, user=locked.user, defaults={"role": role}
            )

    return transition(
        obj=request,
        action=action,
        actor=actor,
        apply=apply,
        changes={"role": role} if action == "accept" else None,
    )
