"""The catalogue of government digital services: the public list and the demo."""

import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mujtama.feedback import demo
from mujtama.feedback.models import DigitalService, Ministry

pytestmark = pytest.mark.django_db
SERVICES = "/api/v1/services/"


def _service(ministry: Ministry, code: int, **fields) -> DigitalService:
    return DigitalService.objects.create(
        ministry=ministry,
        name_ar=f"خدمة {code}",
        name_en=f"Service {code}",
        channel="website",
        short_code=code,
        **fields,
    )


def test_the_list_is_public_and_names_each_services_ministry(client):
    interior = Ministry.objects.create(
        code="interior", name_ar="وزارة الداخلية", name_en="Interior"
    )
    _service(interior, 12, url="https://example.sy/passports")
    response = client.get(SERVICES)
    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["name_ar"] == "خدمة 12" and row["name_en"] == "Service 12"
    assert row["ministry"] == {
        "id": interior.pk,
        "code": "interior",
        "name_ar": "وزارة الداخلية",
        "name_en": "Interior",
    }
    assert row["short_code"] == 12 and row["channel"] == "website"


def test_retired_services_and_ministries_are_not_listed(client):
    active = Ministry.objects.create(code="a", name_ar="أ", name_en="A")
    retired = Ministry.objects.create(code="b", name_ar="ب", name_en="B", is_active=False)
    _service(active, 1)
    _service(active, 2, is_active=False)
    _service(retired, 3)
    assert [row["short_code"] for row in client.get(SERVICES).json()["results"]] == [1]


def test_the_list_queries_do_not_grow_with_services(client):
    ministry = Ministry.objects.create(code="a", name_ar="أ", name_en="A")
    _service(ministry, 1)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(SERVICES).status_code == 200
        return len(captured)

    few = queries()
    for code in range(2, 30):
        _service(Ministry.objects.create(code=f"m{code}", name_ar="و", name_en="M"), code)
    assert queries() == few


def test_the_demo_catalogue_is_realistic_and_made_once():
    demo.seed_catalogue(io.StringIO())
    assert Ministry.objects.count() >= 8
    assert DigitalService.objects.count() >= 20
    assert DigitalService.objects.values("ministry").distinct().count() >= 8
    assert set(DigitalService.objects.values_list("channel", flat=True)) == {
        "website",
        "mobile_app",
        "kiosk",
        "sms",
    }
    demo.seed_catalogue(io.StringIO())
    assert DigitalService.objects.count() == len(demo.SERVICES)
