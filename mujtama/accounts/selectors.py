from django.contrib.auth.models import Group
from django.db.models import Prefetch, QuerySet

from mujtama.accounts.models import TargetGroupDeclaration, User
from mujtama.accounts.roles import STAFF_ROLES


def staff_members() -> QuerySet[User]:
    """People holding at least one ministry role, with their roles prefetched."""
    return (
        User.objects.filter(groups__name__in=STAFF_ROLES)
        .distinct()
        .prefetch_related(
            Prefetch("groups", queryset=Group.objects.filter(name__in=STAFF_ROLES).order_by("name"))
        )
        .order_by("full_name", "email")
    )


def declaration_of(user: User) -> TargetGroupDeclaration | None:
    return (
        TargetGroupDeclaration.objects.filter(user=user)
        .select_related("consent")
        .prefetch_related("vulnerability_criteria")
        .first()
    )
