from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from mujtama.core.policies import SIGNED_IN, route_policy
from mujtama.notifications import selectors, services

PAGE_SIZE = 30


@route_policy(SIGNED_IN)
def inbox(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.inbox_for(request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "notifications/inbox.html", {"page": page})


@route_policy(SIGNED_IN)
@require_POST
def mark_read(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """Mark one message (or all) read. Someone else's message id marks nothing."""
    services.inbox_mark_read(user=request.user, notification_id=pk)
    return redirect("notifications:inbox")
