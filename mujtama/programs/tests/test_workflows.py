"""The three workflow tables of programs (calls, applications, reviews), pair by pair.

Every (state, action) pair is tried: the pairs the table allows go through the real
service (or ``transition()`` with no actor for the platform's own steps) and land on
the table's target with exactly one audit event; every other pair is refused with
``TransitionNotAllowed``, changes nothing and writes no audit event. Then: who may
take which step, and the reasons given to those who may not."""

from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from mujtama.accounts.tests.factories import UserFactory, staff_user
from mujtama.core.models import AuditEvent
from mujtama.core.tests.workflow_checks import assert_moved, assert_refused, grid
from mujtama.core.workflows import WorkflowViolation, transition
from mujtama.organizations.models import MemberRole
from mujtama.organizations.tests.factories import add_member
from mujtama.programs.models import Application, Award, Call, Review
from mujtama.programs.services.applications import (
    application_decide,
    application_provide_info,
    application_submit,
    application_withdraw,
)
from mujtama.programs.services.calls import (
    call_publish,
    call_publish_results,
    call_start_review,
)
from mujtama.programs.services.reviews import (
    review_assign,
    review_declare,
    review_score,
    review_submit,
)
from mujtama.programs.tests.factories import REASON, force, make_call, start
from mujtama.programs.workflows import APPLICATION_WORKFLOW, CALL_WORKFLOW, REVIEW_WORKFLOW

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english():
    with translation.override("en"):
        yield


def test_the_tables_allow_exactly_these_moves():
    """A swapped target or a new shortcut shows up here first."""
    assert set(CALL_WORKFLOW.pairs()) == {
        ("draft", "publish", "published"),
        ("published", "open", "open"),
        ("open", "close", "closed"),
        ("closed", "start_review", "reviewing"),
        ("reviewing", "publish_results", "results_published"),
    }
    assert set(APPLICATION_WORKFLOW.pairs()) == {
        ("draft", "submit", "submitted"),
        ("draft", "withdraw", "withdrawn"),
        ("submitted", "start_screening", "screening"),
        ("submitted", "withdraw", "withdrawn"),
        ("screening", "request_info", "more_info"),
        ("screening", "pass_screening", "under_review"),
        ("screening", "screen_out", "not_selected"),
        ("more_info", "provide_info", "screening"),
        ("more_info", "withdraw", "withdrawn"),
        ("under_review", "shortlist", "shortlisted"),
        ("under_review", "not_select", "not_selected"),
        ("under_review", "withdraw", "withdrawn"),
        ("shortlisted", "award", "awarded"),
        ("shortlisted", "not_select", "not_selected"),
        ("shortlisted", "withdraw", "withdrawn"),
    }
    assert set(REVIEW_WORKFLOW.pairs()) == {
        ("assigned", "declare_no_conflict", "accepted"),
        ("assigned", "declare_conflict", "conflicted"),
        ("accepted", "submit", "submitted"),
        ("accepted", "declare_conflict", "conflicted"),
    }


def test_terminal_states_have_no_way_out():
    for workflow in (CALL_WORKFLOW, APPLICATION_WORKFLOW, REVIEW_WORKFLOW):
        for state in workflow.terminal:
            assert not workflow.transitions.get(state)
        assert set(workflow.states) == {s.value for s in _choices(workflow)}


def _choices(workflow: Any) -> Any:
    from mujtama.programs.models import ApplicationStatus, CallStatus, ReviewStatus

    return {
        CALL_WORKFLOW.name: CallStatus,
        APPLICATION_WORKFLOW.name: ApplicationStatus,
        REVIEW_WORKFLOW.name: ReviewStatus,
    }[workflow.name]


def test_the_step_labels_are_translated_in_both_languages():
    for workflow in (CALL_WORKFLOW, APPLICATION_WORKFLOW, REVIEW_WORKFLOW):
        for state in workflow.states:
            assert str(workflow.label(state)).strip()
            assert str(workflow.label(state, public=True)).strip()
        for _source, action, _target in workflow.pairs():
            assert str(workflow.action_label(action)).strip()


# --- calls ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("state", "action"), grid(CALL_WORKFLOW))
def test_call_pair(state, action, program_manager):
    call = force(make_call(program_manager, state="draft"), state)
    step = CALL_WORKFLOW.step(state, action)
    human = action not in ("open", "close")
    actor = program_manager if human else None
    if step is None:
        assert_refused(call, state, action, actor, REASON)
        return
    if action == "publish":
        result = call_publish(actor=program_manager, call=call)
    elif action == "start_review":
        result = call_start_review(actor=program_manager, call=call)
    elif action == "publish_results":
        result = call_publish_results(actor=program_manager, call=call)
    else:
        result = transition(obj=call, action=action, actor=None)
    assert_moved(result, call, CALL_WORKFLOW, action, step.target)


@pytest.mark.parametrize("action", ["open", "close"])
def test_no_person_opens_or_closes_a_call_only_the_clock(action, program_manager, platform_admin):
    call = make_call(program_manager, state="published" if action == "open" else "open")
    for person in (program_manager, platform_admin):
        with pytest.raises(PermissionDenied) as refused:
            transition(obj=call, action=action, actor=person)
        assert "by itself, by the clock" in str(refused.value)
    assert Call.objects.get(pk=call.pk).status == call.status
    assert not AuditEvent.objects.filter(verb=f"programs.call.{action}").exists()


@pytest.mark.parametrize(
    "persona_name",
    ["citizen", "org_owner", "reviewer", "moct_officer", "analyst", "platform_admin"],
)
def test_only_a_program_manager_publishes_a_call(persona_name, persona, program_manager):
    call = make_call(program_manager, state="draft")
    with pytest.raises(PermissionDenied) as refused:
        call_publish(actor=persona(persona_name), call=call)
    assert "Only program managers" in str(refused.value)
    assert Call.objects.get(pk=call.pk).status == "draft"
    assert not AuditEvent.objects.filter(verb="programs.call.publish").exists()


def test_a_program_manager_without_the_second_factor_is_refused(program_manager):
    call = make_call(program_manager, state="draft")
    unprotected = staff_user("program_manager", second_factor=False)
    with pytest.raises(PermissionDenied):
        call_publish(actor=unprotected, call=call)
    with pytest.raises(PermissionDenied):
        call_start_review(actor=unprotected, call=force(call, "closed"))


def test_the_actions_offered_match_the_permissions(program_manager, citizen):
    call = make_call(program_manager, state="draft")
    assert [a for a, _s in CALL_WORKFLOW.actions_for(call, program_manager)] == ["publish"]
    assert CALL_WORKFLOW.actions_for(call, citizen) == []
    call = force(call, "published")
    assert CALL_WORKFLOW.actions_for(call, program_manager) == []
    assert [a for a, _s in CALL_WORKFLOW.actions_for(call, None)] == ["open"]


def test_a_raw_status_change_is_refused(program_manager):
    call = make_call(program_manager, state="draft")
    call.status = "open"
    with pytest.raises(WorkflowViolation):
        call.save()


# --- applications --------------------------------------------------------------------------

MANAGER_ACTIONS = {
    "start_screening",
    "request_info",
    "pass_screening",
    "screen_out",
    "shortlist",
    "not_select",
    "award",
}


@pytest.fixture
def draft(program_manager, org_owner) -> Application:
    """A complete, eligible draft to an open call."""
    return start(make_call(program_manager), org_owner)


@pytest.mark.parametrize(("state", "action"), grid(APPLICATION_WORKFLOW))
def test_application_pair(state, action, draft, program_manager, org_owner):
    application = force(draft, state)
    step = APPLICATION_WORKFLOW.step(state, action)
    actor = program_manager if action in MANAGER_ACTIONS else org_owner
    if step is None:
        assert_refused(application, state, action, actor, REASON)
        return
    if action == "submit":
        result = application_submit(actor=org_owner, application=application)
    elif action == "withdraw":
        result = application_withdraw(actor=org_owner, application=application)
    elif action == "provide_info":
        result = application_provide_info(actor=org_owner, application=application)
    else:
        result = application_decide(
            actor=program_manager,
            application=application,
            action=action,
            reason=REASON,
            amount=Decimal(1_000_000) if action == "award" else None,
        )
    assert_moved(result, application, APPLICATION_WORKFLOW, action, step.target)
    assert Award.objects.filter(application=application).exists() is (action == "award")


@pytest.mark.parametrize("action", sorted(MANAGER_ACTIONS))
def test_the_applicant_cannot_take_a_managers_step(action, draft, org_owner):
    source = next(s for s, a, _t in APPLICATION_WORKFLOW.pairs() if a == action)
    application = force(draft, source)
    with pytest.raises(PermissionDenied) as refused:
        application_decide(
            actor=org_owner,
            application=application,
            action=action,
            reason=REASON,
            amount=Decimal(1000),
        )
    assert "Only program managers" in str(refused.value)
    assert Application.objects.get(pk=application.pk).status == source
    assert not AuditEvent.objects.filter(verb=f"programs.application.{action}").exists()


def test_a_program_manager_cannot_submit_an_organizations_application(draft, program_manager):
    with pytest.raises(PermissionDenied) as refused:
        application_submit(actor=program_manager, application=draft)
    assert "owners and editors" in str(refused.value)
    assert Application.objects.get(pk=draft.pk).status == "draft"
    assert not AuditEvent.objects.filter(verb="programs.application.submit").exists()


@pytest.mark.parametrize(
    "source", ["draft", "submitted", "more_info", "under_review", "shortlisted"]
)
def test_a_program_manager_cannot_withdraw_an_application(source, draft, program_manager):
    application = force(draft, source)
    with pytest.raises(PermissionDenied):
        application_withdraw(actor=program_manager, application=application)
    assert Application.objects.get(pk=draft.pk).status == source


def test_a_viewer_of_the_organization_cannot_submit_nor_withdraw(draft):
    viewer = add_member(draft.lead, UserFactory(), MemberRole.VIEWER)
    with pytest.raises(PermissionDenied):
        application_submit(actor=viewer, application=draft)
    with pytest.raises(PermissionDenied):
        application_withdraw(actor=viewer, application=draft)
    assert Application.objects.get(pk=draft.pk).status == "draft"


def test_an_editor_of_the_organization_may_submit(draft):
    editor = add_member(draft.lead, UserFactory(), MemberRole.EDITOR)
    assert application_submit(actor=editor, application=draft).status == "submitted"


def test_the_applicant_provides_information_not_the_manager(draft, program_manager):
    application = force(draft, "more_info")
    with pytest.raises(PermissionDenied):
        application_provide_info(actor=program_manager, application=application)


@pytest.mark.parametrize(
    ("source", "action"),
    [
        ("screening", "request_info"),
        ("screening", "screen_out"),
        ("under_review", "not_select"),
        ("shortlisted", "not_select"),
        ("shortlisted", "award"),
    ],
)
def test_these_decisions_need_a_reason(source, action, draft, program_manager):
    application = force(draft, source)
    for blank in ("", "   "):
        with pytest.raises(ValidationError) as refused:
            application_decide(
                actor=program_manager,
                application=application,
                action=action,
                reason=blank,
                amount=Decimal(1000),
            )
        assert refused.value.code == "reason_required"
    assert Application.objects.get(pk=application.pk).status == source
    assert not Award.objects.exists()
    assert not AuditEvent.objects.filter(verb=f"programs.application.{action}").exists()


@pytest.mark.parametrize(
    ("source", "action"),
    [
        ("submitted", "start_screening"),
        ("screening", "pass_screening"),
        ("under_review", "shortlist"),
    ],
)
def test_these_steps_need_no_reason(source, action, draft, program_manager):
    application = force(draft, source)
    moved = application_decide(actor=program_manager, application=application, action=action)
    assert moved.status == APPLICATION_WORKFLOW.step(source, action).target  # type: ignore[union-attr]


def test_the_actions_offered_to_each_person(draft, org_owner, program_manager):
    assert [a for a, _s in APPLICATION_WORKFLOW.actions_for(draft, org_owner)] == [
        "submit",
        "withdraw",
    ]
    assert APPLICATION_WORKFLOW.actions_for(draft, program_manager) == []
    submitted = force(draft, "submitted")
    assert [a for a, _s in APPLICATION_WORKFLOW.actions_for(submitted, program_manager)] == [
        "start_screening"
    ]
    assert [a for a, _s in APPLICATION_WORKFLOW.actions_for(submitted, org_owner)] == ["withdraw"]


def test_a_raw_application_status_change_is_refused(draft):
    draft.status = "awarded"
    with pytest.raises(WorkflowViolation):
        draft.save()


# --- reviews --------------------------------------------------------------------------------


@pytest.fixture
def review(draft, program_manager, reviewer) -> Review:
    application = force(draft, "under_review")
    return review_assign(actor=program_manager, application=application, reviewer=reviewer)


def _score_all(review: Review, reviewer: Any) -> None:
    criteria = review.application.call.rubric.filter(is_active=True)
    review_score(actor=reviewer, review=review, scores={c.pk: (4, "") for c in criteria})


@pytest.mark.parametrize(("state", "action"), grid(REVIEW_WORKFLOW))
def test_review_pair(state, action, review, reviewer):
    review = force(review, state)
    step = REVIEW_WORKFLOW.step(state, action)
    if step is None:
        assert_refused(review, state, action, reviewer, REASON)
        return
    if action == "declare_no_conflict":
        result = review_declare(actor=reviewer, review=review, conflict=False)
    elif action == "declare_conflict":
        result = review_declare(actor=reviewer, review=review, conflict=True, note=REASON)
    else:
        _score_all(review, reviewer)
        result = review_submit(actor=reviewer, review=review)
    assert_moved(result, review, REVIEW_WORKFLOW, action, step.target)


@pytest.mark.parametrize("action", ["declare_no_conflict", "declare_conflict"])
def test_a_reviewer_cannot_declare_for_another_reviewers_review(action, review):
    other = staff_user("reviewer")
    with pytest.raises(PermissionDenied) as refused:
        review_declare(
            actor=other, review=review, conflict=action == "declare_conflict", note=REASON
        )
    assert "Only the assigned reviewer" in str(refused.value)
    assert Review.objects.get(pk=review.pk).status == "assigned"
    assert not AuditEvent.objects.filter(verb=f"programs.review.{action}").exists()


def test_a_program_manager_cannot_declare_nor_submit_for_the_reviewer(
    review, reviewer, program_manager
):
    with pytest.raises(PermissionDenied):
        review_declare(actor=program_manager, review=review, conflict=False)
    accepted = review_declare(actor=reviewer, review=review, conflict=False)
    _score_all(accepted, reviewer)
    with pytest.raises(PermissionDenied):
        review_submit(actor=program_manager, review=accepted)
    with pytest.raises(PermissionDenied):
        review_score(actor=program_manager, review=accepted, scores={})
    assert Review.objects.get(pk=review.pk).status == "accepted"


def test_a_conflict_needs_a_note(review, reviewer):
    with pytest.raises(ValidationError) as refused:
        review_declare(actor=reviewer, review=review, conflict=True, note="  ")
    assert refused.value.code == "reason_required"
    assert Review.objects.get(pk=review.pk).status == "assigned"


def test_the_actions_offered_to_the_reviewer(review, reviewer, program_manager):
    assert [a for a, _s in REVIEW_WORKFLOW.actions_for(review, reviewer)] == [
        "declare_no_conflict",
        "declare_conflict",
    ]
    assert REVIEW_WORKFLOW.actions_for(review, program_manager) == []
    assert REVIEW_WORKFLOW.actions_for(review, staff_user("reviewer")) == []
