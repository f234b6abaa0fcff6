"""Deadlines are stored in UTC, set in Damascus time, and shown in the zone the
person chose, always with the zone named."""

import zoneinfo
from datetime import UTC, datetime

from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.utils import timezone, translation

from mujtama.core.middleware import TimeZoneMiddleware

DEADLINE = datetime(2026, 12, 1, 20, 59, tzinfo=UTC)  # 23:59 in Damascus (UTC+3)


def _render(value, zone):
    with translation.override("en"), timezone.override(zoneinfo.ZoneInfo(zone)):
        return Template("{% load zoned %}{{ value|zoned }}").render(Context({"value": value}))


def test_a_deadline_is_shown_in_damascus_time_with_the_zone_named():
    assert _render(DEADLINE, "Asia/Damascus") == "1 December 2026, 23:59 (Damascus time)"


def test_a_partner_in_berlin_sees_the_same_instant_in_their_zone():
    assert _render(DEADLINE, "Europe/Berlin") == (
        "1 December 2026, 21:59 (Central European time (Berlin, Paris))"
    )


def test_arabic_dates_use_the_levantine_month_names():
    with translation.override("ar"), timezone.override(zoneinfo.ZoneInfo("Asia/Damascus")):
        text = Template("{% load zoned %}{{ value|zoned }}").render(Context({"value": DEADLINE}))
    assert text == "1 كانون الأول 2026، 23:59 (توقيت دمشق)"


def test_no_date_shows_nothing():
    assert _render(None, "Asia/Damascus") == ""


def test_the_middleware_uses_the_persons_zone_and_falls_back_to_damascus(rf, django_user_model):
    seen = []

    def view(request):
        seen.append(str(timezone.get_current_timezone()))
        return None

    middleware = TimeZoneMiddleware(view)
    request = rf.get("/")
    request.user = django_user_model(email="abroad@example.org", time_zone="Europe/London")
    middleware(request)
    request.user.time_zone = "Not/AZone"
    middleware(request)
    request.user = AnonymousUser()
    middleware(request)
    assert seen == ["Europe/London", "Asia/Damascus", "Asia/Damascus"]
