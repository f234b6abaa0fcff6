"""The public pages: member directory, profiles, logos, how to join."""

import re

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from mujtama.core.rules import RULE_TYPES
from mujtama.organizations.display import describe_rule
from mujtama.organizations.models import (
    JoiningApplication,
    JoiningCriteria,
    LegalStatus,
    Organization,
    OrganizationKind,
)
from mujtama.organizations.tests.factories import (
    STANDARD_CHECKS,
    OrganizationFactory,
    add_document,
    add_member,
    criteria_in_force,
    make_member,
    png_bytes,
)

pytestmark = pytest.mark.django_db

DIRECTORY = "/ar/organizations/"
DIRECTORY_EN = "/en/organizations/"


def member(status: str = "active", **fields) -> Organization:
    organization = OrganizationFactory(**fields)
    make_member(organization, status)
    return organization


def text(response) -> str:
    return response.content.decode()


@pytest.fixture
def hope(org_owner):
    return member(
        name_ar="جمعية الأمل",
        name_en="Hope Association",
        created_by=org_owner,
        kind=OrganizationKind.YOUTH_INITIATIVE,
        legal_status=LegalStatus.LICENSE_IN_PROGRESS,
        places=["SY02"],
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


# --- directory ------------------------------------------------------------------------


def test_directory_lists_current_members_only(client):
    active = member("active", name_en="Active Org")
    provisional = member("provisional", name_en="Provisional Org")
    registered = OrganizationFactory(name_en="Registered Only Org")
    gone = [
        member(status, name_en=f"Gone {status} Org")
        for status in ("suspended", "expired", "lapsed")
    ]
    response = client.get(DIRECTORY_EN)
    assert response.status_code == 200
    page = text(response)
    assert active.name_en in page
    assert provisional.name_en in page
    assert registered.name_en not in page
    for organization in gone:
        assert organization.name_en not in page
    assert "2 organizations" in page


def test_directory_shows_kind_governorates_badge_and_description(client):
    member("provisional", name_en="Provisional Org", places=["SY01", "SY09"])
    page = text(client.get(DIRECTORY_EN))
    assert "Technology association or NGO" in page
    assert "Damascus" in page
    assert "Provisional member" in page
    assert "spreads digital skills" in page


def test_directory_in_arabic_shows_arabic_names(client, hope):
    page = text(client.get(DIRECTORY))
    assert "جمعية الأمل" in page
    assert 'dir="rtl"' in page
    assert 'lang="ar"' in page


def test_directory_in_english_is_left_to_right(client, hope):
    page = text(client.get(DIRECTORY_EN))
    assert "Hope Association" in page
    assert 'dir="ltr"' in page


@pytest.mark.parametrize(
    "query",
    ["الامل", "الأمل", "جمعيه الامل", "جَمْعِيَّة الأَمَل", "إلامل", "HOPE", "hope association"],
)
def test_search_forgives_arabic_spelling_and_english_case(client, hope, query):
    other = member(name_en="Other Org")
    page = text(client.get(DIRECTORY_EN, {"q": query}))
    assert "Hope Association" in page, query
    assert other.name_en not in page


def test_search_without_a_match_says_so(client, hope):
    page = text(client.get(DIRECTORY_EN, {"q": "nothing like this"}))
    assert "Hope Association" not in page
    assert "0 organizations" in page
    assert "No member organization matches your search" in page


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("kind", "youth_initiative"),
        ("governorate", "SY02"),
        ("expertise", "data_ai"),
        ("legal_status", "license_in_progress"),
        ("membership_status", "provisional"),
    ],
)
def test_each_filter_narrows_the_list_and_keeps_its_value(client, name, value):
    from mujtama.organizations.models import ExpertiseArea

    wanted = member(
        "provisional",
        name_en="Wanted Org",
        kind=OrganizationKind.YOUTH_INITIATIVE,
        legal_status=LegalStatus.LICENSE_IN_PROGRESS,
        places=["SY02"],
    )
    wanted.expertise_areas.set(ExpertiseArea.objects.filter(code="data_ai"))
    other = member("active", name_en="Other Org")
    response = client.get(DIRECTORY_EN, {name: value})
    assert response.status_code == 200
    page = text(response)
    assert wanted.name_en in page
    assert other.name_en not in page
    assert re.search(rf'<option value="{value}" selected>', page), name
    assert f'<label for="id_{name}">' in page


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "spaceship"},
        {"governorate": "SY99"},
        {"expertise": "telepathy"},
        {"legal_status": "outlaw"},
        {"membership_status": "suspended"},
        {"page": "abc"},
        {"page": "99999"},
        {"page": "-1"},
        {"q": "x" * 5000},
        {"kind": ["university", "company"]},
        {"q": "\x00"},
    ],
)
def test_bad_filter_values_are_ignored_not_an_error(client, hope, params):
    response = client.get(DIRECTORY_EN, params)
    assert response.status_code == 200


def test_an_unknown_value_is_dropped_and_the_rest_applies(client, hope):
    other = member(name_en="Other Org")
    page = text(client.get(DIRECTORY_EN, {"kind": "spaceship", "governorate": "SY02"}))
    assert "Hope Association" in page
    assert other.name_en not in page
    assert '<option value="spaceship"' not in page
    assert re.search(r"<option value=\"\" selected>", page)


def test_the_suspended_filter_value_does_not_reveal_suspended_organizations(client):
    suspended = member("suspended", name_en="Suspended Org")
    page = text(client.get(DIRECTORY_EN, {"membership_status": "suspended"}))
    assert suspended.name_en not in page


def test_directory_is_paginated_by_twenty_keeping_the_filters(client, org_owner):
    for _ in range(25):
        member(created_by=org_owner)
    first = text(client.get(DIRECTORY_EN, {"kind": "tech_ngo"}))
    assert first.count('class="card"') - 1 == 20  # minus the search form
    assert "25 organizations" in first
    assert "Page 1 of 2" in first
    assert "?kind=tech_ngo&amp;page=2" in first
    second = text(client.get(DIRECTORY_EN, {"kind": "tech_ngo", "page": "2"}))
    assert second.count('class="card"') - 1 == 5


def _queries(client, url):
    """Queries of a page rendered from scratch (the cache of public pages emptied)."""
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_directory_queries_do_not_grow_with_the_organizations_shown(client, org_owner):
    for _ in range(10):
        member(created_by=org_owner)
    few = _queries(client, DIRECTORY)
    for _ in range(190):
        member(created_by=org_owner)
    many = _queries(client, DIRECTORY)
    assert few == many
    assert _queries(client, DIRECTORY + "?q=جمعية&governorate=SY01&page=3") == many


def test_directory_queries_for_a_signed_in_person_are_also_constant(client, citizen, org_owner):
    client.force_login(citizen)
    for _ in range(3):
        member(created_by=org_owner)
    few = _queries(client, DIRECTORY)
    for _ in range(30):
        member(created_by=org_owner)
    assert _queries(client, DIRECTORY) == few


def test_a_cached_directory_page_is_served_without_its_queries(client, org_owner):
    for _ in range(5):
        member(created_by=org_owner)
    cold = _queries(client, DIRECTORY)
    with CaptureQueriesContext(connection) as warm:
        client.get(DIRECTORY)
    assert len(warm) < cold


def test_a_change_through_the_services_shows_at_once(
    client, hope, moct_officer, django_capture_on_commit_callbacks
):
    """The cached directory is never stale: services bump the public version when
    their transaction commits."""
    from mujtama.organizations.services.membership import membership_decide

    assert "Hope Association" in text(client.get(DIRECTORY_EN))
    with django_capture_on_commit_callbacks(execute=True):
        membership_decide(
            actor=moct_officer, membership=hope.membership, action="suspend", reason="تحقق"
        )
    assert "Hope Association" not in text(client.get(DIRECTORY_EN))


def test_directory_works_without_javascript_and_inline_code(client, hope):
    page = text(client.get(DIRECTORY))
    assert '<form method="get"' in page
    assert "<script" not in page
    assert "style=" not in page


# --- profile --------------------------------------------------------------------------


def test_profile_of_a_member_shows_its_public_fields(client, hope):
    hope.website = "https://hope.example.sy"
    hope.public_phone = "+963 11 123 4567"
    hope.founding_year = 2015
    hope.save()
    response = client.get(f"/en/organizations/{hope.pk}/")
    assert response.status_code == 200
    page = text(response)
    for expected in [
        "Hope Association",
        "جمعية الأمل",
        "Youth initiative",
        "Inside Syria",
        "License in progress",
        "2015",
        "Aleppo",
        "Digital skills training",
        "hope.example.sy",
        'rel="noopener nofollow"',
        hope.public_email,
        "+963 11 123 4567",
        "Member since",
        "Volunteers",
    ]:
        assert expected in page, expected


@pytest.mark.parametrize("status", ["suspended", "expired", "lapsed", None])
def test_profile_is_not_found_unless_a_current_member(client, status):
    organization = OrganizationFactory()
    if status:
        make_member(organization, status)
    assert client.get(f"/ar/organizations/{organization.pk}/").status_code == 404


def test_profile_of_an_unknown_organization_is_not_found(client):
    assert client.get("/ar/organizations/999999/").status_code == 404
    assert client.get("/ar/organizations/99999999999999999999999/").status_code == 404


def test_profile_shows_no_private_data(client, org_owner, citizen, media):
    organization = member(
        "provisional",
        created_by=org_owner,
        legal_status=LegalStatus.UNLICENSED,
        registration_number="UNL-7788-SECRET",
    )
    add_member(organization, citizen)
    document = add_document(organization)
    document.original_name = "board-secret-minutes.pdf"
    document.save()
    JoiningApplication.objects.filter(organization=organization).update(
        note="A private note to the ministry", decision_reason="Private decision reason"
    )
    page = text(client.get(f"/en/organizations/{organization.pk}/"))
    assert organization.name_en in page
    for secret in [
        "UNL-7788-SECRET",
        "board-secret-minutes.pdf",
        "statutes",
        org_owner.email,
        citizen.email,
        org_owner.full_name,
        citizen.full_name,
        "A private note to the ministry",
        "Private decision reason",
        "/documents/",
    ]:
        assert secret not in page, secret
    assert "Provisional member" in page


def test_profile_shows_the_logo_with_alt_text_and_size(client, hope, media):
    hope.logo.save("logo.png", ContentFile(png_bytes((400, 200))), save=True)
    page = text(client.get(f"/en/organizations/{hope.pk}/"))
    match = re.search(r'<img src="([^"]+)" alt="([^"]+)" width="(\d+)" height="(\d+)">', page)
    assert match
    assert match.group(1) == f"/en/organizations/{hope.pk}/logo.png"
    assert "Hope Association" in match.group(2)
    assert (match.group(3), match.group(4)) == ("160", "80")


def test_profile_without_a_logo_has_no_image(client, hope):
    assert "<img" not in text(client.get(f"/en/organizations/{hope.pk}/"))


# --- logo -----------------------------------------------------------------------------


def test_logo_is_served_as_an_inert_cacheable_png(client, hope, media):
    data = png_bytes()
    hope.logo.save("logo.png", ContentFile(data), save=True)
    response = client.get(f"/ar/organizations/{hope.pk}/logo.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "public, max-age=86400"
    assert b"".join(response.streaming_content) == data
    response.close()


def test_logo_is_not_found_without_a_logo(client, hope):
    assert client.get(f"/ar/organizations/{hope.pk}/logo.png").status_code == 404


@pytest.mark.parametrize("status", ["suspended", "expired", None])
def test_logo_of_a_non_member_is_not_found(client, media, status):
    organization = OrganizationFactory()
    organization.logo.save("logo.png", ContentFile(png_bytes()), save=True)
    if status:
        make_member(organization, status)
    assert client.get(f"/ar/organizations/{organization.pk}/logo.png").status_code == 404


def test_logo_whose_file_is_gone_is_not_found(client, hope, media):
    hope.logo.save("logo.png", ContentFile(png_bytes()), save=True)
    hope.logo.storage.delete(hope.logo.name)
    assert client.get(f"/ar/organizations/{hope.pk}/logo.png").status_code == 404
    assert "<img" not in text(client.get(f"/ar/organizations/{hope.pk}/"))


# --- how to join ----------------------------------------------------------------------


def test_how_to_join_before_anything_is_published(client):
    JoiningCriteria.objects.all().delete()
    response = client.get("/en/join/")
    assert response.status_code == 200
    page = text(response)
    assert "will publish the mechanisms for joining" in page
    for label in OrganizationKind.labels:
        assert str(label) in page
    assert 'href="/en/accounts/signup/?next=' in page
    assert 'href="/en/accounts/login/?next=%2Fen%2Fmy%2Forganizations%2Fnew%2F"' in page
    assert "Published versions" not in page


def test_how_to_join_in_arabic_is_right_to_left(client):
    page = text(client.get("/ar/join/"))
    assert 'dir="rtl"' in page


def test_how_to_join_invites_a_signed_in_person_to_register(client, citizen):
    client.force_login(citizen)
    page = text(client.get("/ar/join/"))
    assert 'href="/ar/my/organizations/new/"' in page
    assert "/accounts/signup/" not in page.split("<main")[1]


def test_how_to_join_shows_the_criteria_in_force(client, moct_officer):
    criteria = criteria_in_force(
        moct_officer,
        mechanisms_en="First, register.\nThen apply.",
        automatic_checks=[*STANDARD_CHECKS, {"type": "kind_in", "values": ["university"]}],
    )
    page = text(client.get("/en/join/"))
    assert criteria.title_en in page
    assert "First, register.<br>Then apply." in page
    assert criteria.body_en in page
    assert f"Reference {criteria.reference}" in page
    assert "At least 5 members" in page
    assert "Statutes (bylaws), Board members list" in page
    assert "License in progress" in page
    assert "Open to: University" in page
    assert "Board members verified" in page
    assert "Real activity verified" in page
    assert f'href="/en/join/criteria/{criteria.pk}/"' not in page  # the version shown
    assert "In force" in page


def test_how_to_join_in_arabic_shows_the_arabic_text(client, moct_officer):
    criteria = criteria_in_force(moct_officer)
    page = text(client.get("/ar/join/"))
    assert criteria.title_ar in page
    assert criteria.mechanisms_ar in page
    assert "التحقق من أعضاء مجلس الإدارة" in page


def test_draft_criteria_are_not_public(client, moct_officer):
    draft = criteria_in_force(moct_officer, status="draft", version=99, published_at=None)
    assert client.get(f"/ar/join/criteria/{draft.pk}/").status_code == 404
    assert draft.title_en not in text(client.get("/en/join/"))


def test_superseded_criteria_stay_readable_and_say_so(client, moct_officer):
    old = criteria_in_force(moct_officer, title_en="Old criteria", body_en="The old rules.")
    new = criteria_in_force(moct_officer, title_en="New criteria")
    old.refresh_from_db()
    assert old.status == "superseded"
    listing = text(client.get("/en/join/"))
    assert "New criteria" in listing
    assert f'href="/en/join/criteria/{old.pk}/"' in listing
    assert "Superseded" in listing
    response = client.get(f"/en/join/criteria/{old.pk}/")
    assert response.status_code == 200
    page = text(response)
    assert "The old rules." in page
    assert "Superseded" in page
    assert "no longer in force" in page
    current = text(client.get(f"/en/join/criteria/{new.pk}/"))
    assert "no longer in force" not in current


def test_unknown_criteria_are_not_found(client):
    assert client.get("/ar/join/criteria/424242/").status_code == 404


# --- describing rules -------------------------------------------------------------------


def test_describe_rule_in_english():
    with translation.override("en"):
        assert describe_rule({"type": "min_members", "value": 5}) == "At least 5 members"
        assert describe_rule({"type": "min_members", "value": 1}) == "At least 1 member"
        assert (
            describe_rule({"type": "documents", "kinds": ["statutes", "license"]})
            == "These documents are uploaded: Statutes (bylaws), "
            "License or registration certificate"
        )
        assert describe_rule({"type": "legal_status_in", "values": ["licensed"]}) == (
            "The legal status is one of: Licensed"
        )
        assert describe_rule({"type": "kind_in", "values": ["university", "company"]}) == (
            "Open to: University, Company"
        )
        assert describe_rule({"type": "min_governorates", "value": 3}) == (
            "Works in at least 3 governorates"
        )
        assert describe_rule({"type": "min_expertise_areas", "value": 2}) == (
            "Works in at least 2 areas of expertise"
        )
        assert describe_rule({"type": "founded_years_ago", "value": 2}) == (
            "Founded at least 2 years ago"
        )
        assert describe_rule({"type": "scope_is", "value": "domestic"}) == (
            "Where the organization is based: Inside Syria"
        )
        assert "Arabic name" in describe_rule({"type": "profile_complete"})


def test_describe_rule_lists_with_the_arabic_comma_in_arabic():
    with translation.override("ar"):
        sentence = describe_rule({"type": "documents", "kinds": ["statutes", "license"]})
    assert "، " in sentence


@pytest.mark.parametrize("kind", sorted(RULE_TYPES))
def test_every_rule_type_has_a_description(kind):
    for language in ("ar", "en"):
        with translation.override(language):
            assert describe_rule(
                {"type": kind, "value": 2, "values": ["licensed"], "kinds": ["statutes"]}
            )


@pytest.mark.parametrize(
    "rule",
    [{}, {"type": "nonsense"}, {"type": "min_members", "value": "many"}, {"type": "documents"}],
)
def test_describe_rule_never_fails_on_odd_rules(rule):
    with translation.override("en"):
        assert describe_rule(rule)
