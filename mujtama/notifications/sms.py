"""SMS gateways behind one small interface, chosen by the SMS_BACKEND setting."""

import json
import logging
import urllib.request
from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)


class SmsError(Exception):
    pass


class BaseSmsBackend:
    def send(self, *, to: str, text: str) -> None:
        raise NotImplementedError


class ConsoleSmsBackend(BaseSmsBackend):
    """Development: prints the message instead of sending it."""

    def send(self, *, to: str, text: str) -> None:
        print(f"--- SMS to {to} ---\n{text}\n---", flush=True)


# Messages "sent" by LocmemSmsBackend, for tests.
outbox: list[dict[str, str]] = []


class LocmemSmsBackend(BaseSmsBackend):
    def send(self, *, to: str, text: str) -> None:
        outbox.append({"to": to, "text": text})


class _RefuseRedirects(urllib.request.HTTPRedirectHandler):
    """A gateway that answers with a redirect has not taken the message. urllib
    would follow a 301/302/303 as a body-less GET (and report success) carrying the
    bearer token to wherever Location points, plain http:// included; instead the
    redirect surfaces as an HTTPError."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


class HttpJsonSmsBackend(BaseSmsBackend):
    """A gateway that accepts ``POST {"to", "text", "sender"}`` with a bearer token
    at SMS_GATEWAY_URL. Most local aggregators offer such an endpoint; one with
    another shape gets its own small subclass."""

    timeout = 10

    def send(self, *, to: str, text: str) -> None:
        if not settings.SMS_GATEWAY_URL.startswith("https://"):
            raise SmsError("SMS_GATEWAY_URL must be an https:// address")
        payload = json.dumps({"to": to, "text": text, "sender": settings.SMS_SENDER_ID})
        request = urllib.request.Request(  # noqa: S310 - scheme checked above
            settings.SMS_GATEWAY_URL,
            data=payload.encode(),
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {settings.SMS_GATEWAY_TOKEN}",
            },
            method="POST",
        )
        opener = urllib.request.build_opener(_RefuseRedirects)
        try:
            with opener.open(request, timeout=self.timeout) as response:
                if response.status >= 300:
                    raise SmsError(f"gateway answered {response.status}")
        except OSError as exc:
            raise SmsError(str(exc)) from exc


@cache
def _backend_class(path: str) -> type[BaseSmsBackend]:
    return import_string(path)


def get_backend() -> BaseSmsBackend:
    return _backend_class(settings.SMS_BACKEND)()
