import io

import pytest
from django.core.management import CommandError, call_command

from mujtama.accounts.models import ConsentRecord, User
from mujtama.geo.models import Locality

pytestmark = pytest.mark.django_db


def _counts():
    return (
        User.objects.count(),
        Locality.objects.count(),
        ConsentRecord.objects.count(),
        User.objects.filter(groups__isnull=False).count(),
    )


def test_seed_demo_creates_the_personas_and_is_idempotent(demo_seeded):
    first = _counts()
    from mujtama.accounts.demo import PERSONAS

    assert User.objects.filter(email__in=[p[0] for p in PERSONAS]).count() == 10
    from mujtama.feedback.models import Feedback, FeedbackDesk

    states = set(Feedback.objects.values_list("status", flat=True))
    assert states == {
        "received",
        "triaged",
        "in_progress",
        "needs_info",
        "resolved",
        "closed",
        "rejected",
    }
    assert not Feedback.objects.filter(classified_at__isnull=True).exists()
    assert FeedbackDesk.objects.filter(user__email="feedback@demo.mujtama.sy").count() == 2
    assert User.objects.get(email="admin@demo.mujtama.sy").roles == {"platform_admin"}
    assert User.objects.get(email="citizen@demo.mujtama.sy").target_group_declaration
    call_command("seed_demo", stdout=io.StringIO())
    assert _counts() == first


def test_demo_names_are_arabic(demo_seeded):
    for user in User.objects.all():
        assert any("\u0600" <= ch <= "\u06ff" for ch in user.full_name), user.full_name


def test_seed_demo_refuses_production(settings):
    settings.PRODUCTION = True
    before = User.objects.count()
    with pytest.raises(CommandError, match="production"):
        call_command("seed_demo", stdout=io.StringIO())
    assert User.objects.count() == before


def test_demo_staff_can_sign_in_with_the_documented_second_factor(client, demo_seeded):
    import time

    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    from mujtama.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET

    response = client.post(
        "/ar/accounts/login/", {"login": "moct@demo.mujtama.sy", "password": DEMO_PASSWORD}
    )
    assert "/2fa/authenticate/" in response["Location"]
    code = format_hotp_value(hotp_value(DEMO_TOTP_SECRET, int(time.time()) // 30))
    client.post("/ar/accounts/2fa/authenticate/", {"code": code})
    assert client.get("/ar/staff/geo/").status_code == 200
