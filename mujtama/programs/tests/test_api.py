"""The programs API: public calls, eligibility, my applications, my reviews."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from mujtama.organizations.models import MemberRole, OrganizationKind
from mujtama.organizations.tests.factories import OrganizationFactory, add_member, make_member
from mujtama.programs.models import Call, CallStatus, ProgramKind
from mujtama.programs.services.applications import (
    application_decide,
    application_save,
    application_start,
    application_submit,
    partner_answer,
    partner_invite,
)
from mujtama.programs.services.calls import call_publish_results, call_start_review, calls_tick
from mujtama.programs.services.reviews import review_assign, review_declare, review_score
from mujtama.programs.tests.test_public import RULES, make_call, make_program

pytestmark = pytest.mark.django_db

CALLS = "/api/v1/calls/"
MINE = "/api/v1/my/applications/"
REVIEWS = "/api/v1/reviews/"
ARABIC = re.compile(r"[\u0600-\u06FF]")
LIST_FIELDS = {
    "id",
    "title_ar",
    "title_en",
    "program",
    "status",
    "state",
    "state_label",
    "opens_at",
    "closes_at",
    "budget",
    "max_award",
    "version",
}


def detail(call: Call) -> str:
    return f"{CALLS}{call.pk}/"


def eligibility_url(call: Call) -> str:
    return f"{CALLS}{call.pk}/eligibility/"


@pytest.fixture
def program(program_manager):
    return make_program(program_manager)


@pytest.fixture
def member_org(org_owner):
    organization = OrganizationFactory(
        created_by=org_owner, name_ar="جمعية الأمل", name_en="Hope Association"
    )
    make_member(organization)
    return organization


@pytest.fixture
def three_calls(program, program_manager):
    now = timezone.now()
    return {
        "open": make_call(program_manager, program, title_en="Open call"),
        "upcoming": make_call(
            program_manager,
            program,
            title_en="Upcoming call",
            opens_at=now + timedelta(days=3),
            closes_at=now + timedelta(days=30),
        ),
        "closed": make_call(
            program_manager,
            program,
            title_en="Closed call",
            opens_at=now - timedelta(days=30),
            closes_at=now - timedelta(days=3),
        ),
    }


# --- the list -----------------------------------------------------------------------------


def test_list_shows_public_calls_with_their_fields(client, three_calls, program, program_manager):
    make_call(program_manager, program, title_en="Draft", publish=False)
    hidden = make_program(program_manager, published=False)
    make_call(program_manager, hidden, title_en="Of a hidden programme")
    response = client.get(CALLS)
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"count", "next", "previous", "results"}
    titles = {item["title_en"]: item for item in data["results"]}
    assert set(titles) == {"Open call", "Upcoming call", "Closed call"}
    item = titles["Open call"]
    assert set(item) == LIST_FIELDS
    assert item["status"] == "open"
    assert item["state"] == "open"
    assert item["program"] == {
        "id": program.pk,
        "kind": "training",
        "name_ar": program.name_ar,
        "name_en": program.name_en,
        "ministry": "moct",
    }
    assert item["budget"] == "150000000"
    assert item["max_award"] == "2500000"
    assert item["version"] == 1
    assert item["closes_at"].startswith(str(three_calls["open"].closes_at.year))
    assert titles["Upcoming call"]["status"] == "upcoming"
    assert titles["Upcoming call"]["state"] == "published"
    assert titles["Closed call"]["status"] == "closed"
    assert titles["Closed call"]["state"] == "closed"


@pytest.mark.parametrize("status", ["open", "upcoming", "closed"])
def test_list_filters_by_status(client, three_calls, status):
    response = client.get(CALLS, {"status": status})
    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [three_calls[status].pk]


def test_status_follows_the_clock(client, three_calls):
    with time_machine.travel(timezone.now() + timedelta(days=4), tick=False):
        response = client.get(CALLS, {"status": "open"})
    ids = {item["id"] for item in response.json()["results"]}
    assert ids == {three_calls["open"].pk, three_calls["upcoming"].pk}


def test_list_filters_by_kind(client, program, program_manager):
    research = make_program(program_manager, kind=ProgramKind.JOINT_RESEARCH)
    make_call(program_manager, program, title_en="Training call")
    wanted = make_call(program_manager, research, title_en="Research call")
    response = client.get(CALLS, {"kind": "joint_research"})
    assert [item["id"] for item in response.json()["results"]] == [wanted.pk]


def test_a_bad_status_is_a_field_error_in_the_language_asked_for(client, three_calls):
    english = client.get(CALLS, {"status": "someday"}, HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 400
    assert "status" in english.json()
    assert "not a valid choice" in english.json()["status"][0]
    arabic = client.get(CALLS, {"status": "someday"}, HTTP_ACCEPT_LANGUAGE="ar")
    assert arabic.status_code == 400
    assert ARABIC.search(arabic.json()["status"][0])
    bad_kind = client.get(CALLS, {"kind": "spaceship"})
    assert bad_kind.status_code == 400
    assert "kind" in bad_kind.json()


def _queries(client, url, **params) -> int:
    """The queries of building the answer (not of serving it from the cache)."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(captured)


def test_the_list_is_served_from_the_cache_until_a_call_changes(
    client, program, program_manager, django_capture_on_commit_callbacks
):
    make_call(program_manager, program, title_en="First call")
    assert [c["title_en"] for c in client.get(CALLS).json()["results"]] == ["First call"]
    with CaptureQueriesContext(connection) as served:
        client.get(CALLS)
    assert len(served) == 0
    with django_capture_on_commit_callbacks(execute=True):
        make_call(program_manager, program, title_en="Second call")
    titles = {c["title_en"] for c in client.get(CALLS).json()["results"]}
    assert titles == {"First call", "Second call"}


def test_list_queries_are_the_same_for_10_and_40_calls(client, program_manager):
    programs = [make_program(program_manager, name_en=f"Programme {n}") for n in range(5)]
    for number in range(10):
        make_call(program_manager, programs[number % 5], title_en=f"Call {number}")
    few = _queries(client, CALLS)
    for number in range(30):
        make_call(program_manager, programs[number % 5], title_en=f"More {number}")
    many = _queries(client, CALLS)
    assert few == many
    assert client.get(CALLS).json()["count"] == 40


def test_public_api_does_not_accept_writes(client, three_calls, org_owner):
    client.force_login(org_owner)
    assert client.post(CALLS, {"title_en": "x"}).status_code in (403, 405)
    assert client.delete(detail(three_calls["open"])).status_code in (403, 405)


# --- one call -----------------------------------------------------------------------------


def test_detail_has_rules_described_questions_and_rubric(client, program, program_manager):
    call = make_call(program_manager, program, rules=RULES)
    response = client.get(detail(call), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= LIST_FIELDS
    assert data["text_en"] == "The text of the call in English."
    assert data["text_ar"] == "نص الدعوة بالعربية."
    rules = data["eligibility_rules"]
    assert [rule["type"] for rule in rules] == [rule["type"] for rule in RULES]
    assert rules[1]["values"] == ["SY01", "SY02"]
    assert rules[1]["description"] == (
        "Works in at least one of these governorates: Damascus, Aleppo"
    )
    assert [q["label_en"] for q in data["questions"]] == [
        "Describe the project",
        "Length of the project",
    ]
    assert data["questions"][1]["choices"][0]["value"] == "short"
    assert [(c["name_en"], c["weight"]) for c in data["rubric"]] == [
        ("Relevance", 3),
        ("Feasibility", 1),
    ]
    assert data["awards"] is None
    arabic = client.get(detail(call), HTTP_ACCEPT_LANGUAGE="ar").json()
    assert "دمشق، حلب" in arabic["eligibility_rules"][1]["description"]


def test_detail_of_a_draft_is_not_found_in_the_language_asked_for(client, program, program_manager):
    draft = make_call(program_manager, program, publish=False)
    english = client.get(detail(draft), HTTP_ACCEPT_LANGUAGE="en")
    assert english.status_code == 404
    assert english.json()["detail"] == "Not found."
    arabic = client.get(detail(draft), HTTP_ACCEPT_LANGUAGE="ar")
    assert arabic.status_code == 404
    assert ARABIC.search(arabic.json()["detail"])
    assert client.get(f"{CALLS}999999/").status_code == 404


def _decided_call(program_manager, org_owner, program, lead, loser):
    now = timezone.now()
    call = make_call(program_manager, program, closes_at=now + timedelta(days=1))
    question = call.questions.get(label_en="Describe the project")
    submitted = []
    for organization, title in ((lead, "Coding clubs"), (loser, "Secret plan")):
        application = application_start(actor=org_owner, call=call, lead=organization, title=title)
        application_save(actor=org_owner, application=application, answers={question.pk: "Text"})
        submitted.append(application_submit(actor=org_owner, application=application))
    with time_machine.travel(now + timedelta(days=2), tick=False):
        calls_tick()
        call.refresh_from_db()
        call = call_start_review(actor=program_manager, call=call)
        winner, other = submitted
        for action in ("start_screening", "pass_screening", "shortlist"):
            winner = application_decide(actor=program_manager, application=winner, action=action)
        winner = application_decide(
            actor=program_manager,
            application=winner,
            action="award",
            reason="Strong plan",
            amount=Decimal(1750000),
        )
        other = application_decide(
            actor=program_manager, application=other, action="start_screening"
        )
        other = application_decide(
            actor=program_manager, application=other, action="screen_out", reason="Too vague"
        )
    return call, winner, other


def test_detail_lists_awards_once_results_are_published(
    client, program, program_manager, org_owner, member_org
):
    loser = OrganizationFactory(created_by=org_owner, name_en="Unlucky")
    make_member(loser)
    call, _winner, _other = _decided_call(program_manager, org_owner, program, member_org, loser)
    assert client.get(detail(call)).json()["awards"] is None
    call_publish_results(actor=program_manager, call=call)
    data = client.get(detail(call)).json()
    assert data["awards"] == [
        {
            "organization": {
                "id": member_org.pk,
                "name_ar": "جمعية الأمل",
                "name_en": "Hope Association",
            },
            "project_title": "Coding clubs",
            "amount": "1750000",
        }
    ]
    assert data["status"] == "closed"
    assert data["state"] == CallStatus.RESULTS_PUBLISHED
    assert "Secret plan" not in str(data)


# --- eligibility --------------------------------------------------------------------------


def test_eligibility_of_one_of_my_organizations(
    client, program, program_manager, org_owner, member_org
):
    call = make_call(program_manager, program, rules=RULES)
    client.force_login(org_owner)
    response = client.get(
        eligibility_url(call), {"organization": member_org.pk}, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    data = response.json()
    assert data["call"] == call.pk
    assert data["organization"]["id"] == member_org.pk
    assert data["eligible"] is False
    assert [r["rule"] for r in data["results"]] == [r["type"] for r in RULES]
    by_rule = {r["rule"]: r for r in data["results"]}
    assert by_rule["membership_current"]["passed"] is True
    failed = by_rule["consortium_includes_kind"]
    assert failed["passed"] is False
    assert failed["message"] == failed["message_en"]
    assert "University" in failed["message_en"]
    assert ARABIC.search(failed["message_ar"])
    assert failed["description"].startswith("The consortium")
    arabic = client.get(
        eligibility_url(call), {"organization": member_org.pk}, HTTP_ACCEPT_LANGUAGE="ar"
    ).json()
    assert arabic["results"][3]["message"] == arabic["results"][3]["message_ar"]


def test_eligibility_passes_when_every_rule_passes(
    client, program, program_manager, org_owner, member_org
):
    call = make_call(program_manager, program, rules=RULES[:3])
    client.force_login(org_owner)
    data = client.get(eligibility_url(call), {"organization": member_org.pk}).json()
    assert data["eligible"] is True
    assert all(result["passed"] for result in data["results"])


def test_eligibility_is_open_to_any_role_in_the_organization(
    client, program, program_manager, citizen, member_org
):
    add_member(member_org, citizen, MemberRole.VIEWER)
    call = make_call(program_manager, program, rules=RULES)
    client.force_login(citizen)
    response = client.get(eligibility_url(call), {"organization": member_org.pk})
    assert response.status_code == 200


def test_eligibility_refuses_organizations_the_person_is_not_in(
    client, program, program_manager, citizen, member_org
):
    call = make_call(program_manager, program, rules=RULES)
    client.force_login(citizen)
    response = client.get(
        eligibility_url(call), {"organization": member_org.pk}, HTTP_ACCEPT_LANGUAGE="ar"
    )
    assert response.status_code == 404
    assert ARABIC.search(response.json()["detail"])
    assert client.get(eligibility_url(call), {"organization": 999999}).status_code == 404


def test_eligibility_needs_an_organization_and_a_public_call(
    client, program, program_manager, org_owner, member_org
):
    call = make_call(program_manager, program, rules=RULES)
    draft = make_call(program_manager, program, publish=False)
    client.force_login(org_owner)
    missing = client.get(eligibility_url(call), HTTP_ACCEPT_LANGUAGE="ar")
    assert missing.status_code == 400
    assert ARABIC.search(missing.json()["organization"][0])
    assert client.get(eligibility_url(call), {"organization": "abc"}).status_code == 400
    assert client.get(eligibility_url(draft), {"organization": member_org.pk}).status_code == 404


def test_eligibility_needs_a_signed_in_person(client, program, program_manager, member_org):
    call = make_call(program_manager, program, rules=RULES)
    response = client.get(eligibility_url(call), {"organization": member_org.pk})
    assert response.status_code in (401, 403)


# --- my applications ----------------------------------------------------------------------


def test_my_applications_as_lead_and_as_partner(
    client, program, program_manager, org_owner, citizen, member_org
):
    university = OrganizationFactory(
        created_by=citizen, kind=OrganizationKind.UNIVERSITY, name_en="Damascus University"
    )
    call = make_call(program_manager, program)
    application = application_start(
        actor=org_owner, call=call, lead=member_org, title="Coding clubs"
    )
    invitation = partner_invite(actor=org_owner, application=application, partner=university)
    strangers = OrganizationFactory(name_en="Strangers")
    make_member(strangers)
    application_start(actor=strangers.created_by, call=call, lead=strangers, title="Not ours")

    client.force_login(org_owner)
    response = client.get(MINE, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    items = response.json()["results"]
    assert [item["id"] for item in items] == [application.pk]
    item = items[0]
    assert item["call"] == {"id": call.pk, "title_ar": call.title_ar, "title_en": call.title_en}
    assert item["lead"]["name_en"] == "Hope Association"
    assert item["taking_part_as"] == "lead"
    assert item["title"] == "Coding clubs"
    assert item["status"] == "draft"
    assert item["status_label"] == "Being prepared"
    assert item["submitted_at"] is None
    assert item["award_amount"] is None
    assert item["partners"] == [
        {
            "organization": {
                "id": university.pk,
                "name_ar": university.name_ar,
                "name_en": "Damascus University",
            },
            "status": "invited",
            "status_label": "Waiting for confirmation",
        }
    ]

    client.force_login(citizen)
    partner_view = client.get(MINE).json()["results"]
    assert [(i["id"], i["taking_part_as"]) for i in partner_view] == [(application.pk, "partner")]
    partner_answer(actor=citizen, partner=invitation, confirm=False)
    assert client.get(MINE).json()["results"] == []


def test_my_applications_show_the_decision_and_the_award(
    client, program, program_manager, org_owner, member_org
):
    loser = OrganizationFactory(created_by=org_owner, name_en="Unlucky")
    make_member(loser)
    _call, winner, other = _decided_call(program_manager, org_owner, program, member_org, loser)
    client.force_login(org_owner)
    items = {item["id"]: item for item in client.get(MINE).json()["results"]}
    assert items[winner.pk]["status"] == "awarded"
    assert items[winner.pk]["award_amount"] == "1750000"
    assert items[winner.pk]["decision_reason"] == "Strong plan"
    assert items[winner.pk]["decided_at"]
    assert items[winner.pk]["submitted_at"]
    assert items[other.pk]["status"] == "not_selected"
    assert items[other.pk]["award_amount"] is None
    assert items[other.pk]["decision_reason"] == "Too vague"


def test_my_applications_queries_do_not_grow(client, program, program_manager, org_owner):
    def applications(count):
        for _ in range(count):
            organization = OrganizationFactory(created_by=org_owner)
            make_member(organization)
            call = make_call(program_manager, program)
            application = application_start(
                actor=org_owner, call=call, lead=organization, title="A project"
            )
            partner = OrganizationFactory()
            partner_invite(actor=org_owner, application=application, partner=partner)

    applications(2)
    client.force_login(org_owner)
    few = _queries(client, MINE)
    applications(6)
    assert few == _queries(client, MINE)
    assert client.get(MINE).json()["count"] == 8


def test_my_applications_need_a_signed_in_person(client):
    assert client.get(MINE).status_code in (401, 403)


# --- reviews ------------------------------------------------------------------------------


@pytest.fixture
def review(program, program_manager, org_owner, member_org, reviewer):
    call = make_call(program_manager, program)
    question = call.questions.get(label_en="Describe the project")
    application = application_start(
        actor=org_owner, call=call, lead=member_org, title="Confidential project"
    )
    application_save(actor=org_owner, application=application, answers={question.pk: "Text"})
    application = application_submit(actor=org_owner, application=application)
    for action in ("start_screening", "pass_screening"):
        application = application_decide(
            actor=program_manager, application=application, action=action
        )
    return review_assign(actor=program_manager, application=application, reviewer=reviewer)


def test_reviews_hide_the_application_before_the_no_conflict_declaration(client, review, reviewer):
    client.force_login(reviewer)
    response = client.get(REVIEWS, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    items = response.json()["results"]
    assert len(items) == 1
    item = items[0]
    assert item["id"] == review.pk
    assert item["application"] == review.application_id
    assert item["call"]["title_en"] == "First training call"
    assert item["status"] == "assigned"
    assert item["application_title"] is None
    assert item["lead"] is None
    assert item["scores"] is None
    assert "Confidential project" not in response.content.decode()
    assert "Hope Association" not in response.content.decode()


def test_reviews_show_the_application_and_own_scores_after_declaring(client, review, reviewer):
    review = review_declare(actor=reviewer, review=review, conflict=False)
    criteria = list(review.application.call.rubric.filter(is_active=True))
    review_score(
        actor=reviewer,
        review=review,
        scores={criteria[0].pk: (4, "Good fit")},
        comment="Promising",
    )
    client.force_login(reviewer)
    item = client.get(REVIEWS).json()["results"][0]
    assert item["status"] == "accepted"
    assert item["application_title"] == "Confidential project"
    assert item["lead"]["name_en"] == "Hope Association"
    assert item["comment"] == "Promising"
    assert [(s["criterion"]["name_en"], s["value"], s["comment"]) for s in item["scores"]] == [
        ("Relevance", 4, "Good fit")
    ]


def test_reviews_stay_hidden_after_a_declared_conflict(client, review, reviewer):
    review_declare(actor=reviewer, review=review, conflict=True, note="My cousin runs it")
    client.force_login(reviewer)
    item = client.get(REVIEWS).json()["results"][0]
    assert item["status"] == "conflicted"
    assert item["application_title"] is None
    assert item["lead"] is None


def test_reviews_show_only_the_requesters_own(client, review, reviewer):
    from mujtama.accounts.tests.factories import staff_user

    other = staff_user("reviewer", email="other.reviewer@example.sy")
    client.force_login(other)
    assert client.get(REVIEWS).json()["results"] == []


def test_reviews_queries_do_not_grow(client, program, program_manager, org_owner, reviewer):
    call = make_call(program_manager, program)
    question = call.questions.get(label_en="Describe the project")
    criteria = list(call.rubric.filter(is_active=True))

    def reviews(count):
        for _ in range(count):
            organization = OrganizationFactory(created_by=org_owner)
            make_member(organization)
            application = application_start(
                actor=org_owner, call=call, lead=organization, title="A project"
            )
            application_save(
                actor=org_owner, application=application, answers={question.pk: "Text"}
            )
            application = application_submit(actor=org_owner, application=application)
            for action in ("start_screening", "pass_screening"):
                application = application_decide(
                    actor=program_manager, application=application, action=action
                )
            review = review_assign(
                actor=program_manager, application=application, reviewer=reviewer
            )
            review = review_declare(actor=reviewer, review=review, conflict=False)
            review_score(
                actor=reviewer,
                review=review,
                scores={criterion.pk: (3, "") for criterion in criteria},
            )

    reviews(1)
    client.force_login(reviewer)
    few = _queries(client, REVIEWS)
    reviews(4)
    assert few == _queries(client, REVIEWS)
    items = client.get(REVIEWS).json()["results"]
    assert len(items) == 5
    assert all(len(item["scores"]) == 2 for item in items)


@pytest.mark.parametrize(
    "persona_name", ["citizen", "org_owner", "program_manager", "staff_without_second_factor"]
)
def test_reviews_are_forbidden_to_non_reviewers(client, persona, persona_name):
    client.force_login(persona(persona_name))
    assert client.get(REVIEWS).status_code == 403


def test_reviews_are_refused_to_anonymous_visitors(client):
    assert client.get(REVIEWS).status_code in (401, 403)


# --- schema -------------------------------------------------------------------------------


def test_schema_documents_the_programs_endpoints(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    if "json" in response["Content-Type"]:
        paths = response.json()["paths"]
    else:
        import yaml

        paths = yaml.safe_load(response.content)["paths"]
    for path in (
        "/api/v1/calls/",
        "/api/v1/calls/{id}/",
        "/api/v1/calls/{id}/eligibility/",
        "/api/v1/my/applications/",
        "/api/v1/reviews/",
    ):
        assert path in paths, path
    assert paths["/api/v1/calls/"]["get"]["tags"] == ["calls"]
    parameters = {p["name"] for p in paths["/api/v1/calls/"]["get"]["parameters"]}
    assert {"status", "kind", "page"} <= parameters
