from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from mujtama.accounts.roles import STAFF_ROLES, StaffRole
from mujtama.accounts.types import AuthedRequest
from mujtama.core.policies import PUBLIC, route_policy, staff
from mujtama.geo.selectors import governorates
from mujtama.impact import ledger
from mujtama.initiatives.permissions import OVERSIGHT as INITIATIVE_OVERSIGHT


@route_policy(PUBLIC)
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"governorates": governorates()})


@route_policy(PUBLIC)
@require_POST
def switch_language(request: HttpRequest) -> HttpResponse:
    """Switch the language and stay on the same page (a plain form: works without
    JavaScript). Remembered in a cookie, and on the account for notifications."""
    language = request.POST.get("language", "")
    supported = {code for code, _name in settings.LANGUAGES}
    next_url = request.POST.get("next", "") or "/"
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "/"
    if language not in supported:
        return HttpResponseRedirect(next_url)
    response = HttpResponseRedirect(translate_url(next_url, language))
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
    )
    user = request.user
    if user.is_authenticated and getattr(user, "language", language) != language:
        from mujtama.accounts.services import user_set_language

        user_set_language(user=user, language=language)
    return response


@route_policy(staff(*STAFF_ROLES))
def staff_home(request: AuthedRequest) -> HttpResponse:
    labels = [StaffRole(role).label for role in sorted(request.user.roles)]
    roles = set(request.user.roles)
    return render(
        request,
        "portal/staff_home.html",
        {
            "user_roles_labels": labels,
            "sees_national_exports": bool(roles & INITIATIVE_OVERSIGHT),
            "opens_named_records": bool(roles & ledger.OVERSIGHT_ROLES),
        },
    )
