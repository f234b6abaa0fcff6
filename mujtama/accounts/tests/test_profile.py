import pytest

from mujtama.accounts.models import ConsentRecord, Profile, TargetGroupDeclaration
from mujtama.core.models import AuditEvent
from mujtama.geo.models import Governorate
from mujtama.impact.models import VulnerabilityCriterion

pytestmark = pytest.mark.django_db


def _profile_data(**changes):
    data = {
        "full_name": "أحمد المصري",
        "governorate": Governorate.objects.get(pcode="SY09").pk,
        "birth_year": 2004,
        "sex": "male",
        "phone": "0944 123 456",
        "time_zone": "Asia/Damascus",
    }
    data.update(changes)
    return data


def test_a_person_updates_their_profile(client, citizen):
    client.force_login(citizen)
    response = client.post("/ar/me/", _profile_data())
    assert response.status_code == 302
    profile = Profile.objects.get(user=citizen)
    assert profile.governorate.pcode == "SY09"
    assert profile.birth_year == 2004
    assert profile.phone == "+963944123456"  # local format normalized
    event = AuditEvent.objects.get(verb="accounts.profile_updated")
    assert "phone" in event.changes["fields"]
    assert "944" not in str(event.changes)  # which fields, never their values


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"birth_year": 1850}, "birth_year"),
        ({"birth_year": "ألفين"}, "birth_year"),
        ({"phone": "call me"}, "phone"),
        ({"governorate": 99999}, "governorate"),
        ({"sex": "other"}, "sex"),
        ({"full_name": ""}, "full_name"),
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
    ],
)
def test_bad_profile_input_is_explained_and_the_rest_is_kept(client, citizen, changes, field):
    client.force_login(citizen)
    response = client.post("/ar/me/", _profile_data(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert f'href="#id_{field}"' in html
    assert 'aria-invalid="true"' in html
    # What was typed in the other fields is still there.
    if field != "full_name":
        assert 'value="أحمد المصري"' in html
    assert not AuditEvent.objects.filter(verb="accounts.profile_updated").exists()


def test_arabic_indic_digits_in_a_phone_number_are_accepted(client, citizen):
    client.force_login(citizen)
    client.post("/ar/me/", _profile_data(phone="٠٩٤٤١٢٣٤٥٦"))
    assert Profile.objects.get(user=citizen).phone == "+963944123456"


def _declare(client, **data):
    criteria = list(VulnerabilityCriterion.objects.filter(code__in=["low_income", "disability"]))
    payload = {"lives_in_remote_area": "on", "vulnerability_criteria": [c.pk for c in criteria]}
    payload.update(data)
    return client.post("/ar/me/target-groups/", payload)


def test_a_declaration_without_consent_stores_nothing(client, citizen):
    client.force_login(citizen)
    response = _declare(client)
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not TargetGroupDeclaration.objects.exists()
    assert not ConsentRecord.objects.exists()
    # The boxes ticked are still ticked.
    assert response.content.decode().count("checked") >= 2


def test_a_declaration_with_consent_is_stored_with_a_dated_consent(client, citizen):
    client.force_login(citizen)
    assert _declare(client, consent="on").status_code == 302
    declaration = TargetGroupDeclaration.objects.get(user=citizen)
    assert declaration.lives_in_remote_area
    assert declaration.vulnerability_criteria.count() == 2
    consent = declaration.consent
    assert consent.given_at is not None
    assert consent.withdrawn_at is None
    assert consent.wording_version
    assert AuditEvent.objects.filter(verb="accounts.consent_given").count() == 1
    # Changing the declaration keeps the same consent.
    _declare(client, consent="on", lives_in_remote_area="")
    assert ConsentRecord.objects.filter(user=citizen).count() == 1
    assert not TargetGroupDeclaration.objects.get(user=citizen).lives_in_remote_area


def test_withdrawing_consent_deletes_the_declaration(client, citizen):
    client.force_login(citizen)
    _declare(client, consent="on")
    response = client.post("/ar/me/target-groups/withdraw/")
    assert response.status_code == 302
    assert not TargetGroupDeclaration.objects.filter(user=citizen).exists()
    consent = ConsentRecord.objects.get(user=citizen)
    assert consent.withdrawn_at is not None
    assert AuditEvent.objects.filter(verb="accounts.consent_withdrawn").count() == 1
    # A new declaration needs a new consent.
    _declare(client, consent="on")
    assert ConsentRecord.objects.filter(user=citizen).count() == 2


def test_withdraw_without_consent_is_harmless(client, citizen):
    client.force_login(citizen)
    assert client.post("/ar/me/target-groups/withdraw/").status_code == 302
    assert not AuditEvent.objects.exists()


def test_retired_criteria_are_not_offered(client, citizen):
    VulnerabilityCriterion.objects.filter(code="low_income").update(is_active=False)
    client.force_login(citizen)
    html = client.get("/ar/me/target-groups/").content.decode()
    assert "أسرة محدودة الدخل" not in html
    assert "أسرة نازحة أو عائدة" in html


def test_one_person_never_sees_anothers_declaration(client, citizen, org_owner):
    client.force_login(citizen)
    _declare(client, consent="on")
    client.force_login(org_owner)
    html = client.get("/ar/me/").content.decode()
    assert "فرد من الأسرة من ذوي الإعاقة" not in html


def test_a_person_abroad_chooses_their_time_zone(client, citizen):
    client.force_login(citizen)
    client.post("/en/me/", _profile_data(time_zone="Europe/Berlin"))
    citizen.refresh_from_db()
    assert citizen.time_zone == "Europe/Berlin"
    assert "Central European time" in client.get("/en/me/").content.decode()
