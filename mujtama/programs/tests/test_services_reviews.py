"""Reviews: assignment with the conflict-of-interest control, declarations (a declared
conflict ends the review and tells the manager), scores and submission."""

from typing import Any, cast

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from mujtama.accounts.tests.factories import UserFactory, staff_user
from mujtama.core.models import AuditEvent
from mujtama.core.workflows import TransitionNotAllowed
from mujtama.notifications.models import Notification
from mujtama.organizations.models import MemberRole
from mujtama.organizations.tests.factories import add_member
from mujtama.programs.models import Application, Review, Score
from mujtama.programs.permissions import may_see_application
from mujtama.programs.services.applications import partner_answer, partner_invite
from mujtama.programs.services.reviews import (
    review_assign,
    review_declare,
    review_score,
    review_submit,
)
from mujtama.programs.tests.factories import (
    REASON,
    force,
    make_call,
    member_org,
    start,
    submitted,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english():
    with translation.override("en"):
        yield


@pytest.fixture
def people() -> dict[str, Any]:
    return {"partner_owner": UserFactory(), "declined_owner": UserFactory()}


@pytest.fixture
def application(program_manager, org_owner, people) -> Application:
    """An application under review, led by org_owner's organization with one confirmed
    partner and one that declined."""
    draft = start(make_call(program_manager), org_owner)
    confirmed = partner_invite(
        actor=org_owner, application=draft, partner=member_org(people["partner_owner"])
    )
    partner_answer(actor=people["partner_owner"], partner=confirmed, confirm=True)
    declined = partner_invite(
        actor=org_owner, application=draft, partner=member_org(people["declined_owner"])
    )
    partner_answer(actor=people["declined_owner"], partner=declined, confirm=False)
    people["partner"] = confirmed.organization
    people["declined"] = declined.organization
    from mujtama.programs.services.applications import application_submit

    return force(application_submit(actor=org_owner, application=draft), "under_review")


def _criteria(application: Application) -> list[Any]:
    return list(application.call.rubric.filter(is_active=True))


# --- assignment and conflicts of interest -----------------------------------------------------


def test_a_reviewer_is_assigned_and_told(
    application, program_manager, reviewer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        review = review_assign(actor=program_manager, application=application, reviewer=reviewer)
    assert review.status == "assigned"
    assert review.assigned_by == program_manager
    told = Notification.objects.get(kind="programs_review", channel="inbox")
    assert told.recipient == reviewer
    assert told.link.endswith(f"/review/{review.pk}/")
    assert AuditEvent.objects.filter(verb="programs.reviewer_assigned").count() == 1
    # Assigned is not yet allowed to read the application: the declaration comes first.
    assert not may_see_application(reviewer, application)


@pytest.mark.parametrize("role", [MemberRole.OWNER, MemberRole.EDITOR, MemberRole.VIEWER])
@pytest.mark.parametrize("where", ["lead", "partner"])
def test_a_member_of_the_consortium_is_never_assigned(
    role, where, application, program_manager, people
):
    organization = application.lead if where == "lead" else people["partner"]
    insider = add_member(organization, staff_user("reviewer"), role)
    with pytest.raises(ValidationError) as refused:
        review_assign(actor=program_manager, application=application, reviewer=insider)
    assert "can never review it" in " ".join(refused.value.messages)
    assert not Review.objects.exists()
    assert not Notification.objects.filter(kind="programs_review").exists()


def test_a_member_of_a_partner_that_declined_may_be_assigned(application, program_manager, people):
    outsider = add_member(people["declined"], staff_user("reviewer"), MemberRole.VIEWER)
    assert review_assign(actor=program_manager, application=application, reviewer=outsider)


def test_a_member_of_an_invited_partner_is_a_conflict_too(program_manager, org_owner):
    draft = start(make_call(program_manager), org_owner)
    invited = partner_invite(actor=org_owner, application=draft, partner=member_org(UserFactory()))
    insider = add_member(invited.organization, staff_user("reviewer"), MemberRole.VIEWER)
    # (An invited partner blocks submission; here the file is moved on by hand to show
    # that the check reads every non-declined partner.)
    under_review = force(draft, "under_review")
    with pytest.raises(ValidationError):
        review_assign(actor=program_manager, application=under_review, reviewer=insider)


def test_only_people_with_the_reviewer_role_are_assigned(
    application, program_manager, citizen, moct_officer, analyst
):
    for person in (citizen, moct_officer, analyst, program_manager):
        with pytest.raises(ValidationError) as refused:
            review_assign(actor=program_manager, application=application, reviewer=person)
        assert "reviewer role" in " ".join(refused.value.messages)
    assert not Review.objects.exists()


def test_only_a_program_manager_assigns(application, reviewer, org_owner, moct_officer):
    for person in (
        org_owner,
        moct_officer,
        reviewer,
        staff_user("program_manager", second_factor=False),
    ):
        with pytest.raises(PermissionDenied):
            review_assign(actor=person, application=application, reviewer=reviewer)
    assert not Review.objects.exists()


def test_the_same_reviewer_is_not_assigned_twice(application, program_manager, reviewer):
    review_assign(actor=program_manager, application=application, reviewer=reviewer)
    with pytest.raises(ValidationError) as refused:
        review_assign(actor=program_manager, application=application, reviewer=reviewer)
    assert "already assigned" in " ".join(refused.value.messages)
    assert Review.objects.count() == 1
    assert AuditEvent.objects.filter(verb="programs.reviewer_assigned").count() == 1


@pytest.mark.parametrize(
    "state",
    ["draft", "submitted", "screening", "more_info", "awarded", "not_selected", "withdrawn"],
)
def test_reviewers_are_assigned_only_under_review_or_shortlisted(
    state, application, program_manager, reviewer
):
    with pytest.raises(ValidationError):
        review_assign(
            actor=program_manager, application=force(application, state), reviewer=reviewer
        )
    assert review_assign(
        actor=program_manager, application=force(application, "shortlisted"), reviewer=reviewer
    )


def test_a_declared_conflict_ends_the_review_and_the_manager_is_told(
    application, program_manager, reviewer, django_capture_on_commit_callbacks
):
    review = review_assign(actor=program_manager, application=application, reviewer=reviewer)
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        ended = review_declare(
            actor=reviewer,
            review=review,
            conflict=True,
            note="  عملت مستشاراً لهذه الجمعية العام الماضي  ",
        )
    assert ended.status == "conflicted"
    assert ended.conflict_note == "عملت مستشاراً لهذه الجمعية العام الماضي"
    assert ended.declared_at is not None
    told = Notification.objects.filter(kind="programs_review", channel="inbox")
    assert [n.recipient for n in told] == [program_manager]
    assert "تضارب في المصالح" in told.get().subject  # in the manager's language, Arabic
    assert not may_see_application(reviewer, application)
    event = AuditEvent.objects.get(verb="programs.review.declare_conflict")
    assert event.reason == "عملت مستشاراً لهذه الجمعية العام الماضي"
    # The review is over: nothing more to do on it.
    with pytest.raises(TransitionNotAllowed):
        review_declare(actor=reviewer, review=ended, conflict=False)


def test_after_a_conflict_the_same_reviewer_cannot_return_but_another_can(
    application, program_manager, reviewer
):
    review = review_assign(actor=program_manager, application=application, reviewer=reviewer)
    review_declare(actor=reviewer, review=review, conflict=True, note=REASON)
    with pytest.raises(ValidationError) as refused:
        review_assign(actor=program_manager, application=application, reviewer=reviewer)
    assert "conflict of interest" in " ".join(refused.value.messages)
    assert Review.objects.filter(application=application, reviewer=reviewer).count() == 1
    other = staff_user("reviewer")
    assert review_assign(actor=program_manager, application=application, reviewer=other)


def test_a_conflict_may_be_declared_after_accepting(application, program_manager, reviewer):
    review = review_assign(actor=program_manager, application=application, reviewer=reviewer)
    accepted = review_declare(actor=reviewer, review=review, conflict=False)
    assert accepted.status == "accepted"
    assert may_see_application(reviewer, application)
    ended = review_declare(actor=reviewer, review=accepted, conflict=True, note=REASON)
    assert ended.status == "conflicted"
    assert not may_see_application(reviewer, application)


def test_a_reviewer_who_joins_the_consortium_after_assignment_must_declare_the_conflict(
    application, program_manager, reviewer, people
):
    """Assignment refuses members; someone who joins a consortium organization later
    can no longer declare 'no conflict', score nor submit: only declare the conflict."""
    review = review_assign(actor=program_manager, application=application, reviewer=reviewer)
    add_member(people["partner"], reviewer, MemberRole.VIEWER)
    reviewer.__dict__.pop("_organization_roles", None)
    with pytest.raises(ValidationError) as refused:
        review_declare(actor=reviewer, review=review, conflict=False)
    assert "conflict of interest" in " ".join(refused.value.messages)
    assert Review.objects.get(pk=review.pk).status == "assigned"
    assert (
        review_declare(actor=reviewer, review=review, conflict=True, note=REASON).status
        == "conflicted"
    )


def test_a_reviewer_who_joins_the_lead_while_reviewing_cannot_score_nor_submit(
    application, program_manager, reviewer
):
    review = review_assign(actor=program_manager, application=application, reviewer=reviewer)
    review = review_declare(actor=reviewer, review=review, conflict=False)
    criteria = _criteria(application)
    review_score(actor=reviewer, review=review, scores={c.pk: (3, "") for c in criteria})
    add_member(application.lead, reviewer, MemberRole.VIEWER)
    with pytest.raises(ValidationError):
        review_score(actor=reviewer, review=review, scores={criteria[0].pk: (5, "")})
    with pytest.raises(ValidationError):
        review_submit(actor=reviewer, review=review)
    assert Review.objects.get(pk=review.pk).status == "accepted"
    assert Score.objects.get(review=review, criterion=criteria[0]).value == 3


# --- scores ---------------------------------------------------------------------------------


@pytest.fixture
def review(application, program_manager, reviewer) -> Review:
    return review_assign(actor=program_manager, application=application, reviewer=reviewer)


def test_scoring_needs_the_no_conflict_declaration_first(review, reviewer):
    criterion = _criteria(review.application)[0]
    with pytest.raises(ValidationError) as refused:
        review_score(actor=reviewer, review=review, scores={criterion.pk: (3, "")})
    assert "no conflict of interest" in " ".join(refused.value.messages)
    assert not Score.objects.exists()


def test_scores_go_from_0_to_5_on_the_calls_criteria_only(review, reviewer, program_manager):
    review = review_declare(actor=reviewer, review=review, conflict=False)
    criteria = _criteria(review.application)
    for bad in (-1, 6, 10, "٣٫٥", "x", None):
        with pytest.raises(ValidationError):
            review_score(
                actor=reviewer,
                review=review,
                scores={criteria[0].pk: (4, ""), criteria[1].pk: (cast(int, bad), "")},
            )
    assert not Score.objects.exists()  # nothing half-saved
    foreign = make_call(program_manager).rubric.first()
    assert foreign is not None
    with pytest.raises(ValidationError):
        review_score(actor=reviewer, review=review, scores={foreign.pk: (3, "")})
    review_score(
        actor=reviewer,
        review=review,
        scores={criteria[0].pk: (0, " ضعيف "), criteria[1].pk: (5, "")},
        comment=" مشروع واعد ",
    )
    scores = {s.criterion_id: s for s in Score.objects.filter(review=review)}
    assert scores[criteria[0].pk].value == 0
    assert scores[criteria[0].pk].comment == "ضعيف"
    assert scores[criteria[1].pk].value == 5
    assert Review.objects.get(pk=review.pk).comment == "مشروع واعد"
    # Scores can be changed until submitted.
    review_score(actor=reviewer, review=review, scores={criteria[0].pk: (2, "")})
    assert Score.objects.get(review=review, criterion=criteria[0]).value == 2
    assert Score.objects.filter(review=review).count() == 2


def test_a_review_is_submitted_only_with_every_criterion_scored(review, reviewer):
    review = review_declare(actor=reviewer, review=review, conflict=False)
    criteria = _criteria(review.application)
    review_score(actor=reviewer, review=review, scores={c.pk: (4, "") for c in criteria[:-1]})
    with pytest.raises(ValidationError) as refused:
        review_submit(actor=reviewer, review=review)
    assert "Score every criterion" in " ".join(refused.value.messages)
    assert Review.objects.get(pk=review.pk).status == "accepted"
    review_score(actor=reviewer, review=review, scores={criteria[-1].pk: (1, "")})
    done = review_submit(actor=reviewer, review=review)
    assert done.status == "submitted"
    assert done.submitted_at is not None
    with pytest.raises(ValidationError):
        review_score(actor=reviewer, review=done, scores={criteria[0].pk: (5, "")})
    assert Score.objects.get(review=review, criterion=criteria[0]).value == 4


def test_a_retired_criterion_need_not_be_scored(review, reviewer):
    review = review_declare(actor=reviewer, review=review, conflict=False)
    criteria = _criteria(review.application)
    type(criteria[-1]).objects.filter(pk=criteria[-1].pk).update(is_active=False)
    review_score(actor=reviewer, review=review, scores={c.pk: (4, "") for c in criteria[:-1]})
    assert review_submit(actor=reviewer, review=review).status == "submitted"


def test_only_the_assigned_reviewer_scores(review, reviewer):
    review = review_declare(actor=reviewer, review=review, conflict=False)
    criterion = _criteria(review.application)[0]
    with pytest.raises(PermissionDenied):
        review_score(actor=staff_user("reviewer"), review=review, scores={criterion.pk: (3, "")})
    with pytest.raises(PermissionDenied):
        review_submit(actor=staff_user("reviewer"), review=review)


def test_the_consortium_sees_its_application_a_stranger_does_not(application, people, citizen):
    assert may_see_application(people["partner_owner"], application)
    assert not may_see_application(citizen, application)


def test_several_reviewers_per_application(program_manager, org_owner):
    application = force(submitted(make_call(program_manager), org_owner), "under_review")
    reviewers = [staff_user("reviewer") for _ in range(3)]
    for person in reviewers:
        review_assign(actor=program_manager, application=application, reviewer=person)
    assert Review.objects.filter(application=application).count() == 3


def test_assignment_judges_the_application_as_it_is_now(application, program_manager, reviewer):
    """A page drawn while the application was under review, posted after it was
    decided: the stale object in hand does not let the assignment through."""
    stale = Application.objects.get(pk=application.pk)
    force(application, "not_selected")
    assert stale.status == "under_review"
    with pytest.raises(ValidationError, match="while the application is under review"):
        review_assign(actor=program_manager, application=stale, reviewer=reviewer)
    assert not Review.objects.filter(application=application).exists()


def test_a_declined_partners_people_do_not_see_the_application(application, people):
    assert may_see_application(people["partner_owner"], application)
    assert not may_see_application(people["declined_owner"], application)


def test_only_a_reviewer_with_the_role_and_second_factor_sees_an_accepted_review(
    application, program_manager, reviewer
):
    review = review_assign(actor=program_manager, application=application, reviewer=reviewer)
    review_declare(actor=reviewer, review=review, conflict=False)
    assert may_see_application(reviewer, application)
    reviewer.groups.clear()
    reviewer = type(reviewer).objects.get(pk=reviewer.pk)  # roles are cached per object
    assert not may_see_application(reviewer, application)
