"""Reads about organizations, each scoped to who asks."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from mujtama.accounts.roles import StaffRole
from mujtama.core.arabic import normalize_ar
from mujtama.core.models import AuditEvent
from mujtama.geo.models import Governorate
from mujtama.organizations.models import (
    ApplicationStatus,
    ExpertiseArea,
    JoiningApplication,
    JoiningCriteria,
    JoiningSettings,
    LicensingFile,
    LicensingStatus,
    LicensingStep,
    Membership,
    MembershipRequest,
    Organization,
    OrganizationMember,
    RequestStatus,
)
from mujtama.organizations.models.joining import CURRENT_MEMBERSHIP_STATES, OPEN_APPLICATION_STATES


def criteria_in_force() -> JoiningCriteria | None:
    return JoiningCriteria.objects.filter(status="published").first()


def with_lists(organizations: QuerySet[Organization]) -> QuerySet[Organization]:
    return organizations.prefetch_related(
        Prefetch("governorates", queryset=Governorate.objects.order_by("pcode")),
        Prefetch("expertise_areas", queryset=ExpertiseArea.objects.order_by("order")),
    )


def directory(
    *,
    q: str = "",
    kind: str = "",
    governorate: str = "",
    expertise: str = "",
    legal_status: str = "",
    membership_status: str = "",
) -> QuerySet[Organization]:
    """Member organizations (active or provisional) as the public may see them.
    Search goes through normalize_ar, so spelling variants of hamza, ta marbuta,
    alef maqsura and diacritics find the same organization."""
    organizations = Organization.objects.filter(
        membership__status__in=CURRENT_MEMBERSHIP_STATES
    ).select_related("membership")
    for word in normalize_ar(q).split()[:8]:
        organizations = organizations.filter(search_text__contains=word)
    if kind:
        organizations = organizations.filter(kind=kind)
    if governorate:
        organizations = organizations.filter(governorates__pcode=governorate)
    if expertise:
        organizations = organizations.filter(expertise_areas__code=expertise)
    if legal_status:
        organizations = organizations.filter(legal_status=legal_status)
    if membership_status in CURRENT_MEMBERSHIP_STATES:
        organizations = organizations.filter(membership__status=membership_status)
    return with_lists(organizations.distinct()).order_by("name_ar_key", "pk")


def public_profile(pk: int) -> Organization | None:
    return (
        with_lists(Organization.objects.select_related("membership"))
        .filter(pk=pk, membership__status__in=CURRENT_MEMBERSHIP_STATES)
        .first()
    )


def organizations_of(user: Any) -> QuerySet[Organization]:
    """The organizations a person belongs to, with their role in each."""
    return (
        Organization.objects.filter(memberships_of_people__user=user)
        .select_related("membership", "licensing_file")
        .order_by("name_ar_key")
    )


def roles_of(user: Any) -> dict[int, str]:
    return dict(OrganizationMember.objects.filter(user=user).values_list("organization_id", "role"))


def people(organization: Organization) -> QuerySet[OrganizationMember]:
    return organization.memberships_of_people.select_related("user").order_by("role", "added_at")


def pending_requests(organization: Organization) -> QuerySet[MembershipRequest]:
    return organization.join_requests.filter(status=RequestStatus.PENDING).select_related("user")


def open_application(organization: Organization) -> JoiningApplication | None:
    return (
        organization.joining_applications.filter(status__in=OPEN_APPLICATION_STATES)
        .select_related("criteria", "assigned_to")
        .first()
    )


def latest_application(organization: Organization) -> JoiningApplication | None:
    return (
        organization.joining_applications.select_related("criteria", "assigned_to")
        .order_by("-created_at", "-pk")
        .first()
    )


def membership_of(organization: Organization) -> Membership | None:
    return Membership.objects.filter(organization=organization).first()


def licensing_progress(file: LicensingFile) -> list[tuple[LicensingStep, Any]]:
    """Every step in use, with this file's progress on it (or None)."""
    progress = {p.step_id: p for p in file.progress.select_related("evidence")}
    return [(step, progress.get(step.pk)) for step in LicensingStep.objects.filter(is_active=True)]


def licensing_steps_left(file: LicensingFile) -> list[LicensingStep]:
    return [
        step
        for step, progress in licensing_progress(file)
        if progress is None
        or not progress.done
        or (step.evidence_required and progress.evidence_id is None)
    ]


@dataclass
class QueueItem:
    kind: str  # "application" or "licensing"
    obj: Any
    organization: Organization
    waiting_since: datetime | None
    overdue: bool

    @property
    def age_days(self) -> int:
        if not self.waiting_since:
            return 0
        return (timezone.now() - self.waiting_since).days


WAITING_APPLICATION_STATES = [ApplicationStatus.SUBMITTED, ApplicationStatus.UNDER_REVIEW]


def work_queue(
    user: Any,
    *,
    kind: str = "",
    status: str = "",
    governorate: str = "",
    organization_kind: str = "",
    mine: bool = False,
) -> list[QueueItem]:
    """Applications and licensing files waiting for the ministries, oldest first.
    Reviewers see only what is assigned to them; licensing files are for MoSAL and
    platform administrators."""
    roles: frozenset[str] = getattr(user, "roles", frozenset())
    only_assigned = mine or not (
        roles & {StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER, StaffRole.PLATFORM_ADMIN}
    )
    settings = JoiningSettings.current()
    now = timezone.now()
    items: list[QueueItem] = []

    def scoped(queryset: QuerySet[Any]) -> QuerySet[Any]:
        if only_assigned:
            queryset = queryset.filter(assigned_to=user)
        if governorate:
            queryset = queryset.filter(organization__governorates__pcode=governorate)
        if organization_kind:
            queryset = queryset.filter(organization__kind=organization_kind)
        return queryset.select_related("organization", "assigned_to").distinct()

    if kind in ("", "application") and status in ("", *WAITING_APPLICATION_STATES):
        states = [status] if status else WAITING_APPLICATION_STATES
        limit = timedelta(days=settings.review_service_days)
        for application in scoped(JoiningApplication.objects.filter(status__in=states)):
            since = application.submitted_at
            items.append(
                QueueItem(
                    "application",
                    application,
                    application.organization,
                    since,
                    bool(since and now - since > limit),
                )
            )
    licensing_roles = {StaffRole.MOSAL_OFFICER, StaffRole.PLATFORM_ADMIN}
    if (
        kind in ("", "licensing")
        and (roles & licensing_roles or only_assigned)
        and status
        in (
            "",
            LicensingStatus.SUBMITTED,
        )
    ):
        limit = timedelta(days=settings.licensing_service_days)
        for file in scoped(LicensingFile.objects.filter(status=LicensingStatus.SUBMITTED)):
            since = file.submitted_at
            items.append(
                QueueItem(
                    "licensing", file, file.organization, since, bool(since and now - since > limit)
                )
            )
    items.sort(key=lambda item: item.waiting_since or now)
    return items


def may_see_application(user: Any, application: JoiningApplication) -> bool:
    roles: frozenset[str] = getattr(user, "roles", frozenset())
    if roles & {StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER, StaffRole.PLATFORM_ADMIN}:
        return True
    return application.assigned_to_id == getattr(user, "pk", None)


def may_see_licensing(user: Any, file: LicensingFile) -> bool:
    roles: frozenset[str] = getattr(user, "roles", frozenset())
    if roles & {StaffRole.MOSAL_OFFICER, StaffRole.PLATFORM_ADMIN}:
        return True
    return file.assigned_to_id == getattr(user, "pk", None)


def timeline(organization: Organization) -> QuerySet[AuditEvent]:
    """Every event about the organization and its applications, membership and
    licensing file, oldest first."""
    ids = {
        "organizations.organization": [organization.pk],
        "organizations.joiningapplication": list(
            organization.joining_applications.values_list("pk", flat=True)
        ),
        "organizations.membership": list(
            Membership.objects.filter(organization=organization).values_list("pk", flat=True)
        ),
        "organizations.licensingfile": list(
            LicensingFile.objects.filter(organization=organization).values_list("pk", flat=True)
        ),
    }
    condition = Q()
    for object_type, pks in ids.items():
        if pks:
            condition |= Q(object_type=object_type, object_id__in=[str(pk) for pk in pks])
    return AuditEvent.objects.filter(condition).select_related("actor").order_by("created_at", "id")


def legal_status_locked(organization: Organization) -> bool:
    """The legal status and registration number are what the ministry checked:
    fixed once a joining application was submitted or the licensing track started.
    From then on they change only through the licensing track."""
    return (
        LicensingFile.objects.filter(organization=organization)
        .exclude(status=LicensingStatus.NOT_STARTED)
        .exists()
        or organization.joining_applications.exclude(status=ApplicationStatus.DRAFT).exists()
    )


def officers(*roles: str) -> QuerySet[Any]:
    from mujtama.accounts.models import User

    return (
        User.objects.filter(groups__name__in=roles, is_active=True).distinct().order_by("full_name")
    )


def has_current_membership(organization_id: int) -> bool:
    return Membership.objects.filter(
        organization_id=organization_id, status__in=CURRENT_MEMBERSHIP_STATES
    ).exists()
