"""The organizations API: the public directory and each person's own organizations."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mujtama.core.models import AuditEvent
from mujtama.core.rules import evaluate
from mujtama.organizations.models import (
    ExpertiseArea,
    JoiningApplication,
    LegalStatus,
    MemberRole,
    Organization,
    OrganizationKind,
)
from mujtama.organizations.rules import organization_snapshot
from mujtama.organizations.tests.factories import (
    STANDARD_CHECKS,
    OrganizationFactory,
    add_member,
    criteria_in_force,
)
from mujtama.organizations.tests.test_public import make_member, member

pytestmark = pytest.mark.django_db

LIST = "/api/v1/organizations/"
MINE = "/api/v1/my/organizations/"
ARABIC = re.compile(r"[\u0600-\u06FF]")
FIELDS = {
    "id",
    "name_ar",
    "name_en",
    "kind",
    "scope",
    "legal_status",
    "founding_year",
    "governorates",
    "expertise",
    "membership_status",
    "website",
    "public_email",
    "public_phone",
    "description_ar",
    "description_en",
}


def detail(organization: Organization) -> str:
    return f"{LIST}{organization.pk}/"


def mine(organization: Organization) -> str:
    return f"{MINE}{organization.pk}/"


def patch(client, url, data, language="en"):
    return client.patch(url, data, content_type="application/json", HTTP_ACCEPT_LANGUAGE=language)


@pytest.fixture
def hope(org_owner):
    return member(
        name_ar="جمعية الأمل",
        name_en="Hope Association",
        created_by=org_owner,
        kind=OrganizationKind.YOUTH_INITIATIVE,
        places=["SY02"],
    )


# --- public list and detail --------------------------------------------------------------


def test_list_shows_members_only_with_the_public_fields(client, hope):
    provisional = member("provisional")
    OrganizationFactory(name_en="Registered Only")
    member("suspended", name_en="Suspended Org")
    response = client.get(LIST)
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 2
    assert {item["id"] for item in data["results"]} == {hope.pk, provisional.pk}
    item = next(item for item in data["results"] if item["id"] == hope.pk)
    assert set(item) == FIELDS
    assert item["name_ar"] == "جمعية الأمل"
    assert item["governorates"] == ["SY02"]
    assert item["expertise"] == ["software", "digital_skills"]
    assert item["membership_status"] == "active"
    assert item["kind"] == "youth_initiative"
    by_id = {item["id"]: item for item in data["results"]}
    assert by_id[provisional.pk]["membership_status"] == "provisional"


def test_list_never_shows_private_fields(client, hope):
    item = client.get(LIST).json()["results"][0]
    for private in ("registration_number", "members_count", "logo", "created_by", "role"):
        assert private not in item
    assert hope.registration_number not in str(item)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "الامل"}, {"hope"}),
        ({"q": "جمعيه الأَمل"}, {"hope"}),
        ({"q": "HOPE"}, {"hope"}),
        ({"kind": "youth_initiative"}, {"hope"}),
        ({"kind": "tech_ngo"}, {"other"}),
        ({"governorate": "SY02"}, {"hope"}),
        ({"governorate": "SY09"}, {"other"}),
        ({"governorate": "SY99"}, set()),
        ({"expertise": "data_ai"}, {"other"}),
        ({"expertise": "software"}, {"hope", "other"}),
        ({}, {"hope", "other"}),
    ],
)
def test_list_filters(client, hope, params, expected):
    other = member(name_en="Other Org", places=["SY09"])
    other.expertise_areas.add(ExpertiseArea.objects.get(code="data_ai"))
    names = {hope.pk: "hope", other.pk: "other"}
    response = client.get(LIST, params)
    assert response.status_code == 200
    assert {names[item["id"]] for item in response.json()["results"]} == expected


def test_list_refuses_an_unknown_kind_with_a_clear_error(client, hope):
    response = client.get(LIST, {"kind": "spaceship"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "kind" in response.json()


def test_list_is_paginated(client, org_owner):
    for _ in range(3):
        member(created_by=org_owner)
    data = client.get(LIST).json()
    assert set(data) == {"count", "next", "previous", "results"}


def _queries(client, url):
    from django.core.cache import cache

    cache.clear()  # measure the uncached path
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_list_queries_are_the_same_for_10_and_60_organizations(client, org_owner):
    for _ in range(10):
        member(created_by=org_owner)
    few = _queries(client, LIST)
    for _ in range(50):
        member(created_by=org_owner)
    many = _queries(client, LIST)
    assert few == many
    assert len(client.get(LIST).json()["results"]) == 50


def test_detail_of_a_member(client, hope):
    response = client.get(detail(hope))
    assert response.status_code == 200
    assert set(response.json()) == FIELDS
    assert response.json()["name_en"] == "Hope Association"


@pytest.mark.parametrize("status", ["suspended", "expired", "lapsed", None])
def test_detail_of_a_non_member_is_not_found(client, status):
    organization = OrganizationFactory()
    if status:
        make_member(organization, status)
    assert client.get(detail(organization)).status_code == 404


def test_not_found_is_in_the_language_asked_for(client):
    arabic = client.get(f"{LIST}999999/", HTTP_ACCEPT_LANGUAGE="ar")
    assert arabic.status_code == 404
    assert ARABIC.search(arabic.json()["detail"])
    english = client.get(f"{LIST}999999/", HTTP_ACCEPT_LANGUAGE="en")
    assert english.json()["detail"] == "Not found."


def test_public_api_does_not_accept_writes(client, hope, org_owner):
    client.force_login(org_owner)
    assert client.post(LIST, {"name_ar": "x"}).status_code in (403, 405)
    assert patch(client, detail(hope), {"name_en": "Changed"}).status_code in (403, 405)
    hope.refresh_from_db()
    assert hope.name_en == "Hope Association"


# --- my organizations ---------------------------------------------------------------------


def test_my_organizations_lists_only_mine_with_my_role(client, org_owner, citizen):
    owned = OrganizationFactory(created_by=org_owner)
    viewing = OrganizationFactory()
    add_member(viewing, org_owner, MemberRole.VIEWER)
    OrganizationFactory(created_by=citizen)
    client.force_login(org_owner)
    response = client.get(MINE)
    assert response.status_code == 200
    results = response.json()["results"]
    assert {item["id"]: item["role"] for item in results} == {
        owned.pk: "owner",
        viewing.pk: "viewer",
    }
    assert results[0]["registration_number"]
    assert results[0]["membership_status"] is None


def test_my_organizations_queries_do_not_grow(client, org_owner):
    client.force_login(org_owner)
    for _ in range(3):
        OrganizationFactory(created_by=org_owner)
    few = _queries(client, MINE)
    for _ in range(12):
        make_member(OrganizationFactory(created_by=org_owner))
    assert _queries(client, MINE) == few


@pytest.mark.parametrize(
    "url", [MINE, f"{MINE}1/", f"{MINE}1/applications/"], ids=["list", "detail", "applications"]
)
def test_my_organizations_need_signing_in(client, url):
    response = client.get(url)
    assert response.status_code in (401, 403)


def test_any_member_may_read_the_organization(client, org_owner, citizen):
    organization = OrganizationFactory(created_by=org_owner)
    add_member(organization, citizen, MemberRole.VIEWER)
    client.force_login(citizen)
    response = client.get(mine(organization))
    assert response.status_code == 200
    assert response.json()["role"] == "viewer"


def test_a_non_member_gets_not_found_not_forbidden(client, org_owner, citizen):
    organization = member(created_by=org_owner)
    client.force_login(citizen)
    assert client.get(mine(organization)).status_code == 404
    assert patch(client, mine(organization), {"name_en": "Taken over"}).status_code == 404
    assert client.get(f"{mine(organization)}applications/").status_code == 404
    assert client.get(f"{MINE}999999/").status_code == 404


def test_staff_are_not_members_either(client, org_owner, platform_admin):
    organization = OrganizationFactory(created_by=org_owner)
    client.force_login(platform_admin)
    assert client.get(mine(organization)).status_code == 404


def test_an_editor_changes_the_profile_and_it_is_audited(client, org_owner, citizen):
    organization = OrganizationFactory(created_by=org_owner)
    add_member(organization, citizen, MemberRole.EDITOR)
    client.force_login(citizen)
    response = patch(
        client,
        mine(organization),
        {
            "description_en": "We teach programming in Aleppo.",
            "governorates": ["SY02", "SY01"],
            "expertise": ["data_ai"],
            "members_count": 30,
        },
    )
    assert response.status_code == 200, response.json()
    data = response.json()
    assert data["description_en"] == "We teach programming in Aleppo."
    assert data["governorates"] == ["SY01", "SY02"]
    assert data["expertise"] == ["data_ai"]
    assert data["members_count"] == 30
    assert data["role"] == "editor"
    organization.refresh_from_db()
    assert organization.description_en == "We teach programming in Aleppo."
    event = AuditEvent.objects.for_object(organization).get(verb="organizations.profile_updated")
    assert event.actor == citizen
    assert set(event.changes["fields"]) == {
        "description_en",
        "members_count",
        "governorates",
        "expertise_areas",
    }


def test_an_owner_may_change_the_profile_too(client, org_owner):
    organization = OrganizationFactory(created_by=org_owner)
    client.force_login(org_owner)
    response = patch(client, mine(organization), {"website": "https://example.sy"})
    assert response.status_code == 200
    assert response.json()["website"] == "https://example.sy"


def test_a_viewer_may_not_change_the_profile(client, org_owner, citizen):
    organization = OrganizationFactory(created_by=org_owner)
    add_member(organization, citizen, MemberRole.VIEWER)
    client.force_login(citizen)
    response = patch(client, mine(organization), {"name_en": "Viewer's name"})
    assert response.status_code == 403
    assert response.json()["detail"] == "Only the organization's owners and editors may change it."
    organization.refresh_from_db()
    assert organization.name_en != "Viewer's name"
    assert not AuditEvent.objects.filter(verb="organizations.profile_updated").exists()


def test_anonymous_may_not_change_anything(client, org_owner):
    organization = OrganizationFactory(created_by=org_owner)
    response = patch(client, mine(organization), {"name_en": "Anonymous"})
    assert response.status_code in (401, 403)
    organization.refresh_from_db()
    assert organization.name_en != "Anonymous"


def test_a_name_already_registered_is_refused_as_a_duplicate(client, org_owner):
    existing = OrganizationFactory(name_ar="جمعية الأمل", name_en="Hope Association")
    organization = OrganizationFactory(created_by=org_owner)
    client.force_login(org_owner)
    response = patch(client, mine(organization), {"name_ar": "جمعيه الامل"})
    assert response.status_code == 400
    data = response.json()
    assert data["code"] == "duplicate"
    assert "Hope Association" in data["detail"]
    assert "same Arabic name" in data["detail"]
    assert data["duplicates"][0]["id"] == existing.pk
    organization.refresh_from_db()
    assert organization.name_ar != "جمعيه الامل"


def test_an_unknown_governorate_code_is_a_field_error(client, org_owner):
    organization = OrganizationFactory(created_by=org_owner)
    client.force_login(org_owner)
    response = patch(client, mine(organization), {"governorates": ["SY99"]})
    assert response.status_code == 400
    assert "governorates" in response.json()
    assert "SY99" in response.json()["governorates"][0]


def test_other_bad_values_are_field_errors(client, org_owner):
    organization = OrganizationFactory(created_by=org_owner)
    client.force_login(org_owner)
    response = patch(
        client,
        mine(organization),
        {"kind": "spaceship", "founding_year": 1700, "expertise": ["telepathy"], "name_en": ""},
    )
    assert response.status_code == 400
    assert {"kind", "founding_year", "expertise", "name_en"} <= set(response.json())


def test_errors_are_in_arabic_when_asked_for(client, org_owner):
    organization = OrganizationFactory(created_by=org_owner)
    client.force_login(org_owner)
    arabic = patch(client, mine(organization), {"governorates": ["SY99"]}, language="ar")
    assert arabic.status_code == 400
    assert ARABIC.search(arabic.json()["governorates"][0])
    english = patch(client, mine(organization), {"governorates": ["SY99"]}, language="en")
    assert not ARABIC.search(english.json()["governorates"][0])


def test_the_legal_status_of_an_organization_in_licensing_is_kept(client, org_owner):
    from mujtama.organizations.models import LicensingFile

    organization = OrganizationFactory(created_by=org_owner, legal_status=LegalStatus.UNLICENSED)
    LicensingFile.objects.create(organization=organization, status="preparing")
    client.force_login(org_owner)
    response = patch(client, mine(organization), {"legal_status": "licensed"})
    assert response.status_code == 400
    assert "legal_status" in response.json()
    organization.refresh_from_db()
    assert organization.legal_status == "unlicensed"


# --- applications -------------------------------------------------------------------------


def test_applications_show_their_check_results_in_the_language_asked_for(
    client, org_owner, citizen, moct_officer
):
    criteria = criteria_in_force(moct_officer)
    organization = OrganizationFactory(created_by=org_owner, members_count=2)
    add_member(organization, citizen, MemberRole.VIEWER)
    results = evaluate(STANDARD_CHECKS, organization_snapshot(organization))
    application = JoiningApplication.objects.create(
        organization=organization,
        created_by=org_owner,
        criteria=criteria,
        check_results=[result.as_dict() for result in results],
    )
    client.force_login(citizen)
    response = client.get(f"{mine(organization)}applications/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    items = response.json()["results"]
    assert [item["id"] for item in items] == [application.pk]
    item = items[0]
    assert item["status"] == "draft"
    assert item["status_label"] == "Being prepared"
    assert item["criteria_reference"] == criteria.reference
    assert item["submitted_at"] is None
    by_rule = {check["rule"]: check for check in item["check_results"]}
    assert by_rule["min_members"]["passed"] is False
    assert by_rule["min_members"]["message"] == results[2].message_en
    assert "2 members" in by_rule["min_members"]["message"]
    assert by_rule["min_expertise_areas"]["passed"] is True
    arabic = client.get(f"{mine(organization)}applications/", HTTP_ACCEPT_LANGUAGE="ar")
    check = arabic.json()["results"][0]["check_results"][2]
    assert check["message"] == results[2].message_ar


def test_applications_of_another_organization_are_not_found(client, org_owner, citizen):
    organization = OrganizationFactory(created_by=org_owner)
    JoiningApplication.objects.create(organization=organization, created_by=org_owner)
    client.force_login(citizen)
    assert client.get(f"{mine(organization)}applications/").status_code == 404


def test_schema_documents_the_organization_endpoints(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    paths = response.json()["paths"] if "json" in response["Content-Type"] else None
    if paths is None:
        import yaml

        paths = yaml.safe_load(response.content)["paths"]
    for path in (
        "/api/v1/organizations/",
        "/api/v1/organizations/{id}/",
        "/api/v1/my/organizations/",
        "/api/v1/my/organizations/{id}/",
        "/api/v1/my/organizations/{id}/applications/",
    ):
        assert path in paths, path
