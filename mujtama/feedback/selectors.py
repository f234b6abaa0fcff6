"""Reads of feedback, scoped to who is asking: officers see their desks' ministries
only; the public sees figures per service, small cells suppressed."""

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from mujtama.core import statistics
from mujtama.core.statistics import Figure
from mujtama.feedback.models import (
    OPEN_STATUSES,
    DigitalService,
    Feedback,
    Kind,
    Need,
)
from mujtama.feedback.permissions import desk_ministries

NOT_COUNTED = ("rejected", "merged")


def _scope(user: Any) -> Q | None:
    ministries = desk_ministries(user)
    if not ministries:
        return None
    return Q(service__ministry_id__in=ministries) | Q(service__isnull=True)


def officer_items(user: Any) -> QuerySet[Feedback]:
    scope = _scope(user)
    if scope is None:
        return Feedback.objects.none()
    return Feedback.objects.filter(scope).select_related(
        "service", "service__ministry", "governorate"
    )


def officer_item(user: Any, pk: int) -> Feedback:
    """An item the officer may see, or 404 (another ministry's item does not exist for
    them)."""
    item = officer_items(user).select_related("need", "merged_into").filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def queue(
    user: Any,
    *,
    status: str = "",
    service: int | None = None,
    kind: str = "",
    overdue: bool = False,
    manual: bool = False,
    unrouted: bool = False,
) -> QuerySet[Feedback]:
    items = officer_items(user)
    if status == "open":
        items = items.filter(status__in=OPEN_STATUSES)
    elif status:
        items = items.filter(status=status)
    if service:
        items = items.filter(service_id=service)
    if kind:
        items = items.filter(kind=kind)
    if manual:
        items = items.filter(needs_manual_classification=True)
    if unrouted:
        items = items.filter(service__isnull=True)
    if overdue:
        now = timezone.now()
        items = items.filter(status__in=OPEN_STATUSES).filter(
            Q(first_response_at__isnull=True, response_due_at__lt=now)
            | Q(resolution_due_at__lt=now)
        )
    return items.order_by("response_due_at", "received_at", "pk")


def officer_needs(user: Any) -> QuerySet[Need]:
    ministries = desk_ministries(user)
    return (
        Need.objects.filter(service__ministry_id__in=ministries, size__gt=0)
        .select_related("service", "service__ministry")
        .order_by("-size", "-last_seen", "-pk")
    )


def officer_need(user: Any, pk: int) -> Need:
    need = officer_needs(user).filter(pk=pk).first()
    if need is None:
        raise Http404
    return need


def need_spread(need: Need) -> list[tuple[Any, int]]:
    """How many of a need's items came from each governorate, most first."""
    from mujtama.geo.models import Governorate

    rows = (
        need.items.exclude(status__in=NOT_COUNTED)
        .values("governorate")
        .annotate(n=Count("pk"))
        .order_by("-n")
    )
    governorates = Governorate.objects.in_bulk([r["governorate"] for r in rows if r["governorate"]])
    return [(governorates.get(r["governorate"]), r["n"]) for r in rows]


# --- public figures -----------------------------------------------------------------------------


@dataclass
class ServiceFigures:
    service: DigitalService
    volume: Figure
    average_rating: Figure
    satisfied: Figure
    first_reply_hours: Figure = field(default_factory=lambda: Figure(None, 0))
    resolution_hours: Figure = field(default_factory=lambda: Figure(None, 0))
    top_kinds: list[tuple[str, Figure]] = field(default_factory=list)


def _counted() -> QuerySet[Feedback]:
    return Feedback.objects.exclude(status__in=NOT_COUNTED).filter(service__isnull=False)


def services_figures(only: DigitalService | None = None) -> list[ServiceFigures]:
    """Volume, average rating and share satisfied (rating 4 or 5) of every active
    service (or ``only`` one), in three queries whatever the number of services and
    items."""
    services = list(
        DigitalService.objects.filter(is_active=True, ministry__is_active=True)
        .filter(**({"pk": only.pk} if only else {}))
        .select_related("ministry")
        .order_by("ministry__name_ar", "name_ar", "pk")
    )
    counted = _counted().filter(service__in=[service.pk for service in services])
    rows: dict[int, Any] = {
        row["service"]: row
        for row in counted.values("service").annotate(
            volume=Count("pk"),
            rated=Count("pk", filter=Q(rating__isnull=False)),
            satisfied=Count("pk", filter=Q(rating__gte=4)),
            rating_sum=Sum("rating", default=0),
        )
    }
    kinds: dict[int, list[tuple[str, int]]] = defaultdict(list)
    for kind_row in (
        counted.exclude(kind="")
        .values("service", "kind")
        .annotate(n=Count("pk"))
        .order_by("service", "-n", "kind")
    ):
        kinds[kind_row["service"]].append((kind_row["kind"], kind_row["n"]))
    labels = dict(Kind.choices)
    figures = []
    for service in services:
        row = rows.get(service.pk, {"volume": 0, "rated": 0, "satisfied": 0, "rating_sum": 0})
        rated = row["rated"]
        figures.append(
            ServiceFigures(
                service=service,
                volume=statistics.count(row["volume"]),
                average_rating=Figure(
                    round(row["rating_sum"] / rated, 1) if rated else None, rated
                ),
                satisfied=statistics.share(row["satisfied"], rated),
                top_kinds=[
                    (str(labels.get(kind, kind)), statistics.count(n))
                    for kind, n in kinds.get(service.pk, [])[:3]
                ],
            )
        )
    return figures


def service_figures(service: DigitalService) -> ServiceFigures:
    """One service's figures, with the median hours to the first reply and to
    resolution."""
    figures = services_figures(only=service)[0]
    items = _counted().filter(service=service)
    replies = [
        (first - received).total_seconds() / 3600  # type: ignore[operator]
        for received, first in items.filter(first_response_at__isnull=False).values_list(
            "received_at", "first_response_at"
        )
    ]
    resolutions = [
        (resolved - received).total_seconds() / 3600  # type: ignore[operator]
        for received, resolved in items.filter(resolved_at__isnull=False).values_list(
            "received_at", "resolved_at"
        )
    ]
    figures.first_reply_hours = statistics.middle(replies)
    figures.resolution_hours = statistics.middle(resolutions)
    return figures
