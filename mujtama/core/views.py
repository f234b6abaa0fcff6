import logging
from typing import Any

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token

from mujtama.core.context import current_request_id
from mujtama.core.policies import PUBLIC, route_policy

logger = logging.getLogger(__name__)


@route_policy(PUBLIC)
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: 200 when the database answers, 503 when it does not."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return JsonResponse({"status": "unavailable", "database": "down"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})


@route_policy(PUBLIC)
def hello(request: HttpRequest) -> HttpResponse:
    """The baseline of `make bench`: the least a view can do (only routed when
    MUJTAMA_BENCH is set)."""
    return HttpResponse("hello", content_type="text/plain")


def _error_page(
    request: HttpRequest, template: str, status: int, context: dict[str, Any]
) -> HttpResponse:
    context = {"request_id": getattr(request, "request_id", "") or current_request_id(), **context}
    if request.path.startswith("/api/"):
        return JsonResponse(
            {"detail": context.get("reason") or str(context["title"])}, status=status
        )
    body = loader.get_template(template).render(context, request)
    return HttpResponse(body, status=status)


@requires_csrf_token
def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    reason = str(exception) if exception and str(exception) else ""
    return _error_page(
        request, "errors/403.html", 403, {"reason": reason, "title": _("Permission denied.")}
    )


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "errors/404.html", 404, {"title": _("Not found.")})


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, "errors/400.html", 400, {"title": _("Bad request.")})


def server_error(request: HttpRequest) -> HttpResponse:
    """Rendered without context processors or database access: whatever broke the
    request may be broken here too. Shows the request id that is in the log."""
    request_id = getattr(request, "request_id", "") or current_request_id()
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": "Server error", "request_id": request_id}, status=500)
    body = loader.get_template("errors/500.html").render(
        {"request_id": request_id, "LANGUAGE_CODE": getattr(request, "LANGUAGE_CODE", "ar")}
    )
    return HttpResponse(body, status=500)
