import pytest

from mujtama.core.services import audit_record
from mujtama.geo.models import Governorate

pytestmark = pytest.mark.django_db


@pytest.fixture
def events(platform_admin, citizen):
    damascus = Governorate.objects.get(pcode="SY01")
    for i in range(30):
        audit_record(
            actor=citizen if i % 2 else platform_admin, verb=f"test.event_{i % 3}", target=damascus
        )


def test_the_audit_log_lists_and_filters_events(client, platform_admin, events):
    client.force_login(platform_admin)
    html = client.get("/ar/staff/audit/").content.decode()
    assert "test.event_0" in html
    html = client.get("/ar/staff/audit/", {"verb": "test.event_1"}).content.decode()
    assert "test.event_1" in html
    assert "test.event_2" not in html
    html = client.get("/en/staff/audit/", {"actor_email": "citizen@example.sy"}).content.decode()
    assert "admin@example.sy" not in html.split("<tbody>")[1]


def test_a_bad_filter_is_explained(client, platform_admin, events):
    client.force_login(platform_admin)
    response = client.get("/ar/staff/audit/", {"actor_email": "not an email"})
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()


def test_the_audit_log_queries_do_not_grow_with_events(
    client, platform_admin, events, django_assert_max_num_queries
):
    client.force_login(platform_admin)
    with django_assert_max_num_queries(10):
        client.get("/ar/staff/audit/")
    with django_assert_max_num_queries(10):
        client.get("/ar/staff/audit/", {"page": 2})


@pytest.mark.parametrize("persona_name", ["citizen", "moct_officer", "analyst", "reviewer"])
def test_only_platform_admins_read_the_audit_log(client, persona, persona_name):
    client.force_login(persona(persona_name))
    assert client.get("/ar/staff/audit/").status_code == 403
