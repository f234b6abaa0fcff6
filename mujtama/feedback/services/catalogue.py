"""The catalogue of ministries and digital services, the ministries' service levels
and the officers' desks: kept by MoCT officers, every change audited."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Model
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.feedback import permissions as can
from mujtama.feedback.models import OPEN_STATUSES, Feedback, FeedbackDesk, Ministry, ServiceLevel


def _check(actor: Any) -> None:
    if not can.manages_catalogue(actor):
        raise PermissionDenied(_("Only MoCT officers keep the catalogue of services."))


def catalogue_save(*, obj: Model, actor: Any, changed: list[str]) -> Model:
    """Save a ministry or service edited in a form, with an audit event naming the
    fields that changed."""
    _check(actor)
    created = obj.pk is None
    with transaction.atomic():
        obj.save()
        audit_record(
            actor=actor,
            verb=f"feedback.{obj._meta.model_name}_{'created' if created else 'changed'}",
            target=obj,
            changes={"fields": changed},
        )
    return obj


def service_level_set(
    *, ministry: Ministry, actor: Any, first_response_hours: int, resolution_hours: int
) -> ServiceLevel:
    """Change a ministry's service level; the due times of its open items move with it
    (counted from each item's arrival)."""
    _check(actor)
    if first_response_hours > resolution_hours:
        raise ValidationError(
            _("The first reply cannot be due after the resolution."), code="order"
        )
    with transaction.atomic():
        level, _created = ServiceLevel.objects.select_for_update().get_or_create(ministry=ministry)
        before = [level.first_response_hours, level.resolution_hours]
        level.first_response_hours = first_response_hours
        level.resolution_hours = resolution_hours
        level.save()
        from datetime import timedelta

        open_items = Feedback.objects.filter(service__ministry=ministry, status__in=OPEN_STATUSES)
        open_items.update(
            response_due_at=F("received_at") + timedelta(hours=first_response_hours),
            resolution_due_at=F("received_at") + timedelta(hours=resolution_hours),
        )
        audit_record(
            actor=actor,
            verb="feedback.service_level_changed",
            target=level,
            changes={"hours": [before, [first_response_hours, resolution_hours]]},
        )
    return level


def desk_add(*, user: Any, ministry: Ministry, actor: Any) -> FeedbackDesk:
    _check(actor)
    if not (getattr(user, "roles", frozenset()) & can.OFFICER_ROLES):
        raise ValidationError(
            _("Give this person the role of feedback officer or MoCT officer first."),
            code="not_an_officer",
        )
    with transaction.atomic():
        desk, created = FeedbackDesk.objects.get_or_create(user=user, ministry=ministry)
        if created:
            audit_record(
                actor=actor,
                verb="feedback.desk_added",
                target=desk,
                changes={"user": user.pk, "ministry": ministry.pk},
            )
    return desk


def desk_remove(*, desk: FeedbackDesk, actor: Any) -> None:
    _check(actor)
    with transaction.atomic():
        audit_record(
            actor=actor,
            verb="feedback.desk_removed",
            target=desk,
            changes={"user": desk.user_id, "ministry": desk.ministry_id},
        )
        desk.delete()
