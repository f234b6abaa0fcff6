"""Every write to initiatives, their indicators and activities."""

from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.services import audit_record
from mujtama.core.workflows import transition
from mujtama.geo.models import Governorate, Locality
from mujtama.impact import ledger
from mujtama.initiatives import permissions as can
from mujtama.initiatives.models import (
    Activity,
    Indicator,
    IndicatorUpdate,
    Initiative,
    InitiativeStatus,
    Origin,
)
from mujtama.organizations.models import Organization
from mujtama.programs.models import Award

# Fields a lead organization may change on an initiative that is not finished.
EDITABLE = (
    "title_ar",
    "title_en",
    "description_ar",
    "description_en",
    "sector",
    "starts_on",
    "ends_on",
    "budget",
    "publication",
    "concerns_vulnerable",
)
INITIATIVE_DONE = frozenset({InitiativeStatus.COMPLETED, InitiativeStatus.CANCELLED})


def _check_places(governorates: Sequence[Governorate], localities: Sequence[Locality]) -> None:
    if not governorates:
        raise ValidationError({"governorates": _("Choose at least one governorate.")})
    chosen = {g.pk for g in governorates}
    outside = [
        locality
        for locality in localities
        if locality.subdistrict.district.governorate_id not in chosen
    ]
    if outside:
        raise ValidationError(
            {
                "localities": _("%(place)s is not in the governorates chosen.")
                % {"place": outside[0].name}
            }
        )


def _check_dates(starts_on: date, ends_on: date) -> None:
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end date must not be before the start date.")})


def initiative_create(
    *,
    actor: Any,
    lead: Organization,
    origin: str,
    title_ar: str,
    title_en: str,
    description_ar: str,
    description_en: str,
    sector: str,
    starts_on: date,
    ends_on: date,
    governorates: Sequence[Governorate],
    localities: Sequence[Locality] = (),
    partners: Iterable[Organization] = (),
    award: Award | None = None,
    budget: Decimal | None = None,
    publication: str = "public",
    concerns_vulnerable: bool = False,
) -> Initiative:
    """A new initiative, planned, led by ``lead``. An initiative from an award must
    name an award given to an application that ``lead`` led."""
    can.edits(actor, lead).require()
    _check_dates(starts_on, ends_on)
    _check_places(governorates, localities)
    if origin == Origin.AWARD:
        if award is None:
            raise ValidationError({"award": _("Choose the award this initiative carries out.")})
        if award.application.lead_id != lead.pk:
            raise ValidationError(
                {"award": _("The award was given to another organization's application.")}
            )
    elif award is not None:
        award = None
    partner_list = [p for p in partners if p.pk != lead.pk]
    with transaction.atomic():
        initiative = Initiative.objects.create(
            lead=lead,
            origin=origin,
            award=award,
            title_ar=title_ar.strip(),
            title_en=title_en.strip(),
            description_ar=description_ar.strip(),
            description_en=description_en.strip(),
            sector=sector,
            starts_on=starts_on,
            ends_on=ends_on,
            budget=budget,
            publication=publication,
            concerns_vulnerable=concerns_vulnerable,
            created_by=actor,
        )
        initiative.governorates.set(governorates)
        initiative.localities.set(localities)
        initiative.partners.set(partner_list)
        audit_record(
            actor=actor,
            verb="initiatives.initiative_created",
            target=initiative,
            changes={"lead": lead.pk, "origin": origin},
        )
    return initiative


def initiative_update(
    *,
    actor: Any,
    initiative: Initiative,
    governorates: Sequence[Governorate],
    localities: Sequence[Locality] = (),
    partners: Iterable[Organization] = (),
    **fields: Any,
) -> Initiative:
    """Change what an initiative says about itself while it is planned or active."""
    can.initiative_editor(actor, initiative).require()
    unknown = set(fields) - set(EDITABLE)
    if unknown:
        raise TypeError(f"not editable: {sorted(unknown)}")
    if initiative.status in INITIATIVE_DONE:
        raise ValidationError(_("A completed or cancelled initiative can no longer be changed."))
    _check_dates(
        fields.get("starts_on", initiative.starts_on), fields.get("ends_on", initiative.ends_on)
    )
    _check_places(governorates, localities)
    with transaction.atomic():
        locked = Initiative.objects.select_for_update().get(pk=initiative.pk)
        changes = {}
        for name, value in fields.items():
            if isinstance(value, str):
                value = value.strip()
            if getattr(locked, name) != value:
                changes[name] = [str(getattr(locked, name)), str(value)]
                setattr(locked, name, value)
        locked.save()
        locked.governorates.set(governorates)
        locked.localities.set(localities)
        locked.partners.set([p for p in partners if p.pk != locked.lead_id])
        audit_record(
            actor=actor, verb="initiatives.initiative_changed", target=locked, changes=changes
        )
    return locked


def initiative_move(*, actor: Any, initiative: Initiative, action: str, reason: str = "") -> Any:
    return transition(obj=initiative, action=action, actor=actor, reason=reason)


def indicator_add(
    *,
    actor: Any,
    initiative: Initiative,
    name_ar: str,
    name_en: str,
    unit_ar: str,
    unit_en: str,
    baseline: Decimal,
    target: Decimal,
) -> Indicator:
    can.initiative_editor(actor, initiative).require()
    if target <= baseline:
        raise ValidationError({"target": _("The target must be above the baseline.")})
    with transaction.atomic():
        indicator = Indicator.objects.create(
            initiative=initiative,
            name_ar=name_ar.strip(),
            name_en=name_en.strip(),
            unit_ar=unit_ar.strip(),
            unit_en=unit_en.strip(),
            baseline=baseline,
            target=target,
            actual=baseline,
        )
        audit_record(
            actor=actor,
            verb="initiatives.indicator_added",
            target=initiative,
            changes={"indicator": indicator.pk, "baseline": str(baseline), "target": str(target)},
        )
    return indicator


def indicator_measure(
    *, actor: Any, indicator: Indicator, value: Decimal, measured_on: date, note: str = ""
) -> IndicatorUpdate:
    """A new reading: kept in the history, and the latest reading by date becomes
    the indicator's actual value."""
    can.initiative_editor(actor, indicator.initiative).require()
    if value < 0:
        raise ValidationError({"value": _("A value cannot be negative.")})
    with transaction.atomic():
        locked = Indicator.objects.select_for_update().get(pk=indicator.pk)
        update = IndicatorUpdate.objects.create(
            indicator=locked,
            value=value,
            measured_on=measured_on,
            note=note.strip(),
            recorded_by=actor,
        )
        latest = locked.updates.order_by("-measured_on", "-pk").first()
        locked.actual = latest.value if latest else value
        locked.save(update_fields=["actual", "updated_at"])
        audit_record(
            actor=actor,
            verb="initiatives.indicator_measured",
            target=locked.initiative,
            changes={"indicator": locked.pk, "value": str(value), "on": str(measured_on)},
        )
    return update


def activity_record(
    *,
    actor: Any,
    initiative: Initiative,
    kind: str,
    title: str,
    held_on: date,
    governorate: Governorate,
    locality: Locality | None = None,
    online: bool = False,
    facilitators: str = "",
    notes: str = "",
    reached: Sequence[ledger.Cell] = (),
) -> Activity:
    """Record an activity and, in the same transaction, the people it reached in the
    reach ledger (counts per cell)."""
    can.initiative_editor(actor, initiative).require()
    if initiative.status == InitiativeStatus.CANCELLED:
        raise ValidationError(_("A cancelled initiative has no new activities."))
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("Record an activity once it has taken place.")})
    if locality is not None and locality.subdistrict.district.governorate_id != governorate.pk:
        raise ValidationError(
            {"locality": _("%(place)s is not in that governorate.") % {"place": locality.name}}
        )
    if not online and locality is None:
        raise ValidationError({"locality": _("Choose the locality, or say it was online.")})
    with transaction.atomic():
        activity = Activity.objects.create(
            initiative=initiative,
            kind=kind,
            title=title.strip(),
            held_on=held_on,
            governorate=governorate,
            locality=locality,
            online=online,
            facilitators=facilitators.strip(),
            notes=notes.strip(),
            recorded_by=actor,
        )
        audit_record(
            actor=actor,
            verb="initiatives.activity_recorded",
            target=activity,
            changes={"initiative": initiative.pk, "kind": kind, "on": str(held_on)},
        )
        if any(cell.count for cell in reached):
            ledger.aggregate_record(
                actor=actor,
                organization=initiative.lead,
                source=activity,
                reached_on=held_on,
                governorate=governorate,
                cells=reached,
            )
    return activity
