"""The figures of an organization's dashboard: indicators against targets, people
reached by governorate and target group, and volunteer hours by month. A fixed
number of queries whatever the number of initiatives, activities or hours."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from mujtama.geo.models import Governorate
from mujtama.impact.models import AggregateReach, Beneficiary, TargetGroupSettings
from mujtama.initiatives.models import HoursEntry, HoursStatus, Indicator
from mujtama.organizations.models import Organization

# The ages each band of the ledger covers, to tell which bands count as youth under
# the staff-defined range (15–29 by default: three whole bands).
BAND_AGES = {
    "0-14": (0, 14),
    "15-17": (15, 17),
    "18-24": (18, 24),
    "25-29": (25, 29),
    "30-59": (30, 59),
    "60+": (60, 130),
}


def youth_bands(settings: TargetGroupSettings) -> set[str]:
    """The bands wholly inside the youth range (a band only partly inside is not
    counted, so youth figures never overstate)."""
    return {
        band
        for band, (low, high) in BAND_AGES.items()
        if low >= settings.youth_min_age and high <= settings.youth_max_age
    }


@dataclass
class PlaceReach:
    governorate: Governorate
    total: int = 0
    female: int = 0
    male: int = 0
    youth: int = 0
    remote_youth: int = 0
    vulnerable: int = 0
    named: int = 0

    @property
    def everyone(self) -> int:
        return self.total + self.named


@dataclass
class Dashboard:
    indicators: list[Indicator]
    places: list[PlaceReach]
    totals: PlaceReach | None
    months: list[tuple[date, Decimal, int]] = field(default_factory=list)
    youth_range: tuple[int, int] = (15, 29)

    @property
    def busiest_month_hours(self) -> Decimal:
        return max((hours for _month, hours, _count in self.months), default=Decimal(0))


def organization_dashboard(organization: Organization) -> Dashboard:
    settings = TargetGroupSettings.current()
    youth = youth_bands(settings)
    indicators = list(
        Indicator.objects.filter(
            initiative__lead=organization, initiative__status__in=["active", "completed"]
        )
        .select_related("initiative")
        .order_by("initiative__title_ar", "pk")
    )
    cells = (
        AggregateReach.objects.filter(organization=organization)
        .values("governorate", "sex", "age_band", "remote", "vulnerable")
        .annotate(people=Sum("count"))
    )
    named = dict(
        Beneficiary.objects.filter(organization=organization)
        .values_list("governorate")
        .annotate(people=Count("person_key", distinct=True))
    )
    by_place: dict[int, PlaceReach] = {}
    governorates = {g.pk: g for g in Governorate.objects.all()}
    for cell in cells:
        place = by_place.setdefault(
            cell["governorate"], PlaceReach(governorates[cell["governorate"]])
        )
        people = cell["people"]
        place.total += people
        if cell["sex"] == "f":
            place.female += people
        else:
            place.male += people
        if cell["age_band"] in youth:
            place.youth += people
            if cell["remote"]:
                place.remote_youth += people
        if cell["vulnerable"]:
            place.vulnerable += people
    for governorate_id, people in named.items():
        place = by_place.setdefault(governorate_id, PlaceReach(governorates[governorate_id]))
        place.named = people
    places = sorted(by_place.values(), key=lambda p: p.governorate.pcode)
    totals = None
    if places:
        totals = PlaceReach(places[0].governorate)
        for place in places:
            for name in ("total", "female", "male", "youth", "remote_youth", "vulnerable", "named"):
                setattr(totals, name, getattr(totals, name) + getattr(place, name))
    months = [
        (row["month"], row["hours"], row["volunteers"])
        for row in HoursEntry.objects.filter(
            volunteering__opportunity__organization=organization, status=HoursStatus.APPROVED
        )
        .annotate(month=TruncMonth("worked_on"))
        .values("month")
        .annotate(hours=Sum("hours"), volunteers=Count("volunteering__volunteer", distinct=True))
        .order_by("month")
    ]
    return Dashboard(
        indicators=indicators,
        places=places,
        totals=totals,
        months=months,
        youth_range=(settings.youth_min_age, settings.youth_max_age),
    )


def month_bar(hours: Decimal, busiest: Decimal) -> int:
    return round(100 * hours / busiest) if busiest else 0


def as_context(dashboard: Dashboard) -> dict[str, Any]:
    busiest = dashboard.busiest_month_hours
    return {
        "dashboard": dashboard,
        "months": [
            {
                "month": month,
                "hours": hours,
                "volunteers": count,
                "share": month_bar(hours, busiest),
            }
            for month, hours, count in dashboard.months
        ],
    }
