"""The volunteer's own area: applying, logging hours, approved totals and hours
statements. Every route is for signed-in people, and each object must be the
person's own (404 otherwise)."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.accounts.types import AuthedRequest
from mujtama.core.flash import flash_form_errors, flash_refusal
from mujtama.core.forms import ActionForm
from mujtama.core.pdf import document_pdf
from mujtama.core.policies import SIGNED_IN, route_policy
from mujtama.core.verification import verify_url
from mujtama.initiatives.forms import HoursForm, StatementForm, VolunteerForm
from mujtama.initiatives.models import (
    HoursEntry,
    HoursStatement,
    HoursStatus,
    OpportunityStatus,
    Volunteering,
    VolunteerOpportunity,
)
from mujtama.initiatives.services import volunteers as services
from mujtama.initiatives.workflows import HOURS_WORKFLOW, VOLUNTEERING_WORKFLOW
from mujtama.organizations.models import Organization


@route_policy(SIGNED_IN)
def mine(request: AuthedRequest) -> HttpResponse:
    volunteerings = list(
        Volunteering.objects.filter(volunteer=request.user)
        .select_related("opportunity__organization")
        .annotate(
            approved=Sum("hours__hours", filter=Q(hours__status=HoursStatus.APPROVED)),
            waiting=Sum("hours__hours", filter=Q(hours__status=HoursStatus.SUBMITTED)),
        )
    )
    for volunteering in volunteerings:
        volunteering.actions = VOLUNTEERING_WORKFLOW.actions_for(volunteering, request.user)  # type: ignore[attr-defined]
    organizations: dict[int, Organization] = {}
    for volunteering in volunteerings:
        if volunteering.approved:
            organization = volunteering.opportunity.organization
            organizations[organization.pk] = organization
    entries = HoursEntry.objects.filter(volunteering__volunteer=request.user).select_related(
        "volunteering__opportunity__organization"
    )[:100]
    return render(
        request,
        "initiatives/volunteer/mine.html",
        {
            "volunteerings": volunteerings,
            "entries": entries,
            "total": services.approved_hours(request.user),
            "statement_organizations": organizations.values(),
            "statements": HoursStatement.objects.filter(volunteer=request.user).select_related(
                "organization", "document"
            ),
            "hours_form": HoursForm(initial={"worked_on": timezone.localdate()}),
            "statement_form": StatementForm(),
            "hours_workflow": HOURS_WORKFLOW,
            "volunteering_workflow": VOLUNTEERING_WORKFLOW,
        },
    )


@route_policy(SIGNED_IN)
def apply(request: AuthedRequest, pk: int) -> HttpResponse:
    opportunity = get_object_or_404(
        VolunteerOpportunity.objects.select_related("organization", "governorate"),
        pk=pk,
        status=OpportunityStatus.OPEN,
    )
    already = Volunteering.objects.filter(opportunity=opportunity, volunteer=request.user).first()
    form = VolunteerForm(request.POST or None)
    if request.method == "POST" and already is None and form.is_valid():
        try:
            services.volunteering_apply(
                actor=request.user,
                opportunity=opportunity,
                motivation=form.cleaned_data["motivation"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Your application is sent. The organization will answer you here.")
            )
            return redirect("initiatives:my_volunteering")
    return render(
        request,
        "initiatives/volunteer/apply.html",
        {"opportunity": opportunity, "form": form, "already": already},
    )


@route_policy(SIGNED_IN)
@require_POST
def withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    volunteering = get_object_or_404(Volunteering, pk=pk, volunteer=request.user)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.volunteering_move(
                actor=request.user, volunteering=volunteering, action="withdraw"
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Done."))
    return redirect("initiatives:my_volunteering")


@route_policy(SIGNED_IN)
def hours_log(request: AuthedRequest, pk: int) -> HttpResponse:
    volunteering = get_object_or_404(
        Volunteering.objects.select_related("opportunity__organization"),
        pk=pk,
        volunteer=request.user,
    )
    form = HoursForm(request.POST or None, initial={"worked_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            services.hours_log(actor=request.user, volunteering=volunteering, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your hours are logged and wait for approval."))
            return redirect("initiatives:my_volunteering")
    return render(
        request,
        "initiatives/volunteer/hours_form.html",
        {"volunteering": volunteering, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@route_policy(SIGNED_IN)
@require_POST
def statement_issue(request: AuthedRequest) -> HttpResponse:
    form = StatementForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("initiatives:my_volunteering")
    organization = Organization.objects.filter(pk=form.cleaned_data["organization"]).first()
    if organization is None:
        raise Http404
    try:
        statement = services.hours_statement(
            actor=request.user,
            organization=organization,
            full_name_public=form.cleaned_data["name_shown"] == "full",
        )
    except ValidationError as exc:
        flash_refusal(request, exc)
        return redirect("initiatives:my_volunteering")
    return redirect("initiatives:statement_pdf", statement.pk)


@route_policy(SIGNED_IN)
def statement_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(
        HoursStatement.objects.select_related("document", "organization"),
        pk=pk,
        volunteer=request.user,
    )
    document = statement.document
    hours = f"{statement.hours.normalize():f}"
    pdf = document_pdf(
        document,
        holder_full_name=request.user.get_full_name() or request.user.email,
        verify_absolute_url=settings.SITE_URL.rstrip("/") + verify_url(document, language="ar"),
        details=[
            ("ساعات التطوع المعتمدة", "Approved volunteer hours", hours),
            ("من", "From", statement.first_day.isoformat()),
            ("إلى", "Until", statement.last_day.isoformat()),
        ],
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="hours-{document.code}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response
