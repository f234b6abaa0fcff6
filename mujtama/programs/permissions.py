"""Who may do what with programs, calls, applications and reviews."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mujtama.accounts.roles import StaffRole
from mujtama.core.permissions import ALLOW, Decision, deny
from mujtama.core.policies import has_second_factor
from mujtama.organizations.permissions import can_edit, role_in


def is_program_manager(user: Any) -> bool:
    roles: frozenset[str] = getattr(user, "roles", frozenset()) if user is not None else frozenset()
    return StaffRole.PROGRAM_MANAGER in roles and has_second_factor(user)


def program_manager(actor: Any, obj: Any) -> Decision:
    if is_program_manager(actor):
        return ALLOW
    return deny(_("Only program managers manage calls and decide on applications."))


def system_only(actor: Any, obj: Any) -> Decision:
    if actor is None:
        return ALLOW
    return deny(_("The platform takes this step by itself, by the clock."))


def applicant(actor: Any, application: Any) -> Decision:
    return can_edit(actor, application.lead)


def applicant_while_open(actor: Any, application: Any) -> Decision:
    decision = can_edit(actor, application.lead)
    if not decision:
        return decision
    call = application.call
    now = timezone.now()
    if now < call.opens_at:
        return deny(_("The call has not opened yet."))
    if not call.accepts_submissions(now):
        return deny(_("The call is closed: applications are no longer accepted."))
    return ALLOW


def the_reviewer(actor: Any, review: Any) -> Decision:
    if actor is not None and getattr(actor, "pk", None) == review.reviewer_id:
        return ALLOW
    return deny(_("Only the assigned reviewer may do this."))


def may_see_application(user: Any, application: Any) -> bool:
    """The people of the lead and of partners that have not declined, program
    managers, and a reviewer (with the role and a second factor) assigned to it
    who declared no conflict of interest."""
    if role_in(user, application.lead_id):
        return True
    if any(
        role_in(user, partner.organization_id)
        for partner in application.partners.all()
        if partner.status != "declined"
    ):
        return True
    if is_program_manager(user):
        return True
    roles: frozenset[str] = getattr(user, "roles", frozenset())
    if StaffRole.REVIEWER not in roles or not has_second_factor(user):
        return False
    return application.reviews.filter(reviewer=user, status__in=["accepted", "submitted"]).exists()
