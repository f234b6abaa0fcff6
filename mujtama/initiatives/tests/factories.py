"""Builders for initiatives tests. Everything goes through the services, as an owner
of the lead organization would do it: initiatives (moved to any status through the
workflow), indicators and their readings, activities with the people they reached
(written to the reach ledger), volunteer opportunities; and the places they need."""

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from mujtama.accounts.tests.factories import UserFactory
from mujtama.geo.models import District, Governorate, Locality, Subdistrict
from mujtama.impact.ledger import Cell
from mujtama.initiatives.models import (
    Activity,
    Indicator,
    Initiative,
    InitiativeStatus,
    VolunteerOpportunity,
)
from mujtama.initiatives.services import initiatives as services
from mujtama.initiatives.services import volunteers as volunteer_services
from mujtama.organizations.models import Organization
from mujtama.organizations.tests.factories import OrganizationFactory

REASON = "توقف التمويل قبل بدء التنفيذ"

# The steps that take a planned initiative to each status.
STEPS = {
    InitiativeStatus.PLANNED: [],
    InitiativeStatus.ACTIVE: ["start"],
    InitiativeStatus.COMPLETED: ["start", "complete"],
    InitiativeStatus.CANCELLED: ["cancel"],
}


def organization(**fields: Any) -> Organization:
    """A member organization; its ``created_by`` is its owner."""
    return OrganizationFactory(created_by=fields.pop("owner", None) or UserFactory(), **fields)


def owner_of(org: Organization) -> Any:
    return org.created_by


def governorate(pcode: str) -> Governorate:
    return Governorate.objects.get(pcode=pcode)


def locality(
    pcode: str = "C9901",
    *,
    governorate_pcode: str = "SY09",
    name_ar: str = "قرية الصالحية",
    name_en: str = "As-Salihiyah village",
) -> Locality:
    """A locality in a district and subdistrict of the governorate (made if needed)."""
    district, _ = District.objects.get_or_create(
        pcode=f"{governorate_pcode}01",
        defaults={
            "name_ar": "منطقة الاختبار",
            "name_en": "Test district",
            "governorate": governorate(governorate_pcode),
        },
    )
    subdistrict, _ = Subdistrict.objects.get_or_create(
        pcode=f"{governorate_pcode}0100",
        defaults={"name_ar": "ناحية الاختبار", "name_en": "Test subdistrict", "district": district},
    )
    return Locality.objects.create(
        pcode=pcode, name_ar=name_ar, name_en=name_en, subdistrict=subdistrict
    )


def make_initiative(
    *,
    lead: Organization | None = None,
    status: str = InitiativeStatus.ACTIVE,
    publication: str = "public",
    governorates: tuple[str, ...] = ("SY09",),
    partners: tuple[Organization, ...] = (),
    **fields: Any,
) -> Initiative:
    """An initiative led by ``lead`` (a new organization if None), created and moved to
    ``status`` by the lead's owner."""
    lead = lead or organization()
    actor = owner_of(lead)
    today = timezone.localdate()
    values: dict[str, Any] = {
        "origin": "own",
        "title_ar": "أكاديمية البرمجة للشباب",
        "title_en": "Coding academy for young people",
        "description_ar": "تدريب مئة شاب وشابة على البرمجة وتطوير الويب.",
        "description_en": "Training a hundred young people in programming and web development.",
        "sector": "digital_skills",
        "starts_on": today - timedelta(days=30),
        "ends_on": today + timedelta(days=90),
        **fields,
    }
    initiative = services.initiative_create(
        actor=actor,
        lead=lead,
        publication=publication,
        governorates=[governorate(pcode) for pcode in governorates],
        partners=partners,
        **values,
    )
    for action in STEPS[InitiativeStatus(status)]:
        initiative = services.initiative_move(
            actor=actor,
            initiative=initiative,
            action=action,
            reason=REASON if action == "cancel" else "",
        )
    return Initiative.objects.get(pk=initiative.pk)


def make_indicator(
    initiative: Initiative,
    *,
    baseline: str = "0",
    target: str = "100",
    actual: str | None = None,
    **fields: Any,
) -> Indicator:
    """An indicator with, if ``actual`` is given, one reading of that value."""
    actor = owner_of(initiative.lead)
    values: dict[str, Any] = {
        "name_ar": "عدد المتدربين الذين أتموا التدريب",
        "name_en": "Trainees who completed the training",
        "unit_ar": "شخص",
        "unit_en": "people",
        **fields,
    }
    indicator = services.indicator_add(
        actor=actor,
        initiative=initiative,
        baseline=Decimal(baseline),
        target=Decimal(target),
        **values,
    )
    if actual is not None:
        services.indicator_measure(
            actor=actor,
            indicator=indicator,
            value=Decimal(actual),
            measured_on=timezone.localdate(),
        )
    return Indicator.objects.get(pk=indicator.pk)


def people(count: int, *, vulnerable: bool = False) -> list[Cell]:
    """``count`` people reached, in one cell of the ledger."""
    return [Cell(sex="f", age_band="18-24", remote=False, vulnerable=vulnerable, count=count)]


def make_activity(
    initiative: Initiative,
    *,
    governorate_pcode: str = "SY09",
    place: Locality | None = None,
    online: bool = False,
    reached: int = 0,
    held_on: date | None = None,
    **fields: Any,
) -> Activity:
    """An activity in ``place`` (or online), with ``reached`` people in the ledger."""
    values: dict[str, Any] = {
        "kind": "training",
        "title": "دورة أساسيات البرمجة",
        **fields,
    }
    return services.activity_record(
        actor=owner_of(initiative.lead),
        initiative=initiative,
        held_on=held_on or timezone.localdate(),
        governorate=governorate(governorate_pcode),
        locality=place,
        online=online,
        reached=people(reached, vulnerable=initiative.concerns_vulnerable) if reached else (),
        **values,
    )


def make_opportunity(
    org: Organization | None = None,
    *,
    closed: bool = False,
    starts_on: date | None = None,
    ends_on: date | None = None,
    **fields: Any,
) -> VolunteerOpportunity:
    """An opportunity posted by the organization's owner (closed afterwards if
    ``closed``); by default it started a week ago and ends in two months."""
    org = org or organization()
    actor = owner_of(org)
    today = timezone.localdate()
    values: dict[str, Any] = {
        "title_ar": "مدرّب متطوع في أساسيات الحاسوب",
        "title_en": "Volunteer trainer in computer basics",
        "description_ar": "مساعدة الأسر على استخدام الخدمات الحكومية الإلكترونية.",
        "description_en": "Helping families use government e-services.",
        "skills": "التدريب والصبر",
        "hours_per_week": 4,
        "remote": False,
        "governorate": governorate("SY01"),
        **fields,
    }
    opportunity = volunteer_services.opportunity_post(
        actor=actor,
        organization=org,
        starts_on=starts_on or today - timedelta(days=7),
        ends_on=ends_on or today + timedelta(days=60),
        **values,
    )
    if closed:
        volunteer_services.opportunity_move(actor=actor, opportunity=opportunity, action="close")
    return VolunteerOpportunity.objects.get(pk=opportunity.pk)
