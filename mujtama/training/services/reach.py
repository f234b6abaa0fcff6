"""Trainees in the reach ledger: each enrollment and each completion is a record for
the provider, and the person key counts each trainee once however many records."""

from django.utils import timezone

from mujtama.accounts.models import ConsentPurpose
from mujtama.accounts.selectors import declaration_of
from mujtama.accounts.services import active_consent
from mujtama.impact.ledger import trainee_record
from mujtama.training.models import Enrollment


def enrollment_reached(enrollment: Enrollment) -> None:
    """Write the trainee to the ledger, with the target-group flags they declared
    with consent (none if they did not, or withdrew it)."""
    if not (enrollment.birth_year and enrollment.sex and enrollment.governorate is not None):
        return
    user = enrollment.applicant
    consented = active_consent(user, ConsentPurpose.TARGET_GROUPS) is not None
    declaration = declaration_of(user) if consented else None
    trainee_record(
        organization=enrollment.cohort.course.provider,
        source=enrollment,
        reached_on=timezone.localdate(),
        user=user,
        birth_year=enrollment.birth_year,
        sex=enrollment.sex,
        governorate=enrollment.governorate,
        remote=bool(declaration and declaration.lives_in_remote_area),
        criteria=list(declaration.vulnerability_criteria.all()) if declaration else [],
    )
