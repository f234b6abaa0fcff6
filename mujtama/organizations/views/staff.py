"""Ministry staff: the work queue, decision pages, the registry, criteria and lists."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.accounts.roles import StaffRole
from mujtama.accounts.types import AuthedRequest
from mujtama.core.arabic import normalize_ar
from mujtama.core.flash import flash_form_errors, flash_refusal
from mujtama.core.policies import route_policy, staff
from mujtama.core.rules import RuleResult
from mujtama.core.services import record_save
from mujtama.organizations import selectors
from mujtama.organizations.forms import (
    AssignForm,
    CriteriaForm,
    ExpertiseAreaForm,
    JoiningSettingsForm,
    LicenseDecisionForm,
    LicensingStepEditForm,
    QueueFilterForm,
    ReasonForm,
    RegistryFilterForm,
)
from mujtama.organizations.models import (
    ExpertiseArea,
    JoiningApplication,
    JoiningCriteria,
    JoiningSettings,
    LicensingFile,
    LicensingStep,
    Membership,
    Organization,
)
from mujtama.organizations.public_cache import public_data_changed
from mujtama.organizations.services import joining
from mujtama.organizations.services import licensing as licensing_services
from mujtama.organizations.services import membership as membership_services
from mujtama.organizations.workflows import (
    APPLICATION_WORKFLOW,
    LICENSING_WORKFLOW,
    MEMBERSHIP_WORKFLOW,
)

QUEUE_STAFF = staff(
    StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER, StaffRole.PLATFORM_ADMIN, StaffRole.REVIEWER
)
REGISTRY_STAFF = staff(StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER, StaffRole.PLATFORM_ADMIN)
JOINING_OFFICERS = staff(StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER)
LICENSING_STAFF = staff(StaffRole.MOSAL_OFFICER, StaffRole.PLATFORM_ADMIN, StaffRole.REVIEWER)
MOSAL = staff(StaffRole.MOSAL_OFFICER)


@route_policy(QUEUE_STAFF)
def queue(request: AuthedRequest) -> HttpResponse:
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    items = selectors.work_queue(
        request.user,
        kind=filters.get("kind", ""),
        status=filters.get("status", ""),
        governorate=filters.get("governorate", ""),
        organization_kind=filters.get("organization_kind", ""),
        mine=bool(filters.get("mine")),
    )
    for item in items:
        workflow = APPLICATION_WORKFLOW if item.kind == "application" else LICENSING_WORKFLOW
        item.label = workflow.label(item.obj.status)  # type: ignore[attr-defined]
    return render(
        request,
        "organizations/staff/queue.html",
        {"form": form, "items": items, "overdue": sum(1 for item in items if item.overdue)},
    )


def _application_for(request: AuthedRequest, pk: int) -> JoiningApplication:
    application = get_object_or_404(
        JoiningApplication.objects.select_related("organization", "criteria", "assigned_to"), pk=pk
    )
    if not selectors.may_see_application(request.user, application):
        raise Http404
    return application


@route_policy(QUEUE_STAFF)
def application(request: AuthedRequest, pk: int) -> HttpResponse:
    current = _application_for(request, pk)
    organization = current.organization
    officer = bool(request.user.roles & {StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER})
    checks = current.criteria.manual_check_labels() if current.criteria else []
    return render(
        request,
        "organizations/staff/application.html",
        {
            "application": current,
            "organization": organization,
            "label": APPLICATION_WORKFLOW.label(current.status),
            "officer": officer,
            "results": [RuleResult.from_dict(result) for result in current.check_results],
            "manual_checks": [
                (code, label, bool(current.manual_checks.get(code))) for code, label in checks
            ],
            "actions": APPLICATION_WORKFLOW.actions_for(current, request.user) if officer else [],
            "assign_form": AssignForm(
                initial={"officer": current.assigned_to},
                officers=selectors.officers(
                    StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER, StaffRole.REVIEWER
                ),
            ),
            "documents": organization.documents.select_related("uploaded_by"),
            "snapshot_ids": set(current.documents_snapshot),
            "timeline": selectors.timeline(organization),
            "people": selectors.people(organization),
        },
    )


@route_policy(JOINING_OFFICERS)
@require_POST
def application_assign(request: AuthedRequest, pk: int) -> HttpResponse:
    current = _application_for(request, pk)
    form = AssignForm(
        request.POST,
        officers=selectors.officers(
            StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER, StaffRole.REVIEWER
        ),
    )
    if form.is_valid():
        try:
            joining.application_assign(
                actor=request.user, application=current, officer=form.cleaned_data["officer"]
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The application was assigned."))
    else:
        messages.error(request, _("Choose an officer from the list."))
    return redirect("organizations_staff:application", current.pk)


@route_policy(JOINING_OFFICERS)
@require_POST
def application_checks(request: AuthedRequest, pk: int) -> HttpResponse:
    current = _application_for(request, pk)
    try:
        joining.application_tick(
            actor=request.user, application=current, ticked=set(request.POST.getlist("checks"))
        )
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("The manual checks were saved."))
    return redirect("organizations_staff:application", current.pk)


@route_policy(JOINING_OFFICERS)
@require_POST
def application_act(request: AuthedRequest, pk: int) -> HttpResponse:
    current = _application_for(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The reason is too long."))
        return redirect("organizations_staff:application", current.pk)
    action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
    try:
        if action == "start_review":
            joining.application_start_review(actor=request.user, application=current)
        else:
            joining.application_decide(
                actor=request.user, application=current, action=action, reason=reason
            )
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("Done: the organization has been told."))
    return redirect("organizations_staff:application", current.pk)


def _licensing_for(request: AuthedRequest, pk: int) -> LicensingFile:
    file = get_object_or_404(
        LicensingFile.objects.select_related("organization", "assigned_to"), pk=pk
    )
    if not selectors.may_see_licensing(request.user, file):
        raise Http404
    return file


@route_policy(LICENSING_STAFF)
def licensing(request: AuthedRequest, pk: int) -> HttpResponse:
    file = _licensing_for(request, pk)
    officer = StaffRole.MOSAL_OFFICER in request.user.roles
    return render(
        request,
        "organizations/staff/licensing.html",
        {
            "file": file,
            "organization": file.organization,
            "label": LICENSING_WORKFLOW.label(file.status),
            "steps": selectors.licensing_progress(file),
            "officer": officer,
            "can_decide": officer and file.status == "submitted_to_ministry",
            "decision_form": LicenseDecisionForm(),
            "assign_form": AssignForm(
                initial={"officer": file.assigned_to},
                officers=selectors.officers(StaffRole.MOSAL_OFFICER),
            ),
            "timeline": selectors.timeline(file.organization),
        },
    )


@route_policy(MOSAL)
@require_POST
def licensing_assign(request: AuthedRequest, pk: int) -> HttpResponse:
    file = _licensing_for(request, pk)
    form = AssignForm(request.POST, officers=selectors.officers(StaffRole.MOSAL_OFFICER))
    if form.is_valid():
        try:
            licensing_services.licensing_assign(
                actor=request.user, file=file, officer=form.cleaned_data["officer"]
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("The licensing file was assigned."))
    else:
        messages.error(request, _("Choose an officer from the list."))
    return redirect("organizations_staff:licensing", file.pk)


@route_policy(MOSAL)
@require_POST
def licensing_act(request: AuthedRequest, pk: int) -> HttpResponse:
    file = _licensing_for(request, pk)
    form = LicenseDecisionForm(request.POST)
    if not form.is_valid():
        flash_form_errors(request, form)
        return redirect("organizations_staff:licensing", file.pk)
    try:
        licensing_services.licensing_decide(
            actor=request.user,
            file=file,
            action=form.cleaned_data["action"],
            reason=form.cleaned_data["reason"],
            license_number=form.cleaned_data["license_number"],
            license_date=form.cleaned_data["license_date"],
        )
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
    else:
        messages.success(request, _("Done: the organization has been told."))
    return redirect("organizations_staff:licensing", file.pk)


@route_policy(REGISTRY_STAFF)
def registry(request: AuthedRequest) -> HttpResponse:
    form = RegistryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    organizations = Organization.objects.select_related("membership", "licensing_file").order_by(
        "name_ar_key"
    )
    for word in normalize_ar(filters.get("q", "")).split()[:8]:
        organizations = organizations.filter(search_text__contains=word)
    if filters.get("kind"):
        organizations = organizations.filter(kind=filters["kind"])
    page = Paginator(organizations, 50).get_page(request.GET.get("page"))
    query = {k: v for k, v in filters.items() if v}
    return render(
        request,
        "organizations/staff/registry.html",
        {"form": form, "page": page, "query_string": urlencode(query)},
    )


@route_policy(REGISTRY_STAFF)
def organization(request: AuthedRequest, pk: int) -> HttpResponse:
    target = get_object_or_404(
        Organization.objects.select_related("created_by").prefetch_related(
            "governorates", "expertise_areas"
        ),
        pk=pk,
    )
    membership = selectors.membership_of(target)
    officer = bool(request.user.roles & {StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER})
    return render(
        request,
        "organizations/staff/organization.html",
        {
            "organization": target,
            "membership": membership,
            "membership_actions": MEMBERSHIP_WORKFLOW.actions_for(membership, request.user)
            if membership and officer
            else [],
            "applications": target.joining_applications.select_related("criteria", "assigned_to"),
            "licensing_file": LicensingFile.objects.filter(organization=target).first(),
            "documents": target.documents.select_related("uploaded_by"),
            "people": selectors.people(target),
            "timeline": selectors.timeline(target),
        },
    )


@route_policy(JOINING_OFFICERS)
@require_POST
def membership_act(request: AuthedRequest, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership, organization_id=pk)
    form = ReasonForm(request.POST)
    if form.is_valid():
        try:
            membership_services.membership_decide(
                actor=request.user,
                membership=membership,
                action=form.cleaned_data["action"],
                reason=form.cleaned_data["reason"],
            )
        except (ValidationError, PermissionDenied) as exc:
            flash_refusal(request, exc)
        else:
            messages.success(request, _("Done: the organization has been told."))
    else:
        flash_form_errors(request, form)
    return redirect("organizations_staff:organization", pk)


# --- criteria and the lists staff keep ----------------------------------------------


@route_policy(JOINING_OFFICERS)
def criteria_list(request: AuthedRequest) -> HttpResponse:
    return render(
        request,
        "organizations/staff/criteria_list.html",
        {
            "versions": JoiningCriteria.objects.select_related("created_by"),
            "settings": JoiningSettings.current(),
        },
    )


@route_policy(JOINING_OFFICERS)
def criteria_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    criteria = get_object_or_404(JoiningCriteria, pk=pk) if pk else None
    # A version in force is read here, and copied into a new draft to change it.
    if criteria is not None and criteria.status != "draft" and request.method == "POST":
        raise PermissionDenied(
            _("Published criteria cannot be changed; write a new version instead.")
        )
    source = criteria or JoiningCriteria.objects.order_by("-version").first()
    initial = CriteriaForm.initial_from(source) if source else {}
    form = CriteriaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        texts = {
            name: form.cleaned_data[name]
            for name in (
                "title_ar",
                "title_en",
                "mechanisms_ar",
                "mechanisms_en",
                "body_ar",
                "body_en",
            )
        }
        try:
            saved = joining.criteria_save_draft(
                actor=request.user,
                criteria=criteria,
                automatic_checks=form.automatic_checks(),
                manual_checks=form.cleaned_data["manual_checks"],
                **texts,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The draft was saved. Publish it when it is ready."))
            return redirect("organizations_staff:criteria_edit", saved.pk)
    return render(
        request,
        "organizations/staff/criteria_edit.html",
        {
            "form": form,
            "criteria": criteria,
            "read_only": criteria is not None and criteria.status != "draft",
        },
    )


@route_policy(JOINING_OFFICERS)
@require_POST
def criteria_publish(request: AuthedRequest, pk: int) -> HttpResponse:
    criteria = get_object_or_404(JoiningCriteria, pk=pk)
    try:
        joining.criteria_publish(actor=request.user, criteria=criteria)
    except (ValidationError, PermissionDenied) as exc:
        flash_refusal(request, exc)
        return redirect("organizations_staff:criteria_edit", criteria.pk)
    messages.success(
        request, _("The criteria are now in force and published on the How to join page.")
    )
    return redirect("organizations_staff:criteria_list")


@route_policy(JOINING_OFFICERS)
def joining_settings(request: AuthedRequest) -> HttpResponse:
    current = JoiningSettings.current()
    form = JoiningSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        record_save(
            actor=request.user,
            model=JoiningSettings,
            instance=current,
            fields={name: form.cleaned_data[name] for name in JoiningSettingsForm.Meta.fields},
            verb="organizations.joining_settings",
        )
        messages.success(request, _("The settings were saved."))
        return redirect("organizations_staff:criteria_list")
    return render(request, "organizations/staff/settings.html", {"form": form})


@route_policy(MOSAL)
def licensing_steps(request: AuthedRequest) -> HttpResponse:
    return render(
        request, "organizations/staff/licensing_steps.html", {"steps": LicensingStep.objects.all()}
    )


@route_policy(MOSAL)
def licensing_step_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    step = get_object_or_404(LicensingStep, pk=pk) if pk else None
    form = LicensingStepEditForm(request.POST or None, instance=step)
    if request.method == "POST" and form.is_valid():
        record_save(
            actor=request.user,
            model=LicensingStep,
            instance=step,
            fields={name: form.cleaned_data[name] for name in LicensingStepEditForm.Meta.fields},
            verb="organizations.licensing_step",
        )
        messages.success(request, _("The step was saved."))
        return redirect("organizations_staff:licensing_steps")
    return render(
        request,
        "organizations/staff/list_item_form.html",
        {
            "form": form,
            "item": step,
            "back": "organizations_staff:licensing_steps",
            "title": _("Licensing step"),
        },
    )


@route_policy(REGISTRY_STAFF)
def expertise_areas(request: AuthedRequest) -> HttpResponse:
    return render(
        request, "organizations/staff/expertise.html", {"areas": ExpertiseArea.objects.all()}
    )


@route_policy(REGISTRY_STAFF)
def expertise_area_edit(request: AuthedRequest, pk: int | None = None) -> HttpResponse:
    area = get_object_or_404(ExpertiseArea, pk=pk) if pk else None
    form = ExpertiseAreaForm(request.POST or None, instance=area)
    if request.method == "POST" and form.is_valid():
        record_save(
            actor=request.user,
            model=ExpertiseArea,
            instance=area,
            fields={name: form.cleaned_data[name] for name in ExpertiseAreaForm.Meta.fields},
            verb="organizations.expertise_area",
        )
        public_data_changed()
        messages.success(request, _("The area of expertise was saved."))
        return redirect("organizations_staff:expertise")
    return render(
        request,
        "organizations/staff/list_item_form.html",
        {
            "form": form,
            "item": area,
            "back": "organizations_staff:expertise",
            "title": _("Area of expertise"),
        },
    )
