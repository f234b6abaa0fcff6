"""A petition: the smallest workflow, to test the helper every real workflow uses.

draft → submitted → approved | rejected (with a reason); submitted → draft (returned)."""

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mujtama.core.permissions import ALLOW, Decision, deny
from mujtama.core.workflows import Outcome, State, Step, Workflow, WorkflowModel


def is_author(actor: Any, petition: "Petition") -> Decision:
    if actor.is_authenticated and petition.author_id == actor.pk:
        return ALLOW
    return deny(_("Only the author may do this."))


def is_officer(actor: Any, petition: "Petition") -> Decision:
    if "moct_officer" in getattr(actor, "roles", frozenset()):
        return ALLOW
    return deny(_("Only an officer may decide."))


def tell_author(petition: "Petition", outcome: Outcome) -> None:
    from mujtama.notifications.services import notify

    notify(
        recipient=petition.author,
        kind="example_petition_decided",
        context={"petition": petition, "outcome": outcome},
    )


PETITION_WORKFLOW = Workflow(
    name="example.petition",
    states={
        "draft": State(_("Draft"), _("Being written")),
        "submitted": State(_("Submitted"), _("Under consideration")),
        "approved": State(_("Approved"), _("Approved")),
        "rejected": State(_("Rejected"), _("Not approved")),
    },
    transitions={
        "draft": {"submit": Step("submitted", _("Submit"), is_author)},
        "submitted": {
            "approve": Step("approved", _("Approve"), is_officer, notify=tell_author),
            "reject": Step(
                "rejected", _("Reject"), is_officer, requires_reason=True, notify=tell_author
            ),
            "return": Step("draft", _("Return to the author"), is_officer, requires_reason=True),
        },
    },
)


class Petition(WorkflowModel):
    workflow = PETITION_WORKFLOW

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    title = models.CharField(max_length=100)
    status = models.CharField(max_length=20, default="draft")
    decided_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.title
