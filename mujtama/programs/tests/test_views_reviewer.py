"""Reviewers, through their pages: nothing of an application before the declaration
of no conflict of interest (but the names of its organizations), then its content
and the scoring form; a review that cannot be submitted with a criterion unscored
(the values kept); a declared conflict that tells the program manager; and a review
that is its reviewer's alone."""

import re
from typing import Any

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from mujtama.accounts.tests.factories import staff_user
from mujtama.notifications.models import Notification
from mujtama.organizations.models import OrganizationKind
from mujtama.programs.models import Application, Review, Score
from mujtama.programs.services import applications as application_services
from mujtama.programs.services.reviews import review_assign
from mujtama.programs.tests.test_views_applicant import (
    complete,
    make_call,
    member_org,
    questions_of,
    start,
)

pytestmark = pytest.mark.django_db

TITLE = "مهارات رقمية لشباب الريف"
SHORT_NAME = "مهارات الريف"  # the answer to the text question


def url(name: str, *args: Any, lang: str = "ar") -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def text(response: Any) -> str:
    return response.content.decode()


def under_review(manager: Any, call: Any, *, lead: Any = None, partner: Any = None) -> Application:
    """An application taken through submission and screening by the services."""
    lead = lead or member_org()
    owner = lead.created_by
    application = complete(owner, start(owner, call, lead, title=TITLE))
    if partner is not None:
        invitation = application_services.partner_invite(
            actor=owner, application=application, partner=partner
        )
        application_services.partner_answer(
            actor=partner.created_by, partner=invitation, confirm=True
        )
    application_services.application_submit(actor=owner, application=application)
    for action in ("start_screening", "pass_screening"):
        application_services.application_decide(
            actor=manager, application=application, action=action
        )
    application.refresh_from_db()
    return application


@pytest.fixture
def call(program_manager: Any) -> Any:
    return make_call(program_manager)


@pytest.fixture
def partner() -> Any:
    return member_org(
        kind=OrganizationKind.UNIVERSITY, name_ar="جامعة حلب", name_en="University of Aleppo"
    )


@pytest.fixture
def application(program_manager: Any, call: Any, partner: Any) -> Application:
    lead = member_org(name_ar="جمعية الأمل التقنية", name_en="Hope Tech Association")
    return under_review(program_manager, call, lead=lead, partner=partner)


@pytest.fixture
def review(program_manager: Any, reviewer: Any, application: Application) -> Review:
    return review_assign(actor=program_manager, application=application, reviewer=reviewer)


def scores_data(call: Any, action: str, **scores: Any) -> dict[str, Any]:
    """Form data: ``scores`` by the criterion's English name, as (value, comment)."""
    data: dict[str, Any] = {"action": action, "comment": "مشروع واعد ومدروس."}
    for criterion in call.rubric.all():
        if criterion.name_en in scores:
            value, comment = scores[criterion.name_en]
            if value is not None:
                data[f"score_{criterion.pk}"] = str(value)
            data[f"comment_{criterion.pk}"] = comment
    return data


def test_the_whole_review_through_the_pages(client, reviewer, call, application, review):
    client.force_login(reviewer)
    file_url = url("programs:answer_file", application.pk, questions_of(call)["file"].pk)
    file_url_en = url(
        "programs:answer_file", application.pk, questions_of(call)["file"].pk, lang="en"
    )

    # Before the declaration: no title, no organization in the list.
    listing = text(client.get(url("programs_review:reviews", lang="en")))
    assert "Declare whether you have a conflict of interest to see it" in listing
    assert TITLE not in listing
    assert "Hope Tech Association" not in listing
    assert url("programs_review:review", review.pk, lang="en") in listing
    assert "Damascus time" in listing

    # The review page names the consortium's organizations, nothing of the content.
    page = text(client.get(url("programs_review:review", review.pk, lang="en")))
    assert "Hope Tech Association" in page and "University of Aleppo" in page
    assert TITLE not in page
    assert SHORT_NAME not in page
    assert file_url_en not in page
    assert "I have no conflict of interest with the organizations of this application" in page
    assert client.get(file_url).status_code == 404

    # Declaring no conflict opens the application.
    declared = client.post(url("programs_review:review", review.pk), {"declare": "no"})
    assert declared.status_code == 302
    review.refresh_from_db()
    assert review.status == "accepted"
    page = text(client.get(url("programs_review:review", review.pk, lang="en")))
    assert TITLE in page and SHORT_NAME in page
    assert file_url_en in page
    assert "1,500,000 SYP" in page
    assert "Damascus" in page  # the choice, by its label
    assert client.get(file_url).status_code == 200
    impact, feasibility = list(call.rubric.order_by("order"))
    assert 'type="radio"' in page and f'name="score_{impact.pk}"' in page
    listing = text(client.get(url("programs_review:reviews", lang="en")))
    assert TITLE in listing and "Hope Tech Association" in listing

    # Saving part of the scores.
    saved = client.post(
        url("programs_review:review", review.pk),
        scores_data(call, "save", Impact=(4, "أثر واسع في الريف.")),
    )
    assert saved.status_code == 302
    assert Score.objects.get(review=review, criterion=impact).value == 4

    # Submitting with a criterion unscored is refused; every value is kept.
    refused = client.post(
        url("programs_review:review", review.pk, lang="en"),
        scores_data(
            call, "submit", Impact=(5, "أثر واسع جداً."), Feasibility=(None, "الميزانية ضيقة.")
        ),
    )
    assert refused.status_code == 200
    page = text(refused)
    assert "The review was not submitted" in page
    assert re.search(rf'name="score_{impact.pk}" value="5"[^>]*checked', page)
    assert "أثر واسع جداً." in page
    assert "الميزانية ضيقة." in page
    assert "مشروع واعد ومدروس." in page
    assert re.search(rf'id="id_score_{feasibility.pk}_error"', page)
    review.refresh_from_db()
    assert review.status == "accepted"
    assert Score.objects.get(review=review, criterion=impact).value == 5

    # Every criterion scored: submitted, then shown read-only.
    submitted = client.post(
        url("programs_review:review", review.pk),
        scores_data(
            call, "submit", Impact=(5, "أثر واسع جداً."), Feasibility=(3, "الميزانية ضيقة.")
        ),
    )
    assert submitted.status_code == 302
    review.refresh_from_db()
    assert review.status == "submitted"
    assert review.comment == "مشروع واعد ومدروس."
    assert Score.objects.get(review=review, criterion=feasibility).comment == "الميزانية ضيقة."
    page = text(client.get(url("programs_review:review", review.pk, lang="en")))
    assert "Your submitted review" in page
    assert "3 / 5" in page
    assert 'name="action"' not in page
    # Nothing changes any more.
    again = client.post(
        url("programs_review:review", review.pk), scores_data(call, "save", Impact=(0, ""))
    )
    assert again.status_code == 302
    assert Score.objects.get(review=review, criterion=impact).value == 5


def test_a_comment_without_a_score_is_not_lost_silently(client, reviewer, call, review):
    review_services_declare(review, reviewer)
    client.force_login(reviewer)
    impact = call.rubric.get(name_en="Impact")
    response = client.post(
        url("programs_review:review", review.pk, lang="en"),
        scores_data(call, "save", Impact=(None, "تعليق بلا درجة.")),
    )
    assert response.status_code == 200
    assert "A comment is kept only with its score." in text(response)
    assert "تعليق بلا درجة." in text(response)
    assert not Score.objects.filter(review=review, criterion=impact).exists()


def review_services_declare(review: Review, reviewer: Any) -> None:
    from mujtama.programs.services.reviews import review_declare

    review_declare(actor=reviewer, review=review, conflict=False)


def test_a_declared_conflict_needs_its_explanation_and_tells_the_manager(
    client, reviewer, program_manager, review, django_capture_on_commit_callbacks
):
    client.force_login(reviewer)
    missing = client.post(
        url("programs_review:review", review.pk, lang="en"), {"declare": "yes", "note": " "}
    )
    assert missing.status_code == 200
    assert "Explain the conflict of interest." in text(missing)
    review.refresh_from_db()
    assert review.status == "assigned"

    note = "عملتُ مستشاراً لجمعية الأمل التقنية العام الماضي."
    with django_capture_on_commit_callbacks(execute=True):
        declared = client.post(
            url("programs_review:review", review.pk), {"declare": "yes", "note": note}
        )
    assert declared.status_code == 302
    review.refresh_from_db()
    assert review.status == "conflicted"
    assert review.conflict_note == note
    told = Notification.objects.filter(
        recipient=program_manager, kind="programs_review", channel="inbox"
    )
    assert told.count() == 1
    assert any(program_manager.email in message.to for message in mail.outbox)
    # The application stays closed to the reviewer.
    page = text(client.get(url("programs_review:review", review.pk, lang="en")))
    assert "You declared a conflict of interest" in page
    assert escape(note) in page or note in page
    assert TITLE not in page and SHORT_NAME not in page
    assert "Conflict of interest" in text(client.get(url("programs_review:reviews", lang="en")))


def test_another_reviewer_guessing_the_id_gets_404(client, reviewer, call, application, review):
    review_services_declare(review, reviewer)
    other = staff_user("reviewer", email="other.reviewer@example.sy")
    client.force_login(other)
    assert client.get(url("programs_review:review", review.pk)).status_code == 404
    assert (
        client.post(url("programs_review:review", review.pk), {"declare": "no"}).status_code == 404
    )
    assert (
        client.post(
            url("programs_review:review", review.pk), scores_data(call, "save", Impact=(1, ""))
        ).status_code
        == 404
    )
    file_url = url("programs:answer_file", application.pk, questions_of(call)["file"].pk)
    assert client.get(file_url).status_code == 404
    assert client.get(url("programs:application", application.pk)).status_code == 404
    assert TITLE not in text(client.get(url("programs_review:reviews")))
    review.refresh_from_db()
    assert review.status == "accepted"
    assert not Score.objects.exists()


def test_the_review_pages_are_for_reviewers(client, org_owner, program_manager, review):
    for person in (org_owner, program_manager):
        client.force_login(person)
        assert client.get(url("programs_review:reviews")).status_code == 403
        assert client.get(url("programs_review:review", review.pk)).status_code == 403


def _reviews_queries(client: Any) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url("programs_review:reviews"))
    assert response.status_code == 200
    return len(queries)


def test_the_list_of_reviews_queries_do_not_grow_with_the_reviews(
    client, reviewer, program_manager
):
    def add(count: int) -> None:
        for number in range(count):
            call = make_call(program_manager, title_en=f"Call {number}")
            review = review_assign(
                actor=program_manager,
                application=under_review(program_manager, call),
                reviewer=reviewer,
            )
            if number % 2:
                review_services_declare(review, reviewer)

    add(1)
    client.force_login(reviewer)
    few = _reviews_queries(client)
    add(4)
    many = _reviews_queries(client)
    assert Review.objects.filter(reviewer=reviewer).count() == 5
    assert many == few, (few, many)
