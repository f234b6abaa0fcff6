"""The organization's initiatives, activities, indicators and volunteers.

Every route is for signed-in people; each view then checks the person's role in the
lead organization: someone outside it gets 404, so private initiatives do not even
confirm that they exist; a viewer who tries to change something gets 403."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q, Sum
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.accounts.types import AuthedRequest
from mujtama.core.exports import XLSX_CONTENT_TYPE as XLSX
from mujtama.core.flash import flash_act, flash_form_errors, flash_refusal
from mujtama.core.forms import ActionForm
from mujtama.core.policies import SIGNED_IN, route_policy
from mujtama.core.verification import document_revoke
from mujtama.impact.ledger import beneficiaries_of
from mujtama.impact.models import AggregateReach
from mujtama.initiatives.dashboard import as_context, organization_dashboard
from mujtama.initiatives.forms import (
    ActivityForm,
    ImportForm,
    IndicatorForm,
    InitiativeForm,
    MeasureForm,
    OpportunityForm,
)
from mujtama.initiatives.imports import IMPORTS, template
from mujtama.initiatives.models import (
    Activity,
    HoursEntry,
    HoursStatement,
    Indicator,
    Initiative,
    Volunteering,
    VolunteerOpportunity,
)
from mujtama.initiatives.permissions import EDITORS
from mujtama.initiatives.services import initiatives as services
from mujtama.initiatives.services import volunteers as volunteer_services
from mujtama.initiatives.workflows import (
    HOURS_WORKFLOW,
    INITIATIVE_WORKFLOW,
    OPPORTUNITY_WORKFLOW,
    VOLUNTEERING_WORKFLOW,
)
from mujtama.organizations.models import MemberRole, Organization
from mujtama.organizations.permissions import role_in
from mujtama.organizations.views.member import member_organization


def _organization(request: AuthedRequest, pk: int, *, edit: bool = False) -> Organization:
    return member_organization(request, pk, roles=EDITORS if edit else None)


def _initiative(request: AuthedRequest, pk: int, *, edit: bool = False) -> Initiative:
    initiative = get_object_or_404(Initiative.objects.select_related("lead"), pk=pk)
    _organization(request, initiative.lead_id, edit=edit)
    return initiative


@route_policy(SIGNED_IN)
def initiatives(request: AuthedRequest, org: int) -> HttpResponse:
    organization = _organization(request, org)
    rows = (
        Initiative.objects.filter(lead=organization)
        .prefetch_related("governorates")
        .annotate(activity_count=Count("activities", distinct=True))
        .order_by("-starts_on", "-pk")
    )
    return render(
        request,
        "initiatives/member/list.html",
        {
            "organization": organization,
            "initiatives": rows,
            "partner_in": Initiative.objects.filter(partners=organization).select_related("lead"),
            "can_edit": role_in(request.user, organization) in EDITORS,
            "workflow": INITIATIVE_WORKFLOW,
        },
    )


@route_policy(SIGNED_IN)
def initiative_new(request: AuthedRequest, org: int) -> HttpResponse:
    organization = _organization(request, org, edit=True)
    form = InitiativeForm(request.POST or None, lead=organization)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            initiative = services.initiative_create(
                actor=request.user,
                lead=organization,
                origin=data["origin"],
                award=data.get("award"),
                governorates=list(data["governorates"]),
                localities=list(data["localities"]),
                partners=list(data["partners"]),
                **form.service_fields(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The initiative is created. Add its indicators."))
            return redirect("initiatives:initiative", initiative.pk)
    return render(
        request,
        "initiatives/member/form.html",
        {"organization": organization, "form": form, "initiative": None},
    )


@route_policy(SIGNED_IN)
def initiative(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _initiative(request, pk)
    can_edit = role_in(request.user, item.lead_id) in EDITORS
    activities = list(item.activities.select_related("governorate", "locality")[:50])
    reached = dict(
        AggregateReach.objects.filter(
            source_type=Activity._meta.label_lower,
            source_id__in=[str(a.pk) for a in activities],
        )
        .values_list("source_id")
        .annotate(people=Sum("count"))
    )
    for activity in activities:
        activity.people = reached.get(str(activity.pk), 0)  # type: ignore[attr-defined]
    return render(
        request,
        "initiatives/member/detail.html",
        {
            "organization": item.lead,
            "initiative": item,
            "indicators": item.indicators.prefetch_related("updates"),
            "activities": activities,
            "actions": INITIATIVE_WORKFLOW.actions_for(item, request.user),
            "status_label": INITIATIVE_WORKFLOW.label(item.status),
            "can_edit": can_edit,
            "indicator_form": IndicatorForm(),
            "measure_form": MeasureForm(),
            "open": item.status in {"planned", "active"},
        },
    )


@route_policy(SIGNED_IN)
def initiative_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _initiative(request, pk, edit=True)
    form = InitiativeForm(
        request.POST or None,
        instance=item,
        lead=item.lead,
        editing=True,
        initial=None
        if request.method == "POST"
        else {
            "governorates": item.governorates.all(),
            "localities": item.localities.all(),
            "partners": item.partners.all(),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.initiative_update(
                actor=request.user,
                initiative=Initiative.objects.get(pk=item.pk),
                governorates=list(data["governorates"]),
                localities=list(data["localities"]),
                partners=list(data["partners"]),
                **form.service_fields(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The initiative is saved."))
            return redirect("initiatives:initiative", item.pk)
    return render(
        request,
        "initiatives/member/form.html",
        {"organization": item.lead, "form": form, "initiative": item},
    )


@route_policy(SIGNED_IN)
@require_POST
def initiative_move(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _initiative(request, pk, edit=True)
    form = ActionForm(request.POST)
    if form.is_valid():
        try:
            services.initiative_move(
                actor=request.user,
                initiative=item,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Done."))
    else:
        flash_form_errors(request, form)
    return redirect("initiatives:initiative", item.pk)


@route_policy(SIGNED_IN)
@require_POST
def indicator_add(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _initiative(request, pk, edit=True)
    form = IndicatorForm(request.POST)
    if form.is_valid():
        try:
            services.indicator_add(actor=request.user, initiative=item, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The indicator is added."))
            return redirect("initiatives:initiative", item.pk)
    return render(
        request,
        "initiatives/member/indicator_form.html",
        {"organization": item.lead, "initiative": item, "form": form},
        status=400 if request.method == "POST" else 200,
    )


@route_policy(SIGNED_IN)
@require_POST
def indicator_measure(request: AuthedRequest, pk: int, indicator: int) -> HttpResponse:
    item = _initiative(request, pk, edit=True)
    target = get_object_or_404(Indicator, pk=indicator, initiative=item)
    form = MeasureForm(request.POST)
    if form.is_valid():
        try:
            services.indicator_measure(actor=request.user, indicator=target, **form.cleaned_data)
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The indicator is updated."))
    else:
        flash_form_errors(request, form)
    return redirect("initiatives:initiative", item.pk)


@route_policy(SIGNED_IN)
def activity_new(request: AuthedRequest, pk: int) -> HttpResponse:
    item = _initiative(request, pk, edit=True)
    form = ActivityForm(request.POST or None, initiative=item)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.activity_record(
                actor=request.user,
                initiative=item,
                kind=data["kind"],
                title=data["title"],
                held_on=data["held_on"],
                governorate=data["governorate"],
                locality=data["locality"],
                online=data["online"],
                facilitators=data["facilitators"],
                notes=data["notes"],
                reached=form.cells(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The activity and the people it reached are recorded."))
            return redirect("initiatives:initiative", item.pk)
    return render(
        request,
        "initiatives/member/activity_form.html",
        {"organization": item.lead, "initiative": item, "form": form},
    )


@route_policy(SIGNED_IN)
def dashboard(request: AuthedRequest, org: int) -> HttpResponse:
    organization = _organization(request, org)
    figures = organization_dashboard(organization)
    return render(
        request,
        "initiatives/member/dashboard.html",
        {"organization": organization, **as_context(figures)},
    )


@route_policy(SIGNED_IN)
def beneficiaries(request: AuthedRequest, org: int) -> HttpResponse:
    """The people the organization recorded by name: its own people only."""
    organization = _organization(request, org)
    records = beneficiaries_of(request.user, organization).select_related("governorate", "locality")
    page = Paginator(records, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "initiatives/member/beneficiaries.html",
        {"organization": organization, "page": page},
    )


IMPORT_KINDS = ("activities", "beneficiaries")


@route_policy(SIGNED_IN)
def import_template(request: AuthedRequest, pk: int, kind: str) -> HttpResponse:
    item = _initiative(request, pk, edit=True)
    if kind not in IMPORT_KINDS:
        raise Http404
    response = HttpResponse(template(kind), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="mujtama-{kind}-{item.pk}.xlsx"'
    return response


@route_policy(SIGNED_IN)
def import_file(request: AuthedRequest, pk: int, kind: str) -> HttpResponse:
    """Upload a spreadsheet: "check" only reports; "import" imports when every row is
    good and otherwise reports like "check", importing nothing."""
    item = _initiative(request, pk, edit=True)
    if kind not in IMPORT_KINDS:
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        report = IMPORTS[kind](
            actor=request.user,
            initiative=item,
            upload=upload,
            filename=upload.name,
            dry_run=request.POST.get("mode") != "import",
        )
        if report.imported:
            messages.success(
                request,
                _("Imported: %(rows)s rows.") % {"rows": report.rows},
            )
            return redirect("initiatives:initiative", item.pk)
    return render(
        request,
        "initiatives/member/import.html",
        {
            "organization": item.lead,
            "initiative": item,
            "form": form,
            "kind": kind,
            "report": report,
        },
        status=400 if report is not None and not report.ok else 200,
    )


# Volunteers


@route_policy(SIGNED_IN)
def volunteers(request: AuthedRequest, org: int) -> HttpResponse:
    """Opportunities, applications waiting, and hours waiting for approval."""
    organization = _organization(request, org)
    role = role_in(request.user, organization)
    opportunities = (
        VolunteerOpportunity.objects.filter(organization=organization)
        .select_related("governorate", "initiative")
        .annotate(
            waiting=Count("volunteerings", filter=Q(volunteerings__status="applied")),
            accepted=Count("volunteerings", filter=Q(volunteerings__status="accepted")),
        )
    )
    applications = Volunteering.objects.filter(
        opportunity__organization=organization, status__in=["applied", "accepted"]
    ).select_related("volunteer", "opportunity")
    hours = HoursEntry.objects.filter(
        volunteering__opportunity__organization=organization, status="submitted"
    ).select_related("volunteering__volunteer", "volunteering__opportunity")
    statements = HoursStatement.objects.filter(organization=organization).select_related(
        "volunteer", "document"
    )[:50]
    return render(
        request,
        "initiatives/member/volunteers.html",
        {
            "organization": organization,
            "opportunities": opportunities,
            "applications": applications,
            "hours": hours,
            "statements": statements,
            "can_edit": role in EDITORS,
            "is_owner": role == MemberRole.OWNER,
            "opportunity_workflow": OPPORTUNITY_WORKFLOW,
            "volunteering_workflow": VOLUNTEERING_WORKFLOW,
            "hours_workflow": HOURS_WORKFLOW,
        },
    )


@route_policy(SIGNED_IN)
def opportunity_new(request: AuthedRequest, org: int) -> HttpResponse:
    organization = _organization(request, org, edit=True)
    form = OpportunityForm(request.POST or None, organization=organization)
    if request.method == "POST" and form.is_valid():
        try:
            volunteer_services.opportunity_post(
                actor=request.user, organization=organization, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The opportunity is posted on the volunteering page."))
            return redirect("initiatives:volunteers", organization.pk)
    return render(
        request,
        "initiatives/member/opportunity_form.html",
        {"organization": organization, "form": form},
    )


@route_policy(SIGNED_IN)
@require_POST
def opportunity_move(request: AuthedRequest, pk: int) -> HttpResponse:
    opportunity = get_object_or_404(VolunteerOpportunity, pk=pk)
    _organization(request, opportunity.organization_id, edit=True)
    flash_act(
        request,
        lambda action, reason: volunteer_services.opportunity_move(
            actor=request.user, opportunity=opportunity, action=action
        ),
    )
    return redirect("initiatives:volunteers", opportunity.organization_id)


@route_policy(SIGNED_IN)
@require_POST
def volunteering_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    volunteering = get_object_or_404(Volunteering.objects.select_related("opportunity"), pk=pk)
    organization_id = volunteering.opportunity.organization_id
    _organization(request, organization_id, edit=True)
    flash_act(
        request,
        lambda action, reason: volunteer_services.volunteering_move(
            actor=request.user, volunteering=volunteering, action=action, reason=reason
        ),
    )
    return redirect("initiatives:volunteers", organization_id)


@route_policy(SIGNED_IN)
@require_POST
def hours_decide(request: AuthedRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(HoursEntry.objects.select_related("volunteering__opportunity"), pk=pk)
    organization_id = entry.volunteering.opportunity.organization_id
    _organization(request, organization_id, edit=True)
    flash_act(
        request,
        lambda action, reason: volunteer_services.hours_decide(
            actor=request.user, entry=entry, action=action, reason=reason
        ),
    )
    return redirect("initiatives:volunteers", organization_id)


@route_policy(SIGNED_IN)
@require_POST
def statement_revoke(request: AuthedRequest, pk: int) -> HttpResponse:
    statement = get_object_or_404(HoursStatement.objects.select_related("document"), pk=pk)
    _organization(request, statement.organization_id, edit=True)
    flash_act(
        request,
        lambda action, reason: document_revoke(
            actor=request.user, document=statement.document, reason=reason
        ),
    )
    return redirect("initiatives:volunteers", statement.organization_id)
