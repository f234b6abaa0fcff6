"""Who may do what with initiatives, opportunities, volunteering and hours. Each
check answers with a Decision whose reason the person can read."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from mujtama.core.permissions import ALLOW, Decision, deny
from mujtama.core.policies import has_second_factor
from mujtama.organizations.models import MemberRole, Organization
from mujtama.organizations.permissions import role_in

EDITORS = frozenset({MemberRole.OWNER, MemberRole.EDITOR})
# Staff who may read every initiative, private ones included (not change them).
OVERSIGHT = frozenset({"platform_admin", "moct_officer", "mosal_officer", "analyst"})


def _roles(user: Any) -> frozenset[str]:
    return getattr(user, "roles", frozenset()) if user is not None else frozenset()


def is_oversight(user: Any) -> bool:
    return bool(_roles(user) & OVERSIGHT) and has_second_factor(user)


def edits(user: Any, organization: Organization | int) -> Decision:
    if role_in(user, organization) in EDITORS:
        return ALLOW
    return deny(_("Only the organization's owners and editors may do this."))


def owns(user: Any, organization: Organization | int) -> Decision:
    if role_in(user, organization) == MemberRole.OWNER:
        return ALLOW
    return deny(_("Only the organization's owners may do this."))


def initiative_editor(user: Any, initiative: Any) -> Decision:
    return edits(user, initiative.lead_id)


def initiative_viewer(user: Any, initiative: Any) -> Decision:
    """Everyone may read what the publication level allows; this is the full record:
    the lead's and partners' people, and oversight staff."""
    if role_in(user, initiative.lead_id) or is_oversight(user):
        return ALLOW
    if getattr(user, "is_authenticated", False) and any(
        role_in(user, partner_id) for partner_id in initiative.partners.values_list("pk", flat=True)
    ):
        return ALLOW
    return deny(_("Only the initiative's organizations and ministry staff may see this."))


def opportunity_editor(user: Any, opportunity: Any) -> Decision:
    return edits(user, opportunity.organization_id)


def organization_decides(user: Any, volunteering: Any) -> Decision:
    return edits(user, volunteering.opportunity.organization_id)


def the_volunteer(user: Any, volunteering: Any) -> Decision:
    if user is not None and user.pk == volunteering.volunteer_id:
        return ALLOW
    return deny(_("Only the volunteer may do this."))


def hours_approver(user: Any, entry: Any) -> Decision:
    """An owner or editor of the organization, and never the volunteer themselves,
    even when they are an editor too."""
    volunteering = entry.volunteering
    if user is not None and user.pk == volunteering.volunteer_id:
        return deny(_("Nobody may approve their own hours."))
    return edits(user, volunteering.opportunity.organization_id)
