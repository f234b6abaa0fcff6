"""Who may do what with courses, cohorts and enrollments."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from mujtama.core.permissions import ALLOW, Decision, deny
from mujtama.initiatives.permissions import edits


def provider_editor(user: Any, obj: Any) -> Decision:
    """Owners and editors of the course's provider (a cohort or an enrollment)."""
    cohort = obj if hasattr(obj, "course_id") else obj.cohort
    return edits(user, cohort.course.provider_id)


def provider_or_system(user: Any, obj: Any) -> Decision:
    """The provider's owners and editors, or the platform itself (``user`` None),
    e.g. promoting the next person on the waiting list."""
    if user is None:
        return ALLOW
    return provider_editor(user, obj)


def system_only(user: Any, obj: Any) -> Decision:
    if user is None:
        return ALLOW
    return deny(_("Only the platform does this, when a deadline passes."))


def the_applicant(user: Any, enrollment: Any) -> Decision:
    if user is not None and user.pk == enrollment.applicant_id:
        return ALLOW
    return deny(_("Only the applicant may do this."))
