"""The workflow helper, on the example petition (mujtama/core/tests/example)."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from mujtama.core.models import AuditEvent
from mujtama.core.tests.example.models import PETITION_WORKFLOW, Petition
from mujtama.core.workflows import (
    State,
    Step,
    TransitionNotAllowed,
    Workflow,
    WorkflowViolation,
    transition,
)
from mujtama.notifications.models import Notification

ALL_ACTIONS = sorted({action for _s, action, _t in PETITION_WORKFLOW.pairs()})


@pytest.fixture
def petition(citizen):
    return Petition.objects.create(author=citizen, title="تحسين بوابة الدفع الإلكتروني")


def _put_in_state(petition, state):
    Petition.objects.filter(pk=petition.pk).update(status=state)
    return Petition.objects.get(pk=petition.pk)


def _actor_for(action, citizen, moct_officer):
    return citizen if action == "submit" else moct_officer


@pytest.mark.parametrize("state", sorted(PETITION_WORKFLOW.states))
@pytest.mark.parametrize("action", ALL_ACTIONS)
def test_every_state_and_action_pair(petition, citizen, moct_officer, state, action):
    """Pair by pair: allowed moves land on the table's target; all others are refused
    and change nothing."""
    petition = _put_in_state(petition, state)
    step = PETITION_WORKFLOW.step(state, action)
    actor = _actor_for(action, citizen, moct_officer)
    if step is None:
        with pytest.raises(TransitionNotAllowed):
            transition(obj=petition, action=action, actor=actor, reason="سبب")
        assert Petition.objects.get(pk=petition.pk).status == state
        assert not AuditEvent.objects.exists()
    else:
        result = transition(obj=petition, action=action, actor=actor, reason="سبب")
        assert result.status == step.target
        assert Petition.objects.get(pk=petition.pk).status == step.target


def test_a_transition_writes_one_audit_event(petition, citizen):
    transition(obj=petition, action="submit", actor=citizen)
    event = AuditEvent.objects.get()
    assert event.verb == "example.petition.submit"
    assert event.actor == citizen
    assert event.changes == {"status": ["draft", "submitted"]}
    assert event.object_id == str(petition.pk)


def test_the_actor_needs_the_steps_permission(petition, citizen, moct_officer):
    with pytest.raises(PermissionDenied, match="Only the author"):
        transition(obj=petition, action="submit", actor=moct_officer)
    petition = transition(obj=petition, action="submit", actor=citizen)
    with pytest.raises(PermissionDenied):
        transition(obj=petition, action="approve", actor=citizen)
    assert Petition.objects.get(pk=petition.pk).status == "submitted"
    assert AuditEvent.objects.count() == 1


def test_a_step_that_needs_a_reason_refuses_without_one(petition, citizen, moct_officer):
    petition = transition(obj=petition, action="submit", actor=citizen)
    with pytest.raises(ValidationError):
        transition(obj=petition, action="reject", actor=moct_officer, reason="   ")
    petition = transition(
        obj=petition, action="reject", actor=moct_officer, reason="خارج نطاق البرنامج"
    )
    assert AuditEvent.objects.get(verb="example.petition.reject").reason == "خارج نطاق البرنامج"


def test_notifications_are_written_with_the_change_and_sent_after_commit(
    petition, citizen, moct_officer, django_capture_on_commit_callbacks
):
    petition = transition(obj=petition, action="submit", actor=citizen)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        transition(obj=petition, action="approve", actor=moct_officer, reason="")
    assert Notification.objects.filter(recipient=citizen).count() == 2  # inbox + email
    assert mail.outbox == []  # not before commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [citizen.email]


def test_a_refused_transition_queues_no_notification(petition, moct_officer):
    with pytest.raises(TransitionNotAllowed):
        transition(obj=petition, action="approve", actor=moct_officer)
    assert not Notification.objects.exists()


def test_apply_sets_other_fields_in_the_same_save(petition, citizen, moct_officer):
    from django.utils import timezone

    petition = transition(obj=petition, action="submit", actor=citizen)
    now = timezone.now()
    transition(
        obj=petition,
        action="approve",
        actor=moct_officer,
        apply=lambda p: setattr(p, "decided_at", now),
    )
    assert Petition.objects.get(pk=petition.pk).decided_at == now


def test_raw_state_changes_outside_the_service_are_refused(petition):
    petition.status = "approved"
    with pytest.raises(WorkflowViolation):
        petition.save()
    petition.refresh_from_db()
    petition.title = "عنوان جديد"
    petition.save()  # other fields may change freely
    assert Petition.objects.get(pk=petition.pk).status == "draft"


def test_actions_for_lists_only_what_the_actor_may_do(petition, citizen, moct_officer):
    assert [a for a, _s in PETITION_WORKFLOW.actions_for(petition, citizen)] == ["submit"]
    assert PETITION_WORKFLOW.actions_for(petition, moct_officer) == []


def test_tables_with_unknown_states_are_rejected_at_definition():
    with pytest.raises(ValueError, match="unknown target"):
        Workflow(
            name="broken",
            states={"a": State("A", "A")},
            transitions={"a": {"go": Step("b", "Go", lambda actor, obj: True)}},
        )


def test_an_instance_refreshed_after_a_transition_saves_normally(petition, citizen):
    transition(obj=petition, action="submit", actor=citizen)
    petition.refresh_from_db()
    petition.title = "عنوان معدّل"
    petition.save()
    assert Petition.objects.get(pk=petition.pk).status == "submitted"
