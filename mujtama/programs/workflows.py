"""Transition tables of calls, applications and reviews."""

from django.utils.translation import gettext_lazy as _

from mujtama.core.workflows import State, Step, Workflow
from mujtama.programs import notices
from mujtama.programs import permissions as can
from mujtama.programs.models import Application, Call, Review

CALL_WORKFLOW = Workflow(
    name="programs.call",
    states={
        "draft": State(_("Draft"), _("Being prepared")),
        "published": State(_("Published, opening soon"), _("Opening soon")),
        "open": State(_("Open"), _("Open")),
        "closed": State(_("Closed"), _("Closed")),
        "reviewing": State(_("Under review"), _("Under review")),
        "results_published": State(_("Results published"), _("Results published")),
    },
    transitions={
        "draft": {"publish": Step("published", _("Publish the call"), can.program_manager)},
        "published": {"open": Step("open", _("Open"), can.system_only, notify=notices.call_opened)},
        "open": {"close": Step("closed", _("Close"), can.system_only)},
        "closed": {"start_review": Step("reviewing", _("Start the review"), can.program_manager)},
        "reviewing": {
            "publish_results": Step(
                "results_published",
                _("Publish the results"),
                can.program_manager,
                notify=notices.results_published,
            )
        },
    },
    terminal=frozenset({"results_published"}),
)

APPLICATION_WORKFLOW = Workflow(
    name="programs.application",
    states={
        "draft": State(_("Draft"), _("Being prepared")),
        "submitted": State(_("Submitted"), _("Submitted")),
        "screening": State(_("Screening"), _("Being checked")),
        "more_info": State(_("More information requested"), _("More information requested")),
        "under_review": State(_("Under review"), _("Under review")),
        "shortlisted": State(_("Shortlisted"), _("Shortlisted")),
        "awarded": State(_("Awarded"), _("Awarded")),
        "not_selected": State(_("Not selected"), _("Not selected")),
        "withdrawn": State(_("Withdrawn"), _("Withdrawn")),
    },
    transitions={
        "draft": {
            "submit": Step(
                "submitted",
                _("Submit the application"),
                can.applicant_while_open,
                notify=notices.application_moved,
            ),
            "withdraw": Step("withdrawn", _("Withdraw"), can.applicant),
        },
        "submitted": {
            "start_screening": Step(
                "screening",
                _("Start screening"),
                can.program_manager,
                notify=notices.application_moved,
            ),
            "withdraw": Step(
                "withdrawn", _("Withdraw"), can.applicant, notify=notices.application_moved
            ),
        },
        "screening": {
            "request_info": Step(
                "more_info",
                _("Ask for more information"),
                can.program_manager,
                requires_reason=True,
                notify=notices.application_moved,
            ),
            "pass_screening": Step(
                "under_review",
                _("Send to review"),
                can.program_manager,
                notify=notices.application_moved,
            ),
            "screen_out": Step(
                "not_selected",
                _("Screen out"),
                can.program_manager,
                requires_reason=True,
                notify=notices.application_moved,
            ),
        },
        "more_info": {
            "provide_info": Step(
                "screening",
                _("Send the information"),
                can.applicant,
                notify=notices.application_moved,
            ),
            "withdraw": Step(
                "withdrawn", _("Withdraw"), can.applicant, notify=notices.application_moved
            ),
        },
        "under_review": {
            "shortlist": Step(
                "shortlisted", _("Shortlist"), can.program_manager, notify=notices.application_moved
            ),
            "not_select": Step(
                "not_selected",
                _("Do not select"),
                can.program_manager,
                requires_reason=True,
                notify=notices.application_moved,
            ),
            "withdraw": Step(
                "withdrawn", _("Withdraw"), can.applicant, notify=notices.application_moved
            ),
        },
        "shortlisted": {
            "award": Step(
                "awarded",
                _("Award"),
                can.program_manager,
                requires_reason=True,
                notify=notices.application_moved,
            ),
            "not_select": Step(
                "not_selected",
                _("Do not select"),
                can.program_manager,
                requires_reason=True,
                notify=notices.application_moved,
            ),
            "withdraw": Step(
                "withdrawn", _("Withdraw"), can.applicant, notify=notices.application_moved
            ),
        },
    },
    terminal=frozenset({"awarded", "not_selected", "withdrawn"}),
)

REVIEW_WORKFLOW = Workflow(
    name="programs.review",
    states={
        "assigned": State(_("Assigned"), _("Assigned")),
        "accepted": State(_("Reviewing"), _("Reviewing")),
        "conflicted": State(_("Conflict of interest"), _("Conflict of interest")),
        "submitted": State(_("Review submitted"), _("Review submitted")),
    },
    transitions={
        "assigned": {
            "declare_no_conflict": Step(
                "accepted", _("I have no conflict of interest"), can.the_reviewer
            ),
            "declare_conflict": Step(
                "conflicted",
                _("I have a conflict of interest"),
                can.the_reviewer,
                requires_reason=True,
                notify=notices.conflict_declared,
            ),
        },
        "accepted": {
            "submit": Step("submitted", _("Submit the review"), can.the_reviewer),
            "declare_conflict": Step(
                "conflicted",
                _("I have a conflict of interest"),
                can.the_reviewer,
                requires_reason=True,
                notify=notices.conflict_declared,
            ),
        },
    },
    terminal=frozenset({"conflicted", "submitted"}),
)

Call.workflow = CALL_WORKFLOW
Application.workflow = APPLICATION_WORKFLOW
Review.workflow = REVIEW_WORKFLOW
