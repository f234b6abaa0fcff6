"""The transition table of citizen feedback. ``services/triage.py`` moves items only
through ``mujtama.core.workflows.transition``.

received → triaged → in_progress → resolved → closed, with needs_info (waiting for
the citizen, who answers on the tracking page), rejected (spam or abuse, with a
reason) and merged (a duplicate of another item). After "resolved" the citizen says
whether it was solved: yes closes it, no reopens it. The clock closes resolved items
nobody answered for, and items left waiting for the citizen too long."""

from django.utils.translation import gettext_lazy as _

from mujtama.core.workflows import State, Step, Workflow
from mujtama.feedback import notices
from mujtama.feedback import permissions as can
from mujtama.feedback.models import Feedback


def _officer_steps(*, resolve: bool = True, start: bool = False) -> dict[str, Step]:
    steps = {
        "ask_info": Step(
            "needs_info",
            _("Ask the citizen for more information"),
            can.officer,
            requires_reason=True,
            notify=notices.citizen_told,
        ),
        "reject": Step("rejected", _("Reject as spam or abuse"), can.officer, requires_reason=True),
        "merge": Step("merged", _("Merge into another item"), can.officer),
    }
    if start:
        steps["start"] = Step("in_progress", _("Start working on it"), can.officer)
    if resolve:
        steps["resolve"] = Step(
            "resolved",
            _("Resolve, with an answer to the citizen"),
            can.officer,
            requires_reason=True,
            notify=notices.citizen_told,
        )
    return steps


FEEDBACK_WORKFLOW = Workflow(
    name="feedback.item",
    states={
        "received": State(_("Received, not triaged"), _("Received")),
        "triaged": State(_("Triaged"), _("Being looked at")),
        "in_progress": State(_("In progress"), _("Being worked on")),
        "needs_info": State(_("Waiting for the citizen"), _("Waiting for your answer")),
        "resolved": State(_("Resolved, waiting for the citizen's answer"), _("Resolved")),
        "closed": State(_("Closed"), _("Closed")),
        "rejected": State(_("Rejected"), _("Not taken further")),
        "merged": State(_("Merged into another item"), _("Followed up with the same report")),
    },
    transitions={
        "received": {
            "triage": Step("triaged", _("Mark as triaged"), can.officer),
            **_officer_steps(start=True),
        },
        "triaged": _officer_steps(start=True),
        "in_progress": _officer_steps(),
        "needs_info": {
            "answer": Step(
                "triaged",
                _("Send the information asked for"),
                can.code_holder,
                notify=notices.officers_told,
            ),
            "resume": Step("in_progress", _("Go on without an answer"), can.officer),
            "reject": Step(
                "rejected", _("Reject as spam or abuse"), can.officer, requires_reason=True
            ),
            "expire": Step("closed", _("Close: no answer from the citizen"), can.clock),
        },
        "resolved": {
            "confirm": Step("closed", _("Yes, it was solved"), can.code_holder_or_clock),
            "reopen": Step(
                "in_progress",
                _("No, it was not solved"),
                can.code_holder,
                notify=notices.officers_told,
            ),
        },
    },
    terminal=frozenset({"closed", "rejected", "merged"}),
)

Feedback.workflow = FEEDBACK_WORKFLOW
