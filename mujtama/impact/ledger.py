"""The reach ledger: every time the platform learns that people were reached (by an
activity of an initiative, by a training cohort), the service that learned it writes
here, so that "people reached" means one thing everywhere.

Two kinds of record: counts per cell (``aggregate_record``) and named people
(``beneficiary_record``). Named people carry a keyed hash of their national ID number
or, without one, of their phone number (``person_key``): the same person recorded by
two organizations counts once in ``reach_totals`` while neither organization can see
the other's record. The key is an HMAC with ``HASHING_KEY``, so it cannot be reversed
by trying every phone number without the key.

Limits: counts in aggregate records cannot be told apart from each other or from named
people, so totals add them as they are; a person recorded once by phone and once by
national ID alone gets two keys."""

import hashlib
import hmac
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from mujtama.core.arabic import normalize_ar
from mujtama.core.permissions import ALLOW, Decision, deny
from mujtama.core.phones import normalize_phone
from mujtama.core.policies import has_second_factor
from mujtama.core.services import audit_record
from mujtama.geo.models import Governorate, Locality
from mujtama.impact.models import AgeBand, AggregateReach, Beneficiary, Sex, VulnerabilityCriterion
from mujtama.organizations.models import MemberRole, Organization
from mujtama.organizations.permissions import role_in

# Staff who may open a named record, with a reason, for oversight.
OVERSIGHT_ROLES = frozenset({"platform_admin", "mosal_officer", "moct_officer"})
NATIONAL_ID = re.compile(r"^[0-9]{6,14}$")


def person_key(*, phone: str = "", national_id: str = "") -> str:
    """The keyed hash that stands for a person: of the national ID number if given,
    else of the phone number (both normalized first)."""
    number = re.sub(r"[\s\-]", "", normalize_ar(national_id))
    if number:
        if not NATIONAL_ID.match(number):
            raise ValidationError(
                {"national_id": _("A national ID number is 6 to 14 digits.")}, code="invalid"
            )
        material = f"national-id:{number}"
    else:
        normalized = normalize_phone(phone) if phone.strip() else None
        if normalized is None:
            raise ValidationError(
                {
                    "phone": _(
                        "Give a valid phone number or a national ID number, so that the "
                        "person is counted once."
                    )
                },
                code="invalid",
            )
        material = f"phone:{normalized}"
    return hmac.new(
        settings.HASHING_KEY.encode(), f"reach-person:{material}".encode(), hashlib.sha256
    ).hexdigest()


def may_record(actor: Any, organization: Organization) -> Decision:
    if role_in(actor, organization) in {MemberRole.OWNER, MemberRole.EDITOR}:
        return ALLOW
    return deny(_("Only the organization's owners and editors may record the people it reached."))


def _check(decision: Decision) -> None:
    if not decision.allowed:
        raise PermissionDenied(decision.reason)


def _source(source: models.Model) -> dict[str, str]:
    return {"source_type": source._meta.label_lower, "source_id": str(source.pk)}


@dataclass(frozen=True)
class Cell:
    sex: str
    age_band: str
    remote: bool
    vulnerable: bool
    count: int


def aggregate_record(
    *,
    actor: Any,
    organization: Organization,
    source: models.Model,
    reached_on: date,
    governorate: Governorate,
    cells: Sequence[Cell],
) -> list[AggregateReach]:
    """Record counts of people reached, one row per cell with people in it."""
    _check(may_record(actor, organization))
    rows = []
    for cell in cells:
        if cell.sex not in Sex.values or cell.age_band not in AgeBand.values:
            raise ValidationError(_("Unknown sex or age band."), code="invalid")
        if cell.count < 0:
            raise ValidationError(_("A count cannot be negative."), code="invalid")
        if cell.count:
            rows.append(
                AggregateReach(
                    organization=organization,
                    reached_on=reached_on,
                    governorate=governorate,
                    recorded_by=actor,
                    sex=cell.sex,
                    age_band=cell.age_band,
                    remote=cell.remote,
                    vulnerable=cell.vulnerable,
                    count=cell.count,
                    **_source(source),
                )
            )
    if not rows:
        raise ValidationError(_("Enter the number of people reached."), code="required")
    with transaction.atomic():
        created = AggregateReach.objects.bulk_create(rows)
        audit_record(
            actor=actor,
            verb="impact.reach_recorded",
            target=organization,
            changes={
                "source": f"{source._meta.label_lower}:{source.pk}",
                "people": sum(row.count for row in rows),
            },
        )
    return created


def beneficiary_record(
    *,
    actor: Any,
    organization: Organization,
    source: models.Model,
    reached_on: date,
    full_name: str,
    birth_year: int,
    sex: str,
    locality: Locality,
    phone: str = "",
    national_id: str = "",
    criteria: Iterable[VulnerabilityCriterion] = (),
) -> Beneficiary:
    """Record one person reached by name. The audit event names the record, never
    the person."""
    _check(may_record(actor, organization))
    errors: dict[str, str] = {}
    if not full_name.strip():
        errors["full_name"] = _("Please give the person's name.")
    this_year = timezone.localdate().year
    if not this_year - 110 <= birth_year <= this_year:
        errors["birth_year"] = _("Enter a year of birth between %(first)s and %(last)s.") % {
            "first": this_year - 110,
            "last": this_year,
        }
    if sex not in Sex.values:
        errors["sex"] = _("Choose female or male.")
    key = ""
    try:
        key = person_key(phone=phone, national_id=national_id)
    except ValidationError as refused:
        errors |= {field: messages[0] for field, messages in refused.message_dict.items()}
    if errors:
        raise ValidationError(errors)
    locality = Locality.objects.select_related("subdistrict__district__governorate").get(
        pk=locality.pk
    )
    with transaction.atomic():
        beneficiary = Beneficiary.objects.create(
            organization=organization,
            reached_on=reached_on,
            governorate=locality.subdistrict.district.governorate,
            recorded_by=actor,
            full_name=full_name.strip(),
            phone=(normalize_phone(phone) or "") if phone.strip() else "",
            national_id=re.sub(r"[\s\-]", "", normalize_ar(national_id)),
            birth_year=birth_year,
            sex=sex,
            locality=locality,
            remote=locality.is_remote,
            person_key=key,
            **_source(source),
        )
        beneficiary.criteria.set(list(criteria))
        audit_record(
            actor=actor,
            verb="impact.beneficiary_recorded",
            target=beneficiary,
            changes={"source": f"{source._meta.label_lower}:{source.pk}"},
        )
    return beneficiary


def beneficiaries_of(actor: Any, organization: Organization) -> models.QuerySet[Beneficiary]:
    """The named people an organization recorded, for its own people only."""
    if not role_in(actor, organization):
        raise PermissionDenied(_("Only the organization's people may see the people it reached."))
    return Beneficiary.objects.filter(organization=organization).order_by("-reached_on", "-pk")


def beneficiary_read_by_staff(*, actor: Any, beneficiary: Beneficiary, reason: str) -> Beneficiary:
    """A named record opened by oversight staff: needs the role, the second factor and a
    reason, and every read is audited."""
    if not (set(getattr(actor, "roles", ())) & OVERSIGHT_ROLES and has_second_factor(actor)):
        raise PermissionDenied(
            _("Only ministry oversight staff with a second factor may open named records.")
        )
    if not reason.strip():
        raise ValidationError(_("Please give a reason."), code="reason_required")
    audit_record(
        actor=actor, verb="impact.beneficiary_viewed", target=beneficiary, reason=reason.strip()
    )
    return beneficiary


@dataclass(frozen=True)
class Totals:
    unique_people: int  # named people, each counted once across organizations
    counted: int  # people in aggregate records
    records: int  # named records, before counting each person once

    @property
    def total(self) -> int:
        return self.unique_people + self.counted


def reach_totals(
    *, organization: Organization | None = None, governorate: Governorate | None = None
) -> Totals:
    """People reached, nationally or for one organization or governorate."""
    named = Beneficiary.objects.all()
    counts = AggregateReach.objects.all()
    if organization is not None:
        named = named.filter(organization=organization)
        counts = counts.filter(organization=organization)
    if governorate is not None:
        named = named.filter(governorate=governorate)
        counts = counts.filter(governorate=governorate)
    figures = named.aggregate(unique=Count("person_key", distinct=True), records=Count("pk"))
    return Totals(
        unique_people=figures["unique"],
        counted=counts.aggregate(total=Sum("count"))["total"] or 0,
        records=figures["records"],
    )
