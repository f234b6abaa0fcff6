from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from mujtama.accounts.roles import StaffRole
from mujtama.core.policies import route_policy, staff
from mujtama.geo import selectors, services
from mujtama.geo.forms import LocalitySearchForm
from mujtama.geo.models import Governorate, Locality, Subdistrict

GEO_STAFF = staff(StaffRole.MOCT_OFFICER, StaffRole.MOSAL_OFFICER, StaffRole.PLATFORM_ADMIN)
PAGE_SIZE = 100


@route_policy(GEO_STAFF)
def governorate_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "geo/governorate_list.html", {"governorates": selectors.governorates_with_counts()}
    )


@route_policy(GEO_STAFF)
def governorate_detail(request: HttpRequest, pcode: str) -> HttpResponse:
    governorate = get_object_or_404(Governorate, pcode=pcode)
    form = LocalitySearchForm(request.GET or None)
    query = form.cleaned_data["q"] if form.is_valid() else ""
    page = Paginator(selectors.localities_of(governorate, query=query), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "geo/governorate_detail.html",
        {
            "governorate": governorate,
            "subdistricts": selectors.subdistricts_of(governorate),
            "page": page,
            "form": form,
            "query": query,
            "query_string": urlencode({"q": query}) if query else "",
        },
    )


@route_policy(GEO_STAFF)
@require_POST
def set_remote(request: HttpRequest, kind: str, pcode: str) -> HttpResponse:
    remote = request.POST.get("remote") == "1"
    place: Subdistrict | Locality
    if kind == "subdistrict":
        place = get_object_or_404(Subdistrict, pcode=pcode)
        place = services.place_set_remote(place=place, remote=remote, actor=request.user)
    elif kind == "locality":
        place = get_object_or_404(Locality, pcode=pcode)
        place = services.place_set_remote(place=place, remote=remote, actor=request.user)
    else:
        raise Http404
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, "geo/_remote_toggle.html", {"place": place, "kind": kind})
    next_url = request.POST.get("next", "")
    if not next_url.startswith("/") or not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}
    ):
        next_url = ""
    return redirect(next_url or "geo:governorate_list")
