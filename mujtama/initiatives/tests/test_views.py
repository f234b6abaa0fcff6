"""The organization's initiative and volunteer pages and the volunteer's own area:
who may use each, what bad input gets, and constant query counts."""

from datetime import timedelta
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from mujtama.geo.models import Governorate
from mujtama.impact.models import AggregateReach
from mujtama.initiatives.forms import reach_field
from mujtama.initiatives.models import Activity, HoursEntry, Initiative, Volunteering
from mujtama.initiatives.services import initiatives as services
from mujtama.initiatives.services import volunteers as vs
from mujtama.initiatives.tests.test_workflows import (
    accepted,
    log,
    make_initiative,
    make_opportunity,
)

pytestmark = pytest.mark.django_db


def as_user(client: Any, user: Any) -> Any:
    client.force_login(user)
    return client


def new_initiative_data(**fields: Any) -> dict[str, Any]:
    today = timezone.localdate()
    return {
        "title_ar": "مكتب مساعدة رقمية للأسر النازحة",
        "title_en": "Digital help desk for displaced families",
        "description_ar": "مساعدة الأسر في الخدمات الحكومية الإلكترونية.",
        "description_en": "Helping families with e-government services.",
        "origin": "own",
        "sector": "inclusion",
        "starts_on": today.isoformat(),
        "ends_on": (today + timedelta(days=30)).isoformat(),
        "publication": "public",
        "governorates": [Governorate.objects.get(pcode="SY07").pk],
    } | fields


def test_an_editor_creates_an_initiative_and_bad_input_keeps_what_was_typed(world, client):
    client = as_user(client, world["editor"])
    url = reverse("initiatives:new", args=[world["organization"].pk])
    today = timezone.localdate()
    bad = new_initiative_data(ends_on=(today - timedelta(days=3)).isoformat(), title_en="")
    page = client.post(url, bad)
    assert page.status_code == 200
    text = page.content.decode()
    assert "مكتب مساعدة رقمية للأسر النازحة" in text
    assert "error-summary" in text
    assert not Initiative.objects.exists()
    response = client.post(url, new_initiative_data())
    initiative = Initiative.objects.get()
    assert response.url == reverse("initiatives:initiative", args=[initiative.pk])
    assert initiative.lead == world["organization"] and initiative.created_by == world["editor"]


def test_people_outside_the_organization_get_404_and_viewers_403(world, client):
    initiative = make_initiative(world)
    pages = [
        reverse("initiatives:list", args=[world["organization"].pk]),
        reverse("initiatives:volunteers", args=[world["organization"].pk]),
        reverse("initiatives:initiative", args=[initiative.pk]),
        reverse("initiatives:edit", args=[initiative.pk]),
        reverse("initiatives:activity_new", args=[initiative.pk]),
    ]
    as_user(client, world["other_editor"])
    for url in pages:
        assert client.get(url).status_code == 404, url
    client.logout()
    for url in pages:
        assert client.get(url).status_code == 302, url
    as_user(client, world["viewer"])
    assert client.get(pages[0]).status_code == 200
    assert client.get(pages[2]).status_code == 200
    assert client.get(pages[3]).status_code == 403
    assert client.get(pages[4]).status_code == 403
    assert (
        client.post(
            reverse("initiatives:move", args=[initiative.pk]), {"action": "start"}
        ).status_code
        == 403
    )
    assert Initiative.objects.get(pk=initiative.pk).status == "planned"


def test_moving_an_initiative_from_its_page(world, client):
    initiative = make_initiative(world)
    as_user(client, world["owner"])
    move = reverse("initiatives:move", args=[initiative.pk])
    client.post(move, {"action": "start"})
    assert Initiative.objects.get(pk=initiative.pk).status == "active"
    response = client.post(move, {"action": "cancel", "reason": ""}, follow=True)
    assert Initiative.objects.get(pk=initiative.pk).status == "active"
    assert "يُرجى ذكر السبب" in response.content.decode()
    response = client.post(move, {"action": "fly"}, follow=True)
    assert response.status_code == 200


def test_recording_an_activity_with_its_reach(world, client):
    initiative = make_initiative(world)
    as_user(client, world["editor"])
    url = reverse("initiatives:activity_new", args=[initiative.pk])
    data = {
        "kind": "help_desk",
        "title": "يوم المساعدة في الخدمات الإلكترونية",
        "held_on": timezone.localdate().isoformat(),
        "governorate": Governorate.objects.get(pcode="SY09").pk,
        "online": "on",
        reach_field("f", "25-29", False, True): "9",
        reach_field("m", "60+", True, False): "-3",
    }
    page = client.post(url, data)
    assert page.status_code == 200
    assert "يوم المساعدة في الخدمات الإلكترونية" in page.content.decode()
    assert not Activity.objects.exists()
    data[reach_field("m", "60+", True, False)] = "4"
    client.post(url, data)
    activity = Activity.objects.get()
    assert sorted(
        AggregateReach.objects.filter(source_id=activity.pk).values_list("count", flat=True)
    ) == [4, 9]
    detail = client.get(reverse("initiatives:initiative", args=[initiative.pk]))
    assert "13" in detail.content.decode()


def test_the_volunteer_applies_logs_hours_and_downloads_the_statement(world, client):
    opportunity = make_opportunity(world)
    as_user(client, world["volunteer"])
    apply = reverse("initiatives:apply", args=[opportunity.pk])
    assert client.post(apply, {"motivation": ""}).status_code == 200
    client.post(apply, {"motivation": "أحب مساعدة الناس."})
    volunteering = Volunteering.objects.get()
    as_user(client, world["editor"])
    client.post(
        reverse("initiatives:volunteering_decide", args=[volunteering.pk]), {"action": "accept"}
    )
    as_user(client, world["volunteer"])
    hours_url = reverse("initiatives:hours_log", args=[volunteering.pk])
    future = (timezone.localdate() + timedelta(days=2)).isoformat()
    page = client.post(hours_url, {"worked_on": future, "hours": "3", "description": "تدريب"})
    assert page.status_code == 400
    assert "تدريب" in page.content.decode()
    yesterday = (timezone.localdate() - timedelta(days=1)).isoformat()
    client.post(hours_url, {"worked_on": yesterday, "hours": "3", "description": "تدريب"})
    entry = HoursEntry.objects.get()
    # The volunteer cannot approve their own hours through the organization's page.
    response = client.post(
        reverse("initiatives:hours_decide", args=[entry.pk]), {"action": "approve"}
    )
    assert response.status_code == 404
    as_user(client, world["editor"])
    client.post(reverse("initiatives:hours_decide", args=[entry.pk]), {"action": "approve"})
    assert HoursEntry.objects.get().status == "approved"
    as_user(client, world["volunteer"])
    mine = client.get(reverse("initiatives:my_volunteering")).content.decode()
    assert world["organization"].name_ar in mine
    response = client.post(
        reverse("initiatives:statement_issue"),
        {"organization": world["organization"].pk, "name_shown": "full"},
    )
    assert response.status_code == 302
    pdf = client.get(response.url)
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    as_user(client, world["stranger"])
    assert client.get(response.url).status_code == 404


def test_others_cannot_touch_a_volunteers_application_or_hours(world, client):
    volunteering = accepted(world)
    entry = log(world, volunteering)
    as_user(client, world["stranger"])
    for url in (
        reverse("initiatives:hours_log", args=[volunteering.pk]),
        reverse("initiatives:withdraw", args=[volunteering.pk]),
    ):
        assert client.post(url, {"action": "withdraw"}).status_code == 404
    as_user(client, world["other_editor"])
    for url in (
        reverse("initiatives:hours_decide", args=[entry.pk]),
        reverse("initiatives:volunteering_decide", args=[volunteering.pk]),
    ):
        assert client.post(url, {"action": "approve"}).status_code == 404
    as_user(client, world["viewer"])
    assert (
        client.post(
            reverse("initiatives:hours_decide", args=[entry.pk]), {"action": "approve"}
        ).status_code
        == 403
    )
    assert HoursEntry.objects.get().status == "submitted"


def test_pages_render_in_arabic_and_english(world, client):
    initiative = make_initiative(world)
    accepted(world)
    as_user(client, world["owner"])
    for language, direction in (("ar", "rtl"), ("en", "ltr")):
        for name, args in (
            ("initiatives:list", [world["organization"].pk]),
            ("initiatives:initiative", [initiative.pk]),
            ("initiatives:volunteers", [world["organization"].pk]),
            ("initiatives:activity_new", [initiative.pk]),
        ):
            url = reverse(name, args=args).replace("/ar/", f"/{language}/", 1)
            page = client.get(url)
            assert page.status_code == 200, url
            assert f'dir="{direction}"' in page.content.decode()


def test_list_pages_query_counts_do_not_grow(world, client, django_assert_max_num_queries):
    def grow(n: int) -> None:
        for i in range(n):
            initiative = make_initiative(world, title_ar=f"مبادرة {i}")
            services.activity_record(
                actor=world["editor"],
                initiative=initiative,
                kind="workshop",
                title="ورشة",
                held_on=timezone.localdate(),
                governorate=Governorate.objects.get(pcode="SY09"),
                online=True,
            )
            volunteering = vs.volunteering_apply(
                actor=world["stranger"] if i == 0 else _user(i),
                opportunity=make_opportunity(world),
                motivation="أريد",
            )
            if i % 2:
                vs.volunteering_move(
                    actor=world["editor"], volunteering=volunteering, action="accept"
                )

    def count(url: str) -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    as_user(client, world["owner"])
    urls = [
        reverse("initiatives:list", args=[world["organization"].pk]),
        reverse("initiatives:volunteers", args=[world["organization"].pk]),
    ]
    grow(2)
    few = [count(url) for url in urls]
    grow(8)
    many = [count(url) for url in urls]
    assert many == few


def _user(i: int) -> Any:
    from mujtama.accounts.tests.factories import UserFactory

    return UserFactory()


def test_approving_hours_adds_up_on_the_volunteers_page(world, client):
    volunteering = accepted(world)
    for days in (1, 2):
        entry = log(world, volunteering, "2.5", days)
        vs.hours_decide(actor=world["editor"], entry=entry, action="approve")
    as_user(client, world["volunteer"])
    page = client.get(reverse("initiatives:my_volunteering")).content.decode()
    assert "5" in page
    assert vs.approved_hours(world["volunteer"]) == Decimal(5)


def test_the_dashboard_adds_up_and_its_queries_do_not_grow(world, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from mujtama.impact.ledger import Cell

    def grow(n: int) -> None:
        for i in range(n):
            initiative = make_initiative(world, title_ar=f"مبادرة {i}")
            initiative = services.initiative_move(
                actor=world["editor"], initiative=initiative, action="start"
            )
            services.indicator_add(
                actor=world["editor"],
                initiative=initiative,
                name_ar="عدد المتدربين",
                name_en="Trainees",
                unit_ar="متدرب",
                unit_en="trainees",
                baseline=Decimal(0),
                target=Decimal(50),
            )
            services.activity_record(
                actor=world["editor"],
                initiative=initiative,
                kind="training",
                title="جلسة",
                held_on=timezone.localdate(),
                governorate=Governorate.objects.get(pcode="SY09"),
                online=True,
                reached=[
                    Cell("f", "18-24", remote=True, vulnerable=False, count=6),
                    Cell("m", "30-59", remote=False, vulnerable=True, count=4),
                ],
            )
            volunteering = accepted(world) if i == 0 else None
            if volunteering is not None:
                entry = log(world, volunteering, "3")
                vs.hours_decide(actor=world["editor"], entry=entry, action="approve")

    url = reverse("initiatives:dashboard", args=[world["organization"].pk])
    client.force_login(world["viewer"])

    def count() -> tuple[int, str]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url)
        assert page.status_code == 200
        return len(queries), page.content.decode()

    grow(1)
    few, _html = count()
    grow(5)
    many, html = count()
    assert many == few
    # 6 activities: 36 women aged 18–24 in remote areas (youth), 24 vulnerable men.
    assert ">60<" in html and ">36<" in html and ">24<" in html
    client.force_login(world["other_editor"])
    assert client.get(url).status_code == 404
