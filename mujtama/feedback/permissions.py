"""Who may do what with feedback.

Officers (MoCT officers and ministries' feedback officers, with a second factor) act
on the feedback of the ministries of their desks only; feedback that names no service
(an SMS without a code) is open to every officer with a desk, to route it. The
citizen acts through the tracking code, as a ``CodeHolder``; the clock acts as None.
"""

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from mujtama.accounts.roles import StaffRole
from mujtama.core.permissions import ALLOW, Decision, deny
from mujtama.core.policies import has_second_factor

OFFICER_ROLES = frozenset({StaffRole.MOCT_OFFICER, StaffRole.FEEDBACK_OFFICER})
CATALOGUE_ROLES = frozenset({StaffRole.MOCT_OFFICER, StaffRole.PLATFORM_ADMIN})


@dataclass(frozen=True)
class CodeHolder:
    """Whoever holds a tracking code: the citizen who sent the feedback."""

    code: str
    is_authenticated = False


def _roles(user: Any) -> frozenset[str]:
    return getattr(user, "roles", frozenset()) if user is not None else frozenset()


def is_officer(user: Any) -> bool:
    return bool(_roles(user) & OFFICER_ROLES) and has_second_factor(user)


def desk_ministries(user: Any) -> set[int]:
    """The ids of the ministries whose feedback ``user`` answers (cached on the user)."""
    if not is_officer(user):
        return set()
    cached = getattr(user, "_feedback_desks", None)
    if cached is None:
        cached = set(user.feedback_desks.values_list("ministry_id", flat=True))
        user._feedback_desks = cached
    return set(cached)


def officer(actor: Any, feedback: Any) -> Decision:
    ministries = desk_ministries(actor)
    if not ministries:
        return deny(_("Only feedback officers with a desk answer feedback."))
    ministry = feedback.service.ministry_id if feedback.service_id else None
    if ministry is None or ministry in ministries:
        return ALLOW
    return deny(_("This feedback concerns a ministry whose desk you do not serve."))


def code_holder(actor: Any, feedback: Any) -> Decision:
    if isinstance(actor, CodeHolder) and actor.code == feedback.tracking_code:
        return ALLOW
    return deny(_("Only the person who sent the feedback answers this, on the tracking page."))


def code_holder_or_clock(actor: Any, feedback: Any) -> Decision:
    if actor is None:
        return ALLOW
    return code_holder(actor, feedback)


def clock(actor: Any, feedback: Any) -> Decision:
    if actor is None:
        return ALLOW
    return deny(_("The platform takes this step by itself, by the clock."))


def manages_catalogue(user: Any) -> bool:
    return bool(_roles(user) & CATALOGUE_ROLES) and has_second_factor(user)
