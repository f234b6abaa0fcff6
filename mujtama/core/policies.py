"""Route policies: every URL route declares who may use it.

A view declares its policy with ``@route_policy(...)`` (functions), a ``route_policy``
class attribute (class-based and API views), or, for routes that come from other
packages (allauth, the admin), in ``ROUTE_POLICIES`` by URL name. A route without a
policy is refused to everyone, and ``missing_policies()`` (run by the test suite)
names it, so that forgetting to declare one fails CI rather than opening a door.

Object-level checks (is this *your* organization?) stay in selectors and services;
a route policy only says which kind of person may reach the route at all.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission

from mujtama.core.permissions import ALLOW, Decision, deny

logger = logging.getLogger(__name__)

V = TypeVar("V")


@dataclass(frozen=True)
class RoutePolicy:
    key: str
    description: str | Promise
    signed_in: bool = False
    roles: frozenset[str] = field(default_factory=frozenset)
    second_factor: bool = False

    def check(self, user: Any) -> Decision:
        if not self.signed_in:
            return ALLOW
        if not (user and user.is_authenticated):
            return deny(_("Please sign in to continue."))
        if self.roles and not (getattr(user, "roles", frozenset()) & self.roles):
            return deny(_("This page is for ministry staff with a particular role."))
        if self.second_factor and not has_second_factor(user):
            return deny(_("Set up a second sign-in factor before using staff pages."))
        return ALLOW


def has_second_factor(user: Any) -> bool:
    from allauth.mfa.models import Authenticator
    from allauth.mfa.utils import is_mfa_enabled

    cached = getattr(user, "_has_second_factor", None)
    if cached is None:
        cached = is_mfa_enabled(user, [Authenticator.Type.TOTP])
        user._has_second_factor = cached
    return bool(cached)


PUBLIC = RoutePolicy("public", _("Anyone, with or without an account"))
SIGNED_IN = RoutePolicy("signed_in", _("Anyone signed in"), signed_in=True)


def staff(*roles: str) -> RoutePolicy:
    """Staff holding any of ``roles``, with a second factor set up."""
    if not roles:
        raise ValueError("staff() needs at least one role")
    return RoutePolicy(
        "staff:" + ",".join(sorted(roles)),
        _("Ministry staff with one of these roles: %(roles)s") % {"roles": ", ".join(roles)},
        signed_in=True,
        roles=frozenset(roles),
        second_factor=True,
    )


def route_policy(policy: RoutePolicy) -> Callable[[V], V]:
    """Declare the policy of a function view or a view class."""

    def decorate(view: V) -> V:
        view.route_policy = policy  # type: ignore[attr-defined]
        return view

    return decorate


# Policies of routes that come from other packages, by URL name; a name ending in
# ":*" covers a whole namespace. Filled in by config.route_policies.
ROUTE_POLICIES: dict[str, RoutePolicy] = {}


def declare(policies: dict[str, RoutePolicy]) -> None:
    ROUTE_POLICIES.update(policies)


def policy_for(callback: Callable[..., Any], view_name: str | None) -> RoutePolicy | None:
    for holder in (
        callback,
        getattr(callback, "view_class", None),  # Django class-based views
        getattr(callback, "cls", None),  # DRF views and viewsets
    ):
        policy = getattr(holder, "route_policy", None)
        if isinstance(policy, RoutePolicy):
            return policy
    if view_name:
        if view_name in ROUTE_POLICIES:
            return ROUTE_POLICIES[view_name]
        namespace = view_name.rpartition(":")[0]
        while namespace:
            if f"{namespace}:*" in ROUTE_POLICIES:
                return ROUTE_POLICIES[f"{namespace}:*"]
            namespace = namespace.rpartition(":")[0]
    return None


def _is_api_view(callback: Callable[..., Any]) -> bool:
    return getattr(callback, "cls", None) is not None


class RoutePolicyMiddleware:
    """Enforces the route policy before any view runs (API views: see below)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        match = request.resolver_match
        policy = policy_for(view_func, match.view_name if match else None)
        if policy is None:
            logger.error("Route %s has no declared policy; refused.", request.path)
            raise PermissionDenied(_("This address is not available."))
        request.route_policy = policy  # type: ignore[attr-defined]
        if _is_api_view(view_func):
            # API clients authenticate inside DRF (tokens), so DRF enforces the same
            # policy through RoutePolicyPermission once it knows the user.
            return None
        decision = policy.check(request.user)
        if decision.allowed:
            return None
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
        if policy.second_factor and policy.roles & getattr(request.user, "roles", frozenset()):
            messages.warning(request, str(decision.reason))
            return redirect("mfa_activate_totp")
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": str(decision.reason)}, status=403)
        raise PermissionDenied(decision.reason)


class RoutePolicyPermission(BasePermission):
    """DRF side of route policies: the view's declared policy, checked against the
    user DRF authenticated (session or token). No policy, no access."""

    def has_permission(self, request: Any, view: Any) -> bool:
        policy = getattr(view, "route_policy", None)
        if not isinstance(policy, RoutePolicy):
            return False
        decision = policy.check(request.user)
        if not decision.allowed:
            self.message = str(decision.reason)
        return decision.allowed


@dataclass(frozen=True)
class Route:
    pattern: str
    name: str | None
    callback: Callable[..., Any]
    policy: RoutePolicy | None


def iter_routes(urlconf: Any = None) -> Iterator[Route]:
    """Every route of the URLconf, with its full pattern, name and declared policy."""

    def walk(patterns: Any, prefix: str, namespace: str | None) -> Iterator[Route]:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                ns = entry.namespace
                child_ns = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
                yield from walk(entry.url_patterns, prefix + str(entry.pattern), child_ns)
            elif isinstance(entry, URLPattern):
                # As Django names a resolved route: the URL name, or for an unnamed
                # route the dotted path of its view, behind the namespaces.
                callback = entry.callback
                name = entry.name or f"{callback.__module__}.{callback.__name__}"
                full_name = f"{namespace}:{name}" if namespace else name
                yield Route(
                    pattern=prefix + str(entry.pattern),
                    name=full_name if entry.name else None,
                    callback=entry.callback,
                    policy=policy_for(entry.callback, full_name),
                )

    resolver = get_resolver(urlconf)
    yield from walk(resolver.url_patterns, "/", None)


def missing_policies(urlconf: Any = None) -> list[Route]:
    return [route for route in iter_routes(urlconf) if route.policy is None]
