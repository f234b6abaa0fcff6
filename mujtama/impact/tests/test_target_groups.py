import pytest

from mujtama.core.models import AuditEvent
from mujtama.impact.models import TargetGroupSettings, VulnerabilityCriterion

pytestmark = pytest.mark.django_db


def test_defaults_come_from_the_migration():
    settings = TargetGroupSettings.current()
    assert (settings.youth_min_age, settings.youth_max_age) == (15, 29)
    assert settings.is_youth(15) and settings.is_youth(29)
    assert not settings.is_youth(30) and not settings.is_youth(None)
    assert VulnerabilityCriterion.objects.filter(is_active=True).count() >= 4


def test_staff_change_the_youth_range_and_it_is_audited(client, mosal_officer):
    client.force_login(mosal_officer)
    response = client.post("/ar/staff/target-groups/", {"youth_min_age": 16, "youth_max_age": 30})
    assert response.status_code == 302
    assert TargetGroupSettings.current().youth_max_age == 30
    event = AuditEvent.objects.get(verb="impact.youth_range_changed")
    assert event.changes == {"youth_age_range": [[15, 29], [16, 30]]}


@pytest.mark.parametrize(
    "data",
    [
        {"youth_min_age": 30, "youth_max_age": 18},
        {"youth_min_age": 5, "youth_max_age": 29},
        {"youth_min_age": "خمسة عشر", "youth_max_age": 29},
        {"youth_min_age": "", "youth_max_age": ""},
    ],
)
def test_a_bad_youth_range_is_explained_and_kept(client, moct_officer, data):
    client.force_login(moct_officer)
    response = client.post("/ar/staff/target-groups/", data)
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert (
        TargetGroupSettings.current().youth_min_age,
        TargetGroupSettings.current().youth_max_age,
    ) == (15, 29)
    assert not AuditEvent.objects.exists()


def test_staff_add_edit_and_retire_a_criterion(client, mosal_officer):
    client.force_login(mosal_officer)
    data = {
        "code": "chronic_illness",
        "name_ar": "فرد من الأسرة مصاب بمرض مزمن",
        "name_en": "A family member with a chronic illness",
        "order": 9,
        "is_active": "on",
    }
    assert client.post("/ar/staff/target-groups/criteria/new/", data).status_code == 302
    criterion = VulnerabilityCriterion.objects.get(code="chronic_illness")
    assert AuditEvent.objects.filter(verb="impact.criterion_created").count() == 1
    data.pop("is_active")
    response = client.post(f"/ar/staff/target-groups/criteria/{criterion.pk}/", data)
    assert response.status_code == 302
    criterion.refresh_from_db()
    assert not criterion.is_active
    event = AuditEvent.objects.get(verb="impact.criterion_changed")
    assert event.changes == {"is_active": [True, False]}


def test_a_duplicate_criterion_code_is_refused(client, mosal_officer):
    client.force_login(mosal_officer)
    response = client.post(
        "/ar/staff/target-groups/criteria/new/",
        {"code": "low_income", "name_ar": "مكرر", "name_en": "Duplicate", "order": 1},
    )
    assert response.status_code == 200
    assert VulnerabilityCriterion.objects.filter(code="low_income").count() == 1


def test_an_unknown_criterion_is_404(client, mosal_officer):
    client.force_login(mosal_officer)
    assert client.get("/ar/staff/target-groups/criteria/9999/").status_code == 404


@pytest.mark.parametrize("persona_name", ["citizen", "reviewer", "analyst", "program_manager"])
def test_people_without_the_role_cannot_change_target_groups(client, persona, persona_name):
    client.force_login(persona(persona_name))
    assert (
        client.post(
            "/ar/staff/target-groups/", {"youth_min_age": 10, "youth_max_age": 40}
        ).status_code
        == 403
    )
    assert TargetGroupSettings.current().youth_min_age == 15
