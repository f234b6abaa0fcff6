"""Who is told what about feedback. Called inside the transaction of the change;
delivery happens after commit.

The citizen is reached only if they gave a contact and agreed to be contacted (an
SMS sender is answered by SMS on the number they wrote from), in the language they
wrote in; messages carry the tracking link, never the text of their feedback."""

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from mujtama.core.workflows import Outcome
from mujtama.notifications.models import Channel
from mujtama.notifications.services import notify
from mujtama.organizations.notices import tell

CITIZEN = "feedback_citizen"
OFFICERS = "feedback_officers"


def tracking_link(feedback: Any) -> str:
    with translation.override(feedback.language or settings.LANGUAGE_CODE):
        return reverse("feedback:track", args=[feedback.tracking_code])


def tell_citizen(feedback: Any, action: str, *, message: str = "", dedupe: str = "") -> None:
    if not feedback.consent_contact:
        return
    channels = []
    if feedback.contact_phone:
        channels.append(Channel.SMS)
    if feedback.contact_email:
        channels.append(Channel.EMAIL)
    if not channels:
        return
    from mujtama.feedback.codes import display

    notify(
        email=feedback.contact_email,
        phone=feedback.contact_phone,
        language=feedback.language,
        kind=CITIZEN,
        context={
            "action": action,
            "code": display(feedback.tracking_code),
            "message": message,
            "service": feedback.service,
        },
        channels=channels,
        link=tracking_link(feedback),
        dedupe_key=f"feedback:{feedback.pk}:{dedupe}" if dedupe else None,
    )


def citizen_told(feedback: Any, outcome: Outcome) -> None:
    tell_citizen(feedback, outcome.action, message=outcome.reason)


def officers_of(feedback: Any) -> list[Any]:
    from mujtama.accounts.models import User
    from mujtama.feedback.permissions import OFFICER_ROLES

    officers = User.objects.filter(is_active=True, groups__name__in=list(OFFICER_ROLES))
    if feedback.service_id:
        officers = officers.filter(feedback_desks__ministry_id=feedback.service.ministry_id)
    else:
        officers = officers.filter(feedback_desks__isnull=False)
    return list(officers.distinct().select_related("profile"))


def officers_told(feedback: Any, outcome: Outcome) -> None:
    tell(
        officers_of(feedback),
        OFFICERS,
        {"feedback": feedback, "action": outcome.action, "code": feedback.tracking_code},
        "feedback_staff:item",
        feedback.pk,
    )


def overdue(feedback: Any, milestone: str) -> int:
    return tell(
        officers_of(feedback),
        OFFICERS,
        {"feedback": feedback, "action": f"overdue_{milestone}", "code": feedback.tracking_code},
        "feedback_staff:item",
        feedback.pk,
        dedupe_key=f"feedback:{feedback.pk}:overdue_{milestone}",
    )
