"""Applying, selection, confirmation, withdrawal and the waiting list.

Selection ranks the applicants by ``ranking`` and offers the places; an accepted
applicant confirms within the cohort's days, or the place lapses. A place that frees
up (a withdrawal, a lapse) goes at once to the next on the waiting list, who is told."""

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.accounts.models import ConsentPurpose
from mujtama.accounts.models import Sex as ProfileSex
from mujtama.accounts.selectors import declaration_of
from mujtama.accounts.services import active_consent, profile_for
from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.impact.models import Sex
from mujtama.training import ranking
from mujtama.training.models import Cohort, CohortStatus, Enrollment, EnrollmentStatus
from mujtama.training.permissions import provider_editor, provider_or_system

HOLDING = (EnrollmentStatus.ACCEPTED, EnrollmentStatus.ENROLLED)
SEXES: dict[str, str] = {ProfileSex.FEMALE: Sex.FEMALE, ProfileSex.MALE: Sex.MALE}


def window_open(cohort: Cohort) -> bool:
    today = timezone.localdate()
    return (
        cohort.status == CohortStatus.PUBLISHED
        and cohort.applications_open_on <= today <= cohort.applications_close_on
    )


def eligibility(cohort: Cohort, user: Any) -> list[str]:
    """Why ``user`` may not apply to ``cohort`` (empty if they may), in the active
    language."""
    profile = profile_for(user)
    reasons = []
    if not (profile.governorate_id and profile.birth_year and profile.sex):
        reasons.append(_("Complete your profile first: governorate, year of birth and sex."))
        return reasons
    age = timezone.localdate().year - profile.birth_year
    if not cohort.min_age <= age <= cohort.max_age:
        reasons.append(
            _("This cohort is for people aged %(low)s to %(high)s.")
            % {"low": cohort.min_age, "high": cohort.max_age}
        )
    places = list(cohort.eligible_governorates.all())
    if places and profile.governorate_id not in {g.pk for g in places}:
        reasons.append(
            _("This cohort is for people from: %(places)s.")
            % {"places": "، ".join(g.name for g in places)}
        )
    return reasons


def enrollment_apply(
    *,
    actor: Any,
    cohort: Cohort,
    motivation: str,
    name_shown: str = "full",
    meets_prerequisites: bool = False,
) -> Enrollment:
    """Apply to a cohort whose application window is open. What the applicant
    declared with consent (remote area, vulnerable family) gives their score."""
    if not window_open(cohort):
        raise ValidationError(_("Applications to this cohort are not open."))
    reasons = eligibility(cohort, actor)
    if reasons:
        raise ValidationError(reasons)
    errors: dict[str, str] = {}
    if not motivation.strip():
        errors["motivation"] = _("Say in a few words why you want to take part.")
    if cohort.prerequisites and not meets_prerequisites:
        errors["meets_prerequisites"] = _("Confirm that you meet the prerequisites.")
    if errors:
        raise ValidationError(errors)
    profile = profile_for(actor)
    declaration = (
        declaration_of(actor) if active_consent(actor, ConsentPurpose.TARGET_GROUPS) else None
    )
    remote = bool(declaration and declaration.lives_in_remote_area)
    vulnerable = bool(declaration and declaration.vulnerability_criteria.exists())
    found = ranking.factors(
        remote=remote,
        vulnerable=vulnerable,
        remote_points=cohort.remote_points,
        vulnerable_points=cohort.vulnerable_points,
    )
    try:
        with transaction.atomic():
            enrollment = Enrollment.objects.create(
                cohort=cohort,
                applicant=actor,
                motivation=motivation.strip(),
                name_shown=name_shown,
                governorate_id=profile.governorate_id,
                birth_year=profile.birth_year,
                sex=SEXES.get(profile.sex, ""),
                remote=remote,
                vulnerable=vulnerable,
                score=sum(f.points for f in found),
                factors=[f.as_dict() for f in found],
            )
            audit_record(actor=actor, verb="training.applied", target=enrollment)
    except IntegrityError as exc:
        raise ValidationError(_("You have already applied to this cohort.")) from exc
    return enrollment


def _candidate(enrollment: Enrollment) -> ranking.Candidate:
    return ranking.Candidate(
        key=enrollment.pk,
        score=enrollment.score,
        applied_at=enrollment.created_at,
        sex=enrollment.sex,
    )


def _held(cohort: Cohort) -> dict[str, int]:
    held: dict[str, int] = {}
    for sex in cohort.enrollments.filter(status__in=HOLDING).values_list("sex", flat=True):
        held[sex] = held.get(sex, 0) + 1
    return held


def _offer(enrollment: Enrollment, *, actor: Any, action: str) -> Enrollment:
    """Offer a place (checked against the places left), to confirm within the
    cohort's days."""
    provider_or_system(actor, enrollment).require()
    cohort = enrollment.cohort
    if sum(_held(cohort).values()) >= cohort.capacity:
        raise ValidationError(
            _("Every place is taken: a place frees up when someone withdraws or lets it lapse.")
        )
    deadline = timezone.now() + timedelta(days=enrollment.cohort.confirmation_days)

    def stamp(locked: Enrollment) -> None:
        locked.confirm_by = deadline

    result: Enrollment = transition(obj=enrollment, action=action, actor=actor, apply=stamp)
    return result


def cohort_select(*, actor: Any, cohort: Cohort) -> ranking.Selection:
    """Rank every applicant who is still waiting for an answer and offer the free
    places in that order; the others go on the waiting list in the same order."""
    provider_editor(actor, cohort).require()
    if cohort.status != CohortStatus.PUBLISHED:
        raise ValidationError(_("Places are given while the cohort is published."))
    with transaction.atomic():
        locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
        pending = list(
            locked.enrollments.filter(
                status__in=[EnrollmentStatus.APPLIED, EnrollmentStatus.WAITLISTED]
            ).select_related("cohort__course")
        )
        held = _held(locked)
        free = max(0, locked.capacity - sum(held.values()))
        selection = ranking.select(
            [_candidate(e) for e in pending],
            places=free,
            gender_balance=locked.gender_balance,
            taken=held,
        )
        by_pk = {e.pk: e for e in pending}
        for position, candidate in enumerate(selection.order, start=1):
            enrollment = by_pk[candidate.key]
            notes = [f.as_dict() for f in candidate.notes]
            Enrollment.objects.filter(pk=enrollment.pk).update(
                rank=position,
                factors=[f for f in enrollment.factors if f["code"] != "balance"] + notes,
            )
        for candidate in selection.selected:
            enrollment = by_pk[candidate.key]
            _offer(
                enrollment,
                actor=actor,
                action="accept" if enrollment.status == EnrollmentStatus.APPLIED else "promote",
            )
        for candidate in selection.waiting:
            enrollment = by_pk[candidate.key]
            if enrollment.status == EnrollmentStatus.APPLIED:
                transition(obj=enrollment, action="waitlist", actor=actor)
        audit_record(
            actor=actor,
            verb="training.selection_made",
            target=locked,
            changes={"offered": len(selection.selected), "waiting": len(selection.waiting)},
        )
    return selection


def promote_next(cohort: Cohort) -> Enrollment | None:
    """Offer a freed place to the next on the waiting list (with the balance rule),
    as the platform; None if nobody waits or no place is free."""
    with transaction.atomic():
        locked = Cohort.objects.select_for_update().get(pk=cohort.pk)
        if locked.status != CohortStatus.PUBLISHED:
            return None
        held = _held(locked)
        if sum(held.values()) >= locked.capacity:
            return None
        waiting = list(
            locked.enrollments.filter(status=EnrollmentStatus.WAITLISTED).select_related(
                "cohort__course", "applicant"
            )
        )
        if not waiting:
            return None
        choice = ranking.select(
            [_candidate(e) for e in waiting],
            places=1,
            gender_balance=locked.gender_balance,
            taken=held,
        ).selected
        if not choice:
            return None
        chosen = next(e for e in waiting if e.pk == choice[0].key)
        return _offer(chosen, actor=None, action="promote")


def enrollment_move(*, actor: Any, enrollment: Enrollment, action: str, reason: str = "") -> Any:
    """Take a step; a place given up promotes the next on the waiting list."""
    if action in ("complete", "drop"):
        raise ValidationError(_("Completion is decided when the cohort finishes."))
    if action == "cancel":
        raise ValidationError(_("Enrollments close with their cohort."))
    if action in ("accept", "promote"):
        return _offer(enrollment, actor=actor, action=action)
    if (
        action == "confirm"
        and enrollment.confirm_by is not None
        and enrollment.confirm_by < timezone.now()
    ):
        raise ValidationError(
            _("The time to confirm this place has passed; it goes to the next person waiting.")
        )
    frees_a_place = enrollment.status in HOLDING and action == "withdraw"
    with transaction.atomic():
        moved = transition(obj=enrollment, action=action, actor=actor, reason=reason)
        if action == "confirm":
            from mujtama.training.services.reach import enrollment_reached

            enrollment_reached(moved)
        if frees_a_place:
            promote_next(moved.cohort)
    return moved


def overdue_confirmations(now: Any = None) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(
        status=EnrollmentStatus.ACCEPTED, confirm_by__lt=now or timezone.now()
    )


def confirmations_lapse() -> int:
    """Places not confirmed in time lapse, and each goes to the next on the waiting
    list. Idempotent: run it as often as you like (the beat runs it hourly)."""
    lapsed = 0
    for enrollment in overdue_confirmations().select_related("cohort"):
        with transaction.atomic():
            transition(obj=enrollment, action="lapse", actor=None)
            promote_next(enrollment.cohort)
        lapsed += 1
    return lapsed
