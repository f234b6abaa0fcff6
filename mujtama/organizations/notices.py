"""Who is told what when an organization's file moves. Called inside the transaction
of the change (see mujtama.core.workflows); delivery happens after commit."""

from collections.abc import Iterable
from typing import Any

from django.urls import reverse
from django.utils import translation

from mujtama.core.workflows import Outcome
from mujtama.notifications.services import notify

APPLICATION = "organizations_application"
MEMBERSHIP = "organizations_membership"
LICENSING = "organizations_licensing"
JOIN_REQUEST = "organizations_join_request"
INVITATION = "organizations_invitation"


def _link(user: Any, url_name: str, *args: Any) -> str:
    with translation.override(getattr(user, "language", "") or "ar"):
        return reverse(url_name, args=args)


def people_of(organization: Any, *, roles: Iterable[str] | None = None) -> list[Any]:
    from mujtama.accounts.models import User

    people = User.objects.filter(
        organization_roles__organization=organization, is_active=True
    ).select_related("profile")
    if roles is not None:
        people = people.filter(organization_roles__role__in=list(roles))
    return list(people)


def tell(
    users: Iterable[Any],
    kind: str,
    context: dict[str, Any],
    url_name: str,
    *args: Any,
    dedupe_key: str | None = None,
) -> int:
    """Notify each user; returns how many notifications were created (a repeated
    dedupe_key creates none)."""
    created = 0
    for user in users:
        created += len(
            notify(
                recipient=user,
                kind=kind,
                context=context,
                link=_link(user, url_name, *args),
                dedupe_key=f"{dedupe_key}:{user.pk}" if dedupe_key else None,
            )
        )
    return created


def _context(obj: Any, outcome: Outcome | None, **extra: Any) -> dict[str, Any]:
    return {
        "organization": obj.organization,
        "action": outcome.action if outcome else "",
        "reason": outcome.reason if outcome else "",
        **extra,
    }


def application_submitted(application: Any, outcome: Outcome) -> None:
    org = application.organization
    tell(
        people_of(org), APPLICATION, _context(application, outcome), "organizations:manage", org.pk
    )
    if application.assigned_to_id:
        tell(
            [application.assigned_to],
            APPLICATION,
            _context(application, outcome, for_officer=True),
            "organizations_staff:application",
            application.pk,
        )


def application_review_started(application: Any, outcome: Outcome) -> None:
    org = application.organization
    tell(
        people_of(org), APPLICATION, _context(application, outcome), "organizations:manage", org.pk
    )


def application_decided(application: Any, outcome: Outcome) -> None:
    org = application.organization
    tell(
        people_of(org), APPLICATION, _context(application, outcome), "organizations:manage", org.pk
    )


def application_assigned(application: Any, officer: Any) -> None:
    tell(
        [officer],
        APPLICATION,
        {"organization": application.organization, "action": "assigned", "for_officer": True},
        "organizations_staff:application",
        application.pk,
    )


def membership_changed(membership: Any, outcome: Outcome) -> None:
    org = membership.organization
    tell(
        people_of(org),
        MEMBERSHIP,
        _context(membership, outcome, membership=membership),
        "organizations:manage",
        org.pk,
    )


def membership_reminder(
    membership: Any, *, action: str, threshold: int, days_left: int, deadline: Any
) -> int:
    """An expiry reminder or a provisional-lapse warning, sent once per deadline and
    threshold (30, 7 ...); the text says how many days are really left."""
    org = membership.organization
    return tell(
        people_of(org),
        MEMBERSHIP,
        {"organization": org, "action": action, "days": days_left, "deadline": deadline},
        "organizations:manage",
        org.pk,
        dedupe_key=f"membership:{membership.pk}:{action}:{deadline:%Y-%m-%d}:{threshold}",
    )


def licensing_submitted(file: Any, outcome: Outcome) -> None:
    org = file.organization
    tell(people_of(org), LICENSING, _context(file, outcome), "organizations:manage", org.pk)
    if file.assigned_to_id:
        tell(
            [file.assigned_to],
            LICENSING,
            _context(file, outcome, for_officer=True),
            "organizations_staff:licensing",
            file.pk,
        )


def licensing_decided(file: Any, outcome: Outcome) -> None:
    org = file.organization
    tell(
        people_of(org),
        LICENSING,
        _context(file, outcome, license_number=file.license_number),
        "organizations:manage",
        org.pk,
    )


def licensing_assigned(file: Any, officer: Any) -> None:
    tell(
        [officer],
        LICENSING,
        {"organization": file.organization, "action": "assigned", "for_officer": True},
        "organizations_staff:licensing",
        file.pk,
    )


def request_received(request: Any) -> None:
    from mujtama.organizations.models import MemberRole

    tell(
        people_of(request.organization, roles=[MemberRole.OWNER]),
        JOIN_REQUEST,
        {
            "organization": request.organization,
            "action": "received",
            "requester": request.user,
            "message": request.message,
        },
        "organizations:people",
        request.organization.pk,
    )


def request_answered(request: Any, outcome: Outcome) -> None:
    tell(
        [request.user],
        JOIN_REQUEST,
        {"organization": request.organization, "action": outcome.action},
        "organizations:mine",
    )


def invitation_sent(invitation: Any, token: str, language: str) -> None:
    with translation.override(language):
        path = reverse("organizations:accept_invitation", args=[token])
    notify(
        email=invitation.email,
        language=language,
        kind=INVITATION,
        context={
            "organization": invitation.organization,
            "invitation": invitation,
            "inviter": invitation.invited_by,
        },
        link=path,
    )
