"""Who is told what about volunteering and hours."""

from typing import Any

from mujtama.core.workflows import Outcome
from mujtama.organizations.models import MemberRole
from mujtama.organizations.notices import people_of, tell

VOLUNTEERING = "initiatives_volunteering"
EDITORS = [MemberRole.OWNER, MemberRole.EDITOR]


def _context(volunteering: Any, action: str, reason: str = "", **extra: Any) -> dict[str, Any]:
    return {
        "volunteering": volunteering,
        "opportunity": volunteering.opportunity,
        "organization": volunteering.opportunity.organization,
        "action": action,
        "reason": reason,
        **extra,
    }


def volunteer_applied(volunteering: Any) -> None:
    organization = volunteering.opportunity.organization
    tell(
        people_of(organization, roles=EDITORS),
        VOLUNTEERING,
        _context(volunteering, "applied"),
        "initiatives:volunteers",
        organization.pk,
    )


def volunteering_moved(volunteering: Any, outcome: Outcome) -> None:
    if outcome.action == "withdraw":
        organization = volunteering.opportunity.organization
        tell(
            people_of(organization, roles=EDITORS),
            VOLUNTEERING,
            _context(volunteering, "withdraw"),
            "initiatives:volunteers",
            organization.pk,
        )
        return
    tell(
        [volunteering.volunteer],
        VOLUNTEERING,
        _context(volunteering, outcome.action, outcome.reason),
        "initiatives:my_volunteering",
    )


def hours_rejected(entry: Any, outcome: Outcome) -> None:
    tell(
        [entry.volunteering.volunteer],
        VOLUNTEERING,
        _context(entry.volunteering, "hours_rejected", outcome.reason, entry=entry),
        "initiatives:my_volunteering",
    )
