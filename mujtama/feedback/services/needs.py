"""Needs: feedback from several people about the same problem with the same service.

An item joins a need when it is classified: it is compared with the most recent items
of its service that already belong to needs, by the same pair model ``feedback_group``
uses, and joins the need whose items it is on average most likely to report the same
problem as (``grouping.nearest_group``, the average-linkage rule ``group`` clusters
by), if that is likely enough; otherwise it starts a new need. Staff merge
needs that are one and split items out of a need. The counts and first/last seen on
each need are kept in step with its items by ``_refresh``."""

from datetime import timedelta
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max, Min
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.feedback import permissions as can
from mujtama.feedback.grouping import nearest_group
from mujtama.feedback.models import Feedback, Need

# How many of a service's recent items a new one is compared with, and how far back.
CANDIDATES = 300
LOOKBACK = timedelta(days=180)
# Items that are not a citizen's distinct report do not count in a need.
NOT_COUNTED = ("rejected", "merged")


def _refresh(need: Need) -> None:
    figures = need.items.exclude(status__in=NOT_COUNTED).aggregate(
        size=Count("pk"), first=Min("received_at"), last=Max("received_at")
    )
    need.size = figures["size"]
    need.first_seen = figures["first"]
    need.last_seen = figures["last"]
    need.save(update_fields=["size", "first_seen", "last_seen"])


def need_assign(feedback: Feedback) -> Need | None:
    """Put a classified item with a service in the need it belongs to."""
    if feedback.service_id is None or feedback.status in NOT_COUNTED:
        return None
    since = timezone.now() - LOOKBACK
    candidates = list(
        Feedback.objects.filter(
            service_id=feedback.service_id, need__isnull=False, received_at__gte=since
        )
        .exclude(pk=feedback.pk)
        .exclude(status__in=NOT_COUNTED)
        .order_by("-received_at", "-pk")
        .values_list("pk", "need_id", "text")[:CANDIDATES]
    )
    nearest = nearest_group(feedback.text, [(str(need), text) for _pk, need, text in candidates])
    need_id = int(nearest) if nearest is not None else None
    with transaction.atomic():
        if need_id is None:
            need = Need.objects.create(service_id=feedback.service_id)
        else:
            need = Need.objects.select_for_update().get(pk=need_id)
        Feedback.objects.filter(pk=feedback.pk).update(need=need)
        _refresh(need)
    return need


def need_leave(feedback: Feedback) -> None:
    """Recount the need of an item that stopped counting (rejected or merged)."""
    if feedback.need_id is not None:
        need = Need.objects.select_for_update().get(pk=feedback.need_id)
        _refresh(need)


def _check_officer(actor: Any, need: Need) -> None:
    probe = Feedback(service=need.service)
    decision = can.officer(actor, probe)
    if not decision:
        raise PermissionDenied(decision.reason)


def need_merge(*, source: Need, target: Need, actor: Any) -> Need:
    """Move every item of ``source`` into ``target`` (the same service) and remove
    ``source``."""
    _check_officer(actor, source)
    if source.pk == target.pk:
        raise ValidationError(_("A need cannot be merged into itself."), code="same_need")
    if source.service_id != target.service_id:
        raise ValidationError(
            _("Only needs about the same service can be merged."), code="other_service"
        )
    with transaction.atomic():
        locked = {
            n.pk: n for n in Need.objects.select_for_update().filter(pk__in=[source.pk, target.pk])
        }
        moved = Feedback.objects.filter(need_id=source.pk).update(need_id=target.pk)
        _refresh(locked[target.pk])
        audit_record(
            actor=actor,
            verb="feedback.need_merged",
            target=locked[target.pk],
            changes={"merged": source.pk, "items": moved},
        )
        locked[source.pk].delete()
    target.refresh_from_db()
    return target


def need_split(*, need: Need, items: list[Feedback], actor: Any, title: str = "") -> Need:
    """Move ``items`` out of ``need`` into a new need of the same service."""
    _check_officer(actor, need)
    ids = [item.pk for item in items if item.need_id == need.pk]
    if not ids:
        raise ValidationError(_("Choose at least one item of this need."), code="no_items")
    if len(ids) == need.items.count():
        raise ValidationError(
            _("Leave at least one item in the need; to rename it, change its title."),
            code="all_items",
        )
    with transaction.atomic():
        Need.objects.select_for_update().get(pk=need.pk)
        new = Need.objects.create(service_id=need.service_id, title=title.strip())
        Feedback.objects.filter(pk__in=ids).update(need=new)
        _refresh(need)
        _refresh(new)
        audit_record(
            actor=actor,
            verb="feedback.need_split",
            target=new,
            changes={"from": need.pk, "items": ids},
        )
    return new


def need_rename(*, need: Need, actor: Any, title: str) -> Need:
    _check_officer(actor, need)
    old = need.title
    need.title = title.strip()[:200]
    need.save(update_fields=["title"])
    audit_record(
        actor=actor, verb="feedback.need_renamed", target=need, changes={"title": [old, need.title]}
    )
    return need
