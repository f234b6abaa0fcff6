"""Who may do what with an organization. Each check answers with a Decision whose
reason the person can read."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from mujtama.accounts.roles import StaffRole
from mujtama.core.permissions import ALLOW, Decision, deny
from mujtama.core.policies import has_second_factor
from mujtama.organizations.models import (
    JoiningApplication,
    LegalStatus,
    LicensingFile,
    MemberRole,
    Membership,
    MembershipRequest,
    Organization,
    OrganizationMember,
)

JOINING_OFFICERS = frozenset({StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER})
LICENSING_OFFICERS = frozenset({StaffRole.MOSAL_OFFICER})
# Staff who may read every organization's private file (not decide).
REGISTRY_STAFF = JOINING_OFFICERS | {StaffRole.PLATFORM_ADMIN}


def _roles(user: Any) -> frozenset[str]:
    return getattr(user, "roles", frozenset()) if user is not None else frozenset()


def role_in(user: Any, organization: Organization | int) -> str | None:
    """The person's role in the organization (owner, editor, viewer) or None.
    Remembered on the user object for the rest of the request."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    org_id = organization if isinstance(organization, int) else organization.pk
    cache = user.__dict__.setdefault("_organization_roles", {})
    if org_id not in cache:
        cache[org_id] = (
            OrganizationMember.objects.filter(organization_id=org_id, user=user)
            .values_list("role", flat=True)
            .first()
        )
    return cache[org_id]


def is_joining_officer(user: Any) -> bool:
    return bool(_roles(user) & JOINING_OFFICERS)


def is_licensing_officer(user: Any) -> bool:
    return bool(_roles(user) & LICENSING_OFFICERS)


def can_view_private(user: Any, organization: Organization) -> Decision:
    """The organization's people, registry staff, and a reviewer it is assigned to."""
    if role_in(user, organization):
        return ALLOW
    # Staff read private files only with their second factor set up, as on staff pages.
    if _roles(user) & REGISTRY_STAFF and has_second_factor(user):
        return ALLOW
    if (
        StaffRole.REVIEWER in _roles(user)
        and has_second_factor(user)
        and JoiningApplication.objects.filter(organization=organization, assigned_to=user).exists()
    ):
        return ALLOW
    return deny(
        _("Only the organization's people and the ministry staff who review it may see this.")
    )


def can_edit(user: Any, organization: Organization) -> Decision:
    if role_in(user, organization) in {MemberRole.OWNER, MemberRole.EDITOR}:
        return ALLOW
    return deny(_("Only the organization's owners and editors may change it."))


def can_manage_people(user: Any, organization: Organization) -> Decision:
    if role_in(user, organization) == MemberRole.OWNER:
        return ALLOW
    return deny(_("Only the organization's owners may manage its people."))


def system_only(actor: Any, obj: Any) -> Decision:
    """Steps the platform takes by itself (expiry, lapse), never a person."""
    if actor is None:
        return ALLOW
    return deny(_("The platform takes this step by itself."))


# --- joining applications -----------------------------------------------------------


def applicant_may_submit(actor: Any, application: JoiningApplication) -> Decision:
    return can_edit(actor, application.organization)


def joining_officer(actor: Any, application: Any) -> Decision:
    if is_joining_officer(actor):
        return ALLOW
    return deny(_("Only officers of the two ministries decide on joining."))


def joining_officer_all_checks_ticked(actor: Any, application: JoiningApplication) -> Decision:
    decision = joining_officer(actor, application)
    if not decision:
        return decision
    codes = [
        check["code"]
        for check in (application.criteria.manual_checks if application.criteria else [])
    ]
    unticked = [code for code in codes if not application.manual_checks.get(code)]
    if unticked:
        return deny(_("Tick every manual check before approving."))
    return ALLOW


# --- memberships --------------------------------------------------------------------


def member_may_renew(actor: Any, membership: Membership) -> Decision:
    decision = can_edit(actor, membership.organization)
    if not decision:
        return decision
    if membership.organization.legal_status not in {
        LegalStatus.LICENSED,
        LegalStatus.NOT_APPLICABLE,
    }:
        return deny(_("A full membership is renewed once the organization is licensed."))
    return ALLOW


def member_may_renew_provisional(actor: Any, membership: Membership) -> Decision:
    decision = can_edit(actor, membership.organization)
    if not decision:
        return decision
    if membership.organization.legal_status in {LegalStatus.LICENSED, LegalStatus.NOT_APPLICABLE}:
        return deny(_("A licensed organization renews a full membership."))
    return ALLOW


def officer_reinstates_full(actor: Any, membership: Membership) -> Decision:
    decision = joining_officer(actor, membership)
    if decision and membership.organization.legal_status not in {
        LegalStatus.LICENSED,
        LegalStatus.NOT_APPLICABLE,
    }:
        return deny(_("Without a license the organization can only be reinstated provisionally."))
    return decision


def officer_reinstates_provisional(actor: Any, membership: Membership) -> Decision:
    decision = joining_officer(actor, membership)
    if decision and membership.organization.legal_status in {
        LegalStatus.LICENSED,
        LegalStatus.NOT_APPLICABLE,
    }:
        return deny(_("A licensed organization is reinstated as a full member."))
    return decision


# --- licensing ------------------------------------------------------------------------


def association_edits(actor: Any, file: LicensingFile) -> Decision:
    return can_edit(actor, file.organization)


def association_submits(actor: Any, file: LicensingFile) -> Decision:
    decision = can_edit(actor, file.organization)
    if not decision:
        return decision
    from mujtama.organizations.selectors import licensing_steps_left

    if licensing_steps_left(file):
        return deny(
            _("Mark every step done, with its document where one is required, before submitting.")
        )
    return ALLOW


def licensing_officer(actor: Any, file: Any) -> Decision:
    if is_licensing_officer(actor):
        return ALLOW
    return deny(_("Only officers of the Ministry of Social Affairs decide on licenses."))


# --- requests to join an organization -----------------------------------------------


def owner_answers(actor: Any, request: MembershipRequest) -> Decision:
    return can_manage_people(actor, request.organization)


def requester_withdraws(actor: Any, request: MembershipRequest) -> Decision:
    if actor is not None and actor.is_authenticated and request.user_id == actor.pk:
        return ALLOW
    return deny(_("Only the person who asked may withdraw the request."))


# --- criteria -----------------------------------------------------------------------------


def criteria_officer(actor: Any, criteria: Any) -> Decision:
    if is_joining_officer(actor):
        return ALLOW
    return deny(_("Only officers of the two ministries publish joining criteria."))
