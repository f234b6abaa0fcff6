"""A version number for everything the public sees of the organizations.

Public pages and API lists are cached under keys that include this version; any
change the public could see (a profile edit, a membership starting, ending or being
suspended, a license, a criteria version) bumps it after commit, so a cached page is
never stale and every app server shares the version through the cache (Redis in
production). Entries also expire on their own after PUBLIC_TTL seconds."""

from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "organizations:public-version"
PUBLIC_TTL = 600


def public_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY, 1)
    return int(version)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, public_version() + 1, None)


def public_data_changed() -> None:
    """Call inside the transaction of a change the public can see."""
    transaction.on_commit(_bump)


def cached[T](key: str, build: Callable[[], T]) -> T:
    """``build()``'s result under ``key`` for the current public version."""
    versioned = f"organizations:public:{public_version()}:{key}"
    value = cache.get(versioned)
    if value is None:
        value = build()
        cache.set(versioned, value, PUBLIC_TTL)
    return value
