from django.db.models import QuerySet

from mujtama.core.models import AuditEvent


def audit_events(
    *, verb: str = "", object_type: str = "", actor_email: str = ""
) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor")
    if verb:
        events = events.filter(verb__startswith=verb)
    if object_type:
        events = events.filter(object_type=object_type)
    if actor_email:
        events = events.filter(actor__email__iexact=actor_email.strip())
    return events.order_by("-created_at", "-id")
