from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mujtama.accounts.roles import StaffRole
from mujtama.core import selectors
from mujtama.core.forms import AuditFilterForm
from mujtama.core.policies import route_policy, staff

PAGE_SIZE = 50


@route_policy(staff(StaffRole.PLATFORM_ADMIN))
def audit_log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    events = selectors.audit_events(**{k: v for k, v in filters.items() if v})
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"form": form, "page": page})
