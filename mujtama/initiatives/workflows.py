"""Transition tables of initiatives, volunteer opportunities, volunteering and hours."""

from django.utils.translation import gettext_lazy as _

from mujtama.core.workflows import State, Step, Workflow
from mujtama.initiatives import notices
from mujtama.initiatives import permissions as can
from mujtama.initiatives.models import HoursEntry, Initiative, Volunteering, VolunteerOpportunity

INITIATIVE_WORKFLOW = Workflow(
    name="initiatives.initiative",
    states={
        "planned": State(_("Planned"), _("Planned")),
        "active": State(_("Active"), _("Under way")),
        "completed": State(_("Completed"), _("Completed")),
        "cancelled": State(_("Cancelled"), _("Cancelled")),
    },
    transitions={
        "planned": {
            "start": Step("active", _("Start the initiative"), can.initiative_editor),
            "cancel": Step(
                "cancelled", _("Cancel the initiative"), can.initiative_editor, requires_reason=True
            ),
        },
        "active": {
            "complete": Step("completed", _("Mark as completed"), can.initiative_editor),
            "cancel": Step(
                "cancelled", _("Cancel the initiative"), can.initiative_editor, requires_reason=True
            ),
        },
    },
    terminal=frozenset({"completed", "cancelled"}),
)
Initiative.workflow = INITIATIVE_WORKFLOW

OPPORTUNITY_WORKFLOW = Workflow(
    name="initiatives.opportunity",
    states={
        "open": State(_("Open"), _("Open to volunteers")),
        "closed": State(_("Closed"), _("Closed")),
    },
    transitions={
        "open": {"close": Step("closed", _("Close to new volunteers"), can.opportunity_editor)},
        "closed": {"reopen": Step("open", _("Open again"), can.opportunity_editor)},
    },
)
VolunteerOpportunity.workflow = OPPORTUNITY_WORKFLOW

VOLUNTEERING_WORKFLOW = Workflow(
    name="initiatives.volunteering",
    states={
        "applied": State(_("Applied"), _("Applied")),
        "accepted": State(_("Accepted"), _("Accepted")),
        "declined": State(_("Declined"), _("Declined")),
        "withdrawn": State(_("Withdrawn"), _("Withdrawn")),
        "ended": State(_("Ended"), _("Ended")),
    },
    transitions={
        "applied": {
            "accept": Step(
                "accepted",
                _("Accept the volunteer"),
                can.organization_decides,
                notify=notices.volunteering_moved,
            ),
            "decline": Step(
                "declined",
                _("Decline"),
                can.organization_decides,
                requires_reason=True,
                notify=notices.volunteering_moved,
            ),
            "withdraw": Step(
                "withdrawn",
                _("Withdraw my application"),
                can.the_volunteer,
                notify=notices.volunteering_moved,
            ),
        },
        "accepted": {
            "end": Step(
                "ended",
                _("End the volunteering"),
                can.organization_decides,
                notify=notices.volunteering_moved,
            ),
            "withdraw": Step(
                "withdrawn",
                _("Stop volunteering"),
                can.the_volunteer,
                notify=notices.volunteering_moved,
            ),
        },
    },
    terminal=frozenset({"declined", "withdrawn", "ended"}),
)
Volunteering.workflow = VOLUNTEERING_WORKFLOW

HOURS_WORKFLOW = Workflow(
    name="initiatives.hours",
    states={
        "submitted": State(_("Waiting for approval"), _("Waiting for approval")),
        "approved": State(_("Approved"), _("Approved")),
        "rejected": State(_("Rejected"), _("Rejected")),
    },
    transitions={
        "submitted": {
            "approve": Step("approved", _("Approve"), can.hours_approver),
            "reject": Step(
                "rejected",
                _("Reject"),
                can.hours_approver,
                requires_reason=True,
                notify=notices.hours_rejected,
            ),
        },
    },
    terminal=frozenset({"approved", "rejected"}),
)
HoursEntry.workflow = HOURS_WORKFLOW
