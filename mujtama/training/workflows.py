"""Transition tables of cohorts and enrollments."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from mujtama.core.workflows import State, Step, Workflow
from mujtama.training import notices
from mujtama.training import permissions as can
from mujtama.training.models import Cohort, Enrollment

COHORT_WORKFLOW = Workflow(
    name="training.cohort",
    states={
        "draft": State(_("Draft"), _("Being prepared")),
        "published": State(pgettext_lazy("cohort status", "Published"), _("Announced")),
        "running": State(_("Running"), _("Under way")),
        "finished": State(_("Finished"), _("Finished")),
        "cancelled": State(_("Cancelled"), _("Cancelled")),
    },
    transitions={
        "draft": {
            "publish": Step("published", _("Publish the cohort"), can.provider_editor),
            "cancel": Step("cancelled", _("Cancel"), can.provider_editor, requires_reason=True),
        },
        "published": {
            "start": Step("running", _("Start the training"), can.provider_editor),
            "cancel": Step(
                "cancelled",
                _("Cancel"),
                can.provider_editor,
                requires_reason=True,
                notify=notices.cohort_cancelled,
            ),
        },
        "running": {"finish": Step("finished", _("Finish the cohort"), can.provider_editor)},
    },
    terminal=frozenset({"finished", "cancelled"}),
)
Cohort.workflow = COHORT_WORKFLOW

ENROLLMENT_WORKFLOW = Workflow(
    name="training.enrollment",
    states={
        "applied": State(_("Applied"), _("Applied")),
        "accepted": State(_("Accepted, to confirm"), _("Accepted: confirm your place")),
        "waitlisted": State(_("On the waiting list"), _("On the waiting list")),
        "rejected": State(_("Not selected"), _("Not selected")),
        "enrolled": State(_("Enrolled"), _("Enrolled")),
        "completed": State(_("Completed"), _("Completed")),
        "dropped": State(_("Did not complete"), _("Did not complete")),
        "withdrawn": State(_("Withdrawn"), _("Withdrawn")),
        "lapsed": State(_("Place not confirmed in time"), _("Place not confirmed in time")),
        "cancelled": State(_("Cohort cancelled"), _("Cohort cancelled")),
    },
    transitions={
        "applied": {
            "cancel": Step("cancelled", _("Close with the cohort"), can.provider_or_system),
            "accept": Step(
                "accepted", _("Accept"), can.provider_editor, notify=notices.enrollment_moved
            ),
            "waitlist": Step(
                "waitlisted",
                _("Put on the waiting list"),
                can.provider_editor,
                notify=notices.enrollment_moved,
            ),
            "reject": Step(
                "rejected",
                _("Do not select"),
                can.provider_editor,
                requires_reason=True,
                notify=notices.enrollment_moved,
            ),
            "withdraw": Step("withdrawn", _("Withdraw my application"), can.the_applicant),
        },
        "waitlisted": {
            "cancel": Step("cancelled", _("Close with the cohort"), can.provider_or_system),
            "promote": Step(
                "accepted",
                _("Offer a place"),
                can.provider_or_system,
                notify=notices.enrollment_moved,
            ),
            "reject": Step(
                "rejected",
                _("Do not select"),
                can.provider_editor,
                requires_reason=True,
                notify=notices.enrollment_moved,
            ),
            "withdraw": Step("withdrawn", _("Leave the waiting list"), can.the_applicant),
        },
        "accepted": {
            "cancel": Step("cancelled", _("Close with the cohort"), can.provider_or_system),
            "confirm": Step("enrolled", _("Confirm my place"), can.the_applicant),
            "withdraw": Step("withdrawn", _("Give up my place"), can.the_applicant),
            "lapse": Step("lapsed", _("Place not confirmed in time"), can.system_only),
        },
        "enrolled": {
            "cancel": Step("cancelled", _("Close with the cohort"), can.provider_or_system),
            "complete": Step(
                "completed",
                _("Mark as completed"),
                can.provider_editor,
                notify=notices.enrollment_moved,
            ),
            "drop": Step(
                "dropped",
                _("Mark as not completed"),
                can.provider_editor,
                requires_reason=True,
                notify=notices.enrollment_moved,
            ),
            "withdraw": Step("withdrawn", _("Leave the training"), can.the_applicant),
        },
    },
    terminal=frozenset({"rejected", "completed", "dropped", "withdrawn", "lapsed", "cancelled"}),
)
Enrollment.workflow = ENROLLMENT_WORKFLOW
