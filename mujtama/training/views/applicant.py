"""The young person's own area: applying, their score and its factors, confirming
a place, withdrawing, certificates. Each object must be the person's own (404)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.accounts.types import AuthedRequest
from mujtama.core.flash import flash_refusal
from mujtama.core.forms import ActionForm
from mujtama.core.policies import SIGNED_IN, route_policy
from mujtama.training.forms import ApplyForm
from mujtama.training.models import Certificate, Cohort, CohortStatus, Enrollment
from mujtama.training.services import enrollments as services
from mujtama.training.services.certificates import certificate_pdf
from mujtama.training.workflows import ENROLLMENT_WORKFLOW


@route_policy(SIGNED_IN)
def mine(request: AuthedRequest) -> HttpResponse:
    enrollments = list(
        Enrollment.objects.filter(applicant=request.user)
        .select_related("cohort__course__provider", "certificate__document")
        .order_by("-created_at")
    )
    for enrollment in enrollments:
        enrollment.actions = [  # type: ignore[attr-defined]
            (action, step)
            for action, step in ENROLLMENT_WORKFLOW.actions_for(enrollment, request.user)
        ]
        enrollment.status_label = ENROLLMENT_WORKFLOW.label(enrollment.status, public=True)  # type: ignore[attr-defined]
    return render(request, "training/applicant/mine.html", {"enrollments": enrollments})


@route_policy(SIGNED_IN)
def apply(request: AuthedRequest, pk: int) -> HttpResponse:
    cohort = get_object_or_404(
        Cohort.objects.select_related("course__provider", "governorate"),
        pk=pk,
        status=CohortStatus.PUBLISHED,
    )
    already = Enrollment.objects.filter(cohort=cohort, applicant=request.user).first()
    reasons = [] if already else services.eligibility(cohort, request.user)
    form = ApplyForm(request.POST or None, cohort=cohort)
    if request.method == "POST" and already is None and form.is_valid():
        try:
            services.enrollment_apply(
                actor=request.user,
                cohort=cohort,
                motivation=form.cleaned_data["motivation"],
                name_shown=form.cleaned_data["name_shown"],
                meets_prerequisites=form.cleaned_data.get("meets_prerequisites", False),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Your application is sent. You will be told when places are given."),
            )
            return redirect("training:mine")
    return render(
        request,
        "training/applicant/apply.html",
        {
            "cohort": cohort,
            "form": form,
            "already": already,
            "reasons": reasons,
            "open": services.window_open(cohort),
        },
        status=400 if request.method == "POST" and form.errors else 200,
    )


@route_policy(SIGNED_IN)
@require_POST
def act(request: AuthedRequest, pk: int) -> HttpResponse:
    """Confirm a place, give it up, or withdraw: the applicant's own steps."""
    enrollment = get_object_or_404(Enrollment, pk=pk, applicant=request.user)
    form = ActionForm(request.POST)
    if form.is_valid() and form.cleaned_data["action"] in ("confirm", "withdraw"):
        try:
            services.enrollment_move(
                actor=request.user, enrollment=enrollment, action=form.cleaned_data["action"]
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Done."))
    else:
        messages.error(request, _("That is not possible."))
    return redirect("training:mine")


@route_policy(SIGNED_IN)
def certificate(request: AuthedRequest, pk: int) -> HttpResponse:
    """The holder's certificate as a PDF (a revoked one is still theirs to see, marked
    revoked)."""
    item = get_object_or_404(
        Certificate.objects.select_related(
            "document",
            "enrollment__applicant",
            "enrollment__cohort__course__provider",
            "enrollment__cohort__course__co_provider",
        ),
        pk=pk,
        enrollment__applicant=request.user,
    )
    response = HttpResponse(certificate_pdf(item), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{item.document.code}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
