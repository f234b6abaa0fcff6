"""The initiatives API: the same visibility as the public pages (private is 404,
summary-only has no description or record, nothing below the governorate for
vulnerable families), filters, suppression of small figures, constant query counts
and the schema."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mujtama.initiatives.tests.factories import (
    locality,
    make_activity,
    make_indicator,
    make_initiative,
    organization,
)

pytestmark = pytest.mark.django_db

LIST = "/api/v1/initiatives/"


def get(client, url: str, status: int = 200, **headers):
    response = client.get(url, HTTP_ACCEPT="application/json", **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    return response.json()


def titles(client, query: str = "") -> set[str]:
    data = get(client, LIST + (f"?{query}" if query else ""))
    return {row["title_en"] for row in data["results"]}


def test_the_list_shows_published_initiatives_paginated(client):
    partner = organization(name_en="Aleppo Youth Network")
    full = make_initiative(title_en="Full one", governorates=("SY09", "SY01"), partners=(partner,))
    make_initiative(title_en="Summary one", publication="summary")
    make_initiative(title_en="Private one", publication="private")
    data = get(client, LIST)
    assert data["count"] == 2 and {"next", "previous", "results"} <= set(data)
    rows = {row["title_en"]: row for row in data["results"]}
    assert set(rows) == {"Full one", "Summary one"}
    row = rows["Full one"]
    assert row["id"] == full.pk
    assert row["lead"] == {
        "id": full.lead_id,
        "name_ar": full.lead.name_ar,
        "name_en": full.lead.name_en,
    }
    assert row["partners"] == [
        {"id": partner.pk, "name_ar": partner.name_ar, "name_en": partner.name_en}
    ]
    assert row["governorates"] == ["SY01", "SY09"]
    assert row["status"] == "active" and row["sector"] == "digital_skills"
    assert row["publication"] == "public"
    assert row["starts_on"] == full.starts_on.isoformat()
    assert row["ends_on"] == full.ends_on.isoformat()
    assert row["description_en"] == full.description_en
    assert row["description_ar"] == full.description_ar
    assert rows["Summary one"]["description_ar"] is None
    assert rows["Summary one"]["description_en"] is None
    assert "record" not in row


def test_a_private_initiative_is_not_found(client):
    hidden = make_initiative(publication="private")
    get(client, f"{LIST}{hidden.pk}/", status=404)
    get(client, f"{LIST}{hidden.pk + 1000}/", status=404)


def test_cancelled_initiatives_are_listed_only_when_public(client):
    make_initiative(title_en="Cancelled public", status="cancelled")
    summary = make_initiative(
        title_en="Cancelled summary", status="cancelled", publication="summary"
    )
    make_initiative(title_en="Cancelled private", status="cancelled", publication="private")
    assert titles(client) == {"Cancelled public"}
    get(client, f"{LIST}{summary.pk}/", status=404)


def test_a_summary_only_initiative_has_no_description_or_record(client):
    initiative = make_initiative(publication="summary")
    make_indicator(initiative, actual="20")
    make_activity(initiative, place=locality(name_en="Tal Shihab"), reached=30)
    data = get(client, f"{LIST}{initiative.pk}/")
    assert data["title_en"] == "Coding academy for young people"
    assert data["description_ar"] is None and data["description_en"] is None
    assert data["record"] is None
    assert "Tal Shihab" not in json.dumps(data)


def test_a_public_initiative_has_its_record(client):
    initiative = make_initiative(governorates=("SY09", "SY01"))
    make_indicator(initiative, baseline="10", target="110", actual="60")
    village = locality(name_en="Tal Shihab")
    make_activity(initiative, place=village, title="Web basics", reached=7)
    make_activity(initiative, governorate_pcode="SY01", online=True, reached=4)
    record = get(client, f"{LIST}{initiative.pk}/")["record"]
    (indicator,) = record["indicators"]
    assert indicator["progress"] == 50 and indicator["actual"] == "60.00"
    in_person = next(a for a in record["activities"] if not a["online"])
    assert in_person["locality"] == {
        "pcode": village.pcode,
        "name_ar": village.name_ar,
        "name_en": "Tal Shihab",
    }
    assert in_person["title"] == "Web basics" and in_person["governorate"] == "SY09"
    online = next(a for a in record["activities"] if a["online"])
    assert online["locality"] is None and online["governorate"] == "SY01"
    assert record["activity_count"] == 2


def test_a_vulnerable_initiative_never_names_the_locality(client):
    initiative = make_initiative(concerns_vulnerable=True)
    village = locality(name_ar="قرية الشيخ نجار", name_en="Sheikh Najjar village")
    make_activity(initiative, place=village, title="Visit to Sheikh Najjar families", reached=9)
    for language in ("en", "ar"):
        for url in (f"{LIST}{initiative.pk}/", LIST):
            text = json.dumps(get(client, url, HTTP_ACCEPT_LANGUAGE=language), ensure_ascii=False)
            assert "Sheikh Najjar" not in text and "الشيخ نجار" not in text
            assert village.pcode not in text
    (activity,) = get(client, f"{LIST}{initiative.pk}/")["record"]["activities"]
    assert activity["locality"] is None and activity["title"] is None
    assert activity["governorate"] == "SY09"


def test_people_reached_are_suppressed_under_five(client):
    initiative = make_initiative(governorates=("SY09", "SY01"))
    make_activity(initiative, governorate_pcode="SY09", online=True, reached=4)
    make_activity(initiative, governorate_pcode="SY01", online=True, reached=5)
    record = get(client, f"{LIST}{initiative.pk}/")["record"]
    reach = {row["governorate"]: row for row in record["reach"]}
    assert reach["SY09"] == {"governorate": "SY09", "people": None, "suppressed": True}
    assert reach["SY01"] == {"governorate": "SY01", "people": 5, "suppressed": False}
    # The total adds up only what is shown: 9 minus 5 would give away the 4.
    assert record["people_reached"] == 5
    make_activity(initiative, governorate_pcode="SY09", online=True, reached=1)
    record = get(client, f"{LIST}{initiative.pk}/")["record"]
    assert {row["governorate"]: row["people"] for row in record["reach"]} == {
        "SY01": 5,
        "SY09": 5,
    }
    assert record["people_reached"] == 10


def test_filters(client):
    lead = organization()
    partner = organization()
    make_initiative(title_en="Deir training", lead=lead, governorates=("SY09",))
    make_initiative(
        title_en="Aleppo lab",
        governorates=("SY02", "SY01"),
        partners=(partner,),
        status="completed",
    )
    make_initiative(title_en="Hama plan", governorates=("SY05",), status="planned")
    assert titles(client) == {"Deir training", "Aleppo lab", "Hama plan"}
    assert titles(client, "governorate=SY01") == {"Aleppo lab"}
    assert titles(client, "governorate=SY09") == {"Deir training"}
    assert titles(client, f"organization={lead.pk}") == {"Deir training"}
    assert titles(client, f"organization={partner.pk}") == {"Aleppo lab"}
    assert titles(client, "status=planned") == {"Hama plan"}
    assert titles(client, "status=completed&governorate=SY02") == {"Aleppo lab"}
    assert titles(client, "status=active&governorate=SY02") == set()
    assert titles(client, "governorate=XX99") == set()
    assert "status" in get(client, f"{LIST}?status=bogus", status=400)
    assert "organization" in get(client, f"{LIST}?organization=abc", status=400)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return len(captured)


def _more(count: int) -> None:
    pcodes = ["SY01", "SY02", "SY03", "SY04", "SY05", "SY09"]
    for n in range(count):
        make_initiative(
            title_en=f"Grown {n}",
            governorates=(pcodes[n % 6], pcodes[(n + 2) % 6]),
            partners=(organization(), organization()),
            publication="summary" if n % 2 else "public",
        )


def test_list_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    _more(3)
    few = _queries(client, LIST)
    filtered = _queries(client, f"{LIST}?governorate=SY01&status=active&organization=1")
    _more(27)
    with django_assert_max_num_queries(few):
        assert len(get(client, LIST)["results"]) == 30
    with django_assert_max_num_queries(filtered):
        get(client, f"{LIST}?governorate=SY01&status=active&organization=1")


def test_detail_queries_do_not_grow_with_the_record(client, django_assert_max_num_queries):
    initiative = make_initiative(partners=(organization(),))
    make_indicator(initiative)
    make_activity(initiative, place=locality("C1"), reached=6)
    few = _queries(client, f"{LIST}{initiative.pk}/")
    for n in range(2, 10):
        make_indicator(initiative)
        make_activity(
            initiative,
            governorate_pcode="SY01" if n % 2 else "SY09",
            place=None if n % 2 else locality(f"C{n}"),
            online=bool(n % 2),
            reached=n,
        )
    with django_assert_max_num_queries(few):
        get(client, f"{LIST}{initiative.pk}/")


def test_the_api_refuses_writes(client):
    initiative = make_initiative()
    assert client.post(LIST, {}).status_code in (403, 405)
    assert client.delete(f"{LIST}{initiative.pk}/").status_code in (403, 405)


def test_schema_documents_the_initiatives_endpoints(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    if "json" in response["Content-Type"]:
        schema = response.json()
    else:
        import yaml

        schema = yaml.safe_load(response.content)
    paths = schema["paths"]
    assert "/api/v1/initiatives/" in paths and "/api/v1/initiatives/{id}/" in paths
    listing = paths["/api/v1/initiatives/"]["get"]
    assert listing["tags"] == ["initiatives"]
    parameters = {p["name"]: p for p in listing["parameters"]}
    assert {"governorate", "organization", "status", "page"} <= set(parameters)
    assert parameters["organization"]["schema"]["type"] == "integer"
    components = schema["components"]["schemas"]
    assert set(components["InitiativeStatusEnum"]["enum"]) == {
        "planned",
        "active",
        "completed",
        "cancelled",
    }
    detail = components["InitiativeDetail"]["properties"]
    assert "record" in detail and "status" in detail
