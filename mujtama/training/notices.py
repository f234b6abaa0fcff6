"""Who is told what about cohorts and enrollments."""

from typing import Any

from mujtama.core.workflows import Outcome
from mujtama.organizations.notices import tell

ENROLLMENT = "training_enrollment"


def _context(enrollment: Any, action: str, reason: str = "") -> dict[str, Any]:
    return {
        "enrollment": enrollment,
        "cohort": enrollment.cohort,
        "course": enrollment.cohort.course,
        "action": action,
        "reason": reason,
    }


def enrollment_moved(enrollment: Any, outcome: Outcome) -> None:
    tell(
        [enrollment.applicant],
        ENROLLMENT,
        _context(enrollment, outcome.action, outcome.reason),
        "training:mine",
    )


def cohort_cancelled(cohort: Any, outcome: Outcome) -> None:
    for enrollment in cohort.enrollments.filter(
        status__in=["applied", "accepted", "waitlisted", "enrolled"]
    ).select_related("applicant", "cohort__course"):
        tell(
            [enrollment.applicant],
            ENROLLMENT,
            _context(enrollment, "cohort_cancelled", outcome.reason),
            "training:mine",
        )
