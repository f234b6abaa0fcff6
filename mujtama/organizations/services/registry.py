"""Registering and describing organizations."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from mujtama.core.arabic import normalize_ar
from mujtama.core.services import audit_record
from mujtama.organizations.models import (
    LegalStatus,
    MemberRole,
    Organization,
    OrganizationKind,
    OrganizationMember,
    Scope,
)
from mujtama.organizations.models.registry import registration_key
from mujtama.organizations.permissions import can_edit
from mujtama.organizations.public_cache import public_data_changed
from mujtama.organizations.selectors import legal_status_locked
from mujtama.organizations.uploads import check_logo

PROFILE_FIELDS = [
    "kind",
    "scope",
    "legal_status",
    "registration_number",
    "founding_year",
    "name_ar",
    "name_en",
    "description_ar",
    "description_en",
    "members_count",
    "volunteers_count",
    "website",
    "public_email",
    "public_phone",
]


@dataclass(frozen=True)
class Duplicate:
    organization: Organization
    reason: str


def duplicates_of(
    *,
    name_ar: str = "",
    name_en: str = "",
    registration_number: str = "",
    exclude: int | None = None,
) -> list[Duplicate]:
    """Registered organizations that the given names or number would duplicate:
    the same registration number, or a name equal after normalize_ar."""
    conditions = Q()
    if name_ar.strip():
        conditions |= Q(name_ar_key=normalize_ar(name_ar))
    if name_en.strip():
        conditions |= Q(name_en_key=normalize_ar(name_en))
    key = registration_key(registration_number)
    if key:
        conditions |= Q(registration_key=key)
    if not conditions:
        return []
    found = []
    candidates = Organization.objects.filter(conditions)
    if exclude is not None:
        candidates = candidates.exclude(pk=exclude)
    for org in candidates.order_by("pk"):
        if key and org.registration_key == key:
            reason = _("the same license or registration number")
        elif name_ar.strip() and org.name_ar_key == normalize_ar(name_ar):
            reason = _("the same Arabic name")
        else:
            reason = _("the same English name")
        found.append(Duplicate(org, reason))
    return found


class DuplicateOrganization(ValidationError):
    def __init__(self, duplicates: list[Duplicate]) -> None:
        self.duplicates = duplicates
        super().__init__(
            _("An organization with %(reason)s is already registered.")
            % {"reason": duplicates[0].reason},
            code="duplicate",
        )


def _check_values(fields: dict[str, Any]) -> None:
    if fields.get("kind") and fields["kind"] not in OrganizationKind.values:
        raise ValidationError({"kind": _("Choose a kind of organization.")})
    if fields.get("scope") and fields["scope"] not in Scope.values:
        raise ValidationError({"scope": _("Choose where the organization is based.")})
    if fields.get("legal_status") and fields["legal_status"] not in LegalStatus.values:
        raise ValidationError({"legal_status": _("Choose a legal status.")})


def organization_register(
    *,
    actor: Any,
    governorates: Iterable[Any] = (),
    expertise_areas: Iterable[Any] = (),
    **fields: Any,
) -> Organization:
    """Register an organization; the person registering it becomes its owner.

    Refused with DuplicateOrganization (listing the existing ones) when the name, in
    either language, or the registration number is already registered — checked
    before writing and enforced by unique constraints for concurrent attempts.
    """
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown organization fields: {sorted(unknown)}")
    _check_values(fields)
    duplicates = duplicates_of(
        name_ar=fields.get("name_ar", ""),
        name_en=fields.get("name_en", ""),
        registration_number=fields.get("registration_number", ""),
    )
    if duplicates:
        raise DuplicateOrganization(duplicates)
    try:
        with transaction.atomic():
            organization = Organization(created_by=actor, **fields)
            organization.full_clean(exclude=["created_by", "logo"], validate_constraints=False)
            organization.save()
            organization.governorates.set(governorates)
            organization.expertise_areas.set(expertise_areas)
            OrganizationMember.objects.create(
                organization=organization, user=actor, role=MemberRole.OWNER
            )
            audit_record(
                actor=actor,
                verb="organizations.registered",
                target=organization,
                changes={"kind": organization.kind, "legal_status": organization.legal_status},
            )
    except IntegrityError as exc:
        # Someone registered the same organization a moment earlier.
        duplicates = duplicates_of(
            name_ar=fields.get("name_ar", ""),
            name_en=fields.get("name_en", ""),
            registration_number=fields.get("registration_number", ""),
        )
        if duplicates:
            raise DuplicateOrganization(duplicates) from exc
        raise
    return organization


def organization_update(
    *,
    actor: Any,
    organization: Organization,
    governorates: Iterable[Any] | None = None,
    expertise_areas: Iterable[Any] | None = None,
    **fields: Any,
) -> Organization:
    """Change the profile (owners and editors). The legal status is the licensing
    track's once it has started; a licensed organization's number is kept."""
    decision = can_edit(actor, organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"unknown organization fields: {sorted(unknown)}")
    _check_values(fields)
    duplicates = duplicates_of(
        name_ar=fields.get("name_ar", ""),
        name_en=fields.get("name_en", ""),
        registration_number=fields.get("registration_number", ""),
        exclude=organization.pk,
    )
    if duplicates:
        raise DuplicateOrganization(duplicates)
    with transaction.atomic():
        locked = Organization.objects.select_for_update().get(pk=organization.pk)
        if legal_status_locked(locked):
            for name in ("legal_status", "registration_number"):
                if name in fields and fields[name] != getattr(locked, name):
                    raise ValidationError(
                        {
                            name: _(
                                "Checked by the ministry: it changes only through the "
                                "licensing track."
                            )
                        }
                    )
        changed = sorted(name for name, value in fields.items() if getattr(locked, name) != value)
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.full_clean(exclude=["created_by", "logo"], validate_constraints=False)
        try:
            with transaction.atomic():
                locked.save()
        except IntegrityError as exc:
            raise DuplicateOrganization(
                duplicates_of(
                    name_ar=locked.name_ar,
                    name_en=locked.name_en,
                    registration_number=locked.registration_number,
                    exclude=locked.pk,
                )
                or [Duplicate(locked, _("the same name"))]
            ) from exc
        if governorates is not None:
            before = set(locked.governorates.values_list("pk", flat=True))
            locked.governorates.set(governorates)
            if before != set(locked.governorates.values_list("pk", flat=True)):
                changed.append("governorates")
        if expertise_areas is not None:
            before = set(locked.expertise_areas.values_list("pk", flat=True))
            locked.expertise_areas.set(expertise_areas)
            if before != set(locked.expertise_areas.values_list("pk", flat=True)):
                changed.append("expertise_areas")
        if changed:
            public_data_changed()
            audit_record(
                actor=actor,
                verb="organizations.profile_updated",
                target=locked,
                changes={"fields": changed},
            )
    return locked


def organization_set_logo(
    *, actor: Any, organization: Organization, upload: IO[bytes]
) -> Organization:
    decision = can_edit(actor, organization)
    if not decision:
        raise PermissionDenied(decision.reason)
    checked = check_logo(upload)
    with transaction.atomic():
        locked = Organization.objects.select_for_update().get(pk=organization.pk)
        old = locked.logo.name if locked.logo else ""
        locked.logo.save("logo.png", ContentFile(checked.data), save=True)
        public_data_changed()
        audit_record(
            actor=actor,
            verb="organizations.logo_changed",
            target=locked,
            changes={"sha256": checked.sha256},
        )
        if old:
            storage, name = locked.logo.storage, old
            transaction.on_commit(lambda: storage.delete(name))
    return locked
