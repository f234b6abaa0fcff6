"""Reviews: assignment with conflict-of-interest control, declarations, scores."""

from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.accounts.roles import StaffRole
from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.organizations.models import OrganizationMember
from mujtama.programs import notices
from mujtama.programs.models import (
    Application,
    ApplicationStatus,
    PartnerStatus,
    Review,
    ReviewStatus,
    Score,
)
from mujtama.programs.permissions import is_program_manager

REVIEWABLE = (ApplicationStatus.UNDER_REVIEW, ApplicationStatus.SHORTLISTED)


def consortium_conflict(application: Application, reviewer: Any) -> bool:
    """True if the reviewer belongs to the lead or to any partner organization."""
    organizations = [
        application.lead_id,
        *application.partners.exclude(status=PartnerStatus.DECLINED).values_list(
            "organization_id", flat=True
        ),
    ]
    return OrganizationMember.objects.filter(
        user=reviewer, organization_id__in=organizations
    ).exists()


def review_assign(*, actor: Any, application: Application, reviewer: Any) -> Review:
    """Assign a reviewer. Refused for someone without the reviewer role, and always
    refused for a member of any organization in the consortium."""
    if not is_program_manager(actor):
        raise PermissionDenied(_("Only program managers assign reviewers."))
    if StaffRole.REVIEWER not in getattr(reviewer, "roles", frozenset()):
        raise ValidationError(_("Only people with the reviewer role can review applications."))
    with transaction.atomic():
        # Judged on the application as it is now (it may have been withdrawn or
        # decided since the page was drawn), locked until the review exists.
        application = Application.objects.select_for_update().get(pk=application.pk)
        _check_assignable(application, reviewer)
        try:
            with transaction.atomic():
                review = Review.objects.create(
                    application=application, reviewer=reviewer, assigned_by=actor
                )
        except IntegrityError as exc:
            raise ValidationError(
                _("This reviewer is already assigned to the application.")
            ) from exc
        audit_record(
            actor=actor,
            verb="programs.reviewer_assigned",
            target=application,
            changes={"reviewer": reviewer.pk, "review": review.pk},
        )
        notices.reviewer_assigned(review)
    return review


def _check_assignable(application: Application, reviewer: Any) -> None:
    if application.status not in REVIEWABLE:
        raise ValidationError(_("Reviewers are assigned while the application is under review."))
    if consortium_conflict(application, reviewer):
        raise ValidationError(
            _("%(name)s belongs to an organization of this consortium and can never review it.")
            % {"name": reviewer.full_name or reviewer.email}
        )
    # A declared conflict is final: the unique constraint leaves conflicted reviews
    # aside, so it does not stop the same person being assigned again.
    if Review.objects.filter(
        application=application, reviewer=reviewer, status=ReviewStatus.CONFLICTED
    ).exists():
        raise ValidationError(
            _(
                "%(name)s declared a conflict of interest with this application and cannot review it."
            )
            % {"name": reviewer.full_name or reviewer.email}
        )


def review_declare(*, actor: Any, review: Review, conflict: bool, note: str = "") -> Review:
    """Declare no conflict of interest (which opens the application to the reviewer)
    or a conflict (which returns the application for reassignment)."""
    action = "declare_conflict" if conflict else "declare_no_conflict"

    def apply(locked: Review) -> None:
        if not conflict:
            _refuse_insider(locked)
        locked.declared_at = timezone.now()
        locked.conflict_note = note.strip() if conflict else ""

    return transition(obj=review, action=action, actor=actor, reason=note, apply=apply)


def review_score(
    *, actor: Any, review: Review, scores: dict[int, tuple[int, str]], comment: str = ""
) -> Review:
    """Record scores (0–5) per rubric criterion, with comments; can be repeated
    until the review is submitted."""
    if review.reviewer_id != getattr(actor, "pk", None):
        raise PermissionDenied(_("Only the assigned reviewer may do this."))
    if review.status != ReviewStatus.ACCEPTED:
        raise ValidationError(_("Declare that you have no conflict of interest first."))
    _refuse_insider(review)
    criteria = {c.pk: c for c in review.application.call.rubric.filter(is_active=True)}
    with transaction.atomic():
        for criterion_id, (value, note) in scores.items():
            if criterion_id not in criteria:
                raise ValidationError(_("Unknown criterion."))
            Score.objects.update_or_create(
                review=review,
                criterion=criteria[criterion_id],
                defaults={"value": _score_value(value), "comment": note.strip()[:2000]},
            )
        Review.objects.filter(pk=review.pk).update(comment=comment.strip()[:4000])
        audit_record(
            actor=actor,
            verb="programs.review_scored",
            target=review.application,
            changes={"review": review.pk, "criteria": sorted(scores)},
        )
    review.refresh_from_db()
    return review


def review_submit(*, actor: Any, review: Review) -> Review:
    missing = review.application.call.rubric.filter(is_active=True).exclude(
        pk__in=review.scores.values("criterion_id")
    )
    if missing.exists() and review.reviewer_id == getattr(actor, "pk", None):
        raise ValidationError(_("Score every criterion before submitting the review."))

    def apply(locked: Review) -> None:
        _refuse_insider(locked)
        locked.submitted_at = timezone.now()

    return transition(obj=review, action="submit", actor=actor, apply=apply)


def _refuse_insider(review: Review) -> None:
    """Someone who joined an organization of the consortium after being assigned
    may no longer review it: only declaring the conflict is left."""
    if consortium_conflict(review.application, review.reviewer_id):
        raise ValidationError(
            _(
                "You now belong to an organization of this consortium: declare a conflict of interest."
            )
        )


def _score_value(value: Any) -> int:
    """A whole number from 0 to 5 (Arabic-Indic digits accepted), or a ValidationError."""
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite() or number != number.to_integral_value() or not 0 <= number <= 5:
        raise ValidationError(_("Scores go from 0 to 5."))
    return int(number)
