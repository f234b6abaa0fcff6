"""Checks shared by the apps' pair-by-pair workflow tests: every (state, action)
pair of a table, and what a refused or an allowed step must (not) leave behind."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError

from mujtama.core.models import AuditEvent
from mujtama.core.workflows import TransitionNotAllowed, Workflow, transition
from mujtama.notifications.models import Notification


def actions(workflow: Workflow) -> list[str]:
    return sorted({action for _source, action, _target in workflow.pairs()})


def grid(workflow: Workflow) -> list[tuple[str, str]]:
    """Every state with every action the table knows, allowed or not."""
    return [(state, action) for state in sorted(workflow.states) for action in actions(workflow)]


def assert_refused(obj: Any, state: str, action: str, actor: Any, reason: str) -> None:
    """The step is refused with a message naming it and the current state, and
    changes nothing: same state, no audit event, no notification."""
    model = type(obj)
    events = AuditEvent.objects.count()
    notifications = Notification.objects.count()
    with pytest.raises(TransitionNotAllowed) as refused:
        transition(obj=obj, action=action, actor=actor, reason=reason)
    assert isinstance(refused.value, ValidationError)
    assert refused.value.code == "transition_not_allowed"
    message = " ".join(refused.value.messages)
    assert str(model.workflow.action_label(action)) in message  # names the step, not its key
    assert str(model.workflow.label(state)) in message  # names the current state
    assert "Traceback" not in message and 'File "' not in message
    assert model.objects.get(pk=obj.pk).status == state
    assert AuditEvent.objects.count() == events
    assert Notification.objects.count() == notifications


def assert_moved(
    result: Any, obj: Any, workflow: Workflow, action: str, target: str, *, alone: bool = False
) -> None:
    """The step landed on the table's target with exactly one audit event (and, if
    ``alone``, no other object had that step in the test)."""
    model = type(obj)
    assert result.status == target
    assert model.objects.get(pk=obj.pk).status == target
    verb = f"{workflow.name}.{action}"
    if alone:
        assert AuditEvent.objects.filter(verb=verb).count() == 1
    events = AuditEvent.objects.filter(verb=verb, object_id=str(obj.pk))
    assert events.count() == 1
    assert events.get().changes["status"][1] == target
