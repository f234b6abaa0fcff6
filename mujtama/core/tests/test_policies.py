import logging

import pytest
from django.http import HttpResponse
from django.test import override_settings
from django.urls import include, path

from mujtama.core.policies import PUBLIC, SIGNED_IN, iter_routes, missing_policies, route_policy


def test_every_route_of_the_platform_declares_a_policy():
    missing = [f"{route.pattern} ({route.name})" for route in missing_policies()]
    assert missing == [], f"Routes without a declared policy: {missing}"


def test_the_walker_sees_the_platforms_routes():
    names = {route.name for route in iter_routes()}
    assert {"healthz", "portal:home", "account_login", "v1:governorate-list"} <= names


# A throwaway URLconf: one declared route and one that forgot its policy.
@route_policy(PUBLIC)
def declared_view(request):
    return HttpResponse("declared")


def forgotten_view(request):
    return HttpResponse("forgotten")


@route_policy(SIGNED_IN)
def members_view(request):
    return HttpResponse("members")


urlpatterns = [
    path("declared/", declared_view, name="declared"),
    path("forgotten/", forgotten_view, name="forgotten"),
    path("nested/", include(([path("members/", members_view, name="members")], "nest"))),
]


def test_a_route_added_without_a_policy_is_reported():
    missing = missing_policies(__name__)
    assert [(route.pattern, route.name) for route in missing] == [("/forgotten/", "forgotten")]


def test_nested_routes_are_walked_with_their_namespace():
    routes = {route.name: route.policy for route in iter_routes(__name__)}
    assert routes["nest:members"] is SIGNED_IN


@override_settings(ROOT_URLCONF=__name__)
def test_a_route_without_a_policy_is_refused_to_everyone(client, platform_admin, caplog):
    assert client.get("/declared/").status_code == 200
    with caplog.at_level(logging.ERROR):
        assert client.get("/forgotten/").status_code == 403
    assert "no declared policy" in caplog.text
    client.force_login(platform_admin)
    assert client.get("/forgotten/").status_code == 403


@override_settings(ROOT_URLCONF=__name__, LOGIN_URL="/accounts/login/")
def test_a_signed_in_route_sends_anonymous_people_to_sign_in(client, citizen):
    response = client.get("/nested/members/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(citizen)
    assert client.get("/nested/members/").status_code == 200


@pytest.mark.parametrize(
    ("role", "path"),
    [
        ("moct_officer", "/ar/staff/"),
        ("mosal_officer", "/ar/staff/geo/"),
        ("platform_admin", "/ar/staff/people/"),
        ("platform_admin", "/ar/admin/"),
        ("platform_admin", "/en/staff/audit/"),
    ],
)
def test_staff_without_a_second_factor_reach_no_staff_page(client, db, role, path):
    from mujtama.accounts.tests.factories import staff_user

    client.force_login(staff_user(role, second_factor=False))
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")


def test_staff_get_in_once_the_second_factor_is_set_up(client, staff_without_second_factor):
    from allauth.mfa.totp.internal.auth import TOTP

    client.force_login(staff_without_second_factor)
    assert client.get("/ar/staff/").status_code == 302
    TOTP.activate(staff_without_second_factor, "JBSWY3DPEHPK3PXPJBSWY3DP")
    assert client.get("/ar/staff/").status_code == 200


def test_a_refusal_explains_itself_in_arabic(client, citizen):
    client.force_login(citizen)
    response = client.get("/ar/staff/")
    assert response.status_code == 403
    assert 'dir="rtl"' in response.content.decode()
    assert "Request" not in response.content.decode()
