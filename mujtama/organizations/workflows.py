"""The transition tables of joining applications, memberships, licensing files,
requests to join and criteria. Each service in ``services/`` moves its objects only
through ``mujtama.core.workflows.transition``."""

from django.utils.translation import gettext_lazy as _

from mujtama.core.workflows import State, Step, Workflow
from mujtama.organizations import notices
from mujtama.organizations import permissions as can
from mujtama.organizations.models import (
    JoiningApplication,
    JoiningCriteria,
    LicensingFile,
    Membership,
    MembershipRequest,
)

APPLICATION_WORKFLOW = Workflow(
    name="organizations.application",
    states={
        "draft": State(_("Draft"), _("Being prepared")),
        "submitted": State(_("Submitted, waiting for review"), _("Submitted")),
        "under_review": State(_("Under review"), _("Under review")),
        "changes_requested": State(_("Changes requested"), _("Changes requested")),
        "approved": State(_("Approved"), _("Approved")),
        "rejected": State(_("Rejected"), _("Not approved")),
    },
    transitions={
        "draft": {
            "submit": Step(
                "submitted",
                _("Submit the application"),
                can.applicant_may_submit,
                notify=notices.application_submitted,
            ),
        },
        "submitted": {
            "start_review": Step(
                "under_review",
                _("Start the review"),
                can.joining_officer,
                notify=notices.application_review_started,
            ),
        },
        "under_review": {
            "request_changes": Step(
                "changes_requested",
                _("Ask for changes"),
                can.joining_officer,
                requires_reason=True,
                notify=notices.application_decided,
            ),
            "approve": Step(
                "approved",
                _("Approve"),
                can.joining_officer_all_checks_ticked,
                requires_reason=True,
                notify=notices.application_decided,
            ),
            "reject": Step(
                "rejected",
                _("Reject"),
                can.joining_officer,
                requires_reason=True,
                notify=notices.application_decided,
            ),
        },
        "changes_requested": {
            "submit": Step(
                "submitted",
                _("Submit the application again"),
                can.applicant_may_submit,
                notify=notices.application_submitted,
            ),
        },
    },
    terminal=frozenset({"approved", "rejected"}),
)

MEMBERSHIP_WORKFLOW = Workflow(
    name="organizations.membership",
    states={
        "provisional": State(_("Provisional member"), _("Provisional member")),
        "active": State(_("Member"), _("Member")),
        "suspended": State(_("Suspended"), _("Suspended")),
        "expired": State(_("Expired"), _("Membership expired")),
        "lapsed": State(_("Lapsed without a license"), _("Membership lapsed")),
    },
    transitions={
        "provisional": {
            "upgrade": Step(
                "active",
                _("Upgrade to full membership"),
                can.system_only,
                notify=notices.membership_changed,
            ),
            "lapse": Step("lapsed", _("Lapse"), can.system_only, notify=notices.membership_changed),
            "expire": Step(
                "expired", _("Expire"), can.system_only, notify=notices.membership_changed
            ),
            "renew_provisional": Step(
                "provisional",
                _("Renew"),
                can.member_may_renew_provisional,
                notify=notices.membership_changed,
            ),
            "suspend": Step(
                "suspended",
                _("Suspend"),
                can.joining_officer,
                requires_reason=True,
                notify=notices.membership_changed,
            ),
        },
        "active": {
            "expire": Step(
                "expired", _("Expire"), can.system_only, notify=notices.membership_changed
            ),
            "renew": Step(
                "active", _("Renew"), can.member_may_renew, notify=notices.membership_changed
            ),
            "suspend": Step(
                "suspended",
                _("Suspend"),
                can.joining_officer,
                requires_reason=True,
                notify=notices.membership_changed,
            ),
        },
        "suspended": {
            "reinstate": Step(
                "active",
                _("Reinstate"),
                can.officer_reinstates_full,
                requires_reason=True,
                notify=notices.membership_changed,
            ),
            "reinstate_provisional": Step(
                "provisional",
                _("Reinstate provisionally"),
                can.officer_reinstates_provisional,
                requires_reason=True,
                notify=notices.membership_changed,
            ),
        },
        "expired": {
            "renew": Step(
                "active", _("Renew"), can.member_may_renew, notify=notices.membership_changed
            ),
            "renew_provisional": Step(
                "provisional",
                _("Renew"),
                can.member_may_renew_provisional,
                notify=notices.membership_changed,
            ),
        },
    },
    terminal=frozenset({"lapsed"}),
)

LICENSING_WORKFLOW = Workflow(
    name="organizations.licensing",
    states={
        "not_started": State(_("Not started"), _("Not started")),
        "preparing": State(_("Preparing the file"), _("Preparing the file")),
        "submitted_to_ministry": State(
            _("Submitted to the ministry"), _("Submitted to the ministry")
        ),
        "licensed": State(_("Licensed"), _("Licensed")),
        "refused": State(_("Refused"), _("Refused")),
    },
    transitions={
        "not_started": {
            "start": Step("preparing", _("Start the licensing track"), can.association_edits),
        },
        "preparing": {
            "submit": Step(
                "submitted_to_ministry",
                _("Submit the file to the ministry"),
                can.association_submits,
                notify=notices.licensing_submitted,
            ),
        },
        "submitted_to_ministry": {
            "grant": Step(
                "licensed",
                _("Record the license"),
                can.licensing_officer,
                notify=notices.licensing_decided,
            ),
            "refuse": Step(
                "refused",
                _("Refuse"),
                can.licensing_officer,
                requires_reason=True,
                notify=notices.licensing_decided,
            ),
            "return": Step(
                "preparing",
                _("Return for completion"),
                can.licensing_officer,
                requires_reason=True,
                notify=notices.licensing_decided,
            ),
        },
        "refused": {
            "resume": Step("preparing", _("Prepare the file again"), can.association_edits),
        },
    },
    terminal=frozenset({"licensed"}),
)

REQUEST_WORKFLOW = Workflow(
    name="organizations.join_request",
    states={
        "pending": State(_("Waiting for an answer"), _("Waiting for an answer")),
        "accepted": State(_("Accepted"), _("Accepted")),
        "declined": State(_("Declined"), _("Declined")),
        "withdrawn": State(_("Withdrawn"), _("Withdrawn")),
    },
    transitions={
        "pending": {
            "accept": Step(
                "accepted", _("Accept"), can.owner_answers, notify=notices.request_answered
            ),
            "decline": Step(
                "declined", _("Decline"), can.owner_answers, notify=notices.request_answered
            ),
            "withdraw": Step("withdrawn", _("Withdraw"), can.requester_withdraws),
        },
    },
    terminal=frozenset({"accepted", "declined", "withdrawn"}),
)

CRITERIA_WORKFLOW = Workflow(
    name="organizations.criteria",
    states={
        "draft": State(_("Draft"), _("Draft")),
        "published": State(_("In force"), _("In force")),
        "superseded": State(_("Superseded"), _("Superseded")),
    },
    transitions={
        "draft": {"publish": Step("published", _("Publish"), can.criteria_officer)},
        "published": {"supersede": Step("superseded", _("Supersede"), can.criteria_officer)},
    },
    terminal=frozenset({"superseded"}),
)

JoiningApplication.workflow = APPLICATION_WORKFLOW
Membership.workflow = MEMBERSHIP_WORKFLOW
LicensingFile.workflow = LICENSING_WORKFLOW
MembershipRequest.workflow = REQUEST_WORKFLOW
JoiningCriteria.workflow = CRITERIA_WORKFLOW
