"""Who is told what about calls, applications and reviews."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from mujtama.core.workflows import Outcome
from mujtama.notifications.services import notify
from mujtama.organizations.models import MemberRole
from mujtama.organizations.notices import people_of, tell

CALL = "programs_call"
APPLICATION = "programs_application"
REVIEW = "programs_review"
EDITORS = [MemberRole.OWNER, MemberRole.EDITOR]


def consortium_people(application: Any) -> list[Any]:
    """The lead's people and those of the partners who confirmed."""
    people = {user.pk: user for user in people_of(application.lead)}
    for partner in application.partners.filter(status="confirmed").select_related("organization"):
        for user in people_of(partner.organization):
            people.setdefault(user.pk, user)
    return list(people.values())


def application_moved(application: Any, outcome: Outcome) -> None:
    tell(
        consortium_people(application),
        APPLICATION,
        {
            "application": application,
            "call": application.call,
            "organization": application.lead,
            "action": outcome.action,
            "reason": outcome.reason,
        },
        "programs:application",
        application.pk,
    )


def partner_invited(partner: Any) -> None:
    application = partner.application
    tell(
        people_of(partner.organization, roles=EDITORS),
        APPLICATION,
        {
            "application": application,
            "call": application.call,
            "organization": application.lead,
            "partner": partner.organization,
            "action": "partner_invited",
        },
        "programs:application",
        application.pk,
    )


def partner_answered(partner: Any) -> None:
    application = partner.application
    tell(
        people_of(application.lead),
        APPLICATION,
        {
            "application": application,
            "call": application.call,
            "organization": application.lead,
            "partner": partner.organization,
            "action": f"partner_{partner.status}",
        },
        "programs:application",
        application.pk,
    )


def call_opened(call: Any, outcome: Outcome) -> None:
    """Tell the people of member organizations the call suits (eligible, and working
    in its areas or governorates) that it is open."""
    from mujtama.programs.selectors import matching_organizations

    for organization in matching_organizations(call):
        tell(
            people_of(organization, roles=EDITORS),
            CALL,
            {"call": call, "organization": organization, "action": "opened"},
            "programs_public:call",
            call.pk,
            dedupe_key=f"call-opened:{call.pk}:{organization.pk}",
        )


CHANGE_NAMES = {
    "title": _("the title"),
    "text": _("the text"),
    "opens_at": _("the opening date"),
    "closes_at": _("the closing date"),
    "budget": _("the budget"),
    "max_award": _("the maximum award"),
    "reviewers_per_application": _("the number of reviewers"),
    "eligibility_rules": _("the eligibility rules"),
    "questions": _("the questions"),
    "rubric": _("the scoring rubric"),
}


def call_amended(call: Any, changes: list[str]) -> None:
    from mujtama.programs.models import Application

    changes = [CHANGE_NAMES.get(change, change) for change in changes]  # type: ignore[misc]

    for application in Application.objects.filter(call=call, status="draft").select_related("lead"):
        tell(
            people_of(application.lead, roles=EDITORS),
            CALL,
            {
                "call": call,
                "organization": application.lead,
                "action": "amended",
                "changes": changes,
                "version": call.version,
            },
            "programs:application",
            application.pk,
            dedupe_key=f"call-amended:{call.pk}:{call.version}:{application.pk}",
        )


def deadline_reminder(application: Any, threshold: int, days_left: int) -> int:
    """The reminder of ``threshold`` (7 or 1) days, sent once; it says how many days
    are really left (the clock may first see a draft started later)."""
    return tell(
        people_of(application.lead, roles=EDITORS),
        CALL,
        {
            "call": application.call,
            "organization": application.lead,
            "action": "deadline",
            "days": days_left,
            "deadline": application.call.closes_at,
        },
        "programs:application",
        application.pk,
        dedupe_key=f"call-deadline:{application.pk}:{threshold}",
    )


def results_published(call: Any, outcome: Outcome) -> None:
    from mujtama.programs.models import Application

    for application in (
        Application.objects.filter(call=call)
        .exclude(status__in=["draft", "withdrawn"])
        .select_related("lead")
    ):
        tell(
            consortium_people(application),
            CALL,
            {
                "call": call,
                "organization": application.lead,
                "action": "results",
                "application": application,
            },
            "programs:application",
            application.pk,
        )


def reviewer_assigned(review: Any) -> None:
    tell(
        [review.reviewer],
        REVIEW,
        {"review": review, "call": review.application.call, "action": "assigned"},
        "programs_review:review",
        review.pk,
    )


def conflict_declared(review: Any, outcome: Outcome) -> None:
    """The application goes back for reassignment: the manager who assigned it is told."""
    notify(
        recipient=review.assigned_by,
        kind=REVIEW,
        context={
            "review": review,
            "call": review.application.call,
            "action": "conflict",
            "reason": outcome.reason,
        },
    )
