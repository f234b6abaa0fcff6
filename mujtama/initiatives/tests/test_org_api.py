"""The organization's own initiatives API with a token: its people read, its owners
and editors write, anyone else gets 404; bad values are refused field by field."""

from typing import Any

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from mujtama.impact.models import AggregateReach
from mujtama.initiatives.models import Activity, Initiative
from mujtama.initiatives.tests.test_workflows import make_initiative

pytestmark = pytest.mark.django_db


def api(user: Any, language: str = "en") -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT_LANGUAGE=language)
    return client


def new_initiative(**fields: Any) -> dict[str, Any]:
    return {
        "title_ar": "هاكاثون حلول المياه في الحسكة",
        "title_en": "Water solutions hackathon in Al-Hasakeh",
        "description_ar": "ثلاثة أيام من العمل على حلول رقمية لتوزيع المياه.",
        "description_en": "Three days of digital solutions for water distribution.",
        "sector": "research",
        "governorates": ["SY08"],
        "starts_on": "2026-11-01",
        "ends_on": "2026-12-03",
        "publication": "summary",
    } | fields


def test_a_field_tool_creates_an_initiative_and_posts_an_activity_with_its_reach(world):
    org = world["organization"].pk
    client = api(world["editor"])
    response = client.post(
        f"/api/v1/my/organizations/{org}/initiatives/", new_initiative(), format="json"
    )
    assert response.status_code == 201, response.json()
    initiative = Initiative.objects.get(pk=response.json()["id"])
    assert initiative.lead_id == org and initiative.publication == "summary"
    activity = {
        "kind": "hackathon",
        "title": "اليوم الأول",
        "held_on": "2026-11-20",
        "governorate": "SY08",
        "online": True,
        "reached": [
            {"sex": "f", "age_band": "18-24", "remote": False, "vulnerable": False, "count": 14},
            {"sex": "m", "age_band": "25-29", "remote": True, "vulnerable": False, "count": 9},
        ],
    }
    url = f"/api/v1/my/organizations/{org}/initiatives/{initiative.pk}/activities/"
    response = client.post(url, activity, format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["people_reached"] == 23
    assert AggregateReach.objects.filter(source_id=response.json()["id"]).count() == 2
    listed = api(world["viewer"]).get(url).json()
    assert listed["results"][0]["people_reached"] == 23
    reach = api(world["viewer"]).get(f"/api/v1/my/organizations/{org}/reach/").json()
    assert sum(row["count"] for row in reach["results"]) == 23


def test_bad_values_are_refused_field_by_field_in_the_clients_language(world):
    org = world["organization"].pk
    client = api(world["editor"], "ar")
    response = client.post(
        f"/api/v1/my/organizations/{org}/initiatives/",
        new_initiative(governorates=["SY99"], ends_on="2026-10-01", title_ar=""),
        format="json",
    )
    assert response.status_code == 400
    body = response.json()
    assert {"governorates", "title_ar"} <= set(body)
    response = client.post(
        f"/api/v1/my/organizations/{org}/initiatives/",
        new_initiative(ends_on="2026-10-01"),
        format="json",
    )
    assert response.status_code == 400 and "ends_on" in response.json()
    assert not Initiative.objects.exists()
    initiative = make_initiative(world)
    url = f"/api/v1/my/organizations/{org}/initiatives/{initiative.pk}/activities/"
    response = client.post(
        url,
        {
            "kind": "dance",
            "title": "x",
            "held_on": "2026-13-01",
            "governorate": "SY09",
            "reached": [
                {"sex": "x", "age_band": "18-24", "remote": False, "vulnerable": False, "count": -1}
            ],
        },
        format="json",
    )
    assert response.status_code == 400
    assert {"kind", "held_on", "reached"} <= set(response.json())
    response = client.post(
        url,
        {"kind": "workshop", "title": "ورشة", "held_on": "2026-11-01", "governorate": "SY09"},
        format="json",
    )
    assert response.status_code == 400 and "locality" in response.json()
    assert not Activity.objects.exists()


def test_outsiders_get_404_and_viewers_may_not_write(world, client):
    org = world["organization"].pk
    initiative = make_initiative(world, publication="private")
    urls = [
        f"/api/v1/my/organizations/{org}/initiatives/",
        f"/api/v1/my/organizations/{org}/initiatives/{initiative.pk}/activities/",
        f"/api/v1/my/organizations/{org}/reach/",
    ]
    for url in urls:
        assert api(world["other_editor"]).get(url).status_code == 404, url
        assert client.get(url).status_code in (401, 403), url
    assert api(world["viewer"]).get(urls[0]).json()["results"][0]["id"] == initiative.pk
    assert api(world["viewer"]).post(urls[0], new_initiative(), format="json").status_code == 403
    assert (
        api(world["other_editor"])
        .post(
            f"/api/v1/my/organizations/{world['other'].pk}/initiatives/{initiative.pk}/activities/",
            {
                "kind": "workshop",
                "title": "x",
                "held_on": "2026-11-01",
                "governorate": "SY09",
                "online": True,
            },
            format="json",
        )
        .status_code
        == 404
    )


def test_list_queries_do_not_grow(world, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    org = world["organization"].pk
    client = api(world["viewer"])

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(f"/api/v1/my/organizations/{org}/initiatives/").status_code == 200
        return len(queries)

    make_initiative(world)
    few = count()
    for i in range(6):
        make_initiative(world, title_ar=f"مبادرة {i}")
    assert count() == few
