"""Every write about people: profiles, consent, target-group declarations, roles."""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.accounts.models import (
    ConsentPurpose,
    ConsentRecord,
    Profile,
    TargetGroupDeclaration,
    User,
)
from mujtama.accounts.roles import StaffRole
from mujtama.core.services import audit_record
from mujtama.notifications.models import Channel
from mujtama.notifications.services import notify

# Bump when the wording of the consent statement (templates) changes: each consent
# records the version the person agreed to.
TARGET_GROUP_CONSENT_VERSION = "2026-11"


def user_create(*, email: str, full_name: str, password: str | None, language: str = "ar") -> User:
    """Create an account with its profile (used by seeding and by staff tools;
    self-service sign-up goes through allauth, whose adapter adds the profile)."""
    with transaction.atomic():
        user = User.objects.create_user(
            email=email, password=password, full_name=full_name, language=language
        )
        Profile.objects.create(user=user)
    return user


def profile_for(user: User) -> Profile:
    profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def profile_update(
    *, user: User, full_name: str, time_zone: str | None = None, **fields: Any
) -> Profile:
    with transaction.atomic():
        profile = profile_for(user)
        changed = [name for name, value in fields.items() if getattr(profile, name) != value]
        for name, value in fields.items():
            setattr(profile, name, value)
        profile.full_clean()
        profile.save()
        if user.full_name != full_name:
            user.full_name = full_name
            user.save(update_fields=["full_name"])
            changed.append("full_name")
        if time_zone is not None and user.time_zone != time_zone:
            user.time_zone = time_zone
            user.save(update_fields=["time_zone"])
            changed.append("time_zone")
        if changed:
            # Which fields changed, never their values: the audit log is not a copy
            # of personal data.
            audit_record(
                actor=user,
                verb="accounts.profile_updated",
                target=user,
                changes={"fields": sorted(changed)},
            )
    return profile


def user_set_language(*, user: User, language: str) -> None:
    User.objects.filter(pk=user.pk).update(language=language)
    user.language = language


def active_consent(user: User, purpose: str) -> ConsentRecord | None:
    return ConsentRecord.objects.filter(
        user=user, purpose=purpose, withdrawn_at__isnull=True
    ).first()


def declaration_save(
    *,
    user: User,
    consent: bool,
    lives_in_remote_area: bool,
    vulnerability_criteria: Iterable[Any],
) -> TargetGroupDeclaration:
    """Store what a person declares about themselves, only with their explicit consent.

    The consent is recorded with its date and wording version (once; later edits
    keep it). Without consent nothing is stored and a ValidationError is raised.
    """
    if not consent:
        raise ValidationError(
            {"consent": _("We can only keep this information with your consent.")}
        )
    criteria = list(vulnerability_criteria)
    with transaction.atomic():
        record = active_consent(user, ConsentPurpose.TARGET_GROUPS)
        if record is None:
            record = ConsentRecord.objects.create(
                user=user,
                purpose=ConsentPurpose.TARGET_GROUPS,
                wording_version=TARGET_GROUP_CONSENT_VERSION,
            )
            audit_record(
                actor=user,
                verb="accounts.consent_given",
                target=record,
                changes={"purpose": record.purpose, "version": record.wording_version},
            )
        declaration, created = TargetGroupDeclaration.objects.update_or_create(
            user=user,
            defaults={
                "consent": record,
                "lives_in_remote_area": lives_in_remote_area,
                "declared_at": timezone.now(),
            },
        )
        declaration.vulnerability_criteria.set(criteria)
        audit_record(
            actor=user,
            verb="accounts.declaration_saved",
            target=declaration,
            changes={"created": created},
        )
    return declaration


def consent_withdraw(*, user: User, purpose: str = ConsentPurpose.TARGET_GROUPS) -> bool:
    """Withdraw a consent and delete what was kept under it. Returns False if there
    was no active consent."""
    with transaction.atomic():
        record = (
            ConsentRecord.objects.select_for_update()
            .filter(user=user, purpose=purpose, withdrawn_at__isnull=True)
            .first()
        )
        if record is None:
            return False
        if purpose == ConsentPurpose.TARGET_GROUPS:
            TargetGroupDeclaration.objects.filter(user=user).delete()
        record.withdrawn_at = timezone.now()
        record.save(update_fields=["withdrawn_at"])
        audit_record(
            actor=user,
            verb="accounts.consent_withdrawn",
            target=record,
            changes={"purpose": purpose},
        )
    return True


def _require_platform_admin(actor: User) -> None:
    if StaffRole.PLATFORM_ADMIN not in actor.roles:
        raise PermissionDenied(_("Only platform administrators manage staff roles."))


def role_grant(*, actor: User, user: User, role: str) -> bool:
    """Give ``user`` a staff role. Returns False if they already hold it."""
    _require_platform_admin(actor)
    role = StaffRole(role)
    with transaction.atomic():
        User.objects.select_for_update().get(pk=user.pk)
        group = Group.objects.get(name=role)
        if user.groups.filter(pk=group.pk).exists():
            return False
        user.groups.add(group)
        if role == StaffRole.PLATFORM_ADMIN:
            User.objects.filter(pk=user.pk).update(is_staff=True, is_superuser=True)
        audit_record(
            actor=actor, verb="accounts.role_granted", target=user, changes={"role": role.value}
        )
        notify(
            recipient=user,
            kind="accounts_role_granted",
            context={"role": role.label},
            channels=(Channel.INBOX, Channel.EMAIL),
        )
    user.__dict__.pop("roles", None)
    return True


def role_revoke(*, actor: User, user: User, role: str) -> bool:
    """Take a staff role away. The last platform administrator keeps theirs."""
    _require_platform_admin(actor)
    role = StaffRole(role)
    with transaction.atomic():
        group = Group.objects.select_for_update().get(name=role)
        if not user.groups.filter(pk=group.pk).exists():
            return False
        if role == StaffRole.PLATFORM_ADMIN and group.user_set.count() <= 1:
            raise ValidationError(_("The last platform administrator cannot lose the role."))
        user.groups.remove(group)
        if role == StaffRole.PLATFORM_ADMIN:
            User.objects.filter(pk=user.pk).update(is_staff=False, is_superuser=False)
        audit_record(
            actor=actor, verb="accounts.role_revoked", target=user, changes={"role": role.value}
        )
    user.__dict__.pop("roles", None)
    return True
