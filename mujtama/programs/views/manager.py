"""Program managers: programs, calls (the call builder, publishing, amending), the
applications of a call, screening and decisions, reviewer assignment, ranking.

Every page is for program managers with a second factor; the services check again.
Refused POST actions re-render the page with what was typed and the reasons."""

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from mujtama.accounts.models import User
from mujtama.accounts.roles import StaffRole
from mujtama.accounts.types import AuthedRequest
from mujtama.core.flash import flash_refusal
from mujtama.core.policies import route_policy, staff
from mujtama.core.rules import RuleResult
from mujtama.organizations.models import OrganizationMember
from mujtama.programs import display, selectors
from mujtama.programs.manager_forms import (
    AssignReviewerForm,
    CallForm,
    DecisionForm,
    ProgramForm,
    ReviewerChoice,
    add_service_errors,
    question_formset,
    rubric_formset,
)
from mujtama.programs.models import (
    Application,
    ApplicationStatus,
    Call,
    CallQuestion,
    CallStatus,
    CallVersion,
    PartnerStatus,
    Program,
    QuestionKind,
    Review,
    ReviewStatus,
    RubricCriterion,
    Score,
)
from mujtama.programs.notices import CHANGE_NAMES
from mujtama.programs.services import applications as application_services
from mujtama.programs.services import calls as call_services
from mujtama.programs.services import reviews as review_services
from mujtama.programs.services.applications import MANAGER_ACTIONS
from mujtama.programs.workflows import APPLICATION_WORKFLOW, CALL_WORKFLOW, REVIEW_WORKFLOW

MANAGERS = staff(StaffRole.PROGRAM_MANAGER)
EDITABLE_CALL_STATES = (CallStatus.DRAFT, CallStatus.PUBLISHED, CallStatus.OPEN)
CALL_ACTIONS = {
    "publish": (call_services.call_publish, gettext_lazy("The call is published.")),
    "start_review": (
        call_services.call_start_review,
        gettext_lazy("The review of the call has started."),
    ),
    "publish_results": (
        call_services.call_publish_results,
        gettext_lazy("The results are published; the applicants have been told."),
    ),
}


# --- helpers -------------------------------------------------------------------------------------


def _state_counts(calls: list[Call]) -> None:
    """Attach ``counts`` to each call: [(state label, number of applications)] in the
    order of the workflow — one query for all the calls."""
    per_call: dict[int, dict[str, int]] = defaultdict(dict)
    rows = (
        Application.objects.filter(call__in=[call.pk for call in calls])
        .values_list("call_id", "status")
        .annotate(number=Count("pk"))
        .order_by()
    )
    for call_id, status, number in rows:
        per_call[call_id][status] = number
    for call in calls:
        counts = per_call.get(call.pk, {})
        call.counts = [  # type: ignore[attr-defined]
            (APPLICATION_WORKFLOW.label(state), counts[state])
            for state in APPLICATION_WORKFLOW.states
            if counts.get(state)
        ]
        call.label = CALL_WORKFLOW.label(call.status)  # type: ignore[attr-defined]


def _passed(results: list[dict[str, Any]]) -> bool | None:
    """Whether every eligibility rule passed at submission (None before it)."""
    if not results:
        return None
    return all(result.get("passed") for result in results)


# --- programs ------------------------------------------------------------------------------------


@route_policy(MANAGERS)
def programs(request: AuthedRequest) -> HttpResponse:
    items = list(
        Program.objects.prefetch_related(
            Prefetch("calls", queryset=Call.objects.order_by("-opens_at", "-pk"))
        ).order_by("-created_at")
    )
    _state_counts([call for program in items for call in program.calls.all()])
    return render(request, "programs/manager/programs.html", {"programs": items})


@route_policy(MANAGERS)
def program(request: AuthedRequest, pk: int) -> HttpResponse:
    current = get_object_or_404(
        Program.objects.prefetch_related(
            "co_hosts", Prefetch("calls", queryset=Call.objects.order_by("-opens_at", "-pk"))
        ),
        pk=pk,
    )
    calls = list(current.calls.all())
    _state_counts(calls)
    return render(request, "programs/manager/program.html", {"program": current, "calls": calls})


@route_policy(MANAGERS)
def program_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    current = get_object_or_404(Program, pk=pk) if pk is not None else None
    if request.method == "POST":
        form = ProgramForm(request.POST, program=current)
        if form.is_valid():
            try:
                saved = call_services.program_save(
                    actor=request.user,
                    program=current,
                    co_hosts=form.co_host_ids(),
                    target_groups=form.target_group_values(),
                    **form.service_fields(),
                )
            except ValidationError as exc:
                add_service_errors(form, exc)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("The program is saved."))
                return redirect("programs_staff:program", saved.pk)
    else:
        initial = ProgramForm.initial_from(current) if current else {}
        form = ProgramForm(initial=initial, program=current)
    return render(request, "programs/manager/program_form.html", {"form": form, "program": current})


# --- the call builder ----------------------------------------------------------------------------


@route_policy(MANAGERS)
def call_edit(
    request: AuthedRequest, pk: int | None = None, program: int | None = None
) -> HttpResponse:
    """A new call, a draft call, or the amendment of a published or open call; a
    call past its window is shown read-only."""
    if pk is not None:
        current: Call | None = get_object_or_404(Call.objects.select_related("program"), pk=pk)
        owner = current.program  # type: ignore[union-attr]
    else:
        current = None
        owner = get_object_or_404(Program, pk=program)
    mode = "new"
    if current is not None:
        if current.status == CallStatus.DRAFT:
            mode = "draft"
        elif current.status in (CallStatus.PUBLISHED, CallStatus.OPEN):
            mode = "amend"
        else:
            mode = "read_only"
    if request.method == "POST" and mode == "read_only":
        messages.error(request, _("This call is past its window: it can no longer be changed."))
        return redirect("programs_staff:call", current.pk)  # type: ignore[union-attr]
    if request.method == "POST":
        form = CallForm(request.POST, call=current)
        questions = question_formset(request.POST)
        rubric = rubric_formset(request.POST)
        valid = form.is_valid() and questions.is_valid() and rubric.is_valid()
        if request.POST.get("mode", mode) != mode:
            # Published by someone else since the page was opened: saving now would
            # amend it, which the manager has not been told.
            form.add_error(
                None,
                _(
                    "The call was published meanwhile: saving now makes version %(version)s "
                    "and tells organizations with drafts what changed. Check and save again."
                )
                % {"version": current.version + 1 if current else 1},
            )
        elif valid:
            saved = _save_call(request, form, questions, rubric, owner, current, mode)
            if saved is not None:
                return redirect("programs_staff:call", saved.pk)
    else:
        form = CallForm(initial=CallForm.initial_from(current) if current else {}, call=current)
        questions = question_formset(call=current, read_only=mode == "read_only")
        rubric = rubric_formset(call=current, read_only=mode == "read_only")
    drafts = submitted = 0
    if current is not None and mode == "amend":
        drafts = current.applications.filter(status=ApplicationStatus.DRAFT).count()
        submitted = current.applications.exclude(
            status__in=[ApplicationStatus.DRAFT, ApplicationStatus.WITHDRAWN]
        ).count()
    return render(
        request,
        "programs/manager/call_form.html",
        {
            "form": form,
            "questions": questions,
            "rubric": rubric,
            "program": owner,
            "call": current,
            "mode": mode,
            "read_only": mode == "read_only",
            "next_version": current.version + 1 if current else 1,
            "drafts": drafts,
            "submitted": submitted,
            "other_rules": display.describe_rules(form.other_rules),
            "label": CALL_WORKFLOW.label(current.status) if current else "",
        },
    )


def _save_call(
    request: AuthedRequest,
    form: CallForm,
    questions: Any,
    rubric: Any,
    owner: Program,
    current: Call | None,
    mode: str,
) -> Call | None:
    """Save through the service; a refusal goes on the form (None is returned)."""
    values = {
        "actor": request.user,
        "eligibility_rules": form.eligibility_rules(),
        "questions": questions.items(),
        "rubric": rubric.items(),
        **form.service_fields(),
    }
    try:
        if mode == "amend" and current is not None:
            before = current.version
            saved = call_services.call_amend(call=current, **values)
            if saved.version == before:
                messages.info(
                    request,
                    _("Nothing changed: the call stays at version %(version)s.")
                    % {"version": saved.version},
                )
            else:
                messages.success(
                    request,
                    _(
                        "The call is amended: it is now at version %(version)s. Organizations "
                        "with draft applications have been told what changed."
                    )
                    % {"version": saved.version},
                )
            return saved
        saved = call_services.call_save_draft(program=owner, call=current, **values)
    except ValidationError as exc:
        add_service_errors(form, exc)
    except PermissionDenied as exc:
        form.add_error(None, str(exc))
    else:
        messages.success(request, _("The draft call is saved."))
        return saved
    return None


# --- a call --------------------------------------------------------------------------------------


def _call_for(pk: int) -> Call:
    return get_object_or_404(Call.objects.select_related("program"), pk=pk)


@route_policy(MANAGERS)
def call(request: AuthedRequest, pk: int) -> HttpResponse:
    current = _call_for(pk)
    applications = list(
        Application.objects.filter(call=current)
        .select_related("lead")
        .annotate(
            partners_count=Count(
                "partners", filter=~Q(partners__status=PartnerStatus.DECLINED), distinct=True
            ),
            reviews_assigned=Count(
                "reviews", filter=~Q(reviews__status=ReviewStatus.CONFLICTED), distinct=True
            ),
            reviews_submitted=Count(
                "reviews", filter=Q(reviews__status=ReviewStatus.SUBMITTED), distinct=True
            ),
        )
        .order_by("submitted_at", "pk")
    )
    drafts = [a for a in applications if a.status == ApplicationStatus.DRAFT]
    listed = [a for a in applications if a.status != ApplicationStatus.DRAFT]
    for application in listed:
        application.label = APPLICATION_WORKFLOW.label(application.status)  # type: ignore[attr-defined]
        application.eligible = _passed(application.eligibility_results)  # type: ignore[attr-defined]
    versions = list(
        CallVersion.objects.filter(call=current).select_related("created_by").order_by("-version")
    )
    for version in versions:
        version.change_names = [  # type: ignore[attr-defined]
            CHANGE_NAMES.get(change, change) for change in version.changes
        ]
    return render(
        request,
        "programs/manager/call.html",
        {
            "call": current,
            "label": CALL_WORKFLOW.label(current.status),
            "actions": CALL_WORKFLOW.actions_for(current, request.user),
            "editable": current.status in EDITABLE_CALL_STATES,
            "rules": display.describe_rules(current.eligibility_rules),
            "questions": list(CallQuestion.objects.filter(call=current, is_active=True)),
            "criteria": list(RubricCriterion.objects.filter(call=current, is_active=True)),
            "versions": versions,
            "applications": listed,
            "drafts": len(drafts),
        },
    )


@route_policy(MANAGERS)
@require_POST
def call_act(request: AuthedRequest, pk: int) -> HttpResponse:
    current = _call_for(pk)
    action = request.POST.get("action", "")
    if action not in CALL_ACTIONS:
        messages.error(request, _("Choose one of the actions on the page."))
        return redirect("programs_staff:call", current.pk)
    service, done = CALL_ACTIONS[action]
    try:
        service(actor=request.user, call=current)
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, str(done))
    return redirect("programs_staff:call", current.pk)


@route_policy(MANAGERS)
def ranking(request: AuthedRequest, pk: int) -> HttpResponse:
    current = _call_for(pk)
    rows = selectors.ranking(current)
    for row in rows:
        row.label = APPLICATION_WORKFLOW.label(row.application.status)  # type: ignore[attr-defined]
    criteria = list(RubricCriterion.objects.filter(call=current, is_active=True))
    return render(
        request,
        "programs/manager/ranking.html",
        {
            "call": current,
            "rows": rows,
            "criteria": criteria,
            "total_weight": sum(criterion.weight for criterion in criteria),
            "disagreement": selectors.DISAGREEMENT,
        },
    )


# --- an application ------------------------------------------------------------------------------


def _application_for(pk: int) -> Application:
    application = selectors.application_detail(pk)
    if application is None:
        raise Http404
    return application


def _reviewer_choices(application: Application, reviews: list[Review]) -> list[ReviewerChoice]:
    """People with the reviewer role not yet assigned; members of an organization
    of the consortium are listed as impossible."""
    taken = {review.reviewer_id for review in reviews}
    people = [
        user
        for user in User.objects.filter(groups__name=StaffRole.REVIEWER, is_active=True)
        .distinct()
        .order_by("full_name", "pk")
        if user.pk not in taken
    ]
    consortium = [application.lead_id] + [
        partner.organization_id
        for partner in application.partners.all()
        if partner.status != PartnerStatus.DECLINED
    ]
    blocked: dict[int, list[str]] = defaultdict(list)
    for member in OrganizationMember.objects.filter(
        user__in=[user.pk for user in people], organization_id__in=consortium
    ).select_related("organization"):
        blocked[member.user_id].append(member.organization.name)
    return [ReviewerChoice(user, blocked.get(user.pk, [])) for user in people]


def _answer_rows(application: Application) -> list[dict[str, Any]]:
    """Every question of the call still in use, and those retired since that the
    application answered, with the answer in a readable form."""
    answers = {answer.question_id: answer for answer in application.answers.all()}
    rows = []
    for question in CallQuestion.objects.filter(call_id=application.call_id):
        answer = answers.get(question.pk)
        if not question.is_active and answer is None:
            continue
        shown = ""
        if answer is not None and not answer.is_empty:
            if question.kind == QuestionKind.CHOICE:
                shown = dict(question.choice_pairs()).get(answer.text, answer.text)
            elif question.kind == QuestionKind.NUMBER:
                shown = "" if answer.number is None else f"{answer.number.normalize():f}"
            elif question.kind != QuestionKind.FILE:
                shown = answer.text
        rows.append({"question": question, "answer": answer, "shown": shown})
    return rows


def _review_rows(application: Application, reviews: list[Review]) -> list[dict[str, Any]]:
    criteria = list(RubricCriterion.objects.filter(call_id=application.call_id))
    weights = {c.pk: c.weight for c in criteria if c.is_active}
    rows = []
    for review in reviews:
        scores = {score.criterion_id: score for score in review.scores.all()}
        submitted = review.status == ReviewStatus.SUBMITTED
        weighted = (
            selectors.weighted_score({k: s.value for k, s in scores.items()}, weights)
            if submitted
            else None
        )
        rows.append(
            {
                "review": review,
                "label": REVIEW_WORKFLOW.label(review.status),
                "submitted": submitted,
                "scores": [
                    (criterion, scores.get(criterion.pk))
                    for criterion in criteria
                    if criterion.is_active or criterion.pk in scores
                ]
                if submitted
                else [],
                "weighted": None if weighted is None else round(weighted, 2),
            }
        )
    return rows


def _application_page(
    request: AuthedRequest,
    application: Application,
    *,
    decision_form: DecisionForm | None = None,
    assign_form: AssignReviewerForm | None = None,
) -> HttpResponse:
    reviews = list(
        Review.objects.filter(application=application)
        .select_related("reviewer")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.order_by("criterion_id")))
        .order_by("assigned_at", "pk")
    )
    active_reviews = [r for r in reviews if r.status != ReviewStatus.CONFLICTED]
    candidates = _reviewer_choices(application, reviews)
    if assign_form is None:
        assign_form = AssignReviewerForm(candidates=candidates)
    actions = [
        (action, step)
        for action, step in APPLICATION_WORKFLOW.actions_for(application, request.user)
        if action in MANAGER_ACTIONS
    ]
    call_ = application.call
    return render(
        request,
        "programs/manager/application.html",
        {
            "application": application,
            "call": call_,
            "label": APPLICATION_WORKFLOW.label(application.status),
            "answers": _answer_rows(application),
            "partners": list(application.partners.all()),
            "results": [RuleResult.from_dict(r) for r in application.eligibility_results],
            "eligible": _passed(application.eligibility_results),
            "reviews": _review_rows(application, reviews),
            "active_reviews": len(active_reviews),
            "actions": actions,
            "can_award": any(action == "award" for action, _step in actions),
            "decision_form": decision_form or DecisionForm(),
            "assign_form": assign_form,
            "can_assign": application.status in review_services.REVIEWABLE,
            "has_candidates": any(not c.blocked_by for c in candidates),
            "award": getattr(application, "award", None)
            if application.status == ApplicationStatus.AWARDED
            else None,
        },
    )


@route_policy(MANAGERS)
def application(request: AuthedRequest, pk: int) -> HttpResponse:
    return _application_page(request, _application_for(pk))


@route_policy(MANAGERS)
@require_POST
def application_act(request: AuthedRequest, pk: int) -> HttpResponse:
    current = _application_for(pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            application_services.application_decide(
                actor=request.user,
                application=current,
                action=data["action"],
                reason=data["reason"],
                amount=data["amount"],
                terms_ar=data["terms_ar"],
                terms_en=data["terms_en"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Done: the consortium has been told."))
            return redirect("programs_staff:application", current.pk)
    return _application_page(request, current, decision_form=form)


@route_policy(MANAGERS)
@require_POST
def assign(request: AuthedRequest, pk: int) -> HttpResponse:
    current = _application_for(pk)
    reviews = list(Review.objects.filter(application=current))
    form = AssignReviewerForm(request.POST, candidates=_reviewer_choices(current, reviews))
    if form.is_valid():
        reviewer = form.chosen()
        try:
            review_services.review_assign(
                actor=request.user, application=current, reviewer=reviewer
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("%(name)s is assigned; they have been told.")
                % {"name": reviewer.full_name or reviewer.email},
            )
            return redirect("programs_staff:application", current.pk)
    return _application_page(request, current, assign_form=form)
