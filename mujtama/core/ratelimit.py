"""Counting requests per client in fixed windows, in the shared cache.

Anonymous posts (feedback, tracking-code lookups) are limited per client without
storing the client's address: the key is the day-salted hash of ``core.ip``."""

import time

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def hit(scope: str, key: str, *, limit: int, window: int) -> bool:
    """Count one request of ``key`` in ``scope``; False once ``limit`` requests were
    counted in the current window of ``window`` seconds."""
    if limit <= 0:
        return True
    slot = int(time.time() // window)
    name = f"ratelimit:{scope}:{key}:{slot}"
    cache.add(name, 0, timeout=window + 5)
    try:
        count = cache.incr(name)
    except ValueError:  # evicted between add and incr
        cache.set(name, 1, timeout=window + 5)
        count = 1
    return count <= limit


def too_many(request: HttpRequest, message: str) -> HttpResponse:
    """The 429 page, with what to do in the person's language."""
    return render(request, "429.html", {"message": message}, status=429)
