"""Staff roles. Each is a Django group created by a data migration; the keys are
stable identifiers, the labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffRole(models.TextChoices):
    MOCT_OFFICER = "moct_officer", _("Ministry of Communications officer")
    MOSAL_OFFICER = "mosal_officer", _("Ministry of Social Affairs officer")
    PROGRAM_MANAGER = "program_manager", _("Program manager")
    REVIEWER = "reviewer", _("Reviewer")
    FEEDBACK_OFFICER = "feedback_officer", _("Feedback officer of a ministry")
    ANALYST = "analyst", _("Analyst")
    PLATFORM_ADMIN = "platform_admin", _("Platform administrator")


STAFF_ROLES = frozenset(StaffRole.values)
