"""Workflows as tables, and the one service that moves an object along its table.

A workflow is a plain dict: for each state, the actions allowed from it and where
each leads, who may take it, and whom it concerns. ``transition()`` is the only way
a workflow object changes state: it checks the table and the actor's permission,
locks the row, writes the audit event and lets the step queue its notifications,
all in one transaction (notifications are delivered after commit).

Models under a workflow inherit ``WorkflowModel``, which refuses a save that
changes the state outside ``transition()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from mujtama.core.permissions import Decision
from mujtama.core.services import audit_record

_transition_in_progress: ContextVar[bool] = ContextVar("transition_in_progress", default=False)


class TransitionNotAllowed(ValidationError):
    """The table has no such action from the object's current state."""


class WorkflowViolation(RuntimeError):
    """Code changed a workflow state without going through ``transition()``."""


@dataclass(frozen=True)
class State:
    staff_label: str | Promise
    public_label: str | Promise


Permission = Callable[[Any, Any], Decision]


@dataclass(frozen=True)
class Step:
    """One allowed move: ``transitions[source][action] = Step(target, ...)``."""

    target: str
    label: str | Promise
    permission: Permission
    requires_reason: bool = False
    # Called inside the transaction with (obj, outcome); it creates the notification
    # rows, whose delivery is queued on commit.
    notify: Callable[[Any, Outcome], None] | None = None


@dataclass(frozen=True)
class Outcome:
    action: str
    source: str
    target: str
    actor: Any
    reason: str


WORKFLOWS: dict[str, Workflow] = {}


@dataclass
class Workflow:
    name: str
    states: dict[str, State]
    transitions: dict[str, dict[str, Step]]
    state_field: str = "status"
    terminal: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        WORKFLOWS[self.name] = self
        for source, actions in self.transitions.items():
            if source not in self.states:
                raise ValueError(f"{self.name}: unknown source state {source!r}")
            for action, step in actions.items():
                if step.target not in self.states:
                    raise ValueError(f"{self.name}.{action}: unknown target {step.target!r}")

    def step(self, source: str, action: str) -> Step | None:
        return self.transitions.get(source, {}).get(action)

    def actions_for(self, obj: Any, actor: Any) -> list[tuple[str, Step]]:
        """The actions ``actor`` may take on ``obj`` now, for buttons and menus."""
        current = getattr(obj, self.state_field)
        return [
            (action, step)
            for action, step in self.transitions.get(current, {}).items()
            if step.permission(actor, obj).allowed
        ]

    def label(self, state: str, *, public: bool = False) -> str | Promise:
        labels = self.states[state]
        return labels.public_label if public else labels.staff_label

    def action_label(self, action: str) -> str | Promise | None:
        for actions in self.transitions.values():
            if action in actions:
                return actions[action].label
        return None

    def not_possible(self, state: str, action: str) -> TransitionNotAllowed:
        """The refusal of an action the table does not have from ``state``, naming
        the action by its label."""
        return TransitionNotAllowed(
            _("“%(action)s” is not possible while the item is “%(state)s”.")
            % {"action": self.action_label(action) or action, "state": self.label(state)},
            code="transition_not_allowed",
        )

    def pairs(self) -> Iterator[tuple[str, str, str]]:
        """Every (source, action, target) the table allows."""
        for source, actions in self.transitions.items():
            for action, step in actions.items():
                yield source, action, step.target


class WorkflowModel(models.Model):
    """Base for models whose state belongs to a workflow."""

    workflow: ClassVar[Workflow]

    class Meta:
        abstract = True

    def save(self, *args: Any, **kwargs: Any) -> None:
        state_field = self.workflow.state_field
        loaded = getattr(self, "_loaded_state", None)
        current = getattr(self, state_field)
        if (
            not self._state.adding
            and loaded is not None
            and current != loaded
            and not _transition_in_progress.get()
        ):
            raise WorkflowViolation(
                f"{type(self).__name__}.{state_field} changed outside its workflow service"
            )
        super().save(*args, **kwargs)
        self._loaded_state = current

    @classmethod
    def from_db(cls, *args: Any, **kwargs: Any) -> Any:
        instance = super().from_db(*args, **kwargs)
        instance._loaded_state = getattr(instance, cls.workflow.state_field, None)
        return instance

    def refresh_from_db(self, *args: Any, **kwargs: Any) -> None:
        super().refresh_from_db(*args, **kwargs)
        self._loaded_state = getattr(self, self.workflow.state_field, None)


@contextmanager
def _in_transition() -> Iterator[None]:
    token = _transition_in_progress.set(True)
    try:
        yield
    finally:
        _transition_in_progress.reset(token)


def transition(
    *,
    obj: WorkflowModel,
    action: str,
    actor: Any,
    reason: str = "",
    changes: dict[str, Any] | None = None,
    apply: Callable[[Any], None] | None = None,
) -> Any:
    """Take ``action`` on ``obj`` as ``actor`` and return the updated object.

    Raises ``TransitionNotAllowed`` if the table has no such action from the current
    state (read under a row lock, so two people acting at once cannot both pass),
    ``PermissionDenied`` with the translated reason if the actor may not take it, and
    ``ValidationError`` if the step needs a reason and none was given. ``apply`` may
    set other fields on the locked row (e.g. a decision date) before it is saved.
    """
    workflow = type(obj).workflow
    model = type(obj)
    with transaction.atomic():
        locked = model._default_manager.select_for_update().get(pk=obj.pk)
        source = getattr(locked, workflow.state_field)
        step = workflow.step(source, action)
        if step is None:
            raise workflow.not_possible(source, action)
        decision = step.permission(actor, locked)
        if not decision.allowed:
            raise PermissionDenied(decision.reason)
        reason = reason.strip()
        if step.requires_reason and not reason:
            raise ValidationError(_("Please give a reason."), code="reason_required")
        setattr(locked, workflow.state_field, step.target)
        if apply is not None:
            apply(locked)
        with _in_transition():
            locked.save()
        audit_record(
            actor=actor,
            verb=f"{workflow.name}.{action}",
            target=locked,
            changes={workflow.state_field: [source, step.target], **(changes or {})},
            reason=reason,
        )
        if step.notify is not None:
            step.notify(locked, Outcome(action, source, step.target, actor, reason))
    return locked
