from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mujtama.accounts.roles import StaffRole
from mujtama.core.policies import route_policy, staff
from mujtama.impact import ledger, services
from mujtama.impact.forms import CriterionForm, ReasonForm, YouthRangeForm
from mujtama.impact.models import Beneficiary, TargetGroupSettings, VulnerabilityCriterion

TARGET_GROUP_STAFF = staff(
    StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER, StaffRole.PLATFORM_ADMIN
)


@route_policy(TARGET_GROUP_STAFF)
def target_groups(request: HttpRequest) -> HttpResponse:
    form = YouthRangeForm(request.POST or None, instance=TargetGroupSettings.current())
    if request.method == "POST" and form.is_valid():
        services.target_settings_update(
            actor=request.user,
            youth_min_age=form.cleaned_data["youth_min_age"],
            youth_max_age=form.cleaned_data["youth_max_age"],
        )
        messages.success(request, _("The youth age range was saved."))
        return redirect("impact:target_groups")
    return render(
        request,
        "impact/target_groups.html",
        {"form": form, "criteria": VulnerabilityCriterion.objects.all()},
    )


@route_policy(TARGET_GROUP_STAFF)
def criterion_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    criterion = get_object_or_404(VulnerabilityCriterion, pk=pk) if pk else None
    form = CriterionForm(request.POST or None, instance=criterion)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in CriterionForm.Meta.fields}
        services.criterion_save(actor=request.user, criterion=criterion, **fields)
        messages.success(request, _("The criterion was saved."))
        return redirect("impact:target_groups")
    return render(request, "impact/criterion_form.html", {"form": form, "criterion": criterion})


OVERSIGHT = staff(StaffRole.PLATFORM_ADMIN, StaffRole.MOSAL_OFFICER, StaffRole.MOCT_OFFICER)
PAGE_SIZE = 50


@route_policy(OVERSIGHT)
def beneficiaries(request: HttpRequest) -> HttpResponse:
    """Named records for oversight, without their names: who recorded them, when and
    where. Opening one needs a reason, and is audited."""
    records = Beneficiary.objects.select_related("organization", "governorate").order_by(
        "-reached_on", "-pk"
    )
    organization = request.GET.get("organization", "")
    if organization.isdigit():
        records = records.filter(organization_id=int(organization))
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "impact/beneficiaries.html",
        {"page": page, "organization": organization},
    )


@route_policy(OVERSIGHT)
def beneficiary(request: HttpRequest, pk: int) -> HttpResponse:
    record = get_object_or_404(
        Beneficiary.objects.select_related("organization", "governorate", "locality"), pk=pk
    )
    form = ReasonForm(request.POST or None)
    shown = None
    if request.method == "POST" and form.is_valid():
        try:
            shown = ledger.beneficiary_read_by_staff(
                actor=request.user, beneficiary=record, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error("reason", exc)
    return render(
        request,
        "impact/beneficiary.html",
        {"record": record, "form": form, "shown": shown},
    )
