from typing import Any

from django.db import models

from mujtama.core.context import current_ip_hash, current_request_id
from mujtama.core.models import AuditEvent


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
