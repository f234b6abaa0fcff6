"""Client addresses are never stored: only a keyed hash whose key changes every day."""

import hashlib
import hmac
from datetime import date

from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone


def client_ip(request: HttpRequest) -> str:
    """The client's address, trusting exactly TRUSTED_PROXY_COUNT proxies in front."""
    remote = request.META.get("REMOTE_ADDR", "")
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    forwarded = [p.strip() for p in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [p for p in forwarded if p]
    # The last `hops` entries were appended by our own proxies; the one before them
    # is the address our outermost proxy saw.
    if len(forwarded) >= hops:
        return forwarded[-hops]
    return remote


def hash_ip(ip: str, *, day: date | None = None) -> str:
    """A keyed hash of an address, salted with the day so it cannot be linked over time.

    Good for rate limits and abuse patterns within a day; useless for tracking a
    person across days, and irreversible without HASHING_KEY.
    """
    if not ip:
        return ""
    day = day or timezone.localdate()
    salt = hmac.new(
        settings.HASHING_KEY.encode(), f"ip-salt:{day.isoformat()}".encode(), hashlib.sha256
    ).digest()
    return hmac.new(salt, ip.encode(), hashlib.sha256).hexdigest()[:32]
