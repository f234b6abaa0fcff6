import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError

from mujtama.accounts import services
from mujtama.accounts.models import User
from mujtama.accounts.roles import STAFF_ROLES
from mujtama.core.models import AuditEvent
from mujtama.notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_the_seven_staff_roles_exist_as_groups():
    assert set(Group.objects.values_list("name", flat=True)) >= STAFF_ROLES
    assert len(STAFF_ROLES) == 7


def test_a_platform_admin_grants_a_role_and_the_person_is_told(platform_admin, citizen):
    assert services.role_grant(actor=platform_admin, user=citizen, role="reviewer")
    assert User.objects.get(pk=citizen.pk).roles == {"reviewer"}
    event = AuditEvent.objects.get(verb="accounts.role_granted")
    assert event.actor == platform_admin
    assert event.changes == {"role": "reviewer"}
    assert Notification.objects.filter(recipient=citizen, channel="inbox").count() == 1
    # Granting again changes nothing.
    assert not services.role_grant(actor=platform_admin, user=citizen, role="reviewer")
    assert AuditEvent.objects.filter(verb="accounts.role_granted").count() == 1


def test_only_platform_admins_manage_roles(moct_officer, citizen):
    with pytest.raises(PermissionDenied):
        services.role_grant(actor=moct_officer, user=citizen, role="analyst")
    assert not User.objects.get(pk=citizen.pk).roles


def test_granting_platform_admin_opens_the_admin_site(platform_admin, citizen):
    services.role_grant(actor=platform_admin, user=citizen, role="platform_admin")
    citizen.refresh_from_db()
    assert citizen.is_staff and citizen.is_superuser
    services.role_revoke(actor=platform_admin, user=citizen, role="platform_admin")
    citizen.refresh_from_db()
    assert not citizen.is_staff and not citizen.is_superuser
    assert AuditEvent.objects.filter(verb="accounts.role_revoked").count() == 1


def test_the_last_platform_admin_keeps_the_role(platform_admin):
    with pytest.raises(ValidationError):
        services.role_revoke(actor=platform_admin, user=platform_admin, role="platform_admin")
    assert "platform_admin" in User.objects.get(pk=platform_admin.pk).roles


def test_an_unknown_role_is_refused(platform_admin, citizen):
    with pytest.raises(ValueError, match="superhero"):
        services.role_grant(actor=platform_admin, user=citizen, role="superhero")


def test_the_staff_page_grants_and_revokes(client, platform_admin, citizen):
    client.force_login(platform_admin)
    response = client.post(
        "/ar/staff/people/", {"email": citizen.email.upper(), "role": "analyst", "action": "grant"}
    )
    assert response.status_code == 302
    assert "analyst" in User.objects.get(pk=citizen.pk).roles
    html = client.get("/ar/staff/people/").content.decode()
    assert citizen.email in html
    client.post(
        "/ar/staff/people/", {"email": citizen.email, "role": "analyst", "action": "revoke"}
    )
    assert not User.objects.get(pk=citizen.pk).roles


@pytest.mark.parametrize(
    "data",
    [
        {"email": "nobody@example.sy", "role": "analyst", "action": "grant"},
        {"email": "not an email", "role": "analyst", "action": "grant"},
        {"email": "citizen@example.sy", "role": "superhero", "action": "grant"},
        {"email": "citizen@example.sy", "role": "analyst", "action": "delete"},
    ],
)
def test_bad_role_changes_are_explained(client, platform_admin, citizen, data):
    client.force_login(platform_admin)
    response = client.post("/ar/staff/people/", data)
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not User.objects.get(pk=citizen.pk).roles


def test_the_last_admin_cannot_revoke_themselves_through_the_page(client, platform_admin):
    client.force_login(platform_admin)
    response = client.post(
        "/ar/staff/people/",
        {"email": platform_admin.email, "role": "platform_admin", "action": "revoke"},
    )
    assert response.status_code == 200
    assert "platform_admin" in User.objects.get(pk=platform_admin.pk).roles


def test_staff_list_queries_do_not_grow_with_staff(
    client, platform_admin, django_assert_max_num_queries
):
    from mujtama.accounts.tests.factories import staff_user

    client.force_login(platform_admin)
    for _ in range(15):
        staff_user("reviewer", "analyst")
    with django_assert_max_num_queries(12):
        assert client.get("/ar/staff/people/").status_code == 200


def test_create_platform_admin_command(monkeypatch):
    import io

    from django.core.management import CommandError, call_command

    monkeypatch.setattr("sys.stdin", io.StringIO("Barada-River-2026\n"))
    call_command(
        "create_platform_admin",
        "Chief@Example.sy",
        "مدير المنصة",
        "--password-stdin",
        stdout=io.StringIO(),
    )
    user = User.objects.get(email="chief@example.sy")
    assert user.roles == {"platform_admin"}
    assert user.is_superuser and user.check_password("Barada-River-2026")
    assert AuditEvent.objects.filter(verb="accounts.role_granted", object_id=str(user.pk)).exists()

    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    with pytest.raises(CommandError):
        call_command("create_platform_admin", "other@example.sy", "x", "--password-stdin")
    with pytest.raises(CommandError):
        call_command("create_platform_admin", "not-an-email", "x", "--password-stdin")
    assert not User.objects.filter(email="other@example.sy").exists()
