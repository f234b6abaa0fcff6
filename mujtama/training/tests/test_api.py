"""The training API. Public cohorts: never a draft or a cancelled one, where
applications stand with a frozen clock, the governorate filter, constant query
counts. The provider's own API with a token: its people read, owners and editors
record attendance, viewers may not (403), anyone else gets 404; bad values are
refused field by field. And the schema."""

from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from mujtama.accounts.tests.factories import UserFactory
from mujtama.organizations.models import MemberRole
from mujtama.organizations.tests.factories import add_member
from mujtama.training.models import Attendance, Cohort, Session
from mujtama.training.services.enrollments import cohort_select
from mujtama.training.tests.factories import (
    attendance_mark,
    cohort_start,
    dates_for,
    make_cohort,
    make_course,
    make_enrollment,
    organization,
    owner_of,
)

pytestmark = pytest.mark.django_db

LIST = "/api/v1/cohorts/"
FROZEN = "2026-05-01 10:00 +0300"


def get(client: Any, url: str, status: int = 200, **headers: Any) -> Any:
    response = client.get(url, HTTP_ACCEPT="application/json", **headers)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    return response.json()


def names(client: Any, query: str = "") -> set[str]:
    data = get(client, LIST + (f"?{query}" if query else ""))
    return {row["name_en"] for row in data["results"]}


def api(user: Any, language: str = "en") -> APIClient:
    client = APIClient()
    token, _ = Token.objects.get_or_create(user=user)
    client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}", HTTP_ACCEPT_LANGUAGE=language)
    return client


# --- public cohorts ---------------------------------------------------------------------------


def test_the_list_shows_public_cohorts_with_their_rules(client):
    partner = organization(name_en="Damascus University")
    course = make_course(title_en="Web basics", co_provider=partner, level="intermediate")
    cohort = make_cohort(
        course,
        name_en="Spring",
        eligible=("SY09", "SY08"),
        prerequisites="Basic computer use",
        remote_points=25,
        vulnerable_points=10,
        gender_balance=True,
    )
    make_cohort(course, status="running", name_en="Running")
    make_cohort(course, status="finished", name_en="Finished")
    data = get(client, LIST)
    assert data["count"] == 3 and {"next", "previous", "results"} <= set(data)
    row = next(r for r in data["results"] if r["name_en"] == "Spring")
    assert row["id"] == cohort.pk
    assert row["course"] == {
        "id": course.pk,
        "title_ar": course.title_ar,
        "title_en": "Web basics",
        "provider": {
            "id": course.provider_id,
            "name_ar": course.provider.name_ar,
            "name_en": course.provider.name_en,
        },
        "co_provider": {"id": partner.pk, "name_ar": partner.name_ar, "name_en": partner.name_en},
        "level": "intermediate",
        "hours": 60,
        "mode": "in_person",
    }
    assert row["status"] == "published" and row["applications"] == "open"
    assert row["governorate"] == "SY09" and row["locality"] is None and row["online"] is False
    assert row["eligible_governorates"] == ["SY08", "SY09"]
    assert row["remote_points"] == 25 and row["vulnerable_points"] == 10
    assert row["gender_balance"] is True
    assert row["prerequisites"] == "Basic computer use"
    assert row["min_age"] == 15 and row["max_age"] == 29 and row["capacity"] == 20
    assert row["applications_open_on"] == cohort.applications_open_on.isoformat()
    assert get(client, f"{LIST}{cohort.pk}/")["name_en"] == "Spring"


def test_draft_and_cancelled_cohorts_are_not_found(client):
    course = make_course()
    draft = make_cohort(course, status="draft", name_en="Draft")
    cancelled = make_cohort(course, status="cancelled", name_en="Cancelled")
    make_cohort(course, name_en="Published")
    assert names(client) == {"Published"}
    for status in ("open", "upcoming", "closed"):
        assert names(client, f"status={status}") <= {"Published"}
    get(client, f"{LIST}{draft.pk}/", status=404)
    get(client, f"{LIST}{cancelled.pk}/", status=404)
    get(client, f"{LIST}{draft.pk + 1000}/", status=404)


@time_machine.travel(FROZEN, tick=False)
def test_status_filter_open_upcoming_closed(client):
    course = make_course()

    def cohort(name: str, opens: date, closes: date, **fields: Any) -> Cohort:
        return make_cohort(
            course,
            name_en=name,
            applications_open_on=opens,
            applications_close_on=closes,
            starts_on=closes + timedelta(days=10),
            ends_on=closes + timedelta(days=40),
            **fields,
        )

    cohort("Opens today", date(2026, 5, 1), date(2026, 5, 10))
    cohort("Closes today", date(2026, 4, 20), date(2026, 5, 1))
    cohort("Opens tomorrow", date(2026, 5, 2), date(2026, 5, 10))
    cohort("Closed yesterday", date(2026, 4, 1), date(2026, 4, 30))
    cohort("Draft in window", date(2026, 4, 20), date(2026, 5, 10), status="draft")
    cohort("Cancelled in window", date(2026, 4, 20), date(2026, 5, 10), status="cancelled")
    make_cohort(course, status="running", name_en="Running")
    make_cohort(course, status="finished", name_en="Finished")

    assert names(client, "status=open") == {"Opens today", "Closes today"}
    assert names(client, "status=upcoming") == {"Opens tomorrow"}
    assert names(client, "status=closed") == {"Closed yesterday", "Running", "Finished"}
    everything = names(client)
    assert "Draft in window" not in everything and "Cancelled in window" not in everything
    assert len(everything) == 6
    rows = {row["name_en"]: row["applications"] for row in get(client, LIST)["results"]}
    assert rows["Opens tomorrow"] == "upcoming" and rows["Running"] == "closed"
    assert rows["Closes today"] == "open"
    assert "status" in get(client, f"{LIST}?status=bogus", status=400)

    with time_machine.travel("2026-05-02 10:00 +0300", tick=False):
        assert names(client, "status=open") == {"Opens today", "Opens tomorrow"}
        assert names(client, "status=upcoming") == set()
        assert "Closes today" in names(client, "status=closed")


def test_governorate_filter(client):
    course = make_course()
    make_cohort(course, name_en="Deir", governorate_pcode="SY09")
    make_cohort(course, name_en="Damascus", governorate_pcode="SY01")
    make_cohort(course, name_en="Online for all", governorate_pcode=None)
    make_cohort(course, name_en="Online for Aleppo", governorate_pcode=None, eligible=("SY02",))
    make_cohort(course, name_en="Draft Deir", governorate_pcode="SY09", status="draft")
    assert names(client, "governorate=SY09") == {"Deir", "Online for all"}
    assert names(client, "governorate=SY02") == {"Online for all", "Online for Aleppo"}
    assert names(client, "governorate=SY01&status=open") == {"Damascus", "Online for all"}
    assert names(client, "governorate=XX99") == set()


def _queries(client: Any, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        get(client, url)
    return len(captured)


def _more(count: int) -> None:
    pcodes = ["SY01", "SY02", "SY03", "SY04", "SY05", "SY09"]
    for n in range(count):
        course = make_course(organization(), co_provider=organization() if n % 2 else None)
        make_cohort(
            course,
            name_en=f"Grown {n}",
            governorate_pcode=pcodes[n % 6] if n % 3 else None,
            eligible=(pcodes[n % 6], pcodes[(n + 1) % 6]),
        )


def test_public_list_queries_do_not_grow_with_rows(client, django_assert_max_num_queries):
    _more(3)
    few = _queries(client, LIST)
    filtered = _queries(client, f"{LIST}?governorate=SY01&status=open")
    _more(12)
    with django_assert_max_num_queries(few):
        assert len(get(client, LIST)["results"]) == 15
    with django_assert_max_num_queries(filtered):
        get(client, f"{LIST}?governorate=SY01&status=open")


def test_the_public_api_refuses_writes(client):
    cohort = make_cohort()
    assert client.post(LIST, {}).status_code in (403, 405)
    assert client.delete(f"{LIST}{cohort.pk}/").status_code in (403, 405)


# --- the provider's own -------------------------------------------------------------------------


@pytest.fixture
def world(db: Any) -> dict[str, Any]:
    provider = organization(name_en="Deir Tech Hub")
    editor = add_member(provider, UserFactory())
    viewer = add_member(provider, UserFactory(), MemberRole.VIEWER)
    other = organization()
    course = make_course(provider)
    running = make_cohort(course, name_en="Running", **dates_for("running"))
    trainees = [
        make_enrollment(running, status="enrolled", full_name=name)
        for name in ("سارة الخطيب", "عمر الحسن", "ليلى العمر")
    ]
    cohort_start(running)
    return {
        "provider": provider,
        "owner": owner_of(provider),
        "editor": editor,
        "viewer": viewer,
        "other": other,
        "outsider": owner_of(other),
        "course": course,
        "running": Cohort.objects.get(pk=running.pk),
        "trainees": trainees,
    }


def _urls(world: dict[str, Any]) -> list[str]:
    org, pk = world["provider"].pk, world["running"].pk
    return [
        f"/api/v1/my/organizations/{org}/cohorts/",
        f"/api/v1/my/organizations/{org}/cohorts/{pk}/enrollments/",
        f"/api/v1/my/organizations/{org}/cohorts/{pk}/attendance/",
    ]


def test_outsiders_get_404_and_anonymous_must_sign_in(world, client):
    for url in _urls(world):
        assert api(world["outsider"]).get(url).status_code == 404, url
        assert client.get(url).status_code in (401, 403), url
        for reader in ("owner", "editor", "viewer"):
            assert api(world[reader]).get(url).status_code == 200, (reader, url)
    # Another organization's cohort under one's own organization is not found either.
    mine = make_course(world["other"])
    theirs = make_cohort(mine)
    url = f"/api/v1/my/organizations/{world['provider'].pk}/cohorts/{theirs.pk}/enrollments/"
    assert api(world["owner"]).get(url).status_code == 404


def test_own_cohorts_include_drafts_and_cancelled(world):
    course = world["course"]
    make_cohort(course, status="draft", name_en="Draft")
    make_cohort(course, status="cancelled", name_en="Cancelled")
    make_cohort(make_course(), name_en="Someone else's")
    data = api(world["viewer"]).get(_urls(world)[0]).json()
    assert {row["name_en"]: row["status"] for row in data["results"]} == {
        "Running": "running",
        "Draft": "draft",
        "Cancelled": "cancelled",
    }


def test_enrollments_show_name_status_score_and_rank(world):
    cohort = make_cohort(world["course"], name_en="Selection", capacity=2)
    plain = make_enrollment(cohort, full_name="نور الدين")
    remote = make_enrollment(cohort, full_name="هبة سليمان", remote=True)
    both = make_enrollment(cohort, full_name="رامي يوسف", remote=True, vulnerable=True)
    cohort_select(actor=world["owner"], cohort=cohort)
    url = f"/api/v1/my/organizations/{world['provider'].pk}/cohorts/{cohort.pk}/enrollments/"
    rows = api(world["viewer"]).get(url).json()["results"]
    assert [(r["id"], r["applicant_name"], r["score"], r["rank"], r["status"]) for r in rows] == [
        (both.pk, "رامي يوسف", 60, 1, "accepted"),
        (remote.pk, "هبة سليمان", 30, 2, "accepted"),
        (plain.pk, "نور الدين", 0, 3, "waitlisted"),
    ]
    assert rows[2]["status_label"] == "On the waiting list"


def test_attendance_post_marks_present_and_absent(world):
    first, second, third = world["trainees"]
    url = _urls(world)[2]
    held_on = world["running"].starts_on + timedelta(days=1)
    client = api(world["editor"])
    response = client.post(
        url,
        {"held_on": held_on.isoformat(), "present": [first.pk, second.pk], "topic": "CSS"},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["held_on"] == held_on.isoformat() and body["topic"] == "CSS"
    assert body["present"] == sorted([first.pk, second.pk]) and body["absent"] == [third.pk]
    marks = dict(
        Attendance.objects.filter(session__held_on=held_on).values_list("enrollment", "present")
    )
    assert marks == {first.pk: True, second.pk: True, third.pk: False}

    # The same day again replaces the marks; an empty list marks everyone absent.
    response = client.post(url, {"held_on": held_on.isoformat(), "present": []}, format="json")
    assert response.status_code == 200
    assert set(
        Attendance.objects.filter(session__held_on=held_on).values_list("present", flat=True)
    ) == {False}
    assert Session.objects.filter(cohort=world["running"]).count() == 1

    (session,) = api(world["viewer"]).get(url).json()["results"]
    assert session["held_on"] == held_on.isoformat()
    assert session["present"] == [] and len(session["absent"]) == 3


def test_viewers_may_not_record_attendance_and_outsiders_are_not_found(world):
    url = _urls(world)[2]
    payload = {
        "held_on": world["running"].starts_on.isoformat(),
        "present": [world["trainees"][0].pk],
    }
    assert api(world["viewer"]).post(url, payload, format="json").status_code == 403
    assert api(world["outsider"]).post(url, payload, format="json").status_code == 404
    assert api(world["owner"]).post(url, payload, format="json").status_code == 201
    assert Session.objects.count() == 1


def test_attendance_errors_field_by_field(world):
    url = _urls(world)[2]
    client = api(world["editor"])
    cohort = world["running"]

    def refused(payload: dict[str, Any]) -> dict[str, Any]:
        response = client.post(url, payload, format="json")
        assert response.status_code == 400, (payload, response.status_code)
        return response.json()

    assert {"held_on", "present"} <= set(refused({"held_on": "2026-13-01", "present": "x"}))
    assert "held_on" in refused({"present": []})
    before = (cohort.starts_on - timedelta(days=1)).isoformat()
    assert "held_on" in refused({"held_on": before, "present": []})
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    assert "held_on" in refused({"held_on": tomorrow, "present": []})
    stranger = make_enrollment(make_cohort(make_course()), status="enrolled")
    day = cohort.starts_on.isoformat()
    assert "present" in refused({"held_on": day, "present": [stranger.pk]})
    assert not Session.objects.exists()


def test_attendance_is_refused_on_a_cohort_that_is_not_running(world):
    org = world["provider"].pk
    client = api(world["owner"])
    published = make_cohort(world["course"])
    finished = make_cohort(world["course"], status="finished")
    for cohort in (published, finished):
        response = client.post(
            f"/api/v1/my/organizations/{org}/cohorts/{cohort.pk}/attendance/",
            {"held_on": timezone.localdate().isoformat(), "present": []},
            format="json",
        )
        assert response.status_code == 400, cohort.status
        assert "running" in str(response.json())


def test_provider_list_queries_do_not_grow(world, django_assert_max_num_queries):
    client = api(world["viewer"])
    cohorts_url, _enrollments_url, attendance_url = _urls(world)
    cohort = world["running"]

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    attendance_mark(cohort, world["trainees"][:1], cohort.starts_on)
    few = {url: count(url) for url in _urls(world)}
    selection = make_cohort(world["course"])
    for n in range(12):
        make_cohort(world["course"], name_en=f"More {n}", eligible=("SY01", "SY02"))
        make_enrollment(selection, remote=bool(n % 2))
    url = f"/api/v1/my/organizations/{world['provider'].pk}/cohorts/{selection.pk}/enrollments/"
    selection_few = count(url)
    for _ in range(3):
        make_enrollment(selection)
    for n in range(1, 6):
        attendance_mark(cohort, world["trainees"][: n % 3], cohort.starts_on + timedelta(days=n))
    with django_assert_max_num_queries(few[cohorts_url]):
        client.get(cohorts_url)
    with django_assert_max_num_queries(selection_few):
        assert len(client.get(url).json()["results"]) == 15
    with django_assert_max_num_queries(few[attendance_url]):
        assert len(client.get(attendance_url).json()["results"]) == 6


# --- the schema -------------------------------------------------------------------------------


def test_schema_documents_the_training_endpoints(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    if "json" in response["Content-Type"]:
        schema = response.json()
    else:
        import yaml

        schema = yaml.safe_load(response.content)
    paths = schema["paths"]
    for path in (
        "/api/v1/cohorts/",
        "/api/v1/cohorts/{id}/",
        "/api/v1/my/organizations/{org}/cohorts/",
        "/api/v1/my/organizations/{org}/cohorts/{id}/enrollments/",
        "/api/v1/my/organizations/{org}/cohorts/{id}/attendance/",
    ):
        assert path in paths, path
    listing = paths["/api/v1/cohorts/"]["get"]
    assert listing["tags"] == ["training"]
    parameters = {p["name"]: p for p in listing["parameters"]}
    assert {"governorate", "status", "page"} <= set(parameters)
    assert set(parameters["status"]["schema"]["enum"]) == {"open", "upcoming", "closed"}
    attendance = paths["/api/v1/my/organizations/{org}/cohorts/{id}/attendance/"]
    assert {"get", "post"} <= set(attendance)
    assert {"400", "403", "404"} <= set(attendance["post"]["responses"])
    components = schema["components"]["schemas"]
    assert set(components["CohortStatusEnum"]["enum"]) == {
        "draft",
        "published",
        "running",
        "finished",
        "cancelled",
    }
    assert set(components["ApplicationsEnum"]["enum"]) == {"open", "upcoming", "closed"}
