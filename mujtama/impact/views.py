from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mujtama.accounts.roles import StaffRole
from mujtama.core.policies import route_policy, staff
from mujtama.impact import services
from mujtama.impact.forms import CriterionForm, YouthRangeForm
from mujtama.impact.models import TargetGroupSettings, VulnerabilityCriterion

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
