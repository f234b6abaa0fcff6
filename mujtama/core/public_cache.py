"""Caches of what the public sees, one per app, each with a version number.

Public pages and API lists are cached under keys that include the version; any change
the public could see bumps it after commit, so a cached page is never stale, and every
app server shares the version through the cache (Redis in production). A cache may
depend on another's version (the programs pages show organizations' names), and every
entry also expires on its own after ``ttl`` seconds (for what the clock changes, such
as a call that has just closed)."""

from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction


class PublicCache:
    def __init__(self, name: str, *, ttl: int, depends_on: tuple["PublicCache", ...] = ()):
        self.name = name
        self.ttl = ttl
        self.depends_on = depends_on
        self.version_key = f"{name}:public-version"

    def version(self) -> int:
        version = cache.get(self.version_key)
        if version is None:
            cache.add(self.version_key, 1, None)
            version = cache.get(self.version_key, 1)
        return int(version)

    def bump(self) -> None:
        try:
            cache.incr(self.version_key)
        except ValueError:
            cache.set(self.version_key, self.version() + 1, None)

    def changed(self) -> None:
        """Call inside the transaction of a change the public can see."""
        transaction.on_commit(self.bump)

    def cached[T](self, key: str, build: Callable[[], T]) -> T:
        """``build()``'s result under ``key`` for the current versions. ``build`` must
        not return None (None is a miss)."""
        versions = ".".join(str(c.version()) for c in (self, *self.depends_on))
        versioned = f"{self.name}:public:{versions}:{key}"
        value = cache.get(versioned)
        if value is None:
            value = build()
            cache.set(versioned, value, self.ttl)
        return value
