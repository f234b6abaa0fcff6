"""Every route × every persona: the declared policy is what actually happens.

A GET of each named route, as each persona: a persona the policy allows gets through
the policy (any answer but 401/403/404 and, for routes that are not public, no
detour to sign-in or to second-factor set-up); a persona it refuses is stopped
(403/404, or sent to sign in / to set up the second factor)."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse

from conftest import PERSONA_NAMES
from mujtama.core.policies import PUBLIC, iter_routes

# Example values for URL parameters, by parameter name.
EXAMPLES = {
    "pcode": "SY09",
    "kind": "subdistrict",
    "pk": "1",
    "id": "1",
    "object_id": "1",
    "app_label": "accounts",
    "key": "not-a-real-key",
    "uidb36": "1",
    "content_type_id": "1",
    "url": "missing",
}
# Routes whose view, once the policy let the person through, itself answers 403 or
# 404 for the example parameters: object-level answers, not route policy.
VIEW_DECIDES = {
    # allauth: no recovery codes or authenticator of this person's to show or remove
    "mfa_view_recovery_codes": {404},
    "mfa_download_recovery_codes": {404},
    "mfa_deactivate_totp": {404},
    # admin: object 1 of content type 1 has no page on the site
    "admin:view_on_site": {404},
    # admin: user 1 may not exist (PostgreSQL does not reuse ids between tests)
    "admin:auth_user_password_change": {404},
    # admin: autocomplete without its query parameters
    "admin:autocomplete": {403},
    # admin: append-only and built-in registries cannot be added to or deleted from
    "admin:accounts_consentrecord_add": {403},
    "admin:accounts_consentrecord_delete": {403},
    "admin:core_auditevent_add": {403},
    "admin:core_auditevent_delete": {403},
    "admin:geo_governorate_add": {403},
    "admin:geo_governorate_delete": {403},
    "admin:notifications_notification_add": {403},
}
PARAM = re.compile(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>")


def _url(route):
    names = [a or b for a, b in PARAM.findall(route.pattern)]
    kwargs = {name: EXAMPLES[name] for name in names}
    if route.name.startswith("admin:") and "app_label" in kwargs:
        kwargs["app_label"] = "accounts"
    return reverse(route.name, kwargs=kwargs or None)


ROUTES = sorted(
    (route for route in iter_routes() if route.name), key=lambda route: route.name or ""
)


def test_every_named_route_can_be_visited_by_the_matrix():
    for route in ROUTES:
        assert _url(route)  # raises NoReverseMatch or KeyError for a missing example


@pytest.mark.parametrize("persona_name", PERSONA_NAMES)
@pytest.mark.parametrize("route", ROUTES, ids=lambda route: route.name)
def test_route_policy_is_enforced(client, db, persona, persona_name, route):
    user = persona(persona_name)
    if user is not None:
        client.force_login(user)
    url = _url(route)
    response = client.get(url)
    location = response.headers.get("Location", "")
    to_login = response.status_code == 302 and "/accounts/login/" in location
    to_second_factor = response.status_code == 302 and "/2fa/totp/activate/" in location
    if route.policy.check(user or AnonymousUser()).allowed:
        refused = {401, 403, 404} - VIEW_DECIDES.get(route.name, set())
        assert response.status_code not in refused, (url, response.status_code)
        if route.policy is not PUBLIC:
            assert not to_login and not to_second_factor, (url, location)
    else:
        assert response.status_code in (401, 403, 404) or to_login or to_second_factor, (
            url,
            response.status_code,
            location,
        )
