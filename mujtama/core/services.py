from typing import Any

from django.db import models, transaction
from django.utils.functional import Promise

from mujtama.core.context import current_ip_hash, current_request_id
from mujtama.core.models import AuditEvent

# Readable names of audit verbs, for timelines and the audit log. Workflow verbs
# ("<workflow>.<action>") are named by their step's label; the others register here.
VERB_LABELS: dict[str, str | Promise] = {}


def name_verbs(labels: dict[str, str | Promise]) -> None:
    VERB_LABELS.update(labels)


def verb_label(verb: str) -> str:
    from mujtama.core.workflows import WORKFLOWS

    workflow_name, _dot, action = verb.rpartition(".")
    workflow = WORKFLOWS.get(workflow_name)
    if workflow is not None:
        label = workflow.action_label(action)
        if label is not None:
            return str(label)
    return str(VERB_LABELS.get(verb, verb))


def audit_record(
    *,
    actor: Any,
    verb: str,
    target: models.Model | None = None,
    object_type: str = "",
    object_id: str = "",
    changes: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    """Write one audit event about ``target`` (or, for something that is not one
    row, such as an import, about ``object_type``/``object_id``). The request id and
    hashed address come from the request being served, if any."""
    if target is not None:
        object_type = target._meta.label_lower
        object_id = str(target.pk)
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        verb=verb,
        object_type=object_type,
        object_id=object_id,
        object_repr=str(target)[:200] if target is not None else "",
        changes=changes or {},
        reason=reason,
        request_id=current_request_id(),
        ip_hash=current_ip_hash(),
    )


def record_save(
    *,
    actor: Any,
    model: type[models.Model],
    instance: models.Model | None = None,
    fields: dict[str, Any],
    verb: str,
) -> Any:
    """Create or change one row of a staff-managed list (criteria, steps, areas of
    expertise), validated, with an audit event naming what changed.

    ``instance`` is re-read under a lock: a bound ModelForm has already written its
    values on the object it was given. The audit verb is ``<verb>_created`` or
    ``<verb>_changed``."""
    with transaction.atomic():
        created = instance is None
        obj = (
            model()
            if instance is None
            else model._default_manager.select_for_update().get(pk=instance.pk)
        )
        before = {name: getattr(obj, name, None) for name in fields}
        for name, value in fields.items():
            setattr(obj, name, value)
        obj.full_clean()
        obj.save()
        changes = {
            name: [before[name], value]
            for name, value in fields.items()
            if created or before[name] != value
        }
        if changes:
            audit_record(
                actor=actor,
                verb=f"{verb}_{'created' if created else 'changed'}",
                target=obj,
                changes=changes,
            )
    return obj
