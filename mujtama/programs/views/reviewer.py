"""Reviewers: their assigned applications, the conflict-of-interest declaration,
and the scores.

An application's content opens to its reviewer only once they declare no conflict
of interest; before that the reviewer sees the call and the names of the
consortium's organizations (which they need to judge a conflict), nothing more. A
review is the assigned reviewer's alone: anyone else gets 404."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mujtama.accounts.roles import StaffRole
from mujtama.accounts.types import AuthedRequest
from mujtama.core.flash import flash_form_errors, flash_refusal
from mujtama.core.policies import route_policy, staff
from mujtama.programs import selectors
from mujtama.programs.forms import (
    DeclarationForm,
    ScoreForm,
    comment_field_name,
    score_field_name,
)
from mujtama.programs.models import PartnerStatus, Review, ReviewStatus, RubricCriterion
from mujtama.programs.services import reviews as services
from mujtama.programs.views.applicant import answer_rows
from mujtama.programs.workflows import APPLICATION_WORKFLOW, REVIEW_WORKFLOW

REVIEWER = staff(StaffRole.REVIEWER)
# States in which the reviewer sees the application's content.
OPEN_STATES = (ReviewStatus.ACCEPTED, ReviewStatus.SUBMITTED)


@route_policy(REVIEWER)
def reviews(request: AuthedRequest) -> HttpResponse:
    rows = [
        {
            "review": review,
            "label": REVIEW_WORKFLOW.label(review.status),
            "open": review.status in OPEN_STATES,
        }
        for review in selectors.reviews_for(request.user).select_related(
            "application__call__program"
        )
    ]
    return render(request, "programs/reviewer/reviews.html", {"rows": rows})


def _review(request: AuthedRequest, pk: int) -> Review:
    return get_object_or_404(
        Review.objects.select_related(
            "application", "application__call", "application__call__program", "application__lead"
        ),
        pk=pk,
        reviewer=request.user,
    )


@route_policy(REVIEWER)
def review(request: AuthedRequest, pk: int) -> HttpResponse:
    target = _review(request, pk)
    criteria = list(target.application.call.rubric.filter(is_active=True))
    declaration = DeclarationForm()
    score_form = None
    missing: list[str] = []
    if request.method == "POST":
        if "declare" in request.POST:
            declaration = DeclarationForm(request.POST)
            if not declaration.is_valid() and target.status != ReviewStatus.ASSIGNED:
                flash_form_errors(request, declaration)
                return redirect("programs_review:review", target.pk)
            if declaration.is_valid():
                try:
                    services.review_declare(
                        actor=request.user,
                        review=target,
                        conflict=declaration.conflict,
                        note=declaration.cleaned_data["note"],
                    )
                except (ValidationError, PermissionDenied) as exc:
                    flash_refusal(request, exc)
                else:
                    if declaration.conflict:
                        messages.success(
                            request,
                            _(
                                "Your declaration was recorded. The program manager will assign another reviewer; the application stays closed to you."
                            ),
                        )
                    else:
                        messages.success(
                            request,
                            _(
                                "Your declaration was recorded. The application is open to you below."
                            ),
                        )
                return redirect("programs_review:review", target.pk)
        else:
            action = request.POST.get("action", "")
            score_form = ScoreForm(request.POST, criteria=criteria)
            if action not in ("save", "submit") or target.status != ReviewStatus.ACCEPTED:
                messages.error(request, _("This review can no longer be changed."))
                return redirect("programs_review:review", target.pk)
            if score_form.is_valid():
                missing = _check(score_form, action)
                try:
                    services.review_score(
                        actor=request.user,
                        review=target,
                        scores=score_form.scores(),
                        comment=score_form.cleaned_data["comment"],
                    )
                    if action == "submit" and not missing:
                        services.review_submit(actor=request.user, review=target)
                except (ValidationError, PermissionDenied) as exc:
                    flash_refusal(request, exc)
                else:
                    if not missing:
                        messages.success(
                            request,
                            _("The review was submitted. Thank you.")
                            if action == "submit"
                            else _("The scores were saved."),
                        )
                        return redirect("programs_review:review", target.pk)
            target = _review(request, pk)
    return _render(
        request,
        target,
        criteria,
        declaration,
        score_form,
        missing,
        request.POST.get("action") == "submit",
    )


def _check(form: ScoreForm, action: str) -> list[str]:
    """Criteria the form cannot leave as they are: unscored when submitting, and
    with a comment but no score when saving (the comment would be lost)."""
    missing = []
    scored = form.scores()
    for criterion in form.criteria:
        if criterion.pk in scored:
            continue
        if action == "submit":
            form.add_error(score_field_name(criterion), _("Choose a score from 0 to 5."))
            missing.append(criterion.name)
        elif form.cleaned_data.get(comment_field_name(criterion)):
            form.add_error(
                score_field_name(criterion),
                _("Choose a score: a comment is kept only with its score."),
            )
            missing.append(criterion.name)
    return missing


def _render(
    request: AuthedRequest,
    target: Review,
    criteria: list[RubricCriterion],
    declaration: DeclarationForm,
    score_form: ScoreForm | None,
    missing: list[str],
    submitting: bool = False,
) -> HttpResponse:
    application = target.application
    is_open = target.status in OPEN_STATES
    scores = {score.criterion_id: score for score in target.scores.select_related("criterion")}
    if target.status == ReviewStatus.ACCEPTED and score_form is None:
        score_form = ScoreForm(initial=ScoreForm.initial_for(target, scores), criteria=criteria)
    # The consortium's names, which the reviewer needs to judge a conflict of interest.
    partner_organizations = [
        partner
        for partner in application.partners.select_related("organization")
        if partner.status != PartnerStatus.DECLINED
    ]
    context: dict[str, Any] = {
        "review": target,
        "application": application,
        "call": application.call,
        "label": REVIEW_WORKFLOW.label(target.status),
        "is_open": is_open,
        "partners": partner_organizations,
        "declaration": declaration,
        "score_form": score_form,
        "score_rows": score_form.rows() if score_form is not None else [],
        "missing": missing,
        "submitting": submitting,
        "submitted_scores": [(criterion, scores.get(criterion.pk)) for criterion in criteria],
    }
    if is_open:
        context.update(
            {
                "answers": answer_rows(application),
                "application_label": APPLICATION_WORKFLOW.label(application.status),
                "all_partners": list(application.partners.select_related("organization")),
            }
        )
    return render(request, "programs/reviewer/review.html", context)
