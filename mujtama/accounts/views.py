from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mujtama.accounts import selectors, services
from mujtama.accounts.forms import DeclarationForm, ProfileForm, RoleChangeForm
from mujtama.accounts.roles import StaffRole
from mujtama.accounts.types import AuthedRequest
from mujtama.core.policies import SIGNED_IN, route_policy, staff


@route_policy(SIGNED_IN)
def profile(request: AuthedRequest) -> HttpResponse:
    user = request.user
    instance = services.profile_for(user)
    form = ProfileForm(request.POST or None, instance=instance, user=user)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in ProfileForm.Meta.fields}
        services.profile_update(
            user=user,
            full_name=form.cleaned_data["full_name"],
            time_zone=form.cleaned_data["time_zone"],
            **fields,
        )
        messages.success(request, _("Your profile was saved."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "declaration": selectors.declaration_of(user)},
    )


@route_policy(SIGNED_IN)
def declaration(request: AuthedRequest) -> HttpResponse:
    user = request.user
    current = selectors.declaration_of(user)
    initial = {}
    if current is not None:
        initial = {
            "lives_in_remote_area": current.lives_in_remote_area,
            "vulnerability_criteria": list(current.vulnerability_criteria.all()),
            "consent": True,
        }
    form = DeclarationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.declaration_save(
                user=user,
                consent=form.cleaned_data["consent"],
                lives_in_remote_area=form.cleaned_data["lives_in_remote_area"],
                vulnerability_criteria=form.cleaned_data["vulnerability_criteria"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your declaration was saved with your consent."))
            return redirect("accounts:profile")
    return render(request, "accounts/declaration.html", {"form": form, "declaration": current})


@route_policy(SIGNED_IN)
@require_POST
def withdraw_consent(request: AuthedRequest) -> HttpResponse:
    if services.consent_withdraw(user=request.user):
        messages.success(request, _("Your consent was withdrawn and your declaration was deleted."))
    return redirect("accounts:profile")


@route_policy(staff(StaffRole.PLATFORM_ADMIN))
def staff_people(request: AuthedRequest) -> HttpResponse:
    form = RoleChangeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        change = (
            services.role_grant if form.cleaned_data["action"] == "grant" else services.role_revoke
        )
        try:
            done = change(actor=request.user, user=form.user, role=form.cleaned_data["role"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            role = StaffRole(form.cleaned_data["role"]).label
            if form.cleaned_data["action"] == "grant":
                text = (
                    _("%(person)s now holds the role “%(role)s”.")
                    if done
                    else _("%(person)s already holds the role “%(role)s”.")
                )
            else:
                text = (
                    _("%(person)s no longer holds the role “%(role)s”.")
                    if done
                    else _("%(person)s did not hold the role “%(role)s”.")
                )
            messages.success(request, text % {"person": form.user, "role": role})
            return redirect("accounts_staff:people")
    return render(
        request,
        "accounts/staff_people.html",
        {"form": form, "people": selectors.staff_members(), "roles": StaffRole.choices},
    )
