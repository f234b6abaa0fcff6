from typing import Any

from django.http import HttpRequest

from mujtama.notifications.selectors import unread_count


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the page shell needs: the unread count and what the navigation shows.

    The unread count is the only query, and only for signed-in people."""
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    roles: frozenset[str] = getattr(user, "roles", frozenset()) if signed_in else frozenset()
    return {
        "unread_count": unread_count(user) if signed_in else 0,
        "user_roles": roles,
        "is_ministry_staff": bool(roles),
        "is_platform_admin": "platform_admin" in roles,
        "can_edit_geo": bool(roles & {"moct_officer", "mosal_officer", "platform_admin"}),
        "is_registry_staff": bool(roles & {"moct_officer", "mosal_officer", "platform_admin"}),
        "is_joining_officer": bool(roles & {"moct_officer", "mosal_officer"}),
        "is_mosal_officer": "mosal_officer" in roles,
        "is_program_manager": "program_manager" in roles,
        "is_reviewer": "reviewer" in roles,
        "is_feedback_officer": bool(roles & {"moct_officer", "feedback_officer"}),
        "keeps_service_catalogue": bool(roles & {"moct_officer", "platform_admin"}),
        "sees_work_queue": bool(
            roles & {"moct_officer", "mosal_officer", "platform_admin", "reviewer"}
        ),
    }
