import re
import uuid
import zoneinfo
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import timezone, translation

from mujtama.core.context import ip_hash_var, request_id_var
from mujtama.core.ip import client_ip, hash_ip

_REQUEST_ID = re.compile(r"^[A-Za-z0-9\-]{8,64}$")


class RequestContextMiddleware:
    """Gives every request an id (kept from a trusted proxy if it sent a sane one),
    and the hashed client address, for logs and audit events."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        trusted = settings.TRUSTED_PROXY_COUNT > 0 and _REQUEST_ID.match(incoming)
        request_id = incoming if trusted else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        ip_hash = hash_ip(client_ip(request))
        request.ip_hash = ip_hash  # type: ignore[attr-defined]
        rid_token = request_id_var.set(request_id)
        ip_token = ip_hash_var.set(ip_hash)
        try:
            response = self.get_response(request)
        finally:
            request_id_var.reset(rid_token)
            ip_hash_var.reset(ip_token)
        response["X-Request-ID"] = request_id
        return response


class TimeZoneMiddleware:
    """Dates are shown in the time zone the signed-in person chose (Damascus time
    otherwise); templates name the zone next to every deadline."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        zone = getattr(user, "time_zone", "") if user is not None and user.is_authenticated else ""
        try:
            timezone.activate(zoneinfo.ZoneInfo(zone or settings.TIME_ZONE))
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            timezone.activate(zoneinfo.ZoneInfo(settings.TIME_ZONE))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class LanguageMiddleware(LocaleMiddleware):
    """Arabic unless the person chose otherwise.

    Pages carry their language in the URL prefix. A page asked for without a prefix
    goes to the language the person last chose (the language cookie), else Arabic:
    the browser's Accept-Language is not taken as a choice for pages. The API has no
    prefix and answers in the language of Accept-Language, as integrations expect.
    """

    def process_request(self, request: HttpRequest) -> None:
        language = translation.get_language_from_path(request.path_info)
        if not language:
            if request.path_info.startswith("/api/"):
                language = translation.get_language_from_request(request, check_path=False)
            else:
                chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
                supported = {code for code, _ in settings.LANGUAGES}
                language = chosen if chosen in supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
